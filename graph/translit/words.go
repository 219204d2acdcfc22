package translit

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	gnorm "github.com/newsgraph/newsgraph/graph/norm"
)

// word is one word of a name as the model reads it: its letters without a
// leading definite article, and the article as written ("ال", "al", "ash",
// …) or "".
type word struct {
	stem    string
	article string
}

// full returns the word with its article.
func (w word) full() string { return w.article + w.stem }

// latinArticles are the Latin spellings of the Arabic article ال when they
// stand as a word of their own ("al Kadhimi", "ash-Shara" once folded):
// the Arabic article, before a sun letter, takes the sound of that letter.
var latinArticles = map[string]bool{
	"al": true, "el": true, "ul": true, "ol": true, "oul": true,
	"ad": true, "ar": true, "as": true, "ash": true, "at": true, "az": true, "an": true, "ath": true, "adh": true,
	"ed": true, "er": true, "es": true, "esh": true, "et": true, "ez": true, "en": true,
}

// abdArticles are the spellings of عبد followed by the article (عبد ال…)
// written as one word, and the article's spelling in them.
var abdArticles = map[string]string{"abdul": "ul", "abdel": "el", "abdal": "al", "abdol": "ol", "abdoul": "oul"}

// apostrophes are the marks Latin spellings write for ع and ء (Ma'ruf,
// Sa‘id, Qur’an); they are dropped inside a word rather than cutting it.
var apostrophes = strings.NewReplacer("'", "", "’", "", "‘", "", "`", "", "ʿ", "", "ʾ", "", "ʼ", "", "´", "")

// arabicWords returns the words of an Arabic name in the model's alphabet:
// the words of its folded key (graph/norm), Arabic letters only; a word of
// four letters or more that starts with ال keeps the article apart. A
// "type:" prefix (an entity ID's) is ignored. It returns nil when s has no
// Arabic letter.
func arabicWords(s string) []word {
	s = stripType(s)
	var out []word
	for _, t := range strings.Fields(gnorm.Key(s)) {
		var b strings.Builder
		for _, r := range t {
			if isArabicLetter(r) {
				b.WriteRune(r)
			}
		}
		w := b.String()
		if w == "" {
			continue
		}
		if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) >= 4 {
			out = append(out, word{stem: w[len("ال"):], article: "ال"})
			continue
		}
		out = append(out, word{stem: w})
	}
	return out
}

// latinWords returns the words of a Latin-script name in the model's
// alphabet, a to z: the words of its folded key with accents stripped (é is
// e) and apostrophes dropped (Ma'ruf is maruf); an article word (al, el,
// ash, …) before another word becomes that word's article. A "type:" prefix
// is ignored. It returns nil when s has no Latin letter.
func latinWords(s string) []word {
	s = apostrophes.Replace(stripType(s))
	var letters []string
	for _, t := range strings.Fields(gnorm.Key(s)) {
		var b strings.Builder
		for _, r := range norm.NFD.String(t) {
			switch {
			case 'a' <= r && r <= 'z':
				b.WriteRune(r)
			case r == 'ß':
				b.WriteString("ss")
			case r == 'æ':
				b.WriteString("ae")
			case r == 'ø':
				b.WriteRune('o')
			case r == 'ı':
				b.WriteRune('i')
			}
		}
		if b.Len() > 0 {
			letters = append(letters, b.String())
		}
	}
	// Abdul, Abdel, Abdal, Abdol before a name are عبد and the article of
	// the name: Abdel Fattah is عبد الفتاح.
	for i := 0; i+1 < len(letters); i++ {
		if art, ok := abdArticles[letters[i]]; ok && !latinArticles[letters[i+1]] {
			letters = slices.Insert(letters, i+1, art)
			letters[i] = "abd"
			i++
		}
	}
	var out []word
	for i := 0; i < len(letters); i++ {
		if latinArticles[letters[i]] && i+1 < len(letters) {
			out = append(out, word{stem: letters[i+1], article: letters[i]})
			i++
			continue
		}
		out = append(out, word{stem: letters[i]})
	}
	return out
}

// stripType drops an entity ID's "type:" prefix ("person:karim-haddad").
func stripType(s string) string {
	if i := strings.IndexByte(s, ':'); i > 0 && i < 24 {
		head := s[:i]
		if strings.IndexFunc(head, func(r rune) bool { return !unicode.IsLower(r) || r > unicode.MaxASCII }) < 0 {
			return s[i+1:]
		}
	}
	return s
}

// isArabicLetter reports whether r is a letter of the Arabic block that
// folding keeps (hamza, the letters, and the Persian and Urdu letters
// folding leaves: پ چ ژ گ ڤ …).
func isArabicLetter(r rune) bool {
	return 0x0621 <= r && r <= 0x064A || 0x0671 <= r && r <= 0x06D3
}
