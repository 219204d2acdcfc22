package norm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ignorable reports whether r is a character a text shows nothing of and a
// word runs through, as Unicode's word boundary rules (UAX #29, WB4) have
// it: a default-ignorable code point (Unicode's Default_Ignorable_Code_Point:
// the format characters, category Cf, such as the soft hyphen, zero-width
// non-joiner and joiner, direction marks and embeddings, word joiner, byte
// order mark and Arabic letter mark; the combining grapheme joiner,
// variation selectors and Hangul fillers). U+200B ZERO WIDTH SPACE is the
// exception: it is a space one cannot see, and separates words (Tokens
// marks the words it alone separates as Glued).
func ignorable(r rune) bool {
	switch {
	case r < 0x034F: // ASCII, Latin, Greek: only the soft hyphen
		return r == 0xAD
	case 0x0600 <= r && r <= 0x06FF: // Arabic: the number signs, ALM, end of ayah
		return r <= 0x0605 || r == 0x061C || r == 0x06DD
	case r == 0x200B:
		return false
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
		unicode.Is(unicode.Variation_Selector, r)
}

// wordRune reports whether r belongs to a word: letters, digits and marks.
// Diacritics (marks) and tatweel (a modifier letter) belong to the word
// they decorate. Not words, although letters: the modifier letters that
// transliterations write hamza and ain with (Kataʼib, Asaʿib), which
// separate words as apostrophes do; the phrase ligatures (ﷺ, ﷻ: NFKC
// spells them as several words), which are symbols a reader skips; and
// invisible characters (Hangul fillers).
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if 0x0621 <= r && r <= 0x0669 { // Arabic letters, marks and digits
		return true
	}
	switch {
	case 0x02BB <= r && r <= 0x02BF: // ʻ ʼ ʽ ʾ ʿ
		return false
	case 0xFDF0 <= r && r <= 0xFDFF:
		return !phraseLigature(r) && unicode.IsLetter(r)
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) && !ignorable(r)
}

// phraseLigature reports whether r, an Arabic ligature, stands for words
// and the spaces between them (ﷺ is صلى الله عليه وسلم).
func phraseLigature(r rune) bool {
	var b [utf8.UTFMax]byte
	d := norm.NFKC.Properties(b[:utf8.EncodeRune(b[:], r)]).Decomposition()
	return strings.ContainsRune(string(d), ' ')
}

// lookalike returns the Arabic letter that r is typed or printed in place
// of, or r. Persian, Urdu and Kurdish keyboards have their own yeh (ی ې
// ێ ے, and the Farsi yeh with marks above, ؽ ؾ ؿ), kaf and heh, which an
// Arabic reader takes for ي ك ه; NFKC keeps them distinct because they
// are distinct letters in those languages. Alef
// forms become bare alef, alef maqsura ya, and ta marbuta (and its
// Persian and Urdu forms) ha, as the package comment says.
func lookalike(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا'
	case 'ى', 'ی', 'ۍ', 'ې', 'ێ', 'ے', 'ؽ', 'ؾ', 'ؿ':
		return 'ي'
	case 'ک', 'ڪ':
		return 'ك'
	case 'ة', 'ە', 'ھ', 'ہ', 'ۀ', 'ۂ', 'ۃ':
		return 'ه'
	}
	return r
}

// dropped reports whether folding removes r: Arabic diacritics (harakat,
// tanween, shadda, sukun, hamza and madda written as marks, superscript
// alef, Quranic annotation marks and honorific signs (U+0610–061A), and the presentation forms of harakat,
// which NFKC spells with a space), and tatweel.
func dropped(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0674, r == 0x0640, r >= 0x0610 && r <= 0x061A:
		return true
	case r >= 0xFE70 && r <= 0xFE7F, r >= 0xFC5E && r <= 0xFC63:
		return true
	case r >= 0x06D6 && r <= 0x06ED, r >= 0x08CA && r <= 0x08FF:
		return unicode.IsMark(r)
	}
	return false
}

// foldRune returns the folded form of r, an NFKC-normal rune, or -1 when r
// is dropped.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	if dropped(r) || ignorable(r) || r == 0x200B {
		return -1
	}
	if r >= '٠' && r <= '٩' {
		return '0' + (r - '٠')
	}
	if r >= '۰' && r <= '۹' {
		return '0' + (r - '۰')
	}
	if l := lookalike(r); l != r || 0x0600 <= r && r < 0x0700 {
		return l // no case in Arabic
	}
	return unicode.ToLower(r)
}

// Fold returns s in its matching form (see the package comment).
func Fold(s string) string { return fold(s, false) }

// fold folds s; a word (a token's text) also loses the spaces and
// punctuation NFKC spells some ligatures with: ﷺ is a whole phrase.
func fold(s string, word bool) string { return foldOnce(s, word, false) }

// foldOnce folds s, and its fold again when refold is false and the first
// fold is not in NFKC.
func foldOnce(s string, word, refold bool) string {
	// Most words of a text fold to themselves: lower-case ASCII, Arabic
	// letters without diacritics. They cost a scan and no allocation.
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !nfkcStable(r) || foldRune(r) != r {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	// Whether NFKC has work to do: most words need only the rune-by-rune
	// folding, in one pass.
	needNorm := false
	for _, r := range s[i:] {
		if !nfkcStable(r) && !ignorable(r) && r != 0x200B {
			needNorm = true
			break
		}
	}
	var b strings.Builder
	if !needNorm {
		b.Grow(len(s))
		b.WriteString(s[:i])
		for _, r := range s[i:] {
			if f := foldRune(r); f >= 0 && (!word || wordRune(f)) {
				b.WriteRune(f)
			}
		}
		return b.String()
	}
	// Format characters go first, so that they do not stand between a
	// letter and its mark.
	b.Grow(len(s))
	for _, r := range s[i:] {
		if ignorable(r) || r == 0x200B || r >= 0xFC5E && dropped(r) {
			continue
		}
		b.WriteRune(r)
	}
	folded := s[:i] + b.String()
	if norm.NFKC.QuickSpanString(folded) < len(folded) {
		folded = norm.NFKC.String(folded)
	}
	folded = composeArabic(folded, foldLetter)
	b.Reset()
	b.Grow(len(folded))
	for _, r := range folded {
		f := foldRune(r)
		if f < 0 || word && !wordRune(f) {
			continue
		}
		b.WriteRune(f)
	}
	out := b.String()
	// Lower-casing, or dropping a mark, can leave letters and marks that
	// compose ("Y" + ring above is not a letter, "y" + ring above is ẙ):
	// fold once more, so that folding a fold changes nothing.
	if !refold && norm.NFKC.QuickSpanString(out) < len(out) {
		return foldOnce(out, word, true)
	}
	return out
}

// foldLetter maps the Arabic look-alikes as folding does.
func foldLetter(r rune) rune {
	if 0x0600 <= r && r < 0x0700 {
		return lookalike(r)
	}
	return r
}

// composeArabic returns s, in NFKC, with the letters of its Arabic words
// mapped by letter and a hamza written as a mark composed with the letter
// it sits on, whatever the spelling: a Persian yeh with a hamza mark
// (ی + U+0654, ﯾ + U+0654), the yeh barree with hamza ۓ and the high
// hamza yeh ٸ (ي + U+0674) all become ئ once letter makes their yeh an
// Arabic ya, as ي + U+0654 does. NFKC alone cannot: ی + U+0654 does not
// compose, and ٸ decomposes.
func composeArabic(s string, letter func(rune) rune) string {
	arabic := false
	for _, r := range s {
		if 0x0600 <= r && r < 0x0700 {
			arabic = true
			break
		}
	}
	if !arabic {
		return s
	}
	return norm.NFC.String(strings.Map(func(r rune) rune {
		if r == 0x0674 { // high hamza, as Kazakh and Uyghur write it
			r = 0x0654
		}
		return letter(r)
	}, norm.NFD.String(s)))
}

// nfkcStable reports whether r is a rune NFKC neither changes nor composes
// with what stands before it, whatever follows, and folding composes with
// nothing: ASCII, and the Arabic letters, digits and diacritics other than
// the hamza and madda marks (U+0653–0655), the high hamza (U+0674), the
// letters with compatibility decompositions (U+0675–0678) and the yeh
// barree with hamza (ۓ). A text of such runes is in NFKC once the harakat,
// which folding drops, are left aside.
func nfkcStable(r rune) bool {
	return r < utf8.RuneSelf || 0x0621 <= r && r <= 0x0652 || 0x0656 <= r && r <= 0x0673 ||
		0x0679 <= r && r <= 0x06D2 || r == 0x06D4 || r == 0x06D5 || 0x06F0 <= r && r <= 0x06F9
}

// scanASCII reports whether s is all ASCII and whether it has an upper-case
// letter.
func scanASCII(s string) (ascii, upper bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, false
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	return true, upper
}

// Clean returns s as a name is displayed: in NFKC, without invisible
// characters, tatweel or Arabic honorific and Quranic annotation marks,
// with the Persian and Urdu look-alikes of ي ك ه written as the Arabic
// letters (ۀ and ۃ as ة), zero-width spaces as spaces and runs of spaces
// as one. Diacritics, alef forms and case stay.
// A name typed on a Persian keyboard, decomposed, or copied from a PDF in
// presentation forms is thus displayed as the standard text writes it.
func Clean(s string) string {
	if ascii, _ := scanASCII(s); ascii {
		if !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
			return s
		}
		return strings.Join(strings.Fields(s), " ")
	}
	buf := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r == 0x200B:
			r = ' '
		case ignorable(r), r == 0x0640, annotation(r):
			continue
		case r >= 0xFE70 && r <= 0xFE7F, r >= 0xFC5E && r <= 0xFC63:
			// Harakat in presentation forms: the marks, without the
			// space NFKC writes before an isolated one.
			buf = append(buf, strings.Trim(norm.NFKC.String(string(r)), " \u0640")...)
			continue
		}
		buf = utf8.AppendRune(buf, cleanLetter(r))
	}
	// The letters again after NFKC, which turns presentation forms into
	// the Persian letters, and hamza marks composed with the letter under
	// them.
	s = composeArabic(norm.NFKC.String(string(buf)), cleanLetter)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == 0x0640 || ignorable(r)
	}), " ")
}

// annotation reports whether r is an Arabic honorific sign or Quranic
// annotation mark (U+0610–061A, U+06D6–06ED): marks that comment on a word
// rather than spell it, which a displayed name goes without.
func annotation(r rune) bool {
	return r >= 0x0610 && r <= 0x061A || r >= 0x06D6 && r <= 0x06ED && unicode.IsMark(r)
}

// cleanLetter returns the Arabic letter a Persian, Urdu or Kurdish
// look-alike stands for in Arabic text (ۀ and ۃ for ة), or r.
func cleanLetter(r rune) rune {
	switch r {
	case 'ۀ', 'ۃ':
		return 'ة'
	case 'ی', 'ۍ', 'ې', 'ێ', 'ے', 'ؽ', 'ؾ', 'ؿ', 'ک', 'ڪ', 'ە', 'ھ', 'ہ', 'ۂ':
		return lookalike(r)
	}
	return r
}

// Plain returns s without invisible format characters, zero-width spaces
// or tatweel, and in NFKC, case and letters otherwise as written: the form
// acronyms are compared in ("UـS" is "US"). A token's text holds a
// zero-width space only where it glues the token's parts into one word.
func Plain(s string) string {
	if ascii, _ := scanASCII(s); ascii {
		return s
	}
	s = strings.Map(func(r rune) rune {
		if ignorable(r) || r == 0x200B || r == 0x0640 {
			return -1
		}
		return r
	}, s)
	return norm.NFKC.String(s)
}

// Blank reports whether s holds nothing but spaces and invisible format
// characters, zero-width spaces among them: whether the words around it
// stand side by side.
func Blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != 0x200B && !ignorable(r) {
			return false
		}
	}
	return true
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
	Fold       string // Fold(Text), less any space or punctuation NFKC put in it
	Start, End int    // byte offsets: text[Start:End] == Text
	// Glued: only zero-width spaces (and invisible format characters)
	// stand between this token and the one before it. They may be the
	// spaces of a text that has no other, or break opportunities inside
	// one word (a long word in HTML, a PDF copy); Join makes the pair one
	// token again where the words on either side say which.
	Glued bool
}

// Tokens splits text into words. Word boundaries are read on the text as
// written, rune by rune, so offsets always point into it; each word is
// then folded whole, so that a letter and the marks after it, or a
// presentation-form ligature (ﻻ: two letters), fold as they would in
// composed standard text.
//
// Punctuation, spaces and symbols separate words; hyphens and apostrophes
// (' ’ and the transliteration signs ʼ ʾ ʿ ʻ) do too, so "al-Kadhimi" is
// two tokens, the same two its lexicon alias is split into. So does U+200B
// ZERO WIDTH SPACE, and the token after it is marked Glued. Other
// invisible characters (soft hyphen, ZWNJ, ZWJ, direction marks, word
// joiner, BOM, variation selectors, the combining grapheme joiner) neither
// start, end nor split a word: a word runs through them, and the token's
// offsets exclude those on its edges. Phrase ligatures (ﷺ) are symbols,
// not words.
func Tokens(text string) []Token {
	// About a word in 8 bytes of Arabic or English text.
	toks := make([]Token, 0, len(text)/8+1)
	start, end := -1, -1 // the word being read; end is after its last word rune
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case wordRune(r):
			if start < 0 {
				start = i
			}
			end = i + size
		case ignorable(r):
		default:
			if start >= 0 {
				toks = appendToken(toks, text, start, end)
				start = -1
			}
		}
		i += size
	}
	if start >= 0 {
		toks = appendToken(toks, text, start, end)
	}
	if len(toks) == 0 {
		return nil
	}
	return toks
}

func appendToken(toks []Token, text string, start, end int) []Token {
	f := fold(text[start:end], true)
	if f == "" { // only marks, e.g. a stray diacritic
		return toks
	}
	glued := len(toks) > 0 && glue(text[toks[len(toks)-1].End:start])
	return append(toks, Token{Text: text[start:end], Fold: f, Start: start, End: end, Glued: glued})
}

// glue reports whether the text between two words is zero-width spaces and
// invisible format characters, at least one zero-width space among them.
func glue(gap string) bool {
	if gap == "" || gap[0] < utf8.RuneSelf {
		return false
	}
	zwsp := false
	for _, r := range gap {
		switch {
		case r == 0x200B:
			zwsp = true
		case !ignorable(r):
			return false
		}
	}
	return zwsp
}

// Join returns tokens a and b of text, b glued to a, as one token: the
// word a zero-width space broke in two ("واشن\u200bطن").
func Join(text string, a, b Token) Token {
	w := text[a.Start:b.End]
	return Token{Text: w, Fold: fold(w, true), Start: a.Start, End: b.End, Glued: a.Glued}
}

// Span is a sentence: byte offsets into the text it was cut from.
type Span struct{ Start, End int }

// Sentences splits text at sentence-ending punctuation in either script
// (. ! ? ؟ ؛ … and line breaks, and their fullwidth and small forms). A
// full stop between two digits ("2.5") does not end a sentence, nor does
// one that ends a Latin abbreviation with more of the line after it (see
// abbreviation): "U.S. President Joe Biden", "Mr. Sadr". Sentences
// without a word ("...") are dropped; spans exclude surrounding space.
func Sentences(text string) []Span {
	var spans []Span
	start := 0
	emit := func(end int) {
		s := strings.TrimLeftFunc(text[start:end], unicode.IsSpace)
		lead := end - start - len(s)
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if strings.IndexFunc(s, wordRune) >= 0 { // not just punctuation ("...")
			spans = append(spans, Span{Start: start + lead, End: start + lead + len(s)})
		}
	}
	for i, r := range text {
		size := utf8.RuneLen(r)
		if r >= 0xFE10 && r != utf8.RuneError {
			r = compatPunct(r)
		}
		switch r {
		case '\n', '!', '?', '؟', '؛', '…':
		case '.':
			if digitBefore(text[:i]) && digitAfter(text[i+size:]) {
				continue
			}
			if abbreviation(text[:i], text[i+size:]) {
				continue
			}
		default:
			continue
		}
		end := i + size
		emit(end)
		start = end
	}
	emit(len(text))
	return spans
}

// compatPunct returns the rune r is a compatibility form of (the fullwidth
// ！ and the small ﹒ of ! and .), or r.
func compatPunct(r rune) rune {
	var b [utf8.UTFMax]byte
	d := norm.NFKC.Properties(b[:utf8.EncodeRune(b[:], r)]).Decomposition()
	if d == nil {
		return r
	}
	if c, n := utf8.DecodeRune(d); n == len(d) {
		return c
	}
	return r
}

// digitBefore and digitAfter report whether s ends or starts with a digit
// of any script: "2.5", "٢.٥", "２.５".
// abbreviation reports whether the full stop between before and after
// ends an abbreviation rather than a sentence: a Latin letter standing
// alone ("U.S.", "U.N.", "J. Smith") or a title always written short
// ("Mr.", "Dr.", "Gen."), with more of the line after it. A
// sentence ending in one ("… imposed by the U.S. Iran replied") is
// read with the next; news writes the abbreviation inside a sentence far
// more often.
func abbreviation(before, after string) bool {
	rest := strings.TrimLeft(after, " \t\u00a0")
	if rest == "" || rest[0] == '\n' || rest[0] == '\r' {
		return false
	}
	j := len(before)
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	w := before[j:]
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.Is(unicode.Latin, first) {
		// Arabic has them too (د. محمد، أ.ف.ب), but a stored relation
		// names its sentence by its index, and the hand-checked verdicts
		// with it: splitting Arabic otherwise would orphan them.
		return false
	}
	switch utf8.RuneCountInString(w) {
	case 0:
		return false
	case 1:
		if j == 0 {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(before[:j])
		return unicode.IsSpace(r) || strings.ContainsRune(".(\"'«“-", r)
	}
	return unicode.IsUpper(first) && shortTitles[strings.ToLower(w)]
}

// shortTitles are the English titles written with a full stop before a
// name.
var shortTitles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "sgt": true, "adm": true, "gov": true, "sen": true, "rep": true, "st": true,
	"jr": true, "sr": true, "brig": true, "cmdr": true, "rev": true,
}

func digitBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsDigit(r)
}

func digitAfter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

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
