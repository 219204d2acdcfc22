package ingest_test

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// The inputs of shared/cases (break-store c3c, c3b): X1's text Alpha,
// then Beta, and Y repeating Alpha.
const (
	x1Alpha = `{"id": "X1", "source": "wire", "title": "Alpha title", "date": "2021-07-12", "body": "Joe Biden met Ebrahim Raisi in Baghdad, alpha text."}`
	x1Beta  = `{"id": "X1", "source": "wire", "title": "Beta title", "date": "2021-07-12", "body": "Joe Biden met Ebrahim Raisi in Baghdad, beta text."}`
	yAlpha  = `{"id": "Y", "source": "wire", "title": "Alpha title", "date": "2021-07-12", "body": "Joe Biden met Ebrahim Raisi in Baghdad, alpha text."}`
)

// TestRunHoldsRepeatsOfChangingTexts checks that no text is lost when the
// article that held it gets another text in the same run, whichever is
// read first: a repeat of a text whose owner may still change is held
// until everything was read, and stored if its owner did change.
func TestRunHoldsRepeatsOfChangingTexts(t *testing.T) {
	for _, tc := range []struct {
		name   string
		stored bool     // X1 Alpha stored from base.jsonl before the run
		files  []string // the run's inputs: base, or a file of these lines
		lines  []string
		want   string // counts
		ids    []string
	}{
		{
			// The warning: X1 was stored from base.jsonl.
			name: "owner changed before", stored: true, lines: []string{x1Beta, yAlpha},
			want: "read=2 new=1 changed=1 unchanged=0 dup=0 conflicts=0 written=2 skipped=0 warnings=1",
			ids:  []string{"wire:X1", "wire:Y"},
		},
		{
			name: "owner changed after", stored: true, lines: []string{yAlpha, x1Beta},
			want: "read=2 new=1 changed=1 unchanged=0 dup=0 conflicts=0 written=2 skipped=0 warnings=1",
			ids:  []string{"wire:X1", "wire:Y"},
		},
		{
			// X1 read unchanged, then again with Beta: the conflict
			// rewrites the stored article, so it counts as changed.
			name: "owner unchanged then conflicting", stored: true, files: []string{"base"}, lines: []string{yAlpha, x1Beta},
			want: "read=3 new=1 changed=1 unchanged=0 dup=0 conflicts=1 written=2 skipped=1 warnings=0",
			ids:  []string{"wire:X1", "wire:Y"},
		},
		{
			name: "conflict in one run", lines: []string{x1Alpha, yAlpha, x1Beta},
			want: "read=3 new=2 changed=0 unchanged=0 dup=0 conflicts=1 written=3 skipped=1 warnings=0",
			ids:  []string{"wire:X1", "wire:Y"},
		},
		{
			name: "owner keeps its text", stored: true, lines: []string{yAlpha, x1Alpha},
			want: "read=2 new=0 changed=1 unchanged=0 dup=1 conflicts=0 written=1 skipped=0 warnings=1",
			ids:  []string{"wire:X1"},
		},
		{
			name: "owner not read", stored: true, lines: []string{yAlpha},
			want: "read=1 new=0 changed=0 unchanged=0 dup=1 conflicts=0 written=0 skipped=0 warnings=1",
			ids:  []string{"wire:X1"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			dir := t.TempDir()
			base := writeCorpus(t, dir, "base.jsonl", x1Alpha)
			if tc.stored {
				run(t, s, ingest.Options{}, base)
			}
			var inputs []string
			if len(tc.files) > 0 {
				inputs = append(inputs, base)
			}
			inputs = append(inputs, writeCorpus(t, dir, "run.jsonl", tc.lines...))
			st := run(t, s, ingest.Options{}, inputs...)
			if got := counts(st); got != tc.want {
				t.Errorf("counts %s\nwant   %s", got, tc.want)
			}
			if got := storedIDs(t, s); fmt.Sprint(got) != fmt.Sprint(tc.ids) {
				t.Errorf("stored %v, want %v", got, tc.ids)
			}
			// Nothing is left for another run to do.
			again := run(t, s, ingest.Options{DryRun: true}, inputs[len(inputs)-1])
			if again.New+again.Changed != 0 {
				t.Errorf("the next run would write: %s", counts(again))
			}
		})
	}
}

// TestRunHoldLimit checks that past the repeats a run holds, a repeat is
// dropped at once, and a warning names it when its owner changes text.
func TestRunHoldLimit(t *testing.T) {
	const n = 10_001 // one past the limit
	lines := []string{x1Alpha}
	for i := range n {
		lines = append(lines, strings.Replace(yAlpha, `"Y"`, fmt.Sprintf(`"Y%d"`, i), 1))
	}
	lines = append(lines, x1Beta)
	s := newStore(t)
	var p problems
	st := run(t, s, ingest.Options{Read: read.ReadOptions{Problem: p.add}}, corpus(t, lines...))
	// X1 twice; Y0, the first held, stored for Alpha; the rest repeat it,
	// and Y10000 was dropped at once as a repeat of X1.
	if got, want := counts(st), fmt.Sprintf("read=%d new=2 changed=0 unchanged=0 dup=%d conflicts=1 written=3 skipped=1 warnings=%d", n+2, n-1, n); got != want {
		t.Errorf("counts %s\nwant   %s", got, want)
	}
	var warned bool
	for _, pr := range p.list {
		warned = warned || strings.Contains(pr.Reason, "article wire:X1 changed its text, which wire:Y10000 (")
	}
	if !warned {
		t.Error("no warning names the repeat dropped past the limit")
	}
	if got := storedIDs(t, s); fmt.Sprint(got) != "[wire:X1 wire:Y0]" {
		t.Errorf("stored %v", got)
	}
}

// TestRunConflictProblem checks that a conflict is reported with its file
// and line apart, as read errors are.
func TestRunConflictProblem(t *testing.T) {
	s := newStore(t)
	path := corpus(t, x1Alpha, x1Beta)
	var p problems
	run(t, s, ingest.Options{Read: read.ReadOptions{Problem: p.add}}, path)
	if len(p.list) != 1 {
		t.Fatalf("problems %v, want the conflict", p.list)
	}
	if got := p.list[0]; got.File != path || got.Line != 2 || got.Record != 0 || got.Warning {
		t.Errorf("problem %+v, want file %s line 2", got, path)
	}
}

// TestRunRenamesPriorIDs checks on both backends that a store written by a
// release that did not cap IDs is updated in place: an article stored under
// its uncapped ID from the same input is moved to the capped one, not
// doubled; one stored from another input is left alone.
func TestRunRenamesPriorIDs(t *testing.T) {
	longURL := "https://a.example.org/search?" + strings.Repeat("q=y&", 150) // 600 bytes: Neo4j indexes it
	lines := []string{
		`{"source":"t","date":"2021-07-12","title":"Kadhimi in Tehran","url":"https://a.example.org/n/1","body":"Prime Minister Mustafa al-Kadhimi arrived in Tehran."}`,
		`{"source":"t","date":"2021-07-12","title":"Sadr in Najaf","url":"` + longURL + `","body":"Muqtada al-Sadr spoke in Najaf."}`,
	}
	oldID := read.NormalizeURL(longURL)
	newID := graph.CapID(oldID)
	if oldID == newID {
		t.Fatal("the test URL is not capped")
	}
	backends := map[string]func(t *testing.T) graph.Store{
		"sqlite": func(t *testing.T) graph.Store { return newStore(t) },
		"neo4j":  func(t *testing.T) graph.Store { return newNeo4jStore(t) },
	}
	for _, name := range []string{"sqlite", "neo4j"} {
		for _, tc := range []struct {
			name    string
			text    bool // the old store has text fingerprints
			other   bool // the old article was read from another input
			want    string
			renamed int
			ids     []string
		}{
			{name: "no texts", want: "read=2 new=0 changed=1 unchanged=1 dup=0 conflicts=0 written=1 skipped=0 warnings=0",
				renamed: 1, ids: []string{"a.example.org/n/1", newID}},
			{name: "with texts", text: true, want: "read=2 new=0 changed=1 unchanged=1 dup=0 conflicts=0 written=1 skipped=0 warnings=0",
				renamed: 1, ids: []string{"a.example.org/n/1", newID}},
			{name: "other input", other: true, want: "read=2 new=1 changed=1 unchanged=0 dup=0 conflicts=0 written=2 skipped=0 warnings=0",
				ids: []string{"a.example.org/n/1", oldID, newID}},
		} {
			t.Run(name+"/"+tc.name, func(t *testing.T) {
				s := backends[name](t)
				dir := t.TempDir()
				path := writeCorpus(t, dir, "c.jsonl", lines...)
				// The earlier release's store: both articles, the
				// long one under its whole URL.
				func() {
					defer ingest.CapIDs(false)()
					from := path
					if tc.other {
						from = writeCorpus(t, dir, "other.jsonl", lines...)
					}
					run(t, s, ingest.Options{}, from)
				}()
				if !tc.text {
					clearTexts(t, s, oldID)
				}
				dry := run(t, s, ingest.Options{DryRun: true}, path)
				dryWant := regexp.MustCompile(`written=\d+`).ReplaceAllString(tc.want, "written=0")
				if got := counts(dry); got != dryWant || dry.Renamed != tc.renamed {
					t.Errorf("dry run: %s, %d renamed\nwant      %s, %d", got, dry.Renamed, dryWant, tc.renamed)
				}
				if got := storedIDs(t, s); len(got) != 2 || got[1] != oldID {
					t.Errorf("the dry run changed the store: %.100q", got)
				}
				st := run(t, s, ingest.Options{}, path)
				if got := counts(st); got != tc.want || st.Renamed != tc.renamed {
					t.Errorf("counts %s, %d renamed\nwant   %s, %d", got, st.Renamed, tc.want, tc.renamed)
				}
				if got := storedIDs(t, s); fmt.Sprint(got) != fmt.Sprint(tc.ids) {
					t.Errorf("stored %.200q\nwant   %.200q", got, tc.ids)
				}
				again := run(t, s, ingest.Options{}, path)
				if got, want := counts(again), "read=2 new=0 changed=0 unchanged=2 dup=0 conflicts=0 written=0 skipped=0 warnings=0"; got != want || again.Renamed != 0 {
					t.Errorf("next run %s, %d renamed\nwant     %s", got, again.Renamed, want)
				}
			})
		}
	}
}

// clearTexts rewrites the stored articles as a store written before text
// fingerprints were kept has them: with none, and checks that ids have none.
func clearTexts(t *testing.T, s graph.Store, ids ...string) {
	t.Helper()
	ctx := context.Background()
	fps, err := s.Fingerprints(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inputs, err := s.(graph.InputLister).Inputs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var docs []graph.Document
	for id, h := range fps {
		docs = append(docs, graph.Document{Article: graph.Article{ID: id, Hash: h, Input: inputs[id]}})
	}
	if err := s.Apply(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if tl, ok := s.(graph.TextLister); ok {
		texts, err := tl.Texts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if texts[id] != "" {
				t.Fatalf("%.40s still has a text", id)
			}
		}
	}
}

// TestRunRenamesBareRecordIDs is break-store c4: a store written by a
// release that kept bare record IDs ("1"), re-ingested now that they are
// scoped to their input, keeps three articles, not six, on both backends.
// The readers give the old ID in Article.PriorIDs (ingest/identity.go).
func TestRunRenamesBareRecordIDs(t *testing.T) {
	lines := []string{
		`{"id": "1", "title": "Bare record 1", "date": "2021-07-11", "body": "Prime Minister Mustafa al-Kadhimi visited Najaf, story 1 of the bare export."}`,
		`{"id": "2", "title": "Bare record 2", "date": "2021-07-12", "body": "Prime Minister Mustafa al-Kadhimi visited Najaf, story 2 of the bare export."}`,
		`{"id": "3", "title": "Bare record 3", "date": "2021-07-13", "body": "Prime Minister Mustafa al-Kadhimi visited Najaf, story 3 of the bare export."}`,
	}
	for _, name := range []string{"sqlite", "neo4j"} {
		t.Run(name, func(t *testing.T) {
			path := writeCorpus(t, t.TempDir(), "c4-bare.jsonl", lines...)
			var docs []graph.Document
			err := read.Read(context.Background(), []string{path}, read.ReadOptions{}, func(a read.Article) error {
				if len(a.PriorIDs) == 0 {
					return fmt.Errorf("article %s has no prior ID", a.ID)
				}
				// What the earlier release stored: the article under
				// its bare ID, without a text fingerprint.
				docs = append(docs, graph.Document{Article: graph.Article{ID: a.PriorIDs[0], Title: a.Title, Hash: "old", Input: a.Input}})
				return nil
			})
			if err != nil {
				t.Fatalf("the reader gives no prior IDs: %v", err)
			}
			var s graph.Store = newStore(t)
			if name == "neo4j" {
				s = newNeo4jStore(t)
			}
			if err := s.Apply(context.Background(), docs); err != nil {
				t.Fatal(err)
			}
			st := run(t, s, ingest.Options{}, path)
			if got, want := counts(st), "read=3 new=0 changed=3 unchanged=0 dup=0 conflicts=0 written=3 skipped=0 warnings=0"; got != want || st.Renamed != 3 {
				t.Errorf("counts %s, %d renamed\nwant   %s, 3", got, st.Renamed, want)
			}
			if got := storedIDs(t, s); len(got) != 3 || !strings.HasSuffix(got[0], "#1") {
				t.Errorf("stored %q, want the three under their scoped IDs", got)
			}
		})
	}
}

// TestRunSwappedTexts: two stored articles that swap their texts in one
// run are each rewritten. Each is read as a repeat of the other's stored
// text and held; neither owner keeps that text at the end, so neither is
// dropped (a tester's case: both were dropped, and the store kept the old
// texts with exit 0).
func TestRunSwappedTexts(t *testing.T) {
	const (
		xAlpha = `{"id": "X", "source": "wire", "title": "Alpha title", "body": "Joe Biden met Ebrahim Raisi in Baghdad, alpha text."}`
		yBeta  = `{"id": "Y", "source": "wire", "title": "Beta title", "body": "Joe Biden met Ebrahim Raisi in Baghdad, beta text."}`
		xBeta  = `{"id": "X", "source": "wire", "title": "Beta title", "body": "Joe Biden met Ebrahim Raisi in Baghdad, beta text."}`
		yAlpha = `{"id": "Y", "source": "wire", "title": "Alpha title", "body": "Joe Biden met Ebrahim Raisi in Baghdad, alpha text."}`
	)
	s := newStore(t)
	dir := t.TempDir()
	run(t, s, ingest.Options{}, writeCorpus(t, dir, "corpus.jsonl", xAlpha, yBeta))
	before, err := s.Texts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st := run(t, s, ingest.Options{}, writeCorpus(t, dir, "corpus.jsonl", xBeta, yAlpha)) // the file edited
	if got, want := counts(st), "read=2 new=0 changed=2 unchanged=0 dup=0 conflicts=0 written=2 skipped=0 warnings=0"; got != want {
		t.Errorf("counts %s\nwant   %s", got, want)
	}
	after, err := s.Texts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if after["wire:X"] != before["wire:Y"] || after["wire:Y"] != before["wire:X"] {
		t.Errorf("texts after the swap %v, want X and Y swapped from %v", after, before)
	}
}

// TestRunRenamesRelativeFeedLinks: a store written by a release that took
// feed links as written holds issue 12's two case feeds as three articles
// under "/news/1" (site B's, which replaced site A's), "/news/2" and
// "news/2?id=7". Read again, each is renamed to its resolved URL, site A's
// first item is new, and nothing is doubled.
func TestRunRenamesRelativeFeedLinks(t *testing.T) {
	a, err := filepath.Abs(filepath.Join("read", "testdata", "cases", "ids", "site-a.rss"))
	if err != nil {
		t.Fatal(err)
	}
	b := filepath.Join(filepath.Dir(a), "site-b.rss")
	s := newStore(t)
	old := []graph.Document{
		{Article: graph.Article{ID: "/news/1", Title: "Erdogan meets Salih", Hash: "old", Input: b}},
		{Article: graph.Article{ID: "/news/2", Title: "Sadr speaks in Najaf", Hash: "old", Input: a}},
		{Article: graph.Article{ID: "news/2?id=7", Title: "Basra protests", Hash: "old", Input: b}},
	}
	if err := s.Apply(context.Background(), old); err != nil {
		t.Fatal(err)
	}
	st := run(t, s, ingest.Options{}, a, b)
	if got, want := counts(st), "read=4 new=1 changed=3 unchanged=0 dup=0 conflicts=0 written=4 skipped=0 warnings=0"; got != want || st.Renamed != 3 {
		t.Errorf("counts %s, %d renamed\nwant   %s, 3", got, st.Renamed, want)
	}
	want := []string{"a.example.org/news/1", "a.example.org/news/2", "b.example.net/news/1", "b.example.net/news/2?id=7"}
	if got := storedIDs(t, s); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("stored %q\nwant   %q", got, want)
	}
}
