package tagger

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

// Class is a gazetteer: a list of names of one kind, from one source.
type Class int

// The gazetteers a model may carry. A word inside a listed name is marked
// with the class and its position in the name (first, inside, last, or the
// whole name), and each mark is a feature.
const (
	AnerPER Class = iota // ANERcorp's person gazetteer (ANERGazet, Benajiba)
	AnerORG              // its organisation gazetteer
	AnerLOC              // its location gazetteer
	LexPER               // actor lexicon: names and strong aliases of people
	LexORG               // … of organisations
	LexLOC               // … of places
	LexWeak              // weak aliases: names that are also common words
	LexAdj               // nationality adjectives (Iraqi, العراقي)
	LexRole              // role phrases (رئيس الوزراء)
	numClasses
)

// Positions of a word in a gazetteer name.
const (
	posFirst = iota
	posInside
	posLast
	posWhole
)

// prefixBit marks a key that begins a longer name, so that matching goes on.
const prefixBit = 1 << 63

// maxNameWords bounds the names kept: longer ones are not names a window
// of words sees whole.
const maxNameWords = 8

// gazetteer holds names as hashes of their folded word sequences.
type gazetteer struct {
	keys  *table   // sequence hash → index in masks
	masks []uint64 // per key: 1<<class for each class naming it, and prefixBit
}

// seqHash extends the hash of a word sequence by one folded word's hash.
func seqHash(h, word uint64) uint64 { return mix(h, word) }

const seqStart = fnvOffset

// GazetteerName is a name of a gazetteer class.
type GazetteerName struct {
	Class Class
	Name  string
}

// build makes the gazetteer of names. A name is read as its
// whitespace-separated words, folded, and also as norm.Tokens splits it
// (which splits "al-Kadhimi" and "U.S." at punctuation), when that differs.
func buildGazetteer(names []GazetteerName) gazetteer {
	g := gazetteer{keys: newTable(len(names))}
	add := func(words []string, c Class) {
		if len(words) == 0 || len(words) > maxNameWords {
			return
		}
		h := uint64(seqStart)
		for i, w := range words {
			h = seqHash(h, hashStr(w))
			bit := uint64(prefixBit)
			if i == len(words)-1 {
				bit = 1 << c
			}
			r := g.keys.get(h)
			if r < 0 {
				r = int32(len(g.masks))
				g.keys.put(h, r)
				g.masks = append(g.masks, 0)
			}
			g.masks[r] |= bit
		}
	}
	for _, n := range names {
		fields := strings.Fields(n.Name)
		for i, f := range fields {
			fields[i] = norm.Fold(f)
		}
		add(fields, n.Class)
		toks := norm.Tokens(n.Name)
		folds := make([]string, len(toks))
		for i, t := range toks {
			folds[i] = t.Fold
		}
		if strings.Join(folds, " ") != strings.Join(fields, " ") {
			add(folds, n.Class)
		}
	}
	return g
}

// mark sets the gazetteer marks of a sentence's words: every listed name
// the words spell, starting at any word, its first word read as folded or
// without its proclitics (والعراق), the others as folded.
func (g *gazetteer) mark(toks []token) {
	if g.keys == nil {
		return
	}
	for i := range toks {
		for k, first := range [2]uint64{toks[i].fold, toks[i].strip} {
			if k == 1 && first == toks[i].fold {
				break
			}
			h := seqHash(seqStart, first)
			for j := i; j < len(toks) && j-i < maxNameWords; j++ {
				if j > i {
					h = seqHash(h, toks[j].fold)
				}
				r := g.keys.get(h)
				if r < 0 {
					break
				}
				mask := g.masks[r]
				for c := mask &^ prefixBit; c != 0; c &= c - 1 {
					class := uint64(trailingZeros(c))
					if j == i {
						toks[i].gaz |= 1 << (class*4 + posWhole)
						continue
					}
					toks[i].gaz |= 1 << (class*4 + posFirst)
					for k := i + 1; k < j; k++ {
						toks[k].gaz |= 1 << (class*4 + posInside)
					}
					toks[j].gaz |= 1 << (class*4 + posLast)
				}
				if mask&prefixBit == 0 {
					break
				}
			}
		}
	}
}

// LexiconNames returns the names of lex as gazetteer names: the names and
// strong aliases of people (LexPER), organisations (LexORG) and places
// (LexLOC), weak aliases (LexWeak), nationality adjectives (LexAdj) and
// role phrases (LexRole).
func LexiconNames(lex *lexicon.Lexicon) []GazetteerName {
	var out []GazetteerName
	for _, e := range lex.Entries() {
		c := LexLOC
		switch e.Type {
		case "person":
			c = LexPER
		case "organization":
			c = LexORG
		}
		weak := make(map[string]bool, len(e.Weak))
		for _, w := range e.Weak {
			weak[norm.Key(w)] = true
			out = append(out, GazetteerName{LexWeak, w})
		}
		for _, n := range append([]string{e.Name, e.NameAr}, e.Aliases...) {
			if n != "" && !weak[norm.Key(n)] {
				out = append(out, GazetteerName{c, n})
			}
		}
		for _, a := range e.Adjectives {
			out = append(out, GazetteerName{LexAdj, a})
		}
		for _, r := range e.Roles {
			for _, p := range r.Phrases {
				out = append(out, GazetteerName{LexRole, p})
			}
		}
	}
	return out
}
