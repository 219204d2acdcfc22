package releval

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

// fixture is testdata/re3d-like: invented sentences in re3d's format, two
// source folders. Source A's files start with a byte order mark and its
// texts have non-ASCII letters before the annotated spans (Señora Ramírez,
// the Ödland Council), so code-point offsets differ from byte offsets.
//
//	A1: CommWith, CoLocated (unmapped), FightingAgainst, Dislikes
//	A2: CommWith ("Talks between"), Likes (trigger " backed " with spaces)
//	B1: Dislikes ("threatened"), AlliesOf, FightingAgainst
//	B2: no relations
const fixture = "testdata/re3d-like"

func readFixture(t *testing.T) []Document {
	t.Helper()
	docs, err := Read(fixture)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestRead(t *testing.T) {
	docs := readFixture(t)
	var ids, sources []string
	for _, d := range docs {
		ids = append(ids, d.ID)
		sources = append(sources, d.Source)
	}
	if want := []string{"A1", "A2", "B1", "B2"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("documents %v, want %v", ids, want)
	}
	if want := []string{"Source A", "Source A", "Source B", "Source B"}; !reflect.DeepEqual(sources, want) {
		t.Errorf("sources %v, want %v", sources, want)
	}
	if docs[0].Title != "Velmar talks" || !strings.HasPrefix(docs[0].Text, "Señora Ramírez met") ||
		docs[0].Origin != filepath.Join(fixture, "Source A", DocumentsFile)+":1" {
		t.Errorf("A1: %+v", docs[0])
	}
	// Every offset, converted to bytes, cuts out the annotated text.
	n := 0
	for _, d := range docs {
		for _, r := range d.Relations {
			n++
			if got := d.Text[r.Source.Start:r.Source.End]; got != r.SourceText {
				t.Errorf("%s source %q, want %q", r.ID, got, r.SourceText)
			}
			if got := d.Text[r.Target.Start:r.Target.End]; got != r.TargetText {
				t.Errorf("%s target %q, want %q", r.ID, got, r.TargetText)
			}
			if got := d.Text[r.Trigger.Start:r.Trigger.End]; got != r.TriggerText || got != strings.TrimSpace(got) {
				t.Errorf("%s trigger %q, want %q trimmed", r.ID, got, r.TriggerText)
			}
		}
	}
	if n != 9 {
		t.Errorf("%d relations, want 9", n)
	}
	likes := docs[1].Relations[1]
	if likes.Type != Likes || likes.TriggerText != "backed" || likes.TargetText != "the Ödland Council" ||
		likes.Target.Start != len("Talks between the Ödland Council and the Blue League ended. The Blue League backed ") {
		t.Errorf("A2 Likes: %+v", likes)
	}
	if c := docs[0].Relations[3].Confidence; c != 0.8 {
		t.Errorf("A1 Dislikes confidence %v, want 0.8", c)
	}

	// One source folder alone.
	one, err := Read(filepath.Join(fixture, "Source B"))
	if err != nil || len(one) != 2 || one[0].ID != "B1" || len(one[0].Relations) != 3 || len(one[1].Relations) != 0 {
		t.Errorf("Read(Source B) = %+v, %v", one, err)
	}

	types, counts := Types(docs)
	if want := []string{CommWith, Dislikes, FightingAgainst, AlliesOf, CoLocated, Likes}; !reflect.DeepEqual(types, want) {
		t.Errorf("Types = %v, want %v", types, want)
	}
	if counts[CommWith] != 2 || counts[CoLocated] != 1 {
		t.Errorf("counts %v", counts)
	}
}

func TestReadErrors(t *testing.T) {
	doc := `{"_id": "D", "title": "t", "text": "Ärzte met Bob."}` + "\n"
	rel := func(fields string) string {
		return `{"_id": "R", "documentId": "D", "type": "CommWith", "begin": 6, "end": 9, "value": "met", ` + fields + "}\n"
	}
	good := rel(`"sourceBegin": 0, "sourceEnd": 5, "source": "Ärzte", "targetBegin": 10, "targetEnd": 13, "target": "Bob"`)
	for _, tc := range []struct {
		name, docs, rels, want string
	}{
		{"good", doc, good, ""},
		{"blank lines", "\n" + doc + "\n", "\n" + good, ""},
		{"unknown document", doc, strings.Replace(good, `"D"`, `"E"`, 1), `relation R of document "E", which documents.json does not hold`},
		{"no type", doc, strings.Replace(good, `"CommWith"`, `""`, 1), "relation R without a type"},
		{"bad json", doc, "{\n", "relations.json line 1: unexpected end of JSON input"},
		{"no text", `{"_id": "D"}`, "", "documents.json line 1: document D without a text"},
		{"no id", `{"text": "x"}`, "", "document without an _id"},
		{"twice", doc + doc, "", "line 2: document D read twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, DocumentsFile), []byte(tc.docs), 0o644)
			os.WriteFile(filepath.Join(dir, RelationsFile), []byte(tc.rels), 0o644)
			docs, err := Read(dir)
			if tc.want == "" {
				if err != nil || len(docs) != 1 || len(docs[0].Relations) != 1 {
					t.Fatalf("Read = %+v, %v", docs, err)
				}
				if r := docs[0].Relations[0]; r.SourceText != "Ärzte" || docs[0].Text[r.Target.Start:r.Target.End] != "Bob" {
					t.Errorf("relation %+v", r)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Read error %v, want %q", err, tc.want)
			}
		})
	}

	empty := t.TempDir()
	os.Mkdir(filepath.Join(empty, "sub"), 0o755)
	if _, err := Read(empty); err == nil || !strings.Contains(err.Error(), "no documents.json here nor in any subfolder") {
		t.Errorf("Read(empty folder): %v", err)
	}
	if _, err := Read(filepath.Join(empty, "missing")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("Read(missing): %v", err)
	}
	noRels := t.TempDir()
	os.WriteFile(filepath.Join(noRels, DocumentsFile), []byte(doc), 0o644)
	if _, err := Read(noRels); err == nil || !strings.Contains(err.Error(), RelationsFile) {
		t.Errorf("Read without relations.json: %v", err)
	}
	// The same document in two source folders.
	dup := t.TempDir()
	for _, s := range []string{"a", "b"} {
		os.Mkdir(filepath.Join(dup, s), 0o755)
		os.WriteFile(filepath.Join(dup, s, DocumentsFile), []byte(doc), 0o644)
		os.WriteFile(filepath.Join(dup, s, RelationsFile), nil, 0o644)
	}
	if _, err := Read(dup); err == nil || !strings.Contains(err.Error(), "document D is also at") {
		t.Errorf("Read(duplicate document): %v", err)
	}
}

func TestArticleOffsets(t *testing.T) {
	for _, d := range readFixture(t) {
		a := Article(d)
		text := extract.Text(a)
		if a.Title != "" || a.Lang != "en" || text[Base:] != d.Text {
			t.Fatalf("%s: article %+v", d.ID, a)
		}
		for _, r := range d.Relations {
			if got := text[r.Source.Start+Base : r.Source.End+Base]; got != r.SourceText {
				t.Errorf("%s: source at gold offset + Base is %q, want %q", r.ID, got, r.SourceText)
			}
		}
	}
	if Base != 1 {
		t.Errorf("Base = %d; the empty title's line break is one byte", Base)
	}
}

// pred builds a prediction in doc d: each of subj, trig and obj is a piece
// of text, "" for none, or "text#n" for its n-th occurrence (from 1). Offsets
// are into extract.Text, as the extractor's.
func pred(t *testing.T, d Document, typ graph.RelationType, subj, trig, obj string, directed bool) graph.Relation {
	t.Helper()
	at := func(s string) graph.Offsets {
		if s == "" {
			return graph.Offsets{}
		}
		n := 1
		if i := strings.LastIndex(s, "#"); i >= 0 {
			n = int(s[i+1] - '0')
			s = s[:i]
		}
		from := 0
		for k := 1; ; k++ {
			i := strings.Index(d.Text[from:], s)
			if i < 0 {
				t.Fatalf("%q (occurrence %d) not in %s", s, n, d.ID)
			}
			if k == n {
				return graph.Offsets{Start: from + i + Base, End: from + i + len(s) + Base}
			}
			from += i + len(s)
		}
	}
	return graph.Relation{Type: typ, Subject: "s", Object: "o", Directed: directed,
		Trigger: at(trig), SubjectSpan: at(subj), ObjectSpan: at(obj)}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScore(t *testing.T) {
	docs := readFixture(t)
	A1, A2, B1 := docs[0], docs[1], docs[2]
	const (
		att  = "ATTACKS"
		sup  = "SUPPORTS"
		crit = "CRITICIZES/THREATENS"
		meet = "MEETS/DISCUSSES/INVITES/VISITS"
	)
	// Gold per class in the fixture: ATTACKS 2 (FightingAgainst), SUPPORTS 2
	// (Likes, AlliesOf), CRITICIZES/THREATENS 2 (Dislikes), MEETS/… 2
	// (CommWith); CoLocated is unmapped.
	gold := map[string]int{att: 2, sup: 2, crit: 2, meet: 2}
	type want struct {
		args, trigger map[string]int // TP per class; absent: 0
		predicted     map[string]int // scored predictions per class
		negated, stmt int
	}
	for _, tc := range []struct {
		name  string
		preds [][]graph.Relation // per document: A1, A2, B1, B2
		want  want
	}{
		{"nothing predicted", nil, want{}},
		{"every mapped relation, exact spans", [][]graph.Relation{
			{
				pred(t, A1, graph.Meets, "Señora Ramírez", "met", "Colonel Dusk", true),
				pred(t, A1, graph.Attacks, "The Northern Front", "attacked", "the river port of Velmar", true),
				pred(t, A1, graph.Criticizes, "the Blue League", "condemned", "the Northern Front", true),
			},
			{
				pred(t, A2, graph.Discusses, "the Ödland Council", "Talks", "the Blue League", false),
				pred(t, A2, graph.Supports, "The Blue League", "backed", "the Ödland Council#2", true),
			},
			{
				pred(t, B1, graph.Threatens, "General Okoro", "threatened", "the Harbor Guild", true),
				pred(t, B1, graph.Supports, "The Harbor Guild", "side", "the Salt Union", false),
				pred(t, B1, graph.Attacks, "the Salt Union", "fought", "General Okoro#2", true),
			},
		}, want{
			args:      map[string]int{att: 2, sup: 2, crit: 2, meet: 2},
			trigger:   map[string]int{att: 2, sup: 1, crit: 2, meet: 2}, // "side" is not the AlliesOf trigger "and"
			predicted: map[string]int{att: 2, sup: 2, crit: 2, meet: 2},
		}},
		{"arguments overlapping, not equal", [][]graph.Relation{{
			pred(t, A1, graph.Meets, "Ramírez", "met", "Dusk", true),
			pred(t, A1, graph.Attacks, "Northern Front", "attacked", "Velmar#2", true),
		}}, want{args: map[string]int{meet: 1, att: 1}, trigger: map[string]int{meet: 1, att: 1}, predicted: map[string]int{meet: 1, att: 1}}},
		{"arguments next to the gold ones do not overlap", [][]graph.Relation{{
			pred(t, A1, graph.Meets, "met", "met", "Colonel Dusk", true), // "met" only borders the gold source
		}}, want{trigger: map[string]int{meet: 1}, predicted: map[string]int{meet: 1}}},
		{"directed, the wrong way round", [][]graph.Relation{{
			pred(t, A1, graph.Meets, "Colonel Dusk", "met", "Señora Ramírez", true),
		}}, want{trigger: map[string]int{meet: 1}, predicted: map[string]int{meet: 1}}},
		{"undirected, either way round", [][]graph.Relation{{
			pred(t, A1, graph.Meets, "Colonel Dusk", "met", "Señora Ramírez", false),
		}}, want{args: map[string]int{meet: 1}, trigger: map[string]int{meet: 1}, predicted: map[string]int{meet: 1}}},
		{"right arguments, class of another gold type", [][]graph.Relation{{
			pred(t, A1, graph.Attacks, "the Blue League", "condemned", "the Northern Front", true), // gold: Dislikes
		}}, want{predicted: map[string]int{att: 1}}},
		{"an unmapped gold relation is no match", [][]graph.Relation{{
			pred(t, A1, graph.Visits, "Colonel Dusk", "in", "Velmar", true), // gold: CoLocated
		}}, want{predicted: map[string]int{meet: 1}}},
		{"the same relation twice: one match", [][]graph.Relation{{
			pred(t, A1, graph.Meets, "Señora Ramírez", "met", "Colonel Dusk", true),
			pred(t, A1, graph.Discusses, "Ramírez", "met", "Colonel", false),
		}}, want{args: map[string]int{meet: 1}, trigger: map[string]int{meet: 1}, predicted: map[string]int{meet: 2}}},
		{"a gold relation of another document", [][]graph.Relation{nil, nil, nil, {
			pred(t, docs[3], graph.Attacks, "A quiet day", "in", "Velmar", true),
		}}, want{predicted: map[string]int{att: 1}}},
		{"negated and STATEMENT predictions are not scored", [][]graph.Relation{{
			func() graph.Relation {
				r := pred(t, A1, graph.Meets, "Señora Ramírez", "met", "Colonel Dusk", true)
				r.Negated = true
				return r
			}(),
			{Type: graph.Statement, Subject: "s", SubjectSpan: graph.Offsets{Start: 1, End: 7}},
		}}, want{negated: 1, stmt: 1}},
		{"trigger match without the arguments", [][]graph.Relation{nil, {
			pred(t, A2, graph.Supports, "ended", "backed", "Talks", true),
		}}, want{trigger: map[string]int{sup: 1}, predicted: map[string]int{sup: 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(docs, tc.preds)
			if r.Documents != 4 || r.GoldTotal != 9 || r.Unmapped != 1 || r.Gold[CoLocated] != 1 {
				t.Errorf("gold: %d documents, %d relations, %d unmapped, %v", r.Documents, r.GoldTotal, r.Unmapped, r.Gold)
			}
			if r.Negated != tc.want.negated || r.Statements != tc.want.stmt || r.Other != 0 {
				t.Errorf("negated %d, statements %d, other %d; want %d, %d, 0", r.Negated, r.Statements, r.Other, tc.want.negated, tc.want.stmt)
			}
			var sum Counts
			for _, c := range Classes {
				tp, ttp, p := tc.want.args[c.Name], tc.want.trigger[c.Name], tc.want.predicted[c.Name]
				if got := r.Args.PerClass[c.Name]; got != (Counts{gold[c.Name], p, tp}) {
					t.Errorf("%s args: %+v, want gold %d predicted %d TP %d", c.Name, got, gold[c.Name], p, tp)
				}
				if got := r.Trigger.PerClass[c.Name]; got != (Counts{gold[c.Name], p, ttp}) {
					t.Errorf("%s trigger: %+v, want gold %d predicted %d TP %d", c.Name, got, gold[c.Name], p, ttp)
				}
				sum.add(Counts{gold[c.Name], p, tp})
			}
			if r.Args.Micro != sum {
				t.Errorf("micro %+v, want %+v", r.Args.Micro, sum)
			}
			// Every unmatched prediction and gold relation is listed once.
			fp, fn := 0, 0
			for _, e := range r.Errors {
				if e.Kind == "FP" {
					fp++
				} else {
					fn++
				}
			}
			if fp != sum.FP() || fn != sum.FN() {
				t.Errorf("errors list %d FP and %d FN, want %d and %d: %+v", fp, fn, sum.FP(), sum.FN(), r.Errors)
			}
			predicted := 0
			for _, ps := range tc.preds {
				predicted += len(ps)
			}
			if r.Predicted != predicted {
				t.Errorf("predicted %d, want %d", r.Predicted, predicted)
			}
		})
	}
}

func TestScoreByTypeAndErrors(t *testing.T) {
	docs := readFixture(t)
	A1 := docs[0]
	r := Score(docs, [][]graph.Relation{{
		pred(t, A1, graph.Threatens, "the Blue League", "condemned", "the Northern Front", true),
		pred(t, A1, graph.Criticizes, "Colonel Dusk", "met", "Velmar", true),
	}})
	if got, want := r.ByType[graph.Threatens], (TypeCounts{1, 1, 1}); got != want {
		t.Errorf("THREATENS %+v, want %+v", got, want)
	}
	if got, want := r.ByType[graph.Criticizes], (TypeCounts{1, 0, 0}); got != want {
		t.Errorf("CRITICIZES %+v, want %+v", got, want)
	}
	if len(r.ByType) != 8 {
		t.Errorf("ByType has %d types, want the 8 scored ones: %v", len(r.ByType), r.ByType)
	}
	// A1's errors come first, in text order: FN CommWith at 0, FP
	// CRITICIZES at "Colonel Dusk", FN FightingAgainst; then A2's.
	want := []Error{
		{Kind: "FN", Class: "MEETS/DISCUSSES/INVITES/VISITS", Type: CommWith, Document: "A1", Source: "Señora Ramírez", Trigger: "met", Target: "Colonel Dusk", Start: 0},
		{Kind: "FP", Class: "CRITICIZES/THREATENS", Type: "CRITICIZES", Document: "A1", Source: "Colonel Dusk", Trigger: "met", Target: "Velmar", Start: len("Señora Ramírez ")},
		{Kind: "FN", Class: "ATTACKS", Type: FightingAgainst, Document: "A1", Source: "The Northern Front", Trigger: "attacked", Target: "the river port of Velmar"},
	}
	want[2].Start = strings.Index(A1.Text, "The Northern Front")
	if len(r.Errors) < 4 || !reflect.DeepEqual(r.Errors[:3], want) || r.Errors[3].Document != "A2" {
		t.Errorf("errors:\n%+v\nwant first:\n%+v", r.Errors, want)
	}
}

func TestMatching(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edges [][]bool // [pred][gold]
		want  []int
	}{
		{"none", nil, []int{}},
		{"no edges", [][]bool{{false, false}}, []int{-1}},
		{"one to one", [][]bool{{true, false}, {false, true}}, []int{0, 1}},
		{"two predictions, one gold", [][]bool{{true}, {true}}, []int{0, -1}},
		// Greedy would give gold 0 to prediction 0 and leave prediction 1
		// without a match; the maximum matching moves prediction 0 to gold 1.
		{"augmenting path", [][]bool{{true, true}, {true, false}}, []int{1, 0}},
		{"longer path", [][]bool{{true, true, false}, {true, false, false}, {false, true, true}}, []int{1, 0, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nGold := 0
			if len(tc.edges) > 0 {
				nGold = len(tc.edges[0])
			}
			got := matching(len(tc.edges), nGold, func(p, g int) bool { return tc.edges[p][g] })
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("matching = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	for _, tc := range []struct {
		c       Counts
		fp, fn  int
		p, r, f float64
	}{
		{Counts{}, 0, 0, 0, 0, 0},
		{Counts{Gold: 4}, 0, 4, 0, 0, 0},
		{Counts{Predicted: 3}, 3, 0, 0, 0, 0},
		{Counts{Gold: 4, Predicted: 2, TP: 2}, 0, 2, 1, 0.5, 2.0 / 3},
		{Counts{Gold: 10, Predicted: 5, TP: 3}, 2, 7, 0.6, 0.3, 0.4},
	} {
		c := tc.c
		if c.FP() != tc.fp || c.FN() != tc.fn || !near(c.Precision(), tc.p) || !near(c.Recall(), tc.r) || !near(c.F1(), tc.f) {
			t.Errorf("%+v: FP %d FN %d P %v R %v F1 %v; want %d %d %v %v %v", c, c.FP(), c.FN(), c.Precision(), c.Recall(), c.F1(), tc.fp, tc.fn, tc.p, tc.r, tc.f)
		}
	}
}

func TestClasses(t *testing.T) {
	seen := map[graph.RelationType]bool{}
	for _, c := range Classes {
		for _, typ := range c.Types {
			if seen[typ] {
				t.Errorf("%s in two classes", typ)
			}
			seen[typ] = true
		}
	}
	for _, typ := range graph.RelationTypes {
		if !seen[typ] && typ != graph.Statement {
			t.Errorf("%s is in no class", typ)
		}
	}
	if seen[graph.Statement] {
		t.Error("STATEMENT is scored")
	}
	for g, want := range map[string]string{FightingAgainst: "ATTACKS", AlliesOf: "SUPPORTS", Likes: "SUPPORTS",
		Dislikes: "CRITICIZES/THREATENS", CommWith: "MEETS/DISCUSSES/INVITES/VISITS", CoLocated: ""} {
		c, ok := ClassOf(g)
		if c.Name != want || ok != (want != "") {
			t.Errorf("ClassOf(%s) = %q, %v; want %q", g, c.Name, ok, want)
		}
	}
}

var defaultLexicon = sync.OnceValues(lexicon.Default)

// sharedGold is the re3d dev set beside the repository.
const sharedGold = "../../../shared/gold/re3d-dev"

// TestSharedGold reads the re3d dev set: 53 documents in five source
// folders. The counts per type were computed with
//
//	python3 -c 'import json,glob,collections; print(collections.Counter(json.loads(l)["type"] for f in glob.glob("../shared/gold/re3d-dev/*/relations.json") for l in open(f, encoding="utf-8-sig") if l.strip()))'
//
// and the documents with the same over documents.json (53).
func TestSharedGold(t *testing.T) {
	if _, err := os.Stat(sharedGold); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but the shared gold folder is missing: %v", err)
		}
		t.Skipf("shared gold folder not found (%v); it lives beside the repository in ../shared", err)
	}
	docs, err := Read(sharedGold)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 53 {
		t.Errorf("%d documents, want 53", len(docs))
	}
	_, counts := Types(docs)
	want := map[string]int{CoLocated: 259, FightingAgainst: 80, CommWith: 78, IsSynonymOf: 65, BelongsTo: 62,
		AlliesOf: 43, InChargeOf: 42, HasAttrOf: 33, Dislikes: 20, Likes: 19, Apart: 14}
	if !reflect.DeepEqual(counts, want) {
		t.Errorf("gold relations per type %v, want %v", counts, want)
	}
	lex, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	r := Run(extract.NewExtractor(lex), docs)
	t.Logf("args %+v, trigger %+v; %d predicted (%d negated, %d STATEMENT)", r.Args.Micro, r.Trigger.Micro, r.Predicted, r.Negated, r.Statements)
	// 240 scored: FightingAgainst 80, AlliesOf 43 + Likes 19, Dislikes 20,
	// CommWith 78; 475 unmapped.
	if r.GoldTotal != 715 || r.Unmapped != 475 || r.Args.Micro.Gold != 240 {
		t.Errorf("gold %d, unmapped %d, scored %d; want 715, 475, 240", r.GoldTotal, r.Unmapped, r.Args.Micro.Gold)
	}
	for name, n := range map[string]int{"ATTACKS": 80, "SUPPORTS": 62, "CRITICIZES/THREATENS": 20, "MEETS/DISCUSSES/INVITES/VISITS": 78} {
		if g := r.Args.PerClass[name].Gold; g != n {
			t.Errorf("%s: %d gold, want %d", name, g, n)
		}
	}
	if m := r.Args.Micro; m.TP > m.Predicted || m.TP > r.Trigger.Micro.Predicted || r.Predicted < m.Predicted+r.Negated+r.Statements {
		t.Errorf("inconsistent counts: %+v", r)
	}
}

func TestPatterns(t *testing.T) {
	docs := readFixture(t)
	A1 := docs[0]
	with := func(r graph.Relation, pattern string, negated bool) graph.Relation {
		r.Pattern, r.Negated = pattern, negated
		return r
	}
	for _, tc := range []struct {
		name  string
		preds []graph.Relation // in A1
		want  []PatternScore
	}{
		{"nothing predicted", nil, []PatternScore{}},
		{"right and wrong by one pattern, sorted by pattern", []graph.Relation{
			with(pred(t, A1, graph.Meets, "Señora Ramírez", "met", "Colonel Dusk", true), "svo/en", false),          // gold CommWith: right
			with(pred(t, A1, graph.Criticizes, "Colonel Dusk", "met", "Velmar", true), "svo/en", false),             // no gold: wrong
			with(pred(t, A1, graph.Attacks, "The Northern Front", "attacked", "Velmar#2", true), "agent/en", false), // gold FightingAgainst: right
		}, []PatternScore{{"agent/en", 1, 1}, {"svo/en", 2, 1}}},
		{"negated and STATEMENT predictions are in no pattern", []graph.Relation{
			with(pred(t, A1, graph.Meets, "Señora Ramírez", "met", "Colonel Dusk", true), "svo/en", true),
			{Type: graph.Statement, Subject: "s", Pattern: "statement-before/en", SubjectSpan: graph.Offsets{Start: 1, End: 7}},
		}, []PatternScore{}},
		{"the same relation twice: the second is wrong", []graph.Relation{
			with(pred(t, A1, graph.Meets, "Señora Ramírez", "met", "Colonel Dusk", true), "svo/en", false),
			with(pred(t, A1, graph.Discusses, "Ramírez", "met", "Colonel", false), "vso/en", false),
		}, []PatternScore{{"svo/en", 1, 1}, {"vso/en", 1, 0}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Patterns(Score(docs, [][]graph.Relation{tc.preds}))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("patterns %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestMergePatterns(t *testing.T) {
	got := MergePatterns(
		[]PatternScore{{"svo/en", 7, 3}, {"agent/en", 2, 2}},
		nil,
		[]PatternScore{{"vso/ar", 10, 8}, {"svo/en", 1, 0}},
	)
	want := []PatternScore{{"agent/en", 2, 2}, {"svo/en", 8, 3}, {"vso/ar", 10, 8}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged %+v, want %+v", got, want)
	}
	if p := want[1].Precision(); p != 3.0/8 {
		t.Errorf("precision %v, want 3/8", p)
	}
}

func TestConfusion(t *testing.T) {
	docs := readFixture(t)
	A1 := docs[0]
	r := Score(docs, [][]graph.Relation{{
		pred(t, A1, graph.Meets, "Señora Ramírez", "met", "Colonel Dusk", true),             // gold CommWith, matched
		pred(t, A1, graph.Attacks, "Señora Ramírez", "met", "Colonel Dusk", true),           // the same parties, another type
		pred(t, A1, graph.Criticizes, "Colonel Dusk", "met", "Velmar", true),                // gold CoLocated joins them
		pred(t, A1, graph.Supports, "met", "met", "attacked", true),                         // no gold joins them
		pred(t, A1, graph.Attacks, "The Northern Front", "attacked", "Velmar#2", true),      // gold FightingAgainst, matched
		{Type: graph.Statement, Subject: "s", SubjectSpan: graph.Offsets{Start: 1, End: 7}}, // not scored
	}})
	want := map[graph.RelationType]map[string]int{
		graph.Meets:      {"CommWith": 1},
		graph.Attacks:    {"CommWith": 1, "FightingAgainst": 1},
		graph.Criticizes: {"CoLocated": 1},
		graph.Supports:   {NoGold: 1},
	}
	if !reflect.DeepEqual(r.Confusion, want) {
		t.Errorf("confusion %v, want %v", r.Confusion, want)
	}
}
