package norm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldRune returns the folded form of r, or -1 when r is dropped.
func foldRune(r rune) rune {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670: // harakat, shadda, sukun, superscript alef
		return -1
	case r == 0x0640: // tatweel
		return -1
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069,
		r == 0x061C, r == 0xFEFF, r == 0x00AD: // zero-width and bidi marks, soft hyphen
		return -1
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى':
		return 'ي'
	case 'ة':
		return 'ه'
	}
	if r >= '٠' && r <= '٩' {
		return '0' + (r - '٠')
	}
	if r >= '۰' && r <= '۹' {
		return '0' + (r - '۰')
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	return unicode.ToLower(r)
}

// Fold returns s in its matching form (see the package comment).
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f := foldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// Digits replaces Arabic-Indic and Extended Arabic-Indic digits with ASCII
// digits and leaves everything else alone.
func Digits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + (r - '٠')
		case r >= '۰' && r <= '۹':
			return '0' + (r - '۰')
		}
		return r
	}, s)
}

// Token is a word of a text: its original spelling, its folded form and its
// byte offsets in the text it came from.
type Token struct {
	Text       string // as written
	Fold       string // Fold(Text)
	Start, End int    // byte offsets: text[Start:End] == Text
}

// inWord reports whether r belongs to a word. Diacritics (marks) and tatweel
// (a modifier letter) belong to the word they decorate.
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
		(r >= 0x200B && r <= 0x200D) // zero-width (non-)joiners inside words
}

// Tokens splits text into words. Punctuation, spaces and symbols separate
// words; hyphens and apostrophes do too, so "al-Kadhimi" is two tokens, the
// same two its lexicon alias is split into.
func Tokens(text string) []Token {
	var toks []Token
	start := -1
	for i, r := range text {
		if inWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = appendToken(toks, text, start, i)
			start = -1
		}
	}
	if start >= 0 {
		toks = appendToken(toks, text, start, len(text))
	}
	return toks
}

func appendToken(toks []Token, text string, start, end int) []Token {
	f := Fold(text[start:end])
	if f == "" { // only marks, e.g. a stray diacritic
		return toks
	}
	return append(toks, Token{Text: text[start:end], Fold: f, Start: start, End: end})
}

// Span is a sentence: byte offsets into the text it was cut from.
type Span struct{ Start, End int }

// Sentences splits text at sentence-ending punctuation in either script
// (. ! ? ؟ ؛ … and line breaks). A full stop between two digits ("2.5") does
// not end a sentence. Sentences without a word ("...") are dropped; spans
// exclude surrounding space.
func Sentences(text string) []Span {
	var spans []Span
	start := 0
	emit := func(end int) {
		s := strings.TrimLeftFunc(text[start:end], unicode.IsSpace)
		lead := end - start - len(s)
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if strings.IndexFunc(s, inWord) >= 0 { // not just punctuation ("...")
			spans = append(spans, Span{Start: start + lead, End: start + lead + len(s)})
		}
	}
	for i, r := range text {
		switch r {
		case '\n', '!', '?', '؟', '؛', '…':
		case '.':
			if i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1]) {
				continue
			}
		default:
			continue
		}
		end := i + utf8.RuneLen(r)
		emit(end)
		start = end
	}
	emit(len(text))
	return spans
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// Key is the form names are looked up by: the folded tokens of s joined by
// single spaces, so "Al-Kadhimi", "al Kadhimi" and "AL KADHIMI" share a key,
// as do "الكاظمى" and "الكاظمي".
func Key(s string) string {
	toks := Tokens(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Fold
	}
	return strings.Join(parts, " ")
}
