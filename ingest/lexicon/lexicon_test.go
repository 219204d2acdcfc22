package lexicon

import (
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph/norm"
)

func match(t *testing.T, l *Lexicon, text string) []string {
	t.Helper()
	toks := norm.Tokens(text)
	var out []string
	for _, m := range l.Match(toks) {
		out = append(out, m.Entry.ID+"="+text[toks[m.Start].Start:toks[m.End-1].End])
	}
	return out
}

func TestDefaultMatches(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"والكاظمي", []string{"mustafa-al-kadhimi=والكاظمي"}},
		{"المكتب الإعلامي للأعرجي", []string{"qasim-al-araji=للأعرجي"}},
		{"بالعراق", []string{"iraq=بالعراق"}},
		// للأمم is itself a word of some phrase, yet here it is ل + الأمم.
		{"قال مندوب العراق للأمم المتحدة", []string{"iraq=العراق", "united-nations=للأمم المتحدة"}},
		// "الاتحاد الأوروبي" is the EU, not the adjective of Europe.
		{"قال الاتحاد الأوروبي", []string{"european-union=الاتحاد الأوروبي"}},
		{"بيان للاتحاد الأوروبي", []string{"european-union=للاتحاد الأوروبي"}},
		{"بين واشنطن وبغداد", []string{"washington-dc=واشنطن", "baghdad=وبغداد"}},
		{"في بغداد ولبنان", []string{"baghdad=بغداد", "lebanon=ولبنان"}},
		// Longest match: the full name, not its parts.
		{"رئيس الوزراء مصطفى الكاظمي", []string{"mustafa-al-kadhimi=مصطفى الكاظمي"}},
		{"الولايات المتحدة الأمريكية", []string{"united-states=الولايات المتحدة الأمريكية"}},
		{"استهداف القوات الأمريكية لعدد من فصائل الحشد الشعبي", []string{"us-forces=القوات الأمريكية", "popular-mobilization-forces=الحشد الشعبي"}},
		// رئيسي alone is the adjective "main", not Ebrahim Raisi.
		{"السبب الرئيسي", nil},
		{"الإيراني إبراهيم رئيسي", []string{"iran=الإيراني", "ebrahim-raisi=إبراهيم رئيسي"}},
		{"الكاظمى", []string{"mustafa-al-kadhimi=الكاظمى"}},
		// English: case-insensitive names, case-sensitive acronyms.
		{"Mustafa al-Kadhimi met Biden", []string{"mustafa-al-kadhimi=Mustafa al-Kadhimi", "joe-biden=Biden"}},
		{"KADHIMI", []string{"mustafa-al-kadhimi=KADHIMI"}},
		{"the US said", []string{"united-states=US"}},
		{"let us go", nil},
		{"U.S. forces left", []string{"us-forces=U.S. forces"}},
		// Other keyboards, normal forms and PDF copies match as standard
		// text does; offsets still point at the words as written.
		{"ابراهیم رئیسی فی کرکوک", []string{"ebrahim-raisi=ابراهیم رئیسی", "kirkuk=کرکوک"}},
		{"ا\u0655براهيم ري\u0654يسي", []string{"ebrahim-raisi=ا\u0655براهيم ري\u0654يسي"}},
		{"ﺇﺑﺮﺍﻫﻴﻢ ﺭﺋﻴﺴﻲ", []string{"ebrahim-raisi=ﺇﺑﺮﺍﻫﻴﻢ ﺭﺋﻴﺴﻲ"}},
		{"\u200fإبراهيم\u200bرئيـسي\u200f.", []string{"ebrahim-raisi=إبراهيم\u200bرئيـسي"}},
		{"the U\u00adS said", []string{"united-states=U\u00adS"}},
		{"the ＵＳ said", []string{"united-states=ＵＳ"}},
		{"let ｕｓ go", nil},
	} {
		if got := match(t, l, tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Match(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestReadAndOverride(t *testing.T) {
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	user := `# my additions
{"id":"haidar-hamid","type":"person","name":"Haidar Hamid","name_ar":"حيدر حميد","aliases":["حميد"]}
{"id":"new-actor","type":"organization","name":"New Actor","name_ar":"فاعل جديد"}
`
	extra, err := Read(strings.NewReader(user), "user.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	l, err := base.WithOverrides(extra)
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != base.Len()+1 {
		t.Errorf("merged lexicon has %d entries, want %d", l.Len(), base.Len()+1)
	}
	if l.Digest() == base.Digest() {
		t.Error("digest unchanged by new entries")
	}
	got := match(t, l, "وتابع حميد القول إن فاعل جديد ظهر")
	want := []string{"haidar-hamid=حميد", "new-actor=فاعل جديد"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with overrides: %q, want %q", got, want)
	}
	// In the base lexicon حميد is only a weak alias of Haidar Hamid.
	for _, m := range base.Match(norm.Tokens("وتابع حميد")) {
		if m.Kind != KindWeak {
			t.Errorf("the base lexicon changed: %s is a %v match", m.Entry.ID, m.Kind)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"id":"x","type":"person"}`, "line 1: entry x: needs name or name_ar"},
		{`{"id":"x","type":"thing","name":"X"}`, `line 1: entry x: type "thing"`},
		{"\n{\"type\":\"person\",\"name\":\"X\"}", "line 2: entry without id"},
		{`{"id":"x","type":"person","name":"X","nmae_ar":"typo"}`, `unknown field "nmae_ar"`},
		{`{"id":"x","type":"person","name":"X"}` + "\n" + `{"id":"x","type":"person","name":"Y"}`, `line 2: id "x" already defined on line 1`},
		{`{"id":`, "line 1: unexpected EOF"},
	} {
		_, err := Read(strings.NewReader(tc.in), "f.jsonl")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "f.jsonl") {
			t.Errorf("Read(%q) = %v, want an error naming f.jsonl and containing %q", tc.in, err, tc.want)
		}
	}
}

func TestDefaultEntriesAreConsistent(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range l.Entries() {
		// Curated entries name every entity in both scripts; converted
		// ones (Source set) may have only the script their dictionary had.
		if e.Source == "" && (e.Name == "" || e.NameAr == "") {
			t.Errorf("%s: the curated lexicon names every entity in both scripts", e.ID)
		}
		for _, a := range append(e.names(), e.Weak...) {
			if a != "" && norm.Key(a) == "" {
				t.Errorf("%s: alias %q has no words", e.ID, a)
			}
		}
	}
}

// syntheticEntries returns n person entries with two-word Arabic names and a
// Latin alias each, from a fixed seed.
func syntheticEntries(n int) []*Entry {
	letters := []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	r := rand.New(rand.NewPCG(7, 7))
	word := func() string {
		w := make([]rune, 3+r.IntN(5))
		for i := range w {
			w[i] = letters[r.IntN(len(letters))]
		}
		return string(w)
	}
	out := make([]*Entry, n)
	for i := range out {
		out[i] = &Entry{ID: fmt.Sprintf("p%06d", i), Type: "person", NameAr: word() + " " + word(),
			Name: fmt.Sprintf("Person %06d", i), Aliases: []string{word() + " " + word() + " " + word()}}
	}
	return out
}

// BenchmarkBuild measures building the matcher for a ladder of lexicon
// sizes (each entry has three names, so 300k names at the top): New, which
// validates the entries and hashes them, and the matcher New leaves to the
// first match, built here by matching no tokens.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		entries := syntheticEntries(n)
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				l, err := New(entries)
				if err != nil {
					b.Fatal(err)
				}
				l.Match(nil)
			}
		})
	}
}

// BenchmarkMatch measures matching the seed article against the built-in
// lexicon plus a ladder of synthetic entries: the cost per token must not
// grow with the lexicon. The matcher (built on first use) is built by one
// untimed match first.
func BenchmarkMatch(b *testing.B) {
	text, err := os.ReadFile("../../testdata/000_1959643b4c841efe.txt")
	if err != nil {
		b.Fatal(err)
	}
	toks := norm.Tokens(string(text))
	base, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{0, 10000, 100000} {
		l, err := base.WithOverrides(syntheticEntries(n))
		if err != nil {
			b.Fatal(err)
		}
		l.Match(toks)
		b.Run(fmt.Sprintf("extra=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				l.Match(toks)
			}
		})
	}
}

// TestEntityAliasesIncludeWeak checks that weak aliases are lookup names of
// the graph entity, once each: someone who looks up رئيسي means Raisi.
func TestEntityAliasesIncludeWeak(t *testing.T) {
	e := &Entry{ID: "x", Type: "person", Name: "Ebrahim Raisi", NameAr: "إبراهيم رئيسي",
		Aliases: []string{"Raisi"}, Weak: []string{"رئيسي", "raisi", "رئيسى"}}
	got := e.Entity().Aliases
	if want := []string{"Raisi", "رئيسي"}; !reflect.DeepEqual(got, want) {
		t.Errorf("aliases %q, want %q", got, want)
	}
	if len(e.Aliases) != 1 {
		t.Errorf("Entity changed the entry's aliases: %q", e.Aliases)
	}
}
