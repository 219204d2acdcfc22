package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest"
	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
	"github.com/newsgraph/newsgraph/ingest/read"
)

func newStore(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newNeo4jStore opens the Neo4j test server's database, emptied, for t
// alone; it skips t when no server is configured (see neo4jtest.Server).
func newNeo4jStore(t *testing.T) *neo4j.Store {
	t.Helper()
	uri, cfg := neo4jtest.Server(t)
	s, err := neo4j.Open(context.Background(), uri, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func extractor(t *testing.T) *extract.Extractor {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return extract.NewExtractor(lex)
}

// corpus writes JSON lines to a file and returns its path.
func corpus(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// run ingests inputs into s with opts, keeping the run's index in
// temporary files unless opts says otherwise: the package's end-to-end
// tests exercise the index on disk, the command's in memory (and
// TestRunIndexInFiles compares the two).
func run(t *testing.T, s graph.Store, opts ingest.Options, inputs ...string) ingest.Stats {
	t.Helper()
	if opts.IndexMemory == 0 {
		opts.IndexMemory, opts.TempDir = -1, t.TempDir()
	}
	st, err := ingest.Run(context.Background(), s, extractor(t), inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func counts(st ingest.Stats) string {
	return fmt.Sprintf("read=%d new=%d changed=%d unchanged=%d dup=%d conflicts=%d written=%d skipped=%d warnings=%d",
		st.Read, st.New, st.Changed, st.Unchanged, st.Duplicates, st.Conflicts, st.Written, st.Skipped, st.Warnings)
}

func titles(t *testing.T, s graph.Store, a, b string) []string {
	t.Helper()
	ev, err := s.Evidence(context.Background(), a, b, graph.Filter{}, 100)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ev {
		out = append(out, e.ArticleID+" "+e.Title)
	}
	return out
}

func TestRunCountsAndDeduplicates(t *testing.T) {
	s := newStore(t)
	path := corpus(t,
		`{"id":"1","source":"s","title":"v1","body":"Joe Biden met Mustafa al-Kadhimi."}`,
		`{"id":"2","source":"s","title":"copy","body":"Biden and Raisi."}`,
		`{"id":"3","source":"s","title":"copy","body":"Biden and Raisi."}`,                      // same text, other ID
		`{"id":"1","source":"s","title":"v2","body":"Joe Biden met Mustafa al-Kadhimi again."}`, // same ID: a conflict, later wins
		`{"id":"4","source":"s","title":"four","body":"Kadhimi in Baghdad."}`,
		`{"id":"4","source":"s","title":"four","body":"Kadhimi in Baghdad."}`, // repeated record
		`{"broken`,
	)
	st := run(t, s, ingest.Options{Batch: 1, Workers: 3}, path)
	if got, want := counts(st), "read=6 new=3 changed=0 unchanged=0 dup=2 conflicts=1 written=4 skipped=2 warnings=2"; got != want {
		t.Errorf("first run: %s\nwant        %s", got, want)
	}
	if got := titles(t, s, "joe-biden", "mustafa-al-kadhimi"); !reflect.DeepEqual(got, []string{"s:1 v2"}) {
		t.Errorf("Biden–Kadhimi evidence %q, want the later version of s:1 only", got)
	}
	if got := titles(t, s, "ebrahim-raisi", "joe-biden"); !reflect.DeepEqual(got, []string{"s:2 copy"}) {
		t.Errorf("the duplicate was stored: %q", got)
	}

	// Again: s:1 is written twice more (v1, then v2 over it), because
	// which of its versions is the last is only known at the end; the
	// graph is the same. The repeated record is a duplicate again, and
	// s:1 a conflict again, as in the first run.
	st = run(t, s, ingest.Options{}, path)
	if got, want := counts(st), "read=6 new=0 changed=1 unchanged=2 dup=2 conflicts=1 written=2 skipped=2 warnings=2"; got != want {
		t.Errorf("second run: %s\nwant         %s", got, want)
	}
}

// TestRunIsDeterministic ingests a real corpus sample with different
// batch sizes and worker counts and compares the graphs.
func TestRunIsDeterministic(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "corpora", "ar-news-2022", "articles.jsonl")
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but the shared corpus is missing: %v", err)
		}
		t.Skipf("shared corpus not found: %v", err)
	}
	// The first 600 articles are plenty and keep the race detector quick.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	path = corpus(t, strings.SplitN(string(data), "\n", 601)[:600]...)
	var want string
	for _, opts := range []ingest.Options{{Batch: 1000, Workers: 1}, {Batch: 7, Workers: 4}} {
		s := newStore(t)
		run(t, s, opts, path)
		p, err := s.Projection(context.Background(), graph.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		fps, _ := s.Fingerprints(context.Background())
		got := fmt.Sprint(p.Entities, p.Edges, len(fps))
		if want == "" {
			want = got
		} else if got != want {
			t.Errorf("batch %d, %d workers: a different graph", opts.Batch, opts.Workers)
		}
	}
}

// failingStore is a real store whose second Apply fails, as a full disk
// or a lost connection would.
type failingStore struct {
	graph.Store
	applies int
}

func (f *failingStore) Apply(ctx context.Context, docs []graph.Document) error {
	f.applies++
	if f.applies == 2 {
		return fmt.Errorf("disk full")
	}
	return f.Store.Apply(ctx, docs)
}

// failingGroups is a real store whose groups fail at the failApply-th
// Apply call into a group, or at the failCommit-th Commit, counted over
// the store's life.
type failingGroups struct {
	*sqlite.Store
	failApply, failCommit int
	applies, commits      int
}

type failingGroup struct {
	graph.Group
	f *failingGroups
}

func (f *failingGroups) Group(ctx context.Context) (graph.Group, error) {
	g, err := f.Store.Group(ctx)
	return &failingGroup{Group: g, f: f}, err
}

func (g *failingGroup) Apply(ctx context.Context, docs []graph.Document) error {
	if g.f.applies++; g.f.applies == g.f.failApply {
		return fmt.Errorf("disk full")
	}
	return g.Group.Apply(ctx, docs)
}

func (g *failingGroup) Commit(ctx context.Context) error {
	if g.f.commits++; g.f.commits == g.f.failCommit {
		return fmt.Errorf("disk full")
	}
	return g.Group.Commit(ctx)
}

// TestRunGroupsCountWhatCommits writes 50 articles in groups of 20, five
// to an Apply call, into a store that fails in the second group: what
// counts as written, and what the store holds, is the first group.
func TestRunGroupsCountWhatCommits(t *testing.T) {
	var lines []string
	for i := 0; i < 50; i++ {
		lines = append(lines, fmt.Sprintf(`{"id":"%d","title":"t%d","body":"Joe Biden met Mustafa al-Kadhimi, day %d."}`, i, i, i))
	}
	path := corpus(t, lines...)
	for _, c := range []struct {
		name                  string
		failApply, failCommit int
	}{
		{"apply", 6, 0},  // the second call of the second group
		{"commit", 0, 2}, // the second group's commit
		{"none", 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &failingGroups{Store: newStore(t), failApply: c.failApply, failCommit: c.failCommit}
			st, err := ingest.Run(context.Background(), s, extractor(t), []string{path}, ingest.Options{Batch: 20, Chunk: 5, Workers: 2})
			want := 20
			if c.name == "none" {
				want = 50
				if err != nil {
					t.Fatal(err)
				}
			} else if err == nil || !strings.Contains(err.Error(), "disk full") {
				t.Fatalf("Run: %v, want the store's error", err)
			}
			if st.Written != want || st.New != want {
				t.Errorf("written %d, new %d; want %d", st.Written, st.New, want)
			}
			fps, _ := s.Fingerprints(context.Background())
			if len(fps) != want {
				t.Errorf("store holds %d articles, want %d", len(fps), want)
			}
			if problems, err := s.Check(context.Background()); err != nil || len(problems) > 0 {
				t.Errorf("Check: %q, %v", problems, err)
			}
		})
	}
}

func TestRunStopsOnStoreError(t *testing.T) {
	var lines []string
	for i := 0; i < 50; i++ {
		lines = append(lines, fmt.Sprintf(`{"id":"%d","title":"t%d","body":"Joe Biden met Mustafa al-Kadhimi, day %d."}`, i, i, i))
	}
	path := corpus(t, lines...)
	s := &failingStore{Store: newStore(t)}
	st, err := ingest.Run(context.Background(), s, extractor(t), []string{path}, ingest.Options{Batch: 5, Workers: 2})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Run: %v, want the store's error", err)
	}
	// Issue 22, item 8: what the run history records as new is what was
	// committed — the first batch — not the 50 read nor the batches
	// extracted before the failure.
	if st.Written != 5 || st.New != 5 || st.Changed != 0 {
		t.Errorf("written %d, new %d, changed %d; want the first batch of 5, 5, 0", st.Written, st.New, st.Changed)
	}
	fps, _ := s.Fingerprints(context.Background())
	if len(fps) != 5 {
		t.Errorf("store holds %d articles, want the first batch of 5", len(fps))
	}
	s.Close()
	if _, err := ingest.Run(context.Background(), s, extractor(t), []string{path}, ingest.Options{}); err == nil {
		t.Error("Run on a closed store succeeded")
	}
}

// TestRunWaitsForCheck: Options.Check runs beside the reading; nothing is
// written before it returns, and when it fails nothing is written at all,
// even what an unchanged re-ingest would prune or rename, and its error is
// Run's.
func TestRunWaitsForCheck(t *testing.T) {
	var lines []string
	for i := 0; i < 20; i++ {
		lines = append(lines, fmt.Sprintf(`{"id":"%d","title":"t%d","body":"Joe Biden met Mustafa al-Kadhimi, day %d."}`, i, i, i))
	}
	path := corpus(t, append(lines, `{"broken`)...) // and a line that reports a problem
	ctx := context.Background()
	stored := func(s graph.Store) int {
		fps, err := s.Fingerprints(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return len(fps)
	}

	t.Run("passes", func(t *testing.T) {
		s := newStore(t)
		// The check reads the store as a quick check would, while the
		// reading goes on; when it returns nothing is stored yet.
		held, reported, checking := -1, 0, true
		var mu sync.Mutex
		opts := ingest.Options{Batch: 5, Check: func(ctx context.Context) error {
			time.Sleep(200 * time.Millisecond) // the reading and extraction are well under way
			held = stored(s)
			mu.Lock()
			defer mu.Unlock()
			checking = false
			return s.QuickCheck(ctx)
		}}
		opts.Read.Problem = func(read.Problem) {
			mu.Lock()
			defer mu.Unlock()
			if checking {
				t.Error("a problem of the input was reported while the store was being checked")
			}
			reported++
		}
		st, err := ingest.Run(ctx, s, extractor(t), []string{path}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if held != 0 {
			t.Errorf("%d articles were written before the check returned", held)
		}
		if reported != 1 || st.Skipped != 1 {
			t.Errorf("%d problems reported, %d skipped; want the broken line once, after the check", reported, st.Skipped)
		}
		if st.New != 20 || stored(s) != 20 {
			t.Errorf("new %d, stored %d; want 20, 20", st.New, stored(s))
		}
	})

	t.Run("fails", func(t *testing.T) {
		s := newStore(t)
		run(t, s, ingest.Options{}, corpus(t, lines[:10]...))
		errBad := errors.New("store is corrupt: page 7")
		for _, opts := range []ingest.Options{
			{Batch: 5},              // new articles to write
			{Batch: 5, Prune: true}, // and the stored ones not read again to prune
		} {
			in := path
			if opts.Prune {
				in = corpus(t, append(lines[15:], `{"broken`)...)
			}
			opts.Check = func(context.Context) error {
				time.Sleep(100 * time.Millisecond) // the broken line is read meanwhile
				return errBad
			}
			opts.Read.Problem = func(p read.Problem) {
				t.Errorf("prune %v: %v reported; a refused store is the run's only error", opts.Prune, p)
			}
			st, err := ingest.Run(ctx, s, extractor(t), []string{in}, opts)
			if !errors.Is(err, errBad) {
				t.Errorf("prune %v: Run: %v, want the check's error", opts.Prune, err)
			}
			if st.Written != 0 || stored(s) != 10 {
				t.Errorf("prune %v: written %d, stored %d; want 0 and the 10 stored before", opts.Prune, st.Written, stored(s))
			}
		}
	})
}
