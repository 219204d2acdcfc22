package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest"
)

// storeUnderTest is a store the binary writes to, and how the test reaches
// it: the environment for the binary, the options for openStore, and how
// to empty it.
type storeUnderTest struct {
	name string
	env  []string
	g    globalOptions
	wipe func(t *testing.T)
}

// eachStore runs fn on a fresh SQLite file and, when a test server is
// configured, on Neo4j.
func eachStore(t *testing.T, fn func(t *testing.T, s storeUnderTest)) {
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "graph.db")
		fn(t, storeUnderTest{name: "sqlite", env: []string{"NEWSGRAPH_STORE=" + path}, g: globalOptions{store: path},
			wipe: func(t *testing.T) {
				for _, suffix := range []string{"", "-wal", "-shm"} {
					os.Remove(path + suffix)
				}
			}})
	})
	t.Run("neo4j", func(t *testing.T) {
		uri, cfg := neo4jtest.Server(t)
		env := []string{"NEWSGRAPH_STORE=" + uri, "NEO4J_PASSWORD=" + cfg.Password}
		if cfg.Username != "" {
			env = append(env, "NEO4J_USERNAME="+cfg.Username)
		}
		if cfg.Database != "" {
			env = append(env, "NEO4J_DATABASE="+cfg.Database)
		}
		fn(t, storeUnderTest{name: "neo4j", env: env,
			g:    globalOptions{store: uri, neo4jUser: cfg.Username, neo4jPassword: cfg.Password, neo4jDatabase: cfg.Database},
			wipe: func(t *testing.T) { neo4jtest.Wipe(t, uri, cfg) }})
	})
}

func (s storeUnderTest) run(t *testing.T, dir string, code int, args ...string) run {
	t.Helper()
	r := newsgraphEnv(t, dir, s.env, args...)
	expect(t, r, code, args...)
	return r
}

// graphState is everything the test compares between two stores: every
// article's hash, the projections at all three edge levels, and the size.
type graphState struct {
	Fingerprints map[string]string
	Projections  map[graph.EdgeLevel]*graph.Projection
	Size         graph.Size
}

func (s storeUnderTest) state(t *testing.T) graphState {
	t.Helper()
	ctx := context.Background()
	st, err := openStore(ctx, s.g)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var g graphState
	if g.Fingerprints, err = st.Fingerprints(ctx); err != nil {
		t.Fatal(err)
	}
	g.Projections = map[graph.EdgeLevel]*graph.Projection{}
	for _, level := range []graph.EdgeLevel{graph.ArticleEdges, graph.SentenceEdges, graph.TypedEdges} {
		if g.Projections[level], err = st.Projection(ctx, graph.Filter{Edges: level}); err != nil {
			t.Fatal(err)
		}
	}
	if g.Size, err = st.Size(ctx); err != nil {
		t.Fatal(err)
	}
	return g
}

// sameGraph fails t when two states differ, saying where.
func sameGraph(t *testing.T, got, want graphState, what string) {
	t.Helper()
	if !reflect.DeepEqual(got.Fingerprints, want.Fingerprints) {
		var extra, missing, differ []string
		for id, h := range got.Fingerprints {
			switch w, ok := want.Fingerprints[id]; {
			case !ok:
				extra = append(extra, id)
			case w != h:
				differ = append(differ, id)
			}
		}
		for id := range want.Fingerprints {
			if _, ok := got.Fingerprints[id]; !ok {
				missing = append(missing, id)
			}
		}
		sort.Strings(extra)
		sort.Strings(missing)
		sort.Strings(differ)
		t.Errorf("%s: articles differ from a fresh ingest: extra %q, missing %q, other hash %q", what, extra, missing, differ)
	}
	for level, p := range want.Projections {
		if q := got.Projections[level]; !reflect.DeepEqual(q, p) {
			for i := range p.Entities {
				if i < len(q.Entities) && !reflect.DeepEqual(q.Entities[i], p.Entities[i]) {
					t.Errorf("%s: entity\n%+v\nwant\n%+v", level, q.Entities[i], p.Entities[i])
					break
				}
			}
			for i := range p.Edges {
				if i < len(q.Edges) && q.Edges[i] != p.Edges[i] {
					t.Errorf("%s: edge\n%+v\nwant\n%+v", level, q.Edges[i], p.Edges[i])
					break
				}
			}
			t.Errorf("%s: %s-level projection differs from a fresh ingest (%d entities, %d edges; want %d, %d)",
				what, level, len(q.Entities), len(q.Edges), len(p.Entities), len(p.Edges))
		}
	}
	if got.Size != want.Size {
		t.Errorf("%s: size %+v, want %+v", what, got.Size, want.Size)
	}
}

// sharedCorpus returns the lines of ../shared/corpora/ar-news-2022, or
// skips t (fails it under CI) when it is absent.
func sharedCorpus(t *testing.T) (path string, lines []string) {
	t.Helper()
	path, _ = filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpora", "ar-news-2022", "articles.jsonl"))
	data, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but the shared corpus is missing: %v", err)
		}
		t.Skipf("shared corpus not found (%v); it lives beside the repository in ../shared", err)
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	return path, lines
}

func writeLines(t *testing.T, path string, lines []string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPruneDryRunAndRuns(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	art := func(id, text string) string {
		return fmt.Sprintf(`{"id":%q,"source":"s","title":"t %s","body":%q}`, id, id, text)
	}
	writeLines(t, filepath.Join(corpus, "a.jsonl"), []string{art("1", "Joe Biden met Mustafa al-Kadhimi."), art("2", "Raisi visited Baghdad.")})
	writeLines(t, filepath.Join(corpus, "b.jsonl"), []string{art("3", "Kadhimi met Raisi.")})
	other := filepath.Join(dir, "other.jsonl")
	writeLines(t, other, []string{art("9", "Biden spoke to Raisi.")})
	ng(t, dir, 0, "ingest", corpus, other)

	// b.jsonl goes, article 2 leaves a.jsonl, article 4 arrives.
	os.Remove(filepath.Join(corpus, "b.jsonl"))
	writeLines(t, filepath.Join(corpus, "a.jsonl"), []string{art("1", "Joe Biden met Mustafa al-Kadhimi."), art("4", "Kadhimi in Tehran.")})
	r := ng(t, dir, 0, "ingest", "--prune", "--dry-run", "--json", corpus)
	var sum struct {
		New, Unchanged, Removed int
		RemovedIDs              []string `json:"removed_ids"`
		DryRun                  bool     `json:"dry_run"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil {
		t.Fatal(err)
	}
	// other.jsonl was not given: its article stays.
	if !sum.DryRun || sum.New != 1 || sum.Unchanged != 1 || sum.Removed != 2 || !reflect.DeepEqual(sum.RemovedIDs, []string{"s:2", "s:3"}) {
		t.Errorf("dry run: %+v\n%s", sum, r.stdout)
	}
	r = ng(t, dir, 0, "ingest", "--prune", "--dry-run", corpus)
	if !strings.Contains(r.stdout, "dry run:  nothing was written\nwould prune:\n  s:2\n  s:3\n") {
		t.Errorf("dry run table:\n%s", r.stdout)
	}
	r = ng(t, dir, 0, "ingest", "--prune", corpus)
	if !strings.Contains(r.stdout, "2 read — 1 new") || !strings.Contains(r.stdout, "pruned:   2 articles no longer in their inputs") {
		t.Errorf("prune:\n%s", r.stdout)
	}
	// An input that cannot be read prunes nothing: a.jsonl is now a broken
	// gzip file.
	os.WriteFile(filepath.Join(corpus, "a.jsonl"), []byte{0x1f, 0x8b, 0, 1, 2}, 0o644)
	r = ng(t, dir, 1, "ingest", "--prune", corpus)
	if !strings.Contains(r.stdout, "pruned:   0 articles") {
		t.Errorf("a broken input pruned its articles:\n%s", r.stdout)
	}

	r = ng(t, dir, 0, "runs", "--format", "json")
	var runs []struct {
		Status                                string
		Read, New, Unchanged, Removed, Failed int
		Inputs, Errors                        []string
		Version                               string
	}
	if err := json.Unmarshal([]byte(r.stdout), &runs); err != nil {
		t.Fatalf("runs --format json: %v\n%s", err, r.stdout)
	}
	// Dry runs leave no record: three runs, newest first.
	if len(runs) != 3 || runs[0].Status != "failed" || runs[0].Failed != 1 || len(runs[0].Errors) != 1 ||
		runs[1].Status != "ok" || runs[1].New != 1 || runs[1].Removed != 2 || runs[2].New != 4 ||
		!reflect.DeepEqual(runs[2].Inputs, []string{corpus, other}) || runs[2].Version != "dev" {
		t.Errorf("runs: %+v", runs)
	}
	r = ng(t, dir, 0, "runs", "--top", "1", "--format", "table")
	if !strings.Contains(r.stdout, "STATUS") || !strings.Contains(r.stdout, "failed") || strings.Contains(r.stdout, " ok ") {
		t.Errorf("runs --top 1:\n%s", r.stdout)
	}
}

func TestLockedStore(t *testing.T) {
	eachStore(t, func(t *testing.T, s storeUnderTest) {
		dir := t.TempDir()
		ctx := context.Background()
		st, err := createStore(ctx, s.g, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		_, unlock, err := st.(graph.Locker).Lock(ctx, graph.LockOptions{Owner: "the test", Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		r := s.run(t, dir, exitBusy, "ingest", "--lock-timeout", "500ms", seedDir(t))
		if !strings.Contains(r.stderr, "store busy: another ingest is writing to it (the test holds") {
			t.Errorf("busy store: %s", r.stderr)
		}
		// A dry run only reads: it does not wait.
		s.run(t, dir, 0, "ingest", "--dry-run", "--lock-timeout", "0s", seedDir(t))
		// One that waits gets the lock when it is released.
		released := make(chan error, 1)
		go func() { time.Sleep(time.Second); released <- unlock() }()
		s.run(t, dir, 0, "ingest", "--lock-timeout", "1m", seedDir(t))
		if err := <-released; err != nil {
			t.Fatal(err)
		}
	})
}

// TestCrashedIngest kills an ingest of ar-news-2022 with SIGKILL once some
// batches are written, runs it again, and compares the graph with a clean
// ingest: equal. The killed run's lock does not block the next one (the
// kernel drops a flock; a Neo4j lease runs out), and the run history shows
// it abandoned.
//
// SQLite ingests the whole corpus; Neo4j, slower by far on the test
// server, its first 800 articles (line 14, broken, among them).
func TestCrashedIngest(t *testing.T) {
	whole, lines := sharedCorpus(t)
	eachStore(t, func(t *testing.T, s storeUnderTest) {
		dir := t.TempDir()
		corpus := whole
		if s.name == "neo4j" {
			corpus = filepath.Join(dir, "sample.jsonl")
			writeLines(t, corpus, lines[:800])
		}
		s.run(t, dir, 3, "ingest", "-q", corpus)
		want := s.state(t)
		s.wipe(t)

		cmd := exec.Command(binary, "ingest", "-q", "--batch", "50", corpus)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), append(s.env, "NEWSGRAPH_LOCK_LEASE=3s")...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		written := 0
		for written < 200 {
			select {
			case err := <-done:
				t.Fatalf("the ingest ended (%v) before it could be killed, after %d articles:\n%s", err, written, stderr.String())
			case <-time.After(20 * time.Millisecond):
			}
			written = articleCount(t, s)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		t.Logf("killed after %d articles were written", written)

		r := s.run(t, dir, 3, "ingest", "-q", "--lock-timeout", "30s", corpus)
		if !strings.Contains(r.stdout, "unchanged") || strings.Contains(r.stdout, " 0 unchanged") {
			t.Errorf("the second run found nothing the first wrote:\n%s", r.stdout)
		}
		sameGraph(t, s.state(t), want, "after a killed ingest and a second run")
		r = s.run(t, dir, 0, "runs", "--format", "json")
		var runs []struct {
			Status string
			New    int
		}
		json.Unmarshal([]byte(r.stdout), &runs)
		if len(runs) != 2 || runs[0].Status != "partial" || runs[1].Status != "abandoned" {
			t.Fatalf("runs after a crash: %+v, want partial then abandoned", runs)
		}
		// The killed run recorded its counts as its transactions
		// committed: at least 200 articles were in the store when it was
		// killed, written 50 to a transaction, so all but the last
		// transaction's are on record.
		if runs[1].New < written-50 || runs[1].New > len(lines) {
			t.Errorf("the killed run records %d new articles; %d were stored when it was killed", runs[1].New, written)
		}
	})
}

func articleCount(t *testing.T, s storeUnderTest) int {
	t.Helper()
	ctx := context.Background()
	st, err := openStore(ctx, s.g)
	if err != nil {
		return 0 // not created yet
	}
	defer st.Close()
	fps, err := st.Fingerprints(ctx)
	if err != nil {
		return 0
	}
	return len(fps)
}

// TestNoDrift applies random sequences of edits to a corpus sampled from
// ar-news-2022 — add files and articles, edit texts (sometimes into a copy
// of another article's), delete articles and files, move articles between
// files — re-ingesting with --prune now and then, and checks the graph
// against a fresh ingest of the final corpus.
func TestNoDrift(t *testing.T) {
	_, lines := sharedCorpus(t)
	eachStore(t, func(t *testing.T, s storeUnderTest) {
		for seed := uint64(1); seed <= 3; seed++ {
			t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
				s.wipe(t)
				dir := t.TempDir()
				corpus := filepath.Join(dir, "corpus")
				rng := rand.New(rand.NewPCG(seed, 2022))
				pool := rng.Perm(len(lines))[:150]
				next := 0
				take := func(n int) []string {
					var out []string
					for ; n > 0 && next < len(pool); n-- {
						out = append(out, lines[pool[next]])
						next++
					}
					return out
				}
				files := map[string][]string{}
				names := func() []string {
					var ns []string
					for n := range files {
						ns = append(ns, n)
					}
					sort.Strings(ns)
					return ns
				}
				save := func(name string) {
					if len(files[name]) == 0 {
						delete(files, name)
						os.Remove(filepath.Join(corpus, name))
						return
					}
					writeLines(t, filepath.Join(corpus, name), files[name])
				}
				for i := 0; i < 3; i++ {
					name := fmt.Sprintf("part%d.jsonl", i)
					files[name] = take(25)
					save(name)
				}
				var history []string
				for step := 0; step < 12; step++ {
					ns := names()
					name := ns[rng.IntN(len(ns))]
					f := files[name]
					switch op := rng.IntN(7); {
					case op == 0 && next < len(pool): // a new file, maybe in a subfolder
						n := fmt.Sprintf("sub%d/new%d.jsonl", rng.IntN(2), step)
						files[n] = take(5 + rng.IntN(10))
						save(n)
						history = append(history, "add file "+n)
					case op == 1 && next < len(pool):
						files[name] = append(f, take(1+rng.IntN(5))...)
						save(name)
						history = append(history, "add articles to "+name)
					case op == 2: // edit a text
						i := rng.IntN(len(f))
						f[i] = editBody(t, f[i], fmt.Sprintf(" وقال الكاظمي إن بايدن سيزور بغداد %d.", step))
						save(name)
						history = append(history, "edit an article of "+name)
					case op == 3 && len(f) > 1: // an article becomes a copy of another's text
						i, j := rng.IntN(len(f)), rng.IntN(len(f))
						if i != j {
							f[i] = copyText(t, f[i], f[j])
							save(name)
							history = append(history, "copy a text in "+name)
						}
					case op == 4:
						i := rng.IntN(len(f))
						files[name] = append(f[:i:i], f[i+1:]...)
						save(name)
						history = append(history, "delete an article of "+name)
					case op == 5 && len(ns) > 1:
						files[name] = nil
						save(name)
						history = append(history, "delete "+name)
					default: // move an article to another file
						to := ns[rng.IntN(len(ns))]
						i := rng.IntN(len(f))
						moved := f[i]
						files[name] = append(f[:i:i], f[i+1:]...)
						files[to] = append(files[to], moved)
						save(name)
						save(to)
						history = append(history, "move an article from "+name+" to "+to)
					}
					if rng.IntN(3) > 0 {
						s.run(t, dir, 0, "ingest", "-q", "--prune", "--batch", "20", corpus)
						history = append(history, "ingest --prune")
					}
				}
				s.run(t, dir, 0, "ingest", "-q", "--prune", "--batch", "20", corpus)
				got := s.state(t)
				s.wipe(t)
				s.run(t, dir, 0, "ingest", "-q", corpus)
				want := s.state(t)
				if len(want.Fingerprints) == 0 {
					t.Fatal("the final corpus is empty")
				}
				sameGraph(t, got, want, "after "+strings.Join(history, ", "))
			})
		}
	})
}

// editBody appends text to the body of a JSON line.
func editBody(t *testing.T, line, text string) string {
	t.Helper()
	rec := map[string]any{}
	if err := json.Unmarshal([]byte(line), &rec); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"body", "text", "content"} {
		if b, ok := rec[k].(string); ok {
			rec[k] = b + text
			out, _ := json.Marshal(rec)
			return string(out)
		}
	}
	t.Fatalf("no body in %.100s", line)
	return ""
}

// copyText gives the article of line the title and text of src.
func copyText(t *testing.T, line, src string) string {
	t.Helper()
	rec, from := map[string]any{}, map[string]any{}
	if err := json.Unmarshal([]byte(line), &rec); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(src), &from); err != nil {
		t.Fatal(err)
	}
	for k, v := range from {
		if k != "id" && k != "url" && k != "link" {
			rec[k] = v
		}
	}
	out, _ := json.Marshal(rec)
	return string(out)
}

func TestSchedule(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"schedule", seedDir(t)}, "needs --every DURATION"},
		{[]string{"schedule", "--every", "1h", "--cron", "0 * * * *", seedDir(t)}, "exclude each other"},
		{[]string{"schedule", "--cron", "61 * * * *", seedDir(t)}, `--cron "61 * * * *"`},
		{[]string{"schedule", "--every", "1h"}, "at least one PATH"},
		{[]string{"schedule", "--every", "1h", "-"}, "standard input"},
	} {
		r := newsgraph(t, dir, tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("newsgraph %v: exit %d, %q; want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}

	cmd := exec.Command(binary, "schedule", "--every", "1s", seedDir(t))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NEWSGRAPH_STORE="+filepath.Join(dir, "graph.db"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2500 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("schedule after SIGTERM: %v, want exit 0\n%s", err, stderr.String())
	}
	log := stderr.String()
	if n := strings.Count(log, `msg="run finished"`); n < 2 || !strings.Contains(log, `msg="schedule stopped" reason=signal`) ||
		!strings.Contains(log, "status=ok read=1 new=1") || !strings.Contains(log, "status=ok read=1 new=0 changed=0 unchanged=1") {
		t.Errorf("schedule log:\n%s", log)
	}
	r := ng(t, dir, 0, "runs", "--format", "csv")
	if n := strings.Count(r.stdout, ",ok,"); n < 2 {
		t.Errorf("runs after schedule:\n%s", r.stdout)
	}
}

// TestPruneKeepsSkippedRecord: a record that cannot be read may be a
// stored article, so a pruning run removes nothing from its input (it
// would otherwise find that article missing and delete it), says so, and
// prunes again once the input reads whole.
func TestPruneKeepsSkippedRecord(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl")
	lines := []string{
		`{"id": "n1", "source": "wire", "title": "a", "body": "زار بايدن بغداد."}`,
		`{"id": "n2", "source": "wire", "title": "b", "body": "انتقد بلينكن روسيا."}`,
		`{"id": "n3", "source": "wire", "title": "c", "body": "التقى السيسي ماكرون في القاهرة."}`,
	}
	write := func(ls ...string) {
		t.Helper()
		if err := os.WriteFile(in, []byte(strings.Join(ls, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(lines...)
	ng(t, dir, 0, "ingest", "-q", in)
	// n2's line broken, n3's gone: nothing pruned, both kept.
	write(lines[0], strings.Replace(lines[1], `{"id"`, `{"id",`, 1))
	r := ng(t, dir, 3, "ingest", "--prune", in)
	if !strings.Contains(r.stdout, "pruned:   0 articles") || !strings.Contains(r.stdout, "kept:     nothing pruned from "+in+": not read to its end") {
		t.Errorf("prune with a malformed line:\n%s", r.stdout)
	}
	r = ng(t, dir, 3, "ingest", "--prune", "--dry-run", "--json", in)
	var sum struct {
		Removed    int
		KeptInputs []string `json:"kept_inputs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil || sum.Removed != 0 || !reflect.DeepEqual(sum.KeptInputs, []string{in}) {
		t.Errorf("--json: %+v, %v\n%s", sum, err, r.stdout)
	}
	r = ng(t, dir, 0, "stats", "--format", "json")
	if !strings.Contains(r.stdout, `"articles": 3`) {
		t.Errorf("after the pruning runs, want the 3 articles kept:\n%s", r.stdout)
	}
	// Mended: n3 is gone from the input, and goes.
	write(lines[0], lines[1])
	r = ng(t, dir, 0, "ingest", "--prune", in)
	if !strings.Contains(r.stdout, "pruned:   1 article no longer in its input") || strings.Contains(r.stdout, "kept:") {
		t.Errorf("prune of the mended input:\n%s", r.stdout)
	}
}
