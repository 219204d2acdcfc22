package extract

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/read"
	xnorm "golang.org/x/text/unicode/norm"
)

// unicodeTexts are the standard texts the variants are made from: the
// seed article, the standard texts of the unicode cases, and an article
// whose names only the rules find.
func unicodeTexts(t *testing.T) []read.Article {
	t.Helper()
	arts, probs := readAll(t, read.ReadOptions{}, "../../testdata/000_1959643b4c841efe.txt",
		"testdata/cases/unicode/persian-keyboard-letters.standard.txt",
		"testdata/cases/unicode/decomposed-nfd.standard.txt")
	if len(arts) != 3 || len(probs) != 0 {
		t.Fatalf("read %d articles, problems %v", len(arts), probs)
	}
	seedDate := arts[0].Published
	arts = append(arts, read.Article{
		ID: "rules", Title: "مقتل قيادي في ديالى",
		Body: "وقال المتحدث باسم قيادة العمليات اللواء يحيى رسول الزبيدي إن قوات من لواء الرد السريع وصلت إلى ناحية العظيم. " +
			"وأضاف الزبيدي أن الشيخ عبد الكريم الفهداوي التقى محافظ ديالى وقائد شرطتها. Prime Minister Mustafa al-Kadhimi met General Hamid Jaafar in Baghdad. " +
			"Kata'ib Hezbollah and Asa’ib Ahl al-Haq attacked US forces.",
		Published: seedDate,
	})
	return arts
}

// variant rewrites the text of an article, title and body apart.
type variant struct {
	name string
	f    func(string) string
	// latin: the variant changes Latin letters only, and leaves a text
	// without them alone.
	latin bool
}

func replacer(pairs ...string) func(string) string {
	return strings.NewReplacer(pairs...).Replace
}

// insideWords inserts ins after every nth letter of a word, between two
// letters of the word (never at its edges); arabic limits it to Arabic
// letters.
func insideWords(ins string, n int, arabic bool) func(string) string {
	return func(s string) string {
		rs := []rune(s)
		var b strings.Builder
		count := 0
		for i, r := range rs {
			b.WriteRune(r)
			letter := unicode.IsLetter(r) && (!arabic || unicode.Is(unicode.Arabic, r))
			if !letter {
				count = 0
				continue
			}
			count++
			if count%n == 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) && (!arabic || unicode.Is(unicode.Arabic, rs[i+1])) {
				b.WriteString(ins)
			}
		}
		return b.String()
	}
}

// randomInside inserts ins between two letters of a word, at each such
// place with probability p, drawn from a fixed seed so the variant is the
// same on every run.
func randomInside(ins string, p float64, seed int64) func(string) string {
	return func(s string) string {
		rng := rand.New(rand.NewSource(seed))
		rs := []rune(s)
		var b strings.Builder
		for i, r := range rs {
			b.WriteRune(r)
			if unicode.IsLetter(r) && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) && rng.Float64() < p {
				b.WriteString(ins)
			}
		}
		return b.String()
	}
}

// aroundWords wraps every word (a run of letters and marks) in before and
// after.
func aroundWords(before, after string) func(string) string {
	return func(s string) string {
		var b strings.Builder
		in := false
		for _, r := range s {
			w := unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
			if w && !in {
				b.WriteString(before)
			}
			if !w && in {
				b.WriteString(after)
			}
			in = w
			b.WriteRune(r)
		}
		if in {
			b.WriteString(after)
		}
		return b.String()
	}
}

// presentationForms maps Arabic letters to their contextual forms, as
// inverted from NFKC over the presentation-form blocks: forms[letter] is
// [isolated, final, initial, medial] for a letter that joins both ways,
// [isolated, final] for one that joins only to the letter before it,
// [isolated] for one that does not join. lamAlef maps an alef to the
// [isolated, final] forms of lam and that alef. Letters of Arabic proper
// come from U+FE70–FEFF, those only Persian and Urdu use from
// U+FB50–FBFF.
var presentationForms, lamAlef = func() (map[rune][]rune, map[rune][]rune) {
	forms := make(map[rune][]rune)
	lamAlef := make(map[rune][]rune)
	for _, block := range [][2]rune{{0xFE70, 0xFEFF}, {0xFB50, 0xFBFF}} {
		found := make(map[rune][]rune)
		for c := block[0]; c <= block[1]; c++ {
			d := []rune(xnorm.NFKC.String(string(c)))
			switch {
			case len(d) == 1 && unicode.IsLetter(d[0]) && d[0] != c:
				found[d[0]] = append(found[d[0]], c)
			case len(d) == 2 && d[0] == 'ل' && block[0] == 0xFE70:
				lamAlef[d[1]] = append(lamAlef[d[1]], c)
			}
		}
		for l, fs := range found {
			if _, ok := forms[l]; !ok && (len(fs) == 1 || len(fs) == 2 || len(fs) == 4) {
				forms[l] = fs
			}
		}
	}
	return forms, lamAlef
}()

// shape writes s in presentation forms, each letter in the form its
// neighbours give it (marks are transparent, and written in their isolated
// presentation forms where there is one), as text copied from a PDF is.
func shape(s string) string {
	rs := []rune(s)
	joinsNext := func(i int) bool { // whether a joining letter follows rs[i]
		for j := i + 1; j < len(rs); j++ {
			if unicode.IsMark(rs[j]) {
				continue
			}
			return len(presentationForms[rs[j]]) >= 2
		}
		return false
	}
	marks := map[rune]rune{}
	for c := rune(0xFE70); c <= 0xFE7F; c++ {
		if d := []rune(xnorm.NFKC.String(string(c))); len(d) == 2 && d[0] == ' ' {
			marks[d[1]] = c
		}
	}
	var b strings.Builder
	prevDual := false // the letter before joins to the one after it
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if unicode.IsMark(r) {
			if m, ok := marks[r]; ok {
				r = m
			}
			b.WriteRune(r)
			continue
		}
		if r == 'ل' && i+1 < len(rs) && len(lamAlef[rs[i+1]]) == 2 {
			b.WriteRune(lamAlef[rs[i+1]][b2i(prevDual)])
			i++
			prevDual = false // alef does not join the next letter
			continue
		}
		fs := presentationForms[r]
		next := len(fs) == 4 && joinsNext(i)
		switch {
		case len(fs) == 4:
			b.WriteRune(fs[b2i(prevDual)+2*b2i(next)])
		case len(fs) == 2:
			b.WriteRune(fs[b2i(prevDual)])
		case len(fs) == 1:
			b.WriteRune(fs[0])
		default:
			b.WriteRune(r)
		}
		prevDual = len(fs) == 4
	}
	return b.String()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func compose(fs ...func(string) string) func(string) string {
	return func(s string) string {
		for _, f := range fs {
			s = f(s)
		}
		return s
	}
}

// fullwidth writes ASCII letters and digits in their fullwidth forms
// (U+FF10…), as East Asian input methods and some PDFs do.
func fullwidth(s string) string {
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return r - '0' + '０'
		}
		return r
	}, s)
}

var persianKeyboard = replacer("ي", "ی", "ى", "ی", "ك", "ک")

var unicodeVariants = []variant{
	{name: "persian keyboard (ی ک)", f: persianKeyboard},
	{name: "heh doachashmee, heh with yeh (ھ ۀ)", f: replacer("ه", "ھ", "ة", "ۀ")},
	{name: "kurdish ae (ە)", f: replacer("ه", "ە")},
	{name: "urdu (ہ ې ڪ ۃ)", f: replacer("ه", "ہ", "ي", "ې", "ك", "ڪ", "ة", "ۃ")},
	{name: "NFD", f: xnorm.NFD.String},
	{name: "NFKD", f: xnorm.NFKD.String},
	{name: "presentation forms", f: shape},
	{name: "presentation forms, persian keyboard", f: compose(persianKeyboard, shape)},
	{name: "ZWNJ inside words", f: insideWords("\u200c", 2, false)},
	{name: "ZWJ inside words", f: insideWords("\u200d", 3, false)},
	{name: "soft hyphens inside words", f: insideWords("\u00ad", 3, false)},
	{name: "word joiners and BOMs inside words", f: insideWords("\u2060\ufeff", 4, false)},
	{name: "tatweel inside Arabic words", f: insideWords("ـــ", 2, true)},
	{name: "right-to-left marks around words", f: aroundWords("\u200f", "\u200f")},
	{name: "arabic letter marks before words", f: aroundWords("\u061c", "")},
	{name: "embeddings around words", f: aroundWords("\u202b", "\u202c")},
	{name: "isolates around words", f: aroundWords("\u2067", "\u2069")},
	{name: "fullwidth Latin", f: fullwidth, latin: true},
	{name: "zero-width spaces for spaces", f: replacer(" ", "\u200b")},
	{name: "zero-width spaces beside spaces", f: replacer(" ", "\u200b \u200b")},
	{name: "zero-width spaces inside words, at random", f: randomInside("\u200b", 0.12, 1)},
	{name: "zero-width spaces inside words, at random, another seed", f: randomInside("\u200b", 0.12, 2)},
	{name: "hamza on a Persian yeh in presentation forms (ﯾ + U+0654)", f: compose(replacer("ئ", "ی\u0654"), shape)},
	{name: "hamza on a Persian yeh (ی + U+0654)", f: replacer("ئ", "ی\u0654")},
	{name: "hamza on alef maqsura (ى + U+0654)", f: replacer("ئ", "ى\u0654")},
	{name: "yeh barree with hamza (ۓ)", f: replacer("ئ", "ۓ")},
	{name: "high hamza yeh (ٸ)", f: replacer("ئ", "ٸ")},
	{name: "transliteration apostrophes (ʼ)", f: replacer("'", "ʼ", "’", "ʼ"), latin: true},
	{name: "transliteration ain and hamza (ʿ ʾ)", f: replacer("'", "ʿ", "’", "ʾ"), latin: true},
	{name: "combining grapheme joiners inside words", f: insideWords("\u034f", 3, false)},
	{name: "variation selectors inside words", f: insideWords("\ufe0f\U000E0100", 4, false)},
	{name: "Hangul fillers inside words", f: insideWords("\u3164", 5, false)},
	{name: "Arabic honorific marks inside words", f: insideWords("\u0615", 3, true)},
	{name: "tatweel inside every word", f: insideWords("ـ", 2, false)},
	{name: "all at once", f: compose(persianKeyboard, xnorm.NFD.String, insideWords("\u200c", 3, false), aroundWords("\u200f", "\u200e"), replacer(" ", "\u200b"))},
}

// docSummary is what a variant must extract exactly as the standard text
// does: the entities, each one's mention count, sentences and methods, and
// the relations by type and arguments.
func docSummary(doc graph.Document) []string {
	var out []string
	for _, e := range doc.Entities {
		out = append(out, fmt.Sprintf("entity %+v", e))
	}
	for _, m := range doc.Mentions {
		var methods []string
		for _, s := range m.Spans {
			methods = append(methods, s.Method)
		}
		out = append(out, fmt.Sprintf("mention %s ×%d sentences %v methods %v", m.EntityID, m.Count, m.Sentences, methods))
	}
	for _, r := range doc.Relations {
		out = append(out, fmt.Sprintf("relation %s %s→%s directed=%v negated=%v sentence %d", r.Type, r.Subject, r.Object, r.Directed, r.Negated, r.Sentence))
	}
	return out
}

// TestUnicodeVariantsExtractTheSame extracts each standard text and each of
// its variants — typed on other keyboards, decomposed, in presentation
// forms, with invisible characters — and wants the same entities, mentions
// and relations from all. Every offset of a variant must point at the
// variant's own text, at words that fold as the standard's do.
func TestUnicodeVariantsExtractTheSame(t *testing.T) {
	x := extractor(t)
	for _, std := range unicodeTexts(t) {
		want := x.Extract(&std)
		if len(want.Entities) == 0 {
			t.Fatalf("%s: the standard text names no entity", std.ID)
		}
		wantText := Text(&std)
		for _, v := range unicodeVariants {
			a := std
			a.Title, a.Body = v.f(std.Title), v.f(std.Body)
			text := Text(&a)
			if text == wantText && v.latin && strings.IndexFunc(wantText, func(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }) < 0 {
				continue
			}
			if text == wantText {
				t.Fatalf("%s, %s: the variant is the standard text", std.ID, v.name)
			}
			got := x.Extract(&a)
			if g, w := docSummary(got), docSummary(want); !reflect.DeepEqual(g, w) {
				t.Errorf("%s, %s: extracted\n%s\nwant\n%s", std.ID, v.name, strings.Join(g, "\n"), strings.Join(w, "\n"))
				continue
			}
			checkOffsets(t, std.ID+", "+v.name, text, wantText, got, want)
		}
	}
}

// checkOffsets checks that every span of doc (from text) covers whole
// words of text that fold to the words the same span of want covers in
// wantText.
func checkOffsets(t *testing.T, name, text, wantText string, doc, want graph.Document) {
	t.Helper()
	same := func(what string, o, w graph.Offsets) {
		t.Helper()
		if o.End <= o.Start && w.End <= w.Start {
			return
		}
		if o.Start < 0 || o.End > len(text) || o.Start >= o.End || !utf8.RuneStart(text[o.Start]) ||
			(o.End < len(text) && !utf8.RuneStart(text[o.End])) {
			t.Errorf("%s: %s [%d:%d] is not a span of the text", name, what, o.Start, o.End)
			return
		}
		s := text[o.Start:o.End]
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		if !unicode.IsLetter(first) && !unicode.IsDigit(first) || !unicode.IsLetter(last) && !unicode.IsDigit(last) && !unicode.IsMark(last) {
			t.Errorf("%s: %s %q does not start and end on a letter", name, what, s)
		}
		key, wantKey := norm.Key(s), norm.Key(wantText[w.Start:w.End])
		if strings.Contains(s, "\u200b") {
			// A zero-width space is a space or a break inside a word: the
			// letters must be the same, the words may be cut otherwise.
			key, wantKey = strings.ReplaceAll(key, " ", ""), strings.ReplaceAll(wantKey, " ", "")
		}
		if key != wantKey {
			t.Errorf("%s: %s %q folds to %q, want %q (%q)", name, what, s, norm.Key(s), norm.Key(wantText[w.Start:w.End]), wantText[w.Start:w.End])
		}
	}
	for i, m := range doc.Mentions {
		for j, sp := range m.Spans {
			if sp.Surface != text[sp.Start:sp.End] {
				t.Errorf("%s: span %+v: surface is not the text at its offsets", name, sp)
			}
			w := want.Mentions[i].Spans[j]
			same("mention of "+m.EntityID, graph.Offsets{Start: sp.Start, End: sp.End}, graph.Offsets{Start: w.Start, End: w.End})
		}
	}
	for i, r := range doc.Relations {
		w := want.Relations[i]
		if r.TextStart < 0 || r.TextStart+len(r.Text) > len(text) || text[r.TextStart:r.TextStart+len(r.Text)] != r.Text {
			t.Errorf("%s: relation %d: Text is not the text at TextStart", name, i)
		}
		same("trigger", r.Trigger, w.Trigger)
		same("subject", r.SubjectSpan, w.SubjectSpan)
		same("object", r.ObjectSpan, w.ObjectSpan)
	}
}

// TestUnicodeCaseFiles extracts the unicode cases' inputs: each gives the
// entities its standard text gives.
func TestUnicodeCaseFiles(t *testing.T) {
	x := extractor(t)
	for _, name := range []string{"persian-keyboard-letters", "decomposed-nfd"} {
		arts, probs := readAll(t, read.ReadOptions{}, "testdata/cases/unicode/"+name+".txt", "testdata/cases/unicode/"+name+".standard.txt")
		if len(arts) != 2 || len(probs) != 0 {
			t.Fatalf("%s: read %d articles, problems %v", name, len(arts), probs)
		}
		if Text(&arts[0]) == Text(&arts[1]) {
			t.Fatalf("%s: the input is its standard text", name)
		}
		// The Persian-keyboard text is dated a day later; the day changes
		// no role holder, and it is not what this test is about.
		arts[0].Published = arts[1].Published
		got, want := x.Extract(&arts[0]), x.Extract(&arts[1])
		if g, w := docSummary(got), docSummary(want); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: extracted\n%s\nwant\n%s", name, strings.Join(g, "\n"), strings.Join(w, "\n"))
			continue
		}
		checkOffsets(t, name, Text(&arts[0]), Text(&arts[1]), got, want)
	}
}

// TestPhraseLigatures checks that a phrase ligature (ﷺ, ﷻ) reads as the
// phrase it stands for does: no name is made of it and the word before.
func TestPhraseLigatures(t *testing.T) {
	x := extractor(t)
	date := unicodeTexts(t)[0].Published
	for _, tc := range []struct{ lig, spelled string }{
		{"احتفل العراقيون بمولد النبي محمد ﷺ في كربلاء.", "احتفل العراقيون بمولد النبي محمد صلى الله عليه وسلم في كربلاء."},
		{"قال الشيخ حيدر ﷻ في بغداد.", "قال الشيخ حيدر جل جلاله في بغداد."},
		{"وصل محمد ﷺ الحلبوسي إلى بغداد.", "وصل محمد صلى الله عليه وسلم الحلبوسي إلى بغداد."},
	} {
		got := x.Extract(&read.Article{ID: "lig", Title: "خبر", Body: tc.lig, Published: date})
		want := x.Extract(&read.Article{ID: "lig", Title: "خبر", Body: tc.spelled, Published: date})
		if g, w := docSummary(got), docSummary(want); !reflect.DeepEqual(g, w) {
			t.Errorf("%q: extracted\n%s\nwant, as from %q,\n%s", tc.lig, strings.Join(g, "\n"), tc.spelled, strings.Join(w, "\n"))
		}
		for _, e := range got.Entities {
			if strings.Contains(e.ID, "صلي") || strings.Contains(e.ID, "جلاله") {
				t.Errorf("%q: entity %s is made of a ligature", tc.lig, e.ID)
			}
		}
	}
}
