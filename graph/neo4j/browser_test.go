package neo4j_test

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"golang.org/x/net/html"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// seeded returns a driver for the test server holding the seed article
// (testdata/) as newsgraph ingests it.
func seeded(t *testing.T) driver.DriverWithContext {
	t.Helper()
	s, uri, cfg := openServer(t)
	ctx := context.Background()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.NewExtractor(lex)
	err = read.Read(ctx, []string{"../../testdata"}, read.ReadOptions{}, func(a read.Article) error {
		doc := x.Extract(&a)
		return s.Apply(ctx, []graph.Document{doc})
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := driver.NewDriverWithContext(uri, driver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close(ctx) })
	return d
}

// step is one thing a Browser user runs: a Cypher query, or a Browser
// command such as `:param name => 'x'`.
type step struct {
	entry string // the heading of the entry or slide it belongs to
	text  string
}

// savedQueries splits docs/browser/queries.cypher into its steps: each
// `:param` line is one, each query (ending in ";") another, and an entry
// starts at a `// N.` heading.
func savedQueries(t *testing.T) []step {
	t.Helper()
	text, err := os.ReadFile("../../docs/browser/queries.cypher")
	if err != nil {
		t.Fatal(err)
	}
	heading := regexp.MustCompile(`^// \d+\. `)
	var steps []step
	var entry string
	var query []string
	for _, line := range strings.Split(string(text), "\n") {
		l := strings.TrimSpace(line)
		switch {
		case heading.MatchString(l):
			entry = strings.TrimPrefix(l, "// ")
		case l == "" || strings.HasPrefix(l, "//"):
		case strings.HasPrefix(l, ":"):
			steps = append(steps, step{entry, l})
		default:
			query = append(query, line)
			if strings.HasSuffix(l, ";") {
				q := strings.TrimSuffix(strings.TrimSpace(strings.Join(query, "\n")), ";")
				steps = append(steps, step{entry, q})
				query = nil
			}
		}
	}
	if len(query) > 0 {
		t.Errorf("queries.cypher ends with a query without its ';':\n%s", strings.Join(query, "\n"))
	}
	return steps
}

// guideSteps returns the runnable blocks of docs/browser/guide.html in
// order, each with the heading of its slide, and the number of slides.
func guideSteps(t *testing.T) ([]step, int) {
	t.Helper()
	f, err := os.Open("../../docs/browser/guide.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var steps []step
	var slide string
	slides := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "slide":
				slides++
				slide = ""
			case n.Data == "h3" && slide == "":
				slide = textOf(n)
			case n.Data == "pre" && hasClass(n, "runnable"):
				steps = append(steps, step{slide, strings.TrimSpace(textOf(n))})
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return steps, slides
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && strings.Contains(" "+a.Val+" ", " "+class+" ") {
			return true
		}
	}
	return false
}

var (
	paramLine = regexp.MustCompile(`^:param\s+([A-Za-z_]\w*)\s*=>\s*(.+)$`)
	paramUse  = regexp.MustCompile(`\$([A-Za-z_]\w*)`)
)

// play runs steps as the Browser does: `:param k => expr` evaluates expr on
// the server (the Browser sends `RETURN expr AS k`) and keeps it for the
// later queries; `:config`, `:style` and `:play` change only the Browser and
// are checked for their form; every query must run and return rows. A query
// using a parameter its own entry did not set fails when perEntry: such an
// entry does not run alone as documented.
func play(t *testing.T, d driver.DriverWithContext, steps []step, perEntry bool) (queries int) {
	t.Helper()
	ctx := context.Background()
	params := map[string]any{}
	entry := ""
	for _, s := range steps {
		if perEntry && s.entry != entry {
			params = map[string]any{}
		}
		entry = s.entry
		switch {
		case strings.HasPrefix(s.text, ":param"):
			m := paramLine.FindStringSubmatch(s.text)
			if m == nil {
				t.Errorf("%s: malformed %q: want `:param name => value`", s.entry, s.text)
				continue
			}
			res, err := driver.ExecuteQuery(ctx, d, "RETURN "+m[2]+" AS v", nil, driver.EagerResultTransformer)
			if err != nil {
				t.Errorf("%s: %s: %v", s.entry, s.text, err)
				continue
			}
			params[m[1]] = res.Records[0].Values[0]
		case strings.HasPrefix(s.text, ":config "), strings.HasPrefix(s.text, ":style "), strings.HasPrefix(s.text, ":play "):
		case strings.HasPrefix(s.text, ":"):
			t.Errorf("%s: unknown Browser command %q", s.entry, s.text)
		default:
			queries++
			for _, m := range paramUse.FindAllStringSubmatch(s.text, -1) {
				if _, ok := params[m[1]]; !ok {
					t.Errorf("%s: the query uses $%s, which no :param before it sets", s.entry, m[1])
				}
			}
			res, err := driver.ExecuteQuery(ctx, d, s.text, params, driver.EagerResultTransformer)
			if err != nil {
				t.Errorf("%s: the query fails: %v\n%s", s.entry, err, s.text)
				continue
			}
			if len(res.Records) == 0 {
				t.Errorf("%s: the query returns nothing on the seed article:\n%s", s.entry, s.text)
			}
		}
	}
	return queries
}

// TestSavedBrowserQueries runs every entry of docs/browser/queries.cypher
// on its own, with the parameters it sets, against the seed article: each
// must return rows.
func TestSavedBrowserQueries(t *testing.T) {
	d := seeded(t)
	steps := savedQueries(t)
	// 8: the entries of queries.cypher.
	if n := play(t, d, steps, true); n != 8 {
		t.Errorf("ran %d saved queries, want 8", n)
	}
}

// TestBrowserGuide plays docs/browser/guide.html's runnable blocks in
// order against the seed article, as a user clicking through it would.
func TestBrowserGuide(t *testing.T) {
	d := seeded(t)
	steps, slides := guideSteps(t)
	// An opening slide, five questions and a closing one.
	if slides != 7 {
		t.Errorf("guide has %d slides, want 7", slides)
	}
	// 7: the queries of the five question slides (two each on slides 1 and 5).
	if n := play(t, d, steps, false); n != 7 {
		t.Errorf("guide ran %d queries, want 7", n)
	}
}

// TestSavedQueriesFindEveryName checks that the name lookup of the saved
// queries (the full-text index entity_names) finds an entity by its name,
// Arabic name and aliases, in either script, and by spelling variants the
// Arabic analyzer folds.
func TestSavedQueriesFindEveryName(t *testing.T) {
	d := seeded(t)
	var lookup string
	for _, s := range savedQueries(t) {
		if strings.HasPrefix(s.entry, "2. Who is it?") && !strings.HasPrefix(s.text, ":") {
			lookup = s.text
		}
	}
	if lookup == "" {
		t.Fatal(`queries.cypher has no entry "2. Who is it?"`)
	}
	tests := []struct{ name, want string }{
		// Names and aliases of mustafa-al-kadhimi in the default lexicon.
		{"Mustafa al-Kadhimi", "mustafa-al-kadhimi"},
		{"مصطفى الكاظمي", "mustafa-al-kadhimi"},
		{"Kadhimi", "mustafa-al-kadhimi"},
		{"الكاظمي", "mustafa-al-kadhimi"},
		{"الكاظمى", "mustafa-al-kadhimi"}, // alef maqsura for ya: folded by the analyzer
		{"ebrahim raisi", "ebrahim-raisi"},
		{"رئيسي", "ebrahim-raisi"},
		{"Daesh", "islamic-state"},
		{"Iraq", "iraq"}, // not islamic-state, whose alias "Islamic State of Iraq and Syria" holds it
	}
	for _, tt := range tests {
		res, err := driver.ExecuteQuery(context.Background(), d, lookup, map[string]any{"name": tt.name},
			driver.EagerResultTransformer)
		if err != nil {
			t.Fatalf("%q: %v", tt.name, err)
		}
		if len(res.Records) == 0 {
			t.Errorf("%q finds nothing, want %s", tt.name, tt.want)
			continue
		}
		if id, _ := res.Records[0].Get("id"); id != tt.want {
			t.Errorf("%q finds %v first, want %s", tt.name, id, tt.want)
		}
	}
}

// TestEveryEntityHasCaption stores entities known only in Arabic, only in
// English, and by ID alone, and checks that every node has the caption the
// Browser's style draws: the English name, else the Arabic, else the ID.
func TestEveryEntityHasCaption(t *testing.T) {
	s, uri, cfg := openServer(t)
	ctx := context.Background()
	doc := graph.Document{
		Article: graph.Article{ID: "a1", Hash: "h1", Title: "t"},
		Entities: []graph.Entity{
			{ID: "ammar-al-hakim", Type: graph.Person, NameAr: "عمار الحكيم"},
			{ID: "joe-biden", Type: graph.Person, Name: "Joe Biden", NameAr: "جو بايدن"},
			{ID: "tueller", Type: graph.Person, Name: "Matthew Tueller"},
			{ID: "x-17", Type: graph.Organization},
		},
	}
	for _, e := range doc.Entities {
		doc.Mentions = append(doc.Mentions, graph.Mention{EntityID: e.ID, Count: 1, Sentences: []int{0}})
	}
	if err := s.Apply(ctx, []graph.Document{doc}); err != nil {
		t.Fatal(err)
	}
	d, err := driver.NewDriverWithContext(uri, driver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	res, err := driver.ExecuteQuery(ctx, d, "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.caption AS caption ORDER BY id",
		nil, driver.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{ // id → name, caption
		"ammar-al-hakim": {"", "عمار الحكيم"},
		"joe-biden":      {"Joe Biden", "Joe Biden"},
		"tueller":        {"Matthew Tueller", "Matthew Tueller"},
		"x-17":           {"", "x-17"},
	}
	if len(res.Records) != len(want) {
		t.Fatalf("%d entities stored, want %d", len(res.Records), len(want))
	}
	for _, r := range res.Records {
		id, _ := r.Get("id")
		name, _ := r.Get("name")
		caption, _ := r.Get("caption")
		w := want[id.(string)]
		if name != w[0] || caption != w[1] {
			t.Errorf("%s: name %q caption %q, want name %q caption %q", id, name, caption, w[0], w[1])
		}
	}
}
