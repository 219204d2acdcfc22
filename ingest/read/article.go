package read

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"
	"unicode"
)

// Article is one news article as read from a corpus.
type Article struct {
	ID        string
	URL       string
	Source    string
	Title     string
	Published time.Time // the date and time where written, labelled UTC (see ParseDate); zero when unknown
	DateText  string    // the date as written, "" when absent
	Lang      string    // "ar", "en", or "" when neither script dominates
	Body      string
	// Record is the article's own identifier in its source — a JSON "id"
	// field, a CSV id column, a feed item's GUID — or "". Readers set it;
	// the stable ID is derived from it, the URL or the content.
	Record string
	// Origin is where the article was read: "file" or "file:line".
	Origin string
	// Input is the input it was read from, for pruning: the absolute path
	// of its file, the URL, or "stdin" (see InputID).
	Input string
	// PriorIDs are the IDs earlier releases of newsgraph gave this article
	// where they differ from ID (a bare record id before it was scoped to
	// its input, an ID before it was capped), so that a store written by
	// one of them is updated in place rather than doubled. Set by the
	// readers and the pipeline; nil for most articles.
	PriorIDs []string
	// localRecord says that Record is unique only within the input, though
	// Source is set: a feed's GUID when the feed names no site, only a title.
	localRecord bool
	// foreign says that URL is on another site than the URL the article
	// was fetched from: it is no ID (see assignID).
	foreign bool
	// dateNote is the warning about DateText, "" when none: why the date
	// is unknown, or what of it was not read. Readers set it; emit reports it.
	dateNote string
	// text is TextFingerprint computed for the title and body it holds,
	// when ReadOptions.Fingerprints asked for it.
	text textPrint
}

// textPrint is a TextFingerprint and the title and body it is of.
type textPrint struct{ title, body, fingerprint string }

// ContentHash identifies the article's content: every field a reader sets
// except Origin and Input, which say where the bytes were, not what they
// say.
func (a *Article) ContentHash() string {
	h := sha256.New()
	for _, f := range []string{a.ID, a.URL, a.Source, a.Title, a.DateText, a.Lang, a.Body} {
		fmt.Fprintf(h, "%d:%s\x00", len(f), f)
	}
	if !a.Published.IsZero() {
		h.Write([]byte(a.Published.UTC().Format(time.RFC3339)))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// langSample is how much of a text DetectLang looks at: a few paragraphs
// tell the script as well as a whole article does.
const langSample = 4096

// DetectLang tells the language of text from its script: "ar" when most
// letters are Arabic, "en" when most are Latin, "" otherwise.
func DetectLang(text string) string {
	if len(text) > langSample {
		text = text[:langSample] // a cut rune at the end is skipped below
	}
	var arabic, latin, other int
	for _, r := range text {
		// Fast paths for the two scripts news comes in, with the answers
		// of the general test below: it is most of reading a corpus
		// whose articles are unchanged.
		switch {
		case r < 0x80:
			if c := r | 0x20; 'a' <= c && c <= 'z' {
				latin++
			}
			continue
		case 0x0600 <= r && r <= 0x06FF:
			switch arabicBlock[r-0x0600] {
			case letterArabic:
				arabic++
			case letterOther:
				other++
			}
			continue
		}
		switch {
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Latin, r):
			latin++
		default:
			other++
		}
	}
	total := arabic + latin + other
	switch {
	case total == 0:
		return ""
	case arabic*2 > total:
		return "ar"
	case latin*2 > total:
		return "en"
	}
	return ""
}

// Letter classes of the Arabic block, U+0600–U+06FF, for DetectLang.
const (
	notLetter = iota
	letterArabic
	letterOther
)

var arabicBlock = func() (t [0x100]uint8) {
	for i := range t {
		r := rune(0x0600 + i)
		switch {
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Arabic, r):
			t[i] = letterArabic
		default:
			t[i] = letterOther
		}
	}
	return t
}()
