package tagger

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// validIOB2 reports why tags are not a valid IOB2 sequence, or nil.
func validIOB2(tags []string) error {
	prev := "O"
	for i, t := range tags {
		if tagIndex(t) < 0 {
			return fmt.Errorf("tag %d: %q is not a tag", i, t)
		}
		if typ, ok := strings.CutPrefix(t, "I-"); ok && prev != "B-"+typ && prev != "I-"+typ {
			return fmt.Errorf("tag %d: %s after %s", i, t, prev)
		}
		prev = t
	}
	return nil
}

// TestViterbi decodes random scores and checks the result against every
// valid tag sequence: it must be valid IOB2 and score the most.
func TestViterbi(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name  string
		words int
		scale float32 // transitions favouring I- after O would break IOB2 unconstrained
	}{
		{"one word", 1, 1},
		{"two words", 2, 1},
		{"three words", 3, 5},
		{"four words", 4, 1},
		{"four words, strong transitions", 4, 20},
	} {
		for trial := range 20 {
			em := make([]float32, tc.words*numTags)
			for i := range em {
				em[i] = rng.Float32()*2 - 1
			}
			var trans [numTags + 1][numTags]float32
			for a := range trans {
				for b := range trans[a] {
					trans[a][b] = (rng.Float32()*2 - 1) * tc.scale
				}
			}
			best := make([]int8, tc.words)
			viterbi(em, &trans, make([]float32, len(em)), make([]int8, len(em)), best)
			tags := make([]string, len(best))
			for i, b := range best {
				tags[i] = tagNames[b]
			}
			if err := validIOB2(tags); err != nil {
				t.Fatalf("%s, trial %d: %v: %v", tc.name, trial, tags, err)
			}
			score := func(seq []int) float32 {
				s, prev := float32(0), start
				for i, c := range seq {
					s += trans[prev][c] + em[i*numTags+c]
					prev = c
				}
				return s
			}
			got := make([]int, len(best))
			for i, b := range best {
				got[i] = int(b)
			}
			// Enumerate all 9^n sequences.
			seq := make([]int, tc.words)
			var max float32
			found := false
			var walk func(i, prev int)
			walk = func(i, prev int) {
				if i == len(seq) {
					if s := score(seq); !found || s > max {
						max, found = s, true
					}
					return
				}
				for c := range numTags {
					if allowed(prev, c) {
						seq[i] = c
						walk(i+1, c)
					}
				}
			}
			walk(0, start)
			if s := score(got); s < max-1e-4 {
				t.Errorf("%s, trial %d: %v scores %g, the best valid sequence %g", tc.name, trial, tags, s, max)
			}
		}
	}
}

func TestProclitics(t *testing.T) {
	for _, tc := range []struct {
		word         string // folded
		clitic, stem string
		art          bool
	}{
		{"والكاظمي", "و", "كاظمي", true},
		{"الكاظمي", "", "كاظمي", true},
		{"للامم", "ل", "امم", true},   // ل + ال with the alef elided
		{"وللامم", "ول", "امم", true}, // and also a conjunction
		{"بالعراق", "ب", "عراق", true},
		{"وبغداد", "وب", "غداد", false}, // a feature, not a reading: ب is also a letter of بغداد
		{"كما", "ك", "ما", false},
		{"في", "", "في", false},   // one rune would be left
		{"فال", "ف", "ال", false}, // ال stays when nothing would be left after it
		{"Baghdad", "", "Baghdad", false},
		{"", "", "", false},
	} {
		clitic, art, stem := proclitics(tc.word)
		if clitic != tc.clitic || art != tc.art || stem != tc.stem {
			t.Errorf("proclitics(%q) = %q, %v, %q; want %q, %v, %q", tc.word, clitic, art, stem, tc.clitic, tc.art, tc.stem)
		}
	}
}

// TestFeaturesClitics checks that a word with proclitics shares its
// stripped forms' features with the bare word, and that gazetteer names
// are found through the clitics of their first word.
func TestFeaturesClitics(t *testing.T) {
	m := &Model{gaz: buildGazetteer([]GazetteerName{
		{LexLOC, "العراق"}, {AnerPER, "مصطفى الكاظمي"}, {LexORG, "Munich Re"},
	})}
	for _, tc := range []struct {
		words string
		i     int
		bare  string // a word whose stem, and strip, word i shares
		gaz   uint64
	}{
		{"وصل والعراق", 1, "العراق", 1 << (LexLOC*4 + posWhole)},
		{"وصل بالعراق", 1, "العراق", 1 << (LexLOC*4 + posWhole)},
		{"وصل ومصطفى الكاظمي", 1, "مصطفى", 1 << (AnerPER*4 + posFirst)},
		{"وصل ومصطفى الكاظمي", 2, "الكاظمي", 1 << (AnerPER*4 + posLast)},
		{"at Munich Re .", 1, "Munich", 1 << (LexORG*4 + posFirst)},
		{"at Munich Re .", 2, "Re", 1 << (LexORG*4 + posLast)},
		{"الكاظمي مصطفى", 0, "الكاظمي", 0}, // the words in another order name no one
	} {
		words := strings.Fields(tc.words)
		toks := make([]token, len(words))
		m.analyse(words, toks)
		bare := make([]token, 1)
		m.analyse([]string{tc.bare}, bare)
		got := toks[tc.i]
		if got.stem != bare[0].stem || got.strip != bare[0].strip {
			t.Errorf("%q word %d: stem or strip differs from %q's", tc.words, tc.i, tc.bare)
		}
		if got.gaz != tc.gaz {
			t.Errorf("%q word %d: gazetteer marks %b, want %b", tc.words, tc.i, got.gaz, tc.gaz)
		}
	}
}

// fixture is a tiny training set: names the model must learn from their
// neighbours and shapes.
var fixture = []Sentence{
	{strings.Fields("John Smith visited Paris ."), strings.Fields("B-PER I-PER O B-LOC O")},
	{strings.Fields("Mary Jones left Berlin for Reuters ."), strings.Fields("B-PER I-PER O B-LOC O B-ORG O")},
	{strings.Fields("the German team beat Acme Corp ."), strings.Fields("O B-MISC O O B-ORG I-ORG O")},
	{strings.Fields("زار محمد علي بغداد ."), strings.Fields("O B-PERS I-PERS B-LOC O")},
	{strings.Fields("وقال سامي في البصرة ."), strings.Fields("O B-PER O B-LOC O")},
}

func trainFixture(t *testing.T, seed uint64) (*Model, []byte) {
	t.Helper()
	m, err := Train(fixture, TrainOptions{
		Lang: "test", Epochs: 5, Seed: seed,
		Gazetteers: []GazetteerName{{AnerLOC, "البصرة"}, {LexORG, "Reuters"}},
		Clusters:   map[string]string{"paris": "0110", "berlin": "0111", "بغداد": "01101"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	return m, b.Bytes()
}

func TestTrainDeterministic(t *testing.T) {
	_, a := trainFixture(t, 7)
	_, b := trainFixture(t, 7)
	if !bytes.Equal(a, b) {
		t.Errorf("two trainings with seed 7: models of %d and %d bytes differ", len(a), len(b))
	}
}

func TestTrainLearns(t *testing.T) {
	m, _ := trainFixture(t, 1)
	for _, s := range fixture {
		got := m.Tag(s.Words)
		want := make([]string, len(s.Tags))
		for i, tag := range s.Tags {
			want[i] = tagNames[tagIndex(tag)]
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("Tag(%q) = %v, want %v (a training sentence)", s.Words, got, want)
		}
	}
}

func TestTrainErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sents []Sentence
		opts  TrainOptions
	}{
		{"no epochs", fixture, TrainOptions{}},
		{"bad tag", []Sentence{{[]string{"a"}, []string{"B-FOO"}}}, TrainOptions{Epochs: 1}},
		{"tags and words", []Sentence{{[]string{"a", "b"}, []string{"O"}}}, TrainOptions{Epochs: 1}},
		{"bad cluster", fixture, TrainOptions{Epochs: 1, Clusters: map[string]string{"a": "012"}}},
	} {
		if _, err := Train(tc.sents, tc.opts); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

// TestSaveLoad checks that a model read back tags as the one saved, and
// saves to the same bytes.
func TestSaveLoad(t *testing.T) {
	m, saved := trainFixture(t, 3)
	got, err := Load(bytes.NewReader(saved))
	if err != nil {
		t.Fatal(err)
	}
	if got.Lang != "test" {
		t.Errorf("Lang = %q, want test", got.Lang)
	}
	var again bytes.Buffer
	if err := got.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(saved, again.Bytes()) {
		t.Errorf("save, load, save: %d bytes then %d", len(saved), again.Len())
	}
	for _, s := range append(fixture, Sentence{Words: strings.Fields("Paris and بغداد and والبصرة")}) {
		if a, b := m.Tag(s.Words), got.Tag(s.Words); strings.Join(a, " ") != strings.Join(b, " ") {
			t.Errorf("Tag(%q): %v trained, %v loaded", s.Words, a, b)
		}
	}
	for _, bad := range [][]byte{nil, []byte("not gzip"), saved[:len(saved)/2]} {
		if _, err := Load(bytes.NewReader(bad)); err == nil {
			t.Errorf("Load of %d bytes: no error", len(bad))
		}
	}
}

func TestDefault(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		words string
	}{
		{"en", "Prime Minister Tony Blair flew to Baghdad on Monday ."},
		{"en", ""},
		{"ar", "قال الرئيس العراقي برهم صالح في بغداد ."},
		{"ar", "( ( ( ."},
	} {
		m, err := Default(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		words := strings.Fields(tc.words)
		got := m.Tag(words)
		if len(got) != len(words) {
			t.Errorf("%s: %d tags for %d words", tc.lang, len(got), len(words))
		}
		if err := validIOB2(got); err != nil {
			t.Errorf("%s: %v", tc.lang, err)
		}
	}
	if _, err := Default("fr"); err == nil {
		t.Error(`Default("fr"): no error`)
	}
}
