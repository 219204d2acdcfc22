package releval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// sampled returns a relation of article a with trigger [t, t+1) and the
// given type, pattern and arguments, ranked.
func sampled(a string, t int, typ graph.RelationType, pattern, subj, obj string) Sampled {
	r := graph.Relation{Type: typ, Subject: subj, Object: obj, Directed: true, Sentence: 1,
		Trigger: graph.Offsets{Start: t, End: t + 1}, Pattern: pattern}
	k := KeyOf(a, r)
	return Sampled{Key: k, Rank: Rank(k), Relation: r}
}

func verdict(s Sampled, v string) Verdict {
	return Verdict{Key: s.Key, Pattern: s.Relation.Pattern, Verdict: v, Note: "n"}
}

func TestScoreVerdicts(t *testing.T) {
	a := sampled("A", 1, graph.Meets, "vso/ar", "x", "y")
	b := sampled("A", 5, graph.Attacks, "vso/ar", "x", "z")
	c := sampled("B", 1, graph.Meets, "svo/ar", "y", "z")
	d := sampled("B", 9, graph.Visits, "svo/ar", "y", "w")
	elsewhere := sampled("C", 1, graph.Meets, "svo/ar", "p", "q") // not in the sample
	for _, tc := range []struct {
		name      string
		sample    []Sampled
		verdicts  []Verdict
		want      []PatternScore
		unchecked []Sampled
	}{
		{"none", nil, nil, []PatternScore{}, nil},
		{"no verdicts", []Sampled{a, b}, nil, []PatternScore{}, []Sampled{a, b}},
		// vso/ar: a right, b wrong; svo/ar: c right; d unchecked.
		{"mixed", []Sampled{a, b, c, d}, []Verdict{verdict(a, Right), verdict(b, Wrong), verdict(c, Right)},
			[]PatternScore{{"svo/ar", 1, 1}, {"vso/ar", 2, 1}}, []Sampled{d}},
		// A verdict outside the sample does not count.
		{"outside", []Sampled{c}, []Verdict{verdict(c, Wrong), verdict(elsewhere, Right)},
			[]PatternScore{{"svo/ar", 1, 0}}, nil},
		// The pattern scored is the relation's now, not the verdict's.
		{"pattern changed", []Sampled{a}, []Verdict{{Key: a.Key, Pattern: "svo/ar", Verdict: Right}},
			[]PatternScore{{"vso/ar", 1, 1}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, unchecked := ScoreVerdicts(tc.sample, tc.verdicts)
			if !reflect.DeepEqual(got, tc.want) || !reflect.DeepEqual(unchecked, tc.unchecked) {
				t.Errorf("ScoreVerdicts = %v, %v; want %v, %v", got, unchecked, tc.want, tc.unchecked)
			}
		})
	}
	// By type: MEETS a, c right; ATTACKS b wrong.
	byType, _ := ScoreVerdictsBy([]Sampled{a, b, c}, []Verdict{verdict(a, Right), verdict(b, Wrong), verdict(c, Right)},
		func(s Sampled) string { return s.Key.Type })
	if want := []PatternScore{{"ATTACKS", 1, 0}, {"MEETS", 2, 2}}; !reflect.DeepEqual(byType, want) {
		t.Errorf("by type %v, want %v", byType, want)
	}
	if tot := Total(byType); tot != (PatternScore{Checked: 3, Right: 2}) || tot.Precision() != 2.0/3 {
		t.Errorf("Total = %+v", tot)
	}
}

// TestStale: a verdict is stale when it names an article of the corpus
// (in the language sampled) and no relation found there; verdicts of
// other articles, languages or corpora are not.
func TestStale(t *testing.T) {
	a := sampled("A", 1, graph.Meets, "vso/ar", "x", "y")
	gone := sampled("A", 7, graph.Meets, "vso/ar", "x", "person:z") // read under another key now
	other := sampled("elsewhere", 1, graph.Meets, "svo/ar", "p", "q")
	english := sampled("E", 1, graph.Meets, "svo/en", "p", "q")
	articles := []read.Article{{ID: "A", Lang: "ar"}, {ID: "B", Lang: "ar"}, {ID: "E", Lang: "en"}}
	vs := []Verdict{verdict(a, Right), verdict(gone, Right), verdict(other, Wrong), verdict(english, Right)}
	got := Stale(vs, articles, "ar", []Sampled{a})
	if len(got) != 1 || got[0].Key != gone.Key {
		t.Errorf("Stale = %+v, want the verdict of %+v alone", got, gone.Key)
	}
	if got := Stale(vs, articles, "", []Sampled{a}); len(got) != 2 {
		t.Errorf("Stale over every language = %+v, want the gone and the English one", got)
	}
}

// TestSample checks the bottom-k property: a relation's rank depends on
// its key only, so adding or removing other relations changes the sample
// only where they enter or leave it.
func TestSample(t *testing.T) {
	var all []Sampled
	for i := range 50 {
		all = append(all, sampled("A", i*10, graph.Meets, "vso/ar", "x", "y"))
	}
	s10 := Sample(all, 10)
	if len(s10) != 10 {
		t.Fatalf("%d sampled, want 10", len(s10))
	}
	for i := 1; i < len(s10); i++ {
		if s10[i-1].Rank > s10[i].Rank {
			t.Fatalf("sample not in rank order at %d", i)
		}
	}
	// Every unsampled relation ranks above every sampled one.
	in := make(map[Key]bool)
	for _, s := range s10 {
		in[s.Key] = true
	}
	for _, s := range all {
		if !in[s.Key] && s.Rank < s10[9].Rank {
			t.Errorf("unsampled %v ranks below the sample's highest", s.Key)
		}
	}
	// Remove five relations outside the sample and add one ranked above
	// it: the sample is the same.
	var changed []Sampled
	for _, s := range all {
		if in[s.Key] || len(changed) < 15 {
			changed = append(changed, s)
		}
	}
	if got := Sample(changed, 10); !reflect.DeepEqual(got, s10) {
		t.Errorf("sample changed with relations outside it")
	}
	// Remove the lowest: the others stay and the 11th enters.
	s11 := Sample(all, 11)
	if got := Sample(all[:0:0], 1); len(got) != 0 {
		t.Errorf("sample of nothing: %v", got)
	}
	var without []Sampled
	for _, s := range all {
		if s.Key != s10[0].Key {
			without = append(without, s)
		}
	}
	if got := Sample(without, 10); !reflect.DeepEqual(got, s11[1:]) {
		t.Errorf("after removing the lowest, sample %v, want %v", got, s11[1:])
	}
	// The rank is pinned: changing it redraws every sample and orphans the
	// verdict files. The value is FNV-1a 64 computed apart, in Python:
	//
	//	s = "newsgraph relation sample v1\x1fA\x1f1\x1f3\x1f9\x1fMEETS\x1fx\x1fy".encode()
	//	h = 0xcbf29ce484222325
	//	for b in s: h = ((h ^ b) * 0x100000001b3) % 2**64
	base := Key{Article: "A", Sentence: 1, Trigger: [2]int{3, 9}, Type: "MEETS", Subject: "x", Object: "y"}
	if got := Rank(base); got != 5772040550533516595 {
		t.Errorf("Rank(%v) = %d, want 5772040550533516595", base, got)
	}
	// Each field counts.
	for _, k := range []Key{
		{Article: "B", Sentence: 1, Trigger: [2]int{3, 9}, Type: "MEETS", Subject: "x", Object: "y"},
		{Article: "A", Sentence: 2, Trigger: [2]int{3, 9}, Type: "MEETS", Subject: "x", Object: "y"},
		{Article: "A", Sentence: 1, Trigger: [2]int{4, 9}, Type: "MEETS", Subject: "x", Object: "y"},
		{Article: "A", Sentence: 1, Trigger: [2]int{3, 9}, Type: "VISITS", Subject: "x", Object: "y"},
		{Article: "A", Sentence: 1, Trigger: [2]int{3, 9}, Type: "MEETS", Subject: "y", Object: "x"},
	} {
		if Rank(k) == Rank(base) {
			t.Errorf("Rank(%v) = Rank(%v)", k, base)
		}
	}
}

func TestReadVerdicts(t *testing.T) {
	good := `{"article": "a/1", "sentence": 2, "trigger": [10, 16], "type": "MEETS", "subject": "x", "object": "y", "pattern": "vso/ar", "verdict": "right"}`
	wrong := `{"article": "a/1", "sentence": 3, "trigger": [10, 16], "type": "MEETS", "subject": "x", "object": "y", "pattern": "vso/ar", "verdict": "wrong", "note": "direction"}`
	for _, tc := range []struct {
		name, in, want string
		n              int
	}{
		{"good", good + "\n\n" + wrong + "\n", "", 2},
		{"empty", "", "", 0},
		{"twice", good + "\n" + good, "line 2: the relation of line 1 again", 0},
		{"unknown field", strings.Replace(good, `"verdict"`, `"colour": "…", "verdict"`, 1), `unknown field "colour"`, 0},
		// A line --write-unchecked wrote, filled in: says what to remove.
		{"line for checking", strings.Replace(good, `"verdict"`, `"rank": 7, "directed": true, "subject_text": "x", "text": "…", "verdict"`, 1),
			`unknown field "rank": a line for checking, not a verdict; remove rank, directed, subject_text, trigger_text, object_text and text`, 0},
		{"bad verdict", strings.Replace(good, `"right"`, `"maybe"`, 1), `verdict "maybe"`, 0},
		{"wrong without note", strings.Replace(wrong, `, "note": "direction"`, "", 1), "without a note", 0},
		{"no pattern", strings.Replace(good, `"vso/ar"`, `""`, 1), "no pattern", 0},
		{"no object", strings.Replace(good, `"object": "y"`, `"object": ""`, 1), "no subject or object", 0},
		{"empty trigger", strings.Replace(good, "[10, 16]", "[10, 10]", 1), "non-empty trigger", 0},
		{"bad json", "{", "line 1", 0},
		{"unknown type", strings.Replace(good, `"MEETS"`, `"LOVES"`, 1), `type "LOVES"`, 0},
		{"lower-case type", strings.Replace(good, `"MEETS"`, `"meets"`, 1), `type "meets"`, 0},
		{"statement", strings.Replace(good, `"MEETS"`, `"STATEMENT"`, 1), "STATEMENT is not sampled", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vs, err := ReadVerdicts(strings.NewReader(tc.in), "v.jsonl")
			if tc.want != "" {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("error %v, want %q", err, tc.want)
				}
				return
			}
			if err != nil || len(vs) != tc.n {
				t.Fatalf("ReadVerdicts = %d, %v; want %d", len(vs), err, tc.n)
			}
		})
	}
}

func TestForChecking(t *testing.T) {
	text := "t\nكريم زار بغداد."
	r := graph.Relation{Type: graph.Visits, Subject: "person:كريم", Object: "baghdad", Sentence: 1, Directed: true,
		Text: "كريم زار بغداد.", TextStart: 2, Pattern: "svo/ar"}
	span := func(s string) graph.Offsets {
		i := strings.Index(text, s)
		return graph.Offsets{Start: i, End: i + len(s)}
	}
	r.SubjectSpan, r.Trigger, r.ObjectSpan = span("كريم"), span("زار"), span("بغداد")
	c := ForChecking(Sampled{Key: KeyOf("a", r), Relation: r})
	if c.SubjectText != "كريم" || c.TriggerText != "زار" || c.ObjectText != "بغداد" || c.Text != r.Text || c.Pattern != "svo/ar" || c.Verdict.Verdict != "" {
		t.Errorf("ForChecking = %+v", c)
	}
}

// sharedArabic is the corpus the hand-checked samples were drawn from,
// beside the repository.
const sharedArabic = "../../../shared/corpora/ar-news-2022/articles.jsonl"

// verdictFiles are the hand-checked Arabic samples and how many verdicts
// each holds (ingest/releval/testdata/verdicts/README.md): 160 of the
// development sample, 100 of each of the two held-out ones.
var verdictFiles = []struct {
	path string
	n    int
}{
	{"testdata/verdicts/ar-news-2022-verdicts.jsonl", 160},
	{"testdata/verdicts/ar-news-2022-heldout-verdicts.jsonl", 100},
	{"testdata/verdicts/ar-news-2022-heldout2-verdicts.jsonl", 100},
}

// TestArabicVerdicts checks each verdict file: its format and keys always;
// and, with the corpus beside the repository, that every verdict names an
// Arabic article of it and a trigger inside that article's text.
func TestArabicVerdicts(t *testing.T) {
	files := make(map[string][]Verdict)
	for _, vf := range verdictFiles {
		vs, err := readVerdictFile(vf.path)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != vf.n {
			t.Errorf("%s: %d verdicts, want %d", vf.path, len(vs), vf.n)
		}
		files[vf.path] = vs
	}
	types := make(map[string]bool)
	for _, ty := range graph.RelationTypes {
		types[string(ty)] = ty != graph.Statement
	}
	for _, vf := range verdictFiles {
		for i, v := range files[vf.path] {
			if !types[v.Type] || !strings.HasSuffix(v.Pattern, "/ar") && !strings.HasSuffix(v.Pattern, "/en") {
				t.Errorf("%s: verdict %d: type %q, pattern %q", vf.path, i+1, v.Type, v.Pattern)
			}
		}
	}

	if _, err := os.Stat(sharedArabic); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but the shared corpus is missing: %v", err)
		}
		t.Skipf("shared corpus not found (%v); it lives beside the repository in ../shared", err)
	}
	texts := make(map[string]string)
	err := read.Read(context.Background(), []string{sharedArabic}, read.ReadOptions{}, func(a read.Article) error {
		if a.Lang == "ar" {
			texts[a.ID] = extract.Text(&a)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, vf := range verdictFiles {
		for i, v := range files[vf.path] {
			text, ok := texts[v.Article]
			switch {
			case !ok:
				t.Errorf("%s: verdict %d: no Arabic article %q in %s", vf.path, i+1, v.Article, sharedArabic)
			case v.Trigger[1] > len(text):
				t.Errorf("%s: verdict %d: trigger %v past the end of article %s (%d bytes)", vf.path, i+1, v.Trigger, v.Article, len(text))
			}
		}
	}
}

// readVerdictFile reads the verdicts of the file at path.
func readVerdictFile(path string) ([]Verdict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadVerdicts(f, path)
}

func TestReseedAndExclude(t *testing.T) {
	var all []Sampled
	for i := range 40 {
		all = append(all, sampled("A", i*10, graph.Meets, "vso/ar", "x", "y"))
	}
	dev := Sample(all, 10)
	other := Reseed(all, "another seed")
	if len(other) != len(all) {
		t.Fatalf("Reseed kept %d of %d", len(other), len(all))
	}
	for i := 1; i < len(other); i++ {
		if other[i-1].Rank > other[i].Rank {
			t.Fatalf("reseeded relations not in rank order at %d", i)
		}
	}
	if reflect.DeepEqual(Sample(other, 10), dev) {
		t.Errorf("another seed drew the same sample")
	}
	if all[0].Rank != Rank(all[0].Key) {
		t.Errorf("Reseed changed its input")
	}
	var checked []Verdict
	for _, s := range dev {
		checked = append(checked, verdict(s, Right))
	}
	held := Exclude(other, checked)
	if len(held) != len(all)-len(dev) {
		t.Fatalf("Exclude kept %d, want %d", len(held), len(all)-len(dev))
	}
	for _, s := range held {
		for _, d := range dev {
			if s.Key == d.Key {
				t.Errorf("held-out relation %v was in the development sample", s.Key)
			}
		}
	}
}

func TestArticleKey(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    read.Article
		want string
	}{
		{"url", read.Article{ID: "https://example.org/a", Input: "/data/x/feed.jsonl"}, "https://example.org/a"},
		{"source record", read.Article{ID: "aljazeera.net:jazeera/politics/600", Input: "/data/x/articles.jsonl"}, "aljazeera.net:jazeera/politics/600"},
		{"scoped record", read.Article{ID: "/work/shared/corpora/c/articles.jsonl#TMP14", Input: "/work/shared/corpora/c/articles.jsonl"}, "c/articles.jsonl#TMP14"},
		{"scoped at the root", read.Article{ID: "/a.jsonl#1", Input: "/a.jsonl"}, "a.jsonl#1"},
		{"foreign link", read.Article{ID: "/d/e/f.xml#https://other.example/1", Input: "/d/e/f.xml"}, "e/f.xml#https://other.example/1"},
		{"stdin", read.Article{ID: "sha256:ab", Input: "stdin"}, "sha256:ab"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ArticleKey(tc.a); got != tc.want {
				t.Errorf("ArticleKey(%+v) = %q, want %q", tc.a, got, tc.want)
			}
		})
	}
}

// A corpus whose records carry bare IDs gets the same keys, and so the
// same sample and the same verdicts, wherever it lies; a verdict file
// written before keys were portable still matches.
func TestKeysDoNotDependOnTheFolder(t *testing.T) {
	const corpus = `{"id": "7", "lang": "en", "title": "Talks", "body": "Joe Biden met Mustafa al-Kadhimi in Washington on Monday."}` + "\n"
	var keys [2][]Key
	var inputs [2]string
	for i := range keys {
		dir := t.TempDir() + "/corpus"
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		inputs[i] = dir + "/articles.jsonl"
		if err := os.WriteFile(inputs[i], []byte(corpus), 0o644); err != nil {
			t.Fatal(err)
		}
		arts, _, err := ReadCorpus(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(arts[0].ID, dir) {
			t.Fatalf("article ID %q is not scoped to its file: the test no longer tests what it says", arts[0].ID)
		}
		lx, err := defaultLexicon()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range FindRelations(extract.NewExtractor(lx), arts, "") {
			keys[i] = append(keys[i], s.Key)
		}
	}
	if len(keys[0]) == 0 {
		t.Fatal("no relation found: the test sentence no longer reads as a meeting")
	}
	if !reflect.DeepEqual(keys[0], keys[1]) {
		t.Fatalf("keys differ by folder:\n%v\n%v", keys[0], keys[1])
	}
	if want := "corpus/articles.jsonl#7"; keys[0][0].Article != want {
		t.Errorf("article key %q, want %q", keys[0][0].Article, want)
	}
	// A verdict naming the first copy by its absolute path, as older
	// verdict files did, matches the relation found in the second.
	old := keys[0][0]
	old.Article = inputs[0] + "#7"
	line := `{"article": "` + old.Article + `", "sentence": 1, "trigger": [` + strconv.Itoa(old.Trigger[0]) + `, ` + strconv.Itoa(old.Trigger[1]) +
		`], "type": "` + old.Type + `", "subject": "` + old.Subject + `", "object": "` + old.Object + `", "pattern": "svo/en", "verdict": "right"}`
	vs, err := ReadVerdicts(strings.NewReader(line), "old.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if vs[0].Key != keys[1][0] {
		t.Errorf("old verdict reads as %+v, want %+v", vs[0].Key, keys[1][0])
	}
}

func TestIsCoNLL(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"anercorp", "فرانكفورت B-LOC\n(د O\nب O\nأعلن O\n", true},
		{"conll2003 with blank lines and -DOCSTART-", "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n", true},
		{"iob1 and odd types", "Kadhimi I-PERS\nmet O\n", true},
		{"lower-case types, as ReadCoNLL takes them", "Kadhimi B-pers\nmet O\n", true},
		{"a byte order mark and CRLF", "\ufeffKadhimi B-PERS\r\nmet O\r\n", true},
		{"a byte order mark on a blank first line", "\ufeff\nKadhimi B-PERS\nmet O\n", true},
		{"a comment line (ReadCoNLL then names it)", "# ANERcorp\nKadhimi B-PERS\nmet O\n", true},
		{"json lines", `{"id": "1", "body": "Biden met Kadhimi."}` + "\n", false},
		{"csv", "id,title,body\n1,Talks,Biden met Kadhimi\n", false},
		{"prose whose first line ends in a tag-like word", "Biden met the head of the vitamin O\nand left.\n", false},
		{"prose whose later line does not end in a tag", "Kadhimi B-PERS\nBiden met the head of the IMF\n", false},
		{"BIOES tags", "Kadhimi S-PERS\n", false},
		{"an empty token (ANERcorp's \" O\")", " O\nKadhimi B-PERS\n", true},
		{"one word that is not a tag", "Kadhimi\n", false},
		{"empty", "\n\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "f.txt")
			if err := os.WriteFile(p, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := isCoNLL(p)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("isCoNLL = %v, want %v", got, tc.want)
			}
		})
	}
}

// A CoNLL gold file reads as a corpus: a document of 50 sentences an
// article, named by the file's last two path elements and its number, so a
// verdict on gold text matches wherever ../shared lies.
func TestReadCorpusCoNLL(t *testing.T) {
	var b strings.Builder
	for i := range 60 { // 60 sentences: two documents, 50 and 10
		if i == 0 {
			b.WriteString("التقى O\nالرئيس O\nالأمريكي O\nجو B-PERS\nبايدن I-PERS\nرئيس O\nالوزراء O\nالعراقي O\nمصطفى B-PERS\nالكاظمي I-PERS\nفي O\nواشنطن B-LOC\n. O\n")
			continue
		}
		b.WriteString("وقال O\nمسؤول O\n. O\n")
	}
	dir := filepath.Join(t.TempDir(), "gold")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "ar.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, problems, err := ReadCorpus(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || problems != 0 {
		t.Fatalf("%d articles, %d problems; want 2 documents (50 + 10 sentences), 0", len(arts), problems)
	}
	for i, a := range arts {
		if want := fmt.Sprintf("gold/ar.txt#doc-%d", i+1); ArticleKey(a) != want {
			t.Errorf("article %d key %q, want %q", i, ArticleKey(a), want)
		}
		if a.Lang != "ar" {
			t.Errorf("article %d language %q, want ar", i, a.Lang)
		}
	}
	if first := strings.SplitN(arts[0].Body, "\n", 2)[0]; first != "التقى الرئيس الأمريكي جو بايدن رئيس الوزراء العراقي مصطفى الكاظمي في واشنطن ." {
		t.Errorf("first sentence %q: want the tokens joined by spaces", first)
	}
	// Named by its bare name from its folder, the file's articles have
	// the same keys.
	t.Chdir(dir)
	bare, _, err := ReadCorpus(context.Background(), "ar.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(bare) != 2 || ArticleKey(bare[0]) != "gold/ar.txt#doc-1" {
		t.Errorf("read as ar.txt from its folder: %d articles, first key %q; want 2, gold/ar.txt#doc-1", len(bare), ArticleKey(bare[0]))
	}
	lx, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	found := FindRelations(extract.NewExtractor(lx), arts, "ar")
	if len(found) == 0 || found[0].Key.Article != "gold/ar.txt#doc-1" || found[0].Relation.Type != graph.Meets {
		t.Fatalf("relations %+v: want Biden MEETS Kadhimi in gold/ar.txt#doc-1", found)
	}
}

// TestReadCorpusWithEncoding: a CSV record holding a windows-1252 byte is
// skipped (a problem) when the corpus is read as UTF-8, and read, the byte
// decoded, with its encoding; a record read with a warning (a date of two
// digits) is no problem.
func TestReadCorpusWithEncoding(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.csv")
	csv := "title,body,date\n" +
		"Talks,Joe Biden met Mustafa al-Kadhimi in Washington.,8/1/16\n" +
		"Strikes,\x95 Russia attacked Ukraine on Monday.,2022-02-28\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	utf8Arts, problems, err := ReadCorpus(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if len(utf8Arts) != 1 || problems != 1 {
		t.Fatalf("read as UTF-8: %d articles, %d problems; want 1 and the windows-1252 record the one problem", len(utf8Arts), problems)
	}
	arts, problems, err := ReadCorpusWith(context.Background(), path, read.ReadOptions{Encoding: "windows-1252"})
	if err != nil {
		t.Fatal(err)
	}
	if problems != 0 {
		t.Errorf("read as windows-1252: %d problems; want 0 (a warned date is read all the same)", problems)
	}
	if len(arts) != 2 || !strings.HasPrefix(arts[1].Body, "• Russia") {
		t.Fatalf("read as windows-1252: %d articles, second body %q; want 2, the bullet decoded", len(arts), arts[len(arts)-1].Body)
	}
	if arts[0].ID != utf8Arts[0].ID {
		t.Errorf("the ASCII record's ID changed with the encoding: %q, %q", arts[0].ID, utf8Arts[0].ID)
	}
}
