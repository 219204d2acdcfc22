package tagger

import "math"

// The tag set: IOB2 over the four CoNLL types. Tag indexes are fixed; the
// model file stores them in this order.
var tagNames = [numTags]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

const (
	numTags = 9
	tagO    = 0
	start   = numTags // the row of transitions out of the sentence start
)

// Tags returns the tags a Model assigns, in a fixed order: "O", then B- and
// I- of PER, ORG, LOC and MISC.
func Tags() []string { return append([]string(nil), tagNames[:]...) }

// tagIndex returns the index of an IOB2 tag, or -1. "B-PERS" and "I-PERS"
// (ANERcorp) read as PER.
func tagIndex(tag string) int {
	switch tag {
	case "B-PERS":
		tag = "B-PER"
	case "I-PERS":
		tag = "I-PER"
	}
	for i, t := range tagNames {
		if t == tag {
			return i
		}
	}
	return -1
}

// isInside reports whether tag t is an I- tag.
func isInside(t int) bool { return t != tagO && t%2 == 0 }

// allowed reports whether tag cur may follow prev (start for the first
// token) in IOB2: an I-X only continues a B-X or an I-X.
func allowed(prev, cur int) bool {
	if !isInside(cur) {
		return true
	}
	return prev != start && prev != tagO && (prev == cur || prev == cur-1)
}

var negInf = float32(math.Inf(-1))
