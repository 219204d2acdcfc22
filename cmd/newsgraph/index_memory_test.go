package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestIngestIndexMemory: an ingest whose index of articles is all in
// temporary files (--index-memory 0) counts, reports and stores what one
// in memory does; a negative size is a usage error; and a temporary folder
// that cannot be written stops the run, naming TMPDIR, with nothing
// written.
func TestIngestIndexMemory(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "wire.jsonl")
	var lines []string
	names := []string{"Mustafa al-Kadhimi", "Joe Biden", "Ebrahim Raisi", "Baghdad", "Tehran"}
	for i := range 300 {
		l := fmt.Sprintf(`{"id":"w%d","title":"t%d","body":"%s met %s on day %d."}`, i, i, names[i%5], names[(i+2)%5], i)
		lines = append(lines, l)
		switch i % 10 {
		case 3: // the same text under another ID
			lines = append(lines, strings.Replace(l, fmt.Sprintf(`"w%d"`, i), fmt.Sprintf(`"copy%d"`, i), 1))
		case 7: // the same ID with other content
			lines = append(lines, strings.Replace(l, "on day", "on the day", 1))
		}
	}
	if err := os.WriteFile(corpus, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	summary := func(r run) map[string]any {
		t.Helper()
		var m map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
			t.Fatalf("--json summary: %v\n%s", err, r.stdout)
		}
		delete(m, "seconds")
		delete(m, "run") // the run's own ID
		return m
	}
	mem, files := t.TempDir(), t.TempDir()
	a := newsgraphEnv(t, mem, []string{"NEWSGRAPH_STORE=" + filepath.Join(mem, "graph.db")}, "ingest", "--json", corpus)
	tmp := t.TempDir()
	b := newsgraphEnv(t, files, []string{"NEWSGRAPH_STORE=" + filepath.Join(files, "graph.db"), "TMPDIR=" + tmp}, "ingest", "--json", "--index-memory", "0", corpus)
	expect(t, a, exitPartial, "ingest")
	expect(t, b, exitPartial, "ingest --index-memory 0")
	if sa, sb := summary(a), summary(b); !reflect.DeepEqual(sa, sb) {
		t.Errorf("in memory:\n%v\nin files:\n%v", sa, sb)
	}
	if x, y := strings.ReplaceAll(a.stderr, mem, "DIR"), strings.ReplaceAll(b.stderr, files, "DIR"); x != y {
		t.Errorf("problems in memory:\n%s\nin files:\n%s", a.stderr, b.stderr)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	for _, what := range []string{"stats", "query centrality"} {
		args := strings.Fields(what)
		if x, y := ng(t, mem, 0, args...), ng(t, files, 0, args...); x.stdout != y.stdout {
			t.Errorf("%s in memory:\n%s\nin files:\n%s", what, x.stdout, y.stdout)
		}
	}

	for _, bad := range []string{"-1", "lots", "64 parsecs", "99999999999EiB"} {
		r := newsgraph(t, t.TempDir(), "ingest", "--index-memory", bad, corpus)
		if r.code != exitUsage || !strings.Contains(r.stderr, "want a size such as 64MiB") {
			t.Errorf("--index-memory %s: exit %d, stderr %q; want a usage error", bad, r.code, r.stderr)
		}
	}
	// Sizes with units, as --help shows them, and plain bytes.
	for _, good := range []string{"1MiB", "500kB", "1048576", "1 GiB"} {
		d := t.TempDir()
		r := newsgraphEnv(t, d, []string{"NEWSGRAPH_STORE=" + filepath.Join(d, "graph.db"), "TMPDIR=" + t.TempDir()}, "ingest", "--json", "--index-memory", good, corpus)
		expect(t, r, exitPartial, "ingest --index-memory", good)
		if s := summary(r); !reflect.DeepEqual(s, summary(a)) {
			t.Errorf("--index-memory %s: %v, want %v", good, s, summary(a))
		}
	}

	dir := t.TempDir()
	r := newsgraphEnv(t, dir, []string{"NEWSGRAPH_STORE=" + filepath.Join(dir, "graph.db"), "TMPDIR=" + filepath.Join(dir, "missing")}, "ingest", "--index-memory", "0", corpus)
	if r.code != exitFailure || !strings.Contains(r.stderr, "TMPDIR") {
		t.Errorf("an index folder that does not exist: exit %d, stderr %q; want exit %d naming TMPDIR", r.code, r.stderr, exitFailure)
	}
	if s := ng(t, dir, 0, "stats"); !strings.Contains(s.stdout, "articles\t0\n") {
		t.Errorf("stats after the failed run, want no article:\n%s", s.stdout)
	}
}
