package reseval

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// The fixture: five invented articles about two invented people, Karim
// Haddad (a lexicon entry, karim-haddad) and Layla Nasser (known to rules
// only), with the kinds of node a resolver gets wrong. Entity names are
// what a store would hold; no corpus text.
var (
	haddad      = graph.Entity{ID: "karim-haddad", Type: graph.Person, Kind: "politician", Name: "Karim Haddad", NameAr: "كريم حداد"}
	haddadVisit = graph.Entity{ID: "person:كريم-حداد-يزور", Type: graph.Person, Kind: "found by rule", NameAr: "كريم حداد يزور"} // a trailing verb
	haddadWa    = graph.Entity{ID: "person:وكريم-حداد", Type: graph.Person, Kind: "found by rule", NameAr: "وكريم حداد"}         // a proclitic
	hospital    = graph.Entity{ID: "organization:مستشفي-كريم-حداد", Type: graph.Organization, Kind: "found by rule", NameAr: "مستشفى كريم حداد"}
	defence     = graph.Entity{ID: "organization:وزاره-الدفاع", Type: graph.Organization, Kind: "found by rule", NameAr: "وزارة الدفاع"}
	nasser      = graph.Entity{ID: "person:ليلي-ناصر", Type: graph.Person, Kind: "found by rule", NameAr: "ليلى ناصر"}
	nasserSaid  = graph.Entity{ID: "person:ليلي-ناصر-قالت", Type: graph.Person, Kind: "found by rule", NameAr: "ليلى ناصر قالت"}
	sami        = graph.Entity{ID: "person:سامي-الذي", Type: graph.Person, Kind: "found by rule", NameAr: "سامي الذي"}
)

var fixtureArticles = map[string][]graph.Entity{
	"a1": {haddad, haddadVisit, defence},
	"a2": {haddad, haddadWa, hospital},
	"a3": {haddad, nasser},
	"a4": {nasser, nasserSaid},
	"a5": {haddadVisit, defence, sami},
}

var fixtureActors = []Actor{
	{Name: "Karim Haddad", IDs: []string{"karim-haddad"}, Forms: []string{"كريم حداد", "Karim Haddad"}, Not: []string{"مستشفى كريم حداد"}},
	{Name: "Layla Nasser", Forms: []string{"ليلى ناصر"}},
	{Name: "Nobody", Forms: []string{"لا أحد"}},
}

// fixtureStore writes the fixture articles into a new SQLite store.
func fixtureStore(t *testing.T) graph.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "fixture.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var docs []graph.Document
	for id, ents := range fixtureArticles {
		d := graph.Document{Article: graph.Article{ID: id, Title: "invented " + id, Lang: "ar", Hash: id}, Entities: ents}
		for _, e := range ents {
			d.Mentions = append(d.Mentions, graph.Mention{EntityID: e.ID, Count: 1})
		}
		docs = append(docs, d)
	}
	if err := s.Apply(ctx, docs); err != nil {
		t.Fatal(err)
	}
	return s
}

func ids(nodes []Node) string {
	var out []string
	for _, n := range nodes {
		out = append(out, n.ID)
	}
	return strings.Join(out, " ")
}

func TestMeasureFixture(t *testing.T) {
	rep, err := Measure(context.Background(), fixtureStore(t), fixtureActors, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Counted by hand from fixtureArticles.
	for i, w := range []struct {
		nodes             string
		articles, largest int
		share             float64
	}{
		// karim-haddad in a1 a2 a3, the visit node in a1 a5, the clitic
		// node in a2; the hospital is not him. Union a1 a2 a3 a5: 3 of 4.
		{"karim-haddad person:كريم-حداد-يزور person:وكريم-حداد", 4, 3, 0.75},
		// The rule node in a3 a4, its "قالت" extension in a4.
		{"person:ليلي-ناصر person:ليلي-ناصر-قالت", 2, 2, 1},
		{"", 0, 0, 0},
	} {
		got := rep.Actors[i]
		if ids(got.Nodes) != w.nodes || got.Articles != w.articles || got.Largest != w.largest || got.Share != w.share {
			t.Errorf("%s: nodes %q, articles %d, largest %d, share %v; want %q, %d, %d, %v",
				got.Actor, ids(got.Nodes), got.Articles, got.Largest, got.Share, w.nodes, w.articles, w.largest, w.share)
		}
	}
	// Two actors found, with 3 and 2 nodes and shares 0.75 and 1; none is
	// one node.
	if rep.Found != 2 || rep.MeanNodes != 2.5 || rep.MeanShare != 0.875 || rep.OneNode != 0 {
		t.Errorf("found %d, mean nodes %v, mean share %v, one node %d; want 2, 2.5, 0.875, 0", rep.Found, rep.MeanNodes, rep.MeanShare, rep.OneNode)
	}
	// Eight entities, all but karim-haddad made; only "ليلى ناصر قالت"
	// extends another ID ("كريم حداد يزور" extends no ID: the lexicon's is
	// karim-haddad).
	if rep.Entities != 8 || rep.MadeIDs != 7 || rep.Extending != 1 || rep.Fragments != 1 {
		t.Errorf("entities %d, made %d, extending %d, fragments %d; want 8, 7, 1, 1", rep.Entities, rep.MadeIDs, rep.Extending, rep.Fragments)
	}
	want := map[string]string{
		"person:ليلي-ناصر-قالت":     "extends",   // extends ليلى ناصر, which has more articles
		"person:سامي-الذي":          "stop-word", // الذي
		"organization:وزاره-الدفاع": "generic",
		"person:كريم-حداد-يزور":     "duplicate", // of Karim Haddad, not his largest node
		"person:وكريم-حداد":         "duplicate",
	}
	if len(rep.Top) != 8 {
		t.Fatalf("top: %d nodes, want all 8", len(rep.Top))
	}
	for _, n := range rep.Top {
		if n.Junk != want[n.ID] {
			t.Errorf("%s: junk %q, want %q", n.ID, n.Junk, want[n.ID])
		}
	}
	if rep.Junk != 5 || rep.JunkShare != 5.0/8 {
		t.Errorf("junk %d (%v), want 5 (5/8)", rep.Junk, rep.JunkShare)
	}
	// The top three: karim-haddad (3 articles), then the 2-article nodes
	// by ID: وزاره-الدفاع (generic) before كريم-حداد-يزور (a duplicate).
	rep, err = Measure(context.Background(), fixtureStore(t), fixtureActors, 3)
	if err != nil {
		t.Fatal(err)
	}
	if ids([]Node{rep.Top[0].Node, rep.Top[1].Node, rep.Top[2].Node}) != "karim-haddad organization:وزاره-الدفاع person:كريم-حداد-يزور" || rep.Junk != 2 {
		t.Errorf("top 3: %+v, junk %d; want karim-haddad, the ministry, the visit node; 2 junk", rep.Top, rep.Junk)
	}
}

func TestContains(t *testing.T) {
	for _, c := range []struct {
		words, form string
		want        bool
	}{
		{"كريم حداد", "كريم حداد", true},
		{"وكريم حداد يزور", "كريم حداد", true},  // proclitic and trailing word
		{"الرئيس كريم حداد", "كريم حداد", true}, // a title before
		{"كريمة حداد", "كريم حداد", false},      // another name, not a clitic
		{"كريم", "كريم حداد", false},            // shorter than the form
		{"للمغرب", "المغرب", true},              // ل + ال written لل
		{"بالمغرب", "المغرب", true},             // ب before ال
		{"وللمغرب", "المغرب", true},             // و ل + ال
		{"المغرب", "مغرب", false},               // ال is not a proclitic
		{"karim haddad said", "karim haddad", true},
	} {
		if got := contains(strings.Fields(c.words), strings.Fields(c.form)); got != c.want {
			t.Errorf("contains(%q, %q) = %v, want %v", c.words, c.form, got, c.want)
		}
	}
}

func TestExtended(t *testing.T) {
	have := map[string]bool{"person:a-b": true, "person:a": true, "a-b": true}
	for _, c := range []struct {
		id   string
		want string
	}{
		{"person:a-b-c", "person:a-b person:a"}, // longest first
		{"person:a-bc", "person:a"},             // whole words only
		{"person:ab", ""},
		{"a-b-c", ""}, // a lexicon ID is not made
	} {
		if got := strings.Join(Extended(c.id, have), " "); got != c.want {
			t.Errorf("Extended(%q) = %q, want %q", c.id, got, c.want)
		}
	}
}

func TestReadActors(t *testing.T) {
	for _, c := range []struct {
		name, in, err string
		n             int
	}{
		{"comments and blanks", "# a list\n\n{\"actor\": \"A\", \"forms\": [\"a\"]}\n", "", 1},
		{"ids only", `{"actor": "A", "ids": ["a"]}`, "", 1},
		{"no name", `{"forms": ["a"]}`, "line 1: actor has no name", 0},
		{"nothing to match", "#\n{\"actor\": \"A\"}", "line 2: actor \"A\" has neither ids nor forms", 0},
		{"unknown field", `{"actor": "A", "forms": ["a"], "nots": ["b"]}`, `line 1: json: unknown field "nots"`, 0},
		{"not JSON", `actor A`, "line 1: invalid character", 0},
	} {
		got, err := ReadActors(strings.NewReader(c.in))
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.err != "" && (err == nil || !strings.HasPrefix(err.Error(), c.err)):
			t.Errorf("%s: error %v, want %q…", c.name, err, c.err)
		case len(got) != c.n:
			t.Errorf("%s: %d actors, want %d", c.name, len(got), c.n)
		}
	}
}

// TestActorList checks the hand-checked list of ar-news-2022 the command
// is documented with: it parses, holds at least 50 actors (issue 14), each
// named once, with no form that is also a not form of the same actor.
func TestActorList(t *testing.T) {
	const path = "testdata/ar-news-2022-actors.jsonl"
	actors, err := ReadActorsFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(actors) < 50 {
		t.Errorf("%s: %d actors, want at least 50", path, len(actors))
	}
	seen := map[string]bool{}
	for _, a := range actors {
		if seen[a.Name] {
			t.Errorf("%s: actor %q twice", path, a.Name)
		}
		seen[a.Name] = true
		m := newMatcher(a)
		for _, f := range m.forms {
			if !m.carries("", [][]string{f}) {
				t.Errorf("%s: %s: form %q is excluded by its own not forms", path, a.Name, strings.Join(f, " "))
			}
		}
	}
}
