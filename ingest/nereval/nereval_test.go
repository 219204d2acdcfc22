package nereval

import (
	"math"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

func TestSpans(t *testing.T) {
	for _, tc := range []struct {
		name string
		tags string
		want []Span
	}{
		{"empty", "", nil},
		{"all O", "O O O", nil},
		{"IOB2", "B-PER I-PER O B-LOC", []Span{{"PER", 0, 2}, {"LOC", 3, 4}}},
		{"B after B starts a new chunk", "B-PER B-PER I-PER", []Span{{"PER", 0, 1}, {"PER", 1, 3}}},
		{"IOB1: I- after O starts a chunk", "O I-ORG I-ORG O", []Span{{"ORG", 1, 3}}},
		{"IOB1: I- at the start", "I-LOC O", []Span{{"LOC", 0, 1}}},
		{"type switch inside I-", "B-ORG I-ORG I-LOC I-LOC", []Span{{"ORG", 0, 2}, {"LOC", 2, 4}}},
		{"B- of another type", "B-PER B-LOC I-LOC", []Span{{"PER", 0, 1}, {"LOC", 1, 3}}},
		{"chunk at the end", "O O B-MISC I-MISC", []Span{{"MISC", 2, 4}}},
		{"PERS read as PER", "B-PERS I-PERS I-PER", []Span{{"PER", 0, 3}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var tags []string
			if tc.tags != "" {
				tags = strings.Fields(tc.tags)
			}
			if got := Spans(tags); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Spans(%s) = %v, want %v", tc.tags, got, tc.want)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func checkCounts(t *testing.T, what string, c Counts, gold, pred, correct int, p, r, f float64) {
	t.Helper()
	if c.Gold != gold || c.Predicted != pred || c.Correct != correct {
		t.Errorf("%s: counts %+v, want gold %d predicted %d correct %d", what, c, gold, pred, correct)
	}
	if !near(c.Precision(), p) || !near(c.Recall(), r) || !near(c.F1(), f) {
		t.Errorf("%s: P/R/F1 %.4f/%.4f/%.4f, want %.4f/%.4f/%.4f", what, c.Precision(), c.Recall(), c.F1(), p, r, f)
	}
}

func TestScore(t *testing.T) {
	gold := [][]Span{
		{{PER, 0, 2}, {LOC, 4, 5}, {MISC, 6, 7}},
		{{ORG, 0, 3}, {PER, 5, 6}},
		{}, // a sentence without entities
		{{LOC, 1, 2}, {LOC, 3, 4}},
	}
	pred := [][]Span{
		{{PER, 0, 2}, {LOC, 4, 5}},              // both right
		{{ORG, 0, 2}, {LOC, 5, 6}},              // a boundary error, a type error
		{{PER, 1, 2}},                           // nothing there
		{{LOC, 1, 2}, {LOC, 3, 4}, {LOC, 3, 4}}, // a duplicate counts once
	}
	r := Score(gold, pred, nil)
	if !reflect.DeepEqual(r.Types, DefaultTypes) {
		t.Errorf("types %v", r.Types)
	}
	// PER: gold 2 (0-2, 5-6), predicted 2 (0-2, 1-2), correct 1.
	// P = 1/2, R = 1/2, F1 = 2·.5·.5/(.5+.5) = .5
	checkCounts(t, "PER", r.PerType[PER], 2, 2, 1, 0.5, 0.5, 0.5)
	// LOC: gold 3 (4-5, 1-2, 3-4), predicted 4 (4-5, 5-6, 1-2, 3-4), correct 3.
	// P = 3/4, R = 3/3 = 1, F1 = 2·.75·1/1.75 = 6/7
	checkCounts(t, "LOC", r.PerType[LOC], 3, 4, 3, 0.75, 1, 6.0/7)
	// ORG: gold 1 (0-3), predicted 1 (0-2), correct 0: P = R = F1 = 0.
	checkCounts(t, "ORG", r.PerType[ORG], 1, 1, 0, 0, 0, 0)
	// Micro: gold 2+3+1 = 6, predicted 2+4+1 = 7, correct 1+3+0 = 4.
	// P = 4/7, R = 4/6 = 2/3, F1 = 2·(4/7)(2/3)/(4/7+2/3) = (16/21)/(26/21) = 8/13
	checkCounts(t, "micro", r.Micro, 6, 7, 4, 4.0/7, 2.0/3, 8.0/13)
	if _, ok := r.PerType[MISC]; ok {
		t.Error("MISC scored though not asked for")
	}

	// With MISC: gold 1, predicted 0; micro gold 7, predicted 7, correct 4.
	// P = R = F1 = 4/7.
	r = Score(gold, pred, []string{PER, LOC, ORG, MISC})
	checkCounts(t, "MISC", r.PerType[MISC], 1, 0, 0, 0, 0, 0)
	checkCounts(t, "micro with MISC", r.Micro, 7, 7, 4, 4.0/7, 4.0/7, 4.0/7)

	// Nothing predicted, nothing in the gold: zeros, not NaN.
	r = Score(nil, nil, nil)
	checkCounts(t, "empty", r.Micro, 0, 0, 0, 0, 0, 0)
}

func TestErrors(t *testing.T) {
	tokens := [][]string{
		strings.Fields("Joe Biden met Kadhimi in Baghdad"),
		strings.Fields("Biden flew to Baghdad"),
		strings.Fields("Iraqi officials met Biden"),
	}
	gold := [][]Span{
		{{PER, 1, 2}, {PER, 3, 4}, {LOC, 5, 6}},
		{{PER, 0, 1}, {ORG, 3, 4}},
		{{MISC, 0, 1}, {PER, 3, 4}},
	}
	pred := [][]Span{
		{{PER, 0, 2}, {PER, 3, 4}, {LOC, 5, 6}},
		{{PER, 0, 1}, {LOC, 3, 4}},
		{{LOC, 0, 1}},
	}
	got := Errors(tokens, gold, pred, nil, -1)
	want := []Error{
		{"FN", PER, "Biden", 2}, // sentences 1 and 3
		{"FN", ORG, "Baghdad", 1},
		{"FP", LOC, "Baghdad", 1},
		{"FP", LOC, "Iraqi", 1}, // the MISC gold chunk is ignored, the LOC prediction is not
		{"FP", PER, "Joe Biden", 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Errors:\n got %v\nwant %v", got, want)
	}
	if got := Errors(tokens, gold, pred, nil, 2); !reflect.DeepEqual(got, want[:2]) {
		t.Errorf("top 2: %v", got)
	}
	if got := Errors(tokens, gold, pred, []string{PER, LOC, ORG, MISC}, -1); len(got) != 6 || got[1] != (Error{"FN", MISC, "Iraqi", 1}) {
		t.Errorf("with MISC: %v", got)
	}
}

func readFixture(t *testing.T, name string, opts Options) []Document {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadCoNLLWith(f, name, opts)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestReadCoNLLANERcorpStyle(t *testing.T) {
	// No blank lines: sentences end at "." tagged O; no -DOCSTART-: a
	// document every DocSentences sentences. The file starts with a BOM and
	// has an empty token (" O") as ANERcorp does.
	docs := readFixture(t, "anercorp-like.txt", Options{DocSentences: 2})
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 2 {
		t.Fatalf("want 2 documents of 2 sentences, got %d: %+v", len(docs), docs)
	}
	if docs[0].Name != "anercorp-like.txt:1" || docs[1].Name != "anercorp-like.txt:14" {
		t.Errorf("names %q, %q", docs[0].Name, docs[1].Name)
	}
	s := docs[0].Sentences[0]
	if s.Line != 1 || strings.Join(s.Tokens, " ") != "قال مصطفى الكاظمي في بغداد ." ||
		strings.Join(s.Tags, " ") != "O B-PER I-PER O B-LOC O" {
		t.Errorf("first sentence %+v", s)
	}
	s = docs[0].Sentences[1]
	if s.Line != 7 || len(s.Tokens) != 7 || s.Tokens[0] != "" || s.Tokens[3] != "والكاظمي" {
		t.Errorf("second sentence %+v", s)
	}
	// The last sentence has no "." and ends with the file.
	if got := docs[1].Gold(); !reflect.DeepEqual(got, [][]Span{{{MISC, 0, 2}, {LOC, 3, 4}}, {{ORG, 0, 2}}}) {
		t.Errorf("gold of the second document %v", got)
	}
	// The default: 50 sentences a document; 0: the whole file.
	for _, n := range []int{DefaultDocSentences, 0} {
		if docs := readFixture(t, "anercorp-like.txt", Options{DocSentences: n}); len(docs) != 1 || len(docs[0].Sentences) != 4 {
			t.Errorf("DocSentences %d: %d documents", n, len(docs))
		}
	}
}

func TestReadCoNLL2003Style(t *testing.T) {
	f, err := os.Open("testdata/conll2003-like.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f, "conll2003-like.txt")
	if err != nil {
		t.Fatal(err)
	}
	// Two documents of two sentences: "." does not end sentences when
	// blank lines do, and -DOCSTART- wins over DocSentences.
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 2 {
		t.Fatalf("documents %+v", docs)
	}
	if docs[0].Name != "conll2003-like.txt:3" || docs[1].Name != "conll2003-like.txt:23" {
		t.Errorf("names %q, %q", docs[0].Name, docs[1].Name)
	}
	want := [][]Span{
		{{PER, 0, 2}, {PER, 3, 5}, {LOC, 6, 7}},
		{{PER, 0, 1}, {LOC, 3, 4}, {MISC, 5, 6}}, // I-PER opens a chunk (IOB1)
	}
	if got := docs[0].Gold(); !reflect.DeepEqual(got, want) {
		t.Errorf("gold %v, want %v", got, want)
	}
	if s := docs[0].Sentences[0]; s.Tokens[4] != "al-Kadhimi" || s.Tags[4] != "I-PER" {
		t.Errorf("tokens %q tags %q", s.Tokens, s.Tags)
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a O\nb B-PER\nc X-PER\n", "read gold.txt line 3: tag \"X-PER\""},
		{"a O\n\nb PER\n", "read gold.txt line 3: tag \"PER\""},
		{"a O\nword\n", "read gold.txt line 2: \"word\": want TOKEN ... TAG"},
		{"a O\nb B-\n", "read gold.txt line 2"},
	} {
		_, err := ReadCoNLL(strings.NewReader(tc.in), "gold.txt")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ReadCoNLL(%q): %v, want %q", tc.in, err, tc.want)
		}
	}
	// CRLF line ends and a trailing blank line are fine.
	docs, err := ReadCoNLL(strings.NewReader("Baghdad B-LOC\r\n.\tO\r\n\r\n"), "crlf.txt")
	if err != nil || len(docs) != 1 || !reflect.DeepEqual(docs[0].Gold(), [][]Span{{{LOC, 0, 1}}}) {
		t.Errorf("CRLF: %v %+v", err, docs)
	}
}

// defaultLexicon is built once: the built-in lexicon takes a while.
var defaultLexicon = sync.OnceValues(lexicon.Default)

func defaultExtractor(t *testing.T) *extract.Extractor {
	t.Helper()
	lex, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	return extract.NewExtractor(lex)
}

func doc(sentences ...string) Document {
	var d Document
	for _, s := range sentences {
		toks := strings.Fields(s)
		tags := make([]string, len(toks))
		for i := range tags {
			tags[i] = "O"
		}
		d.Sentences = append(d.Sentences, Sentence{Tokens: toks, Tags: tags})
	}
	return d
}

func TestPredict(t *testing.T) {
	x := defaultExtractor(t)
	for _, tc := range []struct {
		name string
		doc  Document
		want [][]Span
	}{
		{"Arabic",
			doc("قال مصطفى الكاظمي في بغداد", "التقى بايدن والكاظمي"),
			// والكاظمي: the name inside a token with a clitic takes the token.
			[][]Span{{{PER, 1, 3}, {LOC, 4, 5}}, {{PER, 1, 2}, {PER, 2, 3}}}},
		{"English",
			// al-Kadhimi is one gold token, two extractor tokens.
			doc("Joe Biden met Mustafa al-Kadhimi in Baghdad .", "Kadhimi flew to Tehran ."),
			[][]Span{{{PER, 0, 2}, {PER, 3, 5}, {LOC, 6, 7}}, {{PER, 0, 1}, {LOC, 3, 4}}}},
		{"empty sentences",
			doc("", "Kadhimi in Baghdad", "", "Raisi"),
			[][]Span{nil, {{PER, 0, 1}, {LOC, 2, 3}}, nil, {{PER, 0, 1}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Predict(x, tc.doc); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Predict = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestPredictArticle(t *testing.T) {
	a, offsets := Article(doc("قال الكاظمي", "في بغداد"))
	text := extract.Text(a)
	if a.Title != "" || a.Body != "قال الكاظمي\nفي بغداد" || a.Lang != "ar" {
		t.Errorf("article %+v", a)
	}
	for i, s := range [][]string{{"قال", "الكاظمي"}, {"في", "بغداد"}} {
		for j, tok := range s {
			if o := offsets[i][j]; text[o[0]:o[1]] != tok {
				t.Errorf("token %d.%d at %v is %q, want %q", i, j, o, text[o[0]:o[1]], tok)
			}
		}
	}
}

func TestPredictDropsAdjectivesAndRoles(t *testing.T) {
	lex, err := lexicon.New([]*lexicon.Entry{
		{ID: "iraq", Type: "location", Name: "Iraq", NameAr: "العراق", Adjectives: []string{"العراقي", "Iraqi"}},
		{ID: "pm", Type: "person", Name: "Mustafa al-Kadhimi", NameAr: "مصطفى الكاظمي",
			Roles: []lexicon.Role{{Title: "Prime Minister of Iraq", Phrases: []string{"Iraqi prime minister"}, From: "2020-05-07"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	x := extract.NewExtractor(lex)
	got := Predict(x, doc("the Iraqi army entered Iraq", "the Iraqi prime minister spoke"))
	want := [][]Span{{{LOC, 4, 5}}, nil}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Predict = %v, want %v (adjectives and roles are not names)", got, want)
	}
}

func TestNonOverlapping(t *testing.T) {
	got := nonOverlapping([]Span{{LOC, 2, 3}, {ORG, 1, 4}, {PER, 0, 1}, {PER, 3, 5}, {LOC, 5, 6}, {PER, 5, 6}})
	// ORG 1-4 is longest; PER 3-5 overlaps it; of LOC 5-6 and PER 5-6 the
	// first wins.
	want := []Span{{PER, 0, 1}, {ORG, 1, 4}, {LOC, 5, 6}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("nonOverlapping = %v, want %v", got, want)
	}
}

func TestRunAndEvaluate(t *testing.T) {
	docs := readFixture(t, "conll2003-like.txt", Options{DocSentences: DefaultDocSentences})
	c := Run(defaultExtractor(t), docs)
	if c.Documents != 2 || c.Sentences != 4 || c.Tokens != 26 || len(c.Gold) != 4 || len(c.Pred) != 4 {
		t.Fatalf("corpus %d docs %d sentences %d tokens", c.Documents, c.Sentences, c.Tokens)
	}
	r := c.Evaluate(nil, 10)
	// The fixture's mistakes are deliberate: Baghdad tagged ORG (FP LOC, FN
	// ORG), and "Joe Biden" where the gold marks only "Biden" (FP, FN).
	// PER 4 of 5 both ways; LOC 2 of 2 gold, 3 predicted; ORG 1 of 2, 1
	// predicted. Micro: 7 correct of 9 gold and 9 predicted.
	checkCounts(t, "PER", r.PerType[PER], 5, 5, 4, 0.8, 0.8, 0.8)
	checkCounts(t, "LOC", r.PerType[LOC], 2, 3, 2, 2.0/3, 1, 0.8)
	checkCounts(t, "ORG", r.PerType[ORG], 2, 1, 1, 1, 0.5, 2.0/3)
	checkCounts(t, "micro", r.Micro, 9, 9, 7, 7.0/9, 7.0/9, 7.0/9)
	if len(r.Errors) != 4 || r.Errors[3] != (Error{"FP", PER, "Joe Biden", 1}) {
		t.Errorf("errors %v", r.Errors)
	}
}

func TestByMethod(t *testing.T) {
	x := defaultExtractor(t)
	d := doc("قال مصطفى الكاظمي في بغداد", "والتقى كريم حداد الكاظمي")
	// Gold: the two people and Baghdad; the second الكاظمي is left out,
	// so its mention is a false positive.
	d.Sentences[0].Tags = []string{"O", "B-PER", "I-PER", "O", "B-LOC"}
	d.Sentences[1].Tags = []string{"O", "B-PER", "I-PER", "O"}
	got := ByMethod(x, []Document{d})
	want := []MethodCount{
		{"lexicon", LOC, 1, 1}, // بغداد
		{"lexicon", PER, 2, 1}, // مصطفى الكاظمي; then الكاظمي, not in the gold
		{"tagger", PER, 1, 1},  // كريم حداد, which the lexicon does not know
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ByMethod = %+v, want %+v", got, want)
	}
	if p := want[1].Precision(); p != 0.5 {
		t.Errorf("precision %v, want 0.5", p)
	}
}
