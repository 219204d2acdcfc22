package releval

import (
	"fmt"
	"strings"
	"unicode"
)

// Window is how far, in code points either way of its given begin offset,
// Read looks for an argument's text when the offsets do not cut it out.
const Window = 50

// Warning is a gold relation whose offsets did not cut out its annotated
// text: Read either repaired them (Repaired true; the relation is scored
// with the repaired spans) or dropped the relation (left out of scoring).
type Warning struct {
	Origin   string // "file:line" of the relation
	Relation string // re3d's _id
	Repaired bool
	Reason   string // what was wrong and, when repaired, how it was
}

func (w Warning) String() string {
	what := "dropped, not scored"
	if w.Repaired {
		what = "repaired"
	}
	return fmt.Sprintf("%s: relation %s %s: %s", w.Origin, w.Relation, what, w.Reason)
}

// Repaired and Dropped count the warnings of docs of each kind.
func Repaired(docs []Document) (repaired, dropped int) {
	for _, d := range docs {
		for _, w := range d.Warnings {
			if w.Repaired {
				repaired++
			} else {
				dropped++
			}
		}
	}
	return repaired, dropped
}

// Warnings returns the warnings of docs, in document then file order.
func Warnings(docs []Document) []Warning {
	var out []Warning
	for _, d := range docs {
		out = append(out, d.Warnings...)
	}
	return out
}

// fold maps a code point to the one it is compared as when offsets are
// repaired: typographic quotes and apostrophes to ' or ", dashes and
// hyphens to -, white space to a space. It maps one code point to one, so
// that positions in folded text are positions in the text.
func fold(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u02bc', '\u0060', '\u00b4':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u00ad':
		return '-'
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}

// foldedEqual tells whether a and b are the same code points after fold.
func foldedEqual(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if fold(a[i]) != fold(b[i]) {
			return false
		}
	}
	return true
}

// argSpan converts the code-point offsets [begin, end) of one argument into
// byte offsets of text (offsets are runeOffsets(text), runes []rune(text)).
// When want is not "" and the offsets do not cut it out, it repairs them:
// first it accepts a span whose text equals want but for quotes, dashes and
// white space (fold); then it looks for want, folded the same way, at a
// start within Window code points of begin, and takes the occurrence
// nearest begin (the earlier one on a tie). It returns the span, a note
// saying how it was repaired ("" when it was not needed), or an error when
// it could not be repaired.
func argSpan(text string, offsets []int, runes []rune, what string, begin, end *int, want string) (Span, string, error) {
	if begin == nil || end == nil {
		return Span{}, "", fmt.Errorf("%s offsets missing", what)
	}
	b, e := *begin, *end
	inText := b >= 0 && e >= b && e < len(offsets)
	if inText {
		s := Span{offsets[b], offsets[e]}
		got := text[s.Start:s.End]
		if want == "" || got == want {
			return s, "", nil
		}
		if foldedEqual(runes[b:e], []rune(want)) {
			return s, fmt.Sprintf("%s offsets [%d, %d) cut out %q, its text %q but for quotes, dashes or spaces: kept", what, b, e, got, want), nil
		}
	}
	var problem string
	if inText {
		problem = fmt.Sprintf("%s offsets [%d, %d) cut out %q, not its text %q", what, b, e, text[offsets[b]:offsets[e]], want)
	} else {
		problem = fmt.Sprintf("%s offsets [%d, %d) outside the text's %d code points", what, b, e, len(runes))
	}
	w := []rune(want)
	if want == "" || len(w) > len(runes) || b < -Window || b > len(runes)+Window {
		return Span{}, "", fmt.Errorf("%s", problem)
	}
	best := -1
	for s := max(b-Window, 0); s <= min(b+Window, len(runes)-len(w)); s++ {
		if !foldedEqual(runes[s:s+len(w)], w) {
			continue
		}
		if best < 0 || abs(s-b) < abs(best-b) {
			best = s
		}
	}
	if best < 0 {
		return Span{}, "", fmt.Errorf("%s; the text is not within %d code points either", problem, Window)
	}
	return Span{offsets[best], offsets[best+len(w)]},
		fmt.Sprintf("%s; found at [%d, %d), %+d code points away", problem, best, best+len(w), best-b), nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// joinNotes joins the non-empty notes with "; ".
func joinNotes(notes ...string) string {
	var out []string
	for _, n := range notes {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, "; ")
}
