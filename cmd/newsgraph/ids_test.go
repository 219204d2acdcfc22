package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// TestIngestConflictingIDs checks that an ID read twice in one run with
// different content is reported, with both lines, in the summary and the
// --errors file, and makes the exit status and the run record partial.
func TestIngestConflictingIDs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.jsonl")
	writeLines(t, path, []string{
		`{"id":"1","source":"s","title":"v1","body":"Joe Biden met Mustafa al-Kadhimi."}`,
		`{"id":"2","source":"s","title":"two","body":"Ebrahim Raisi visited Baghdad."}`,
		`{"id":"1","source":"s","title":"v2","body":"Joe Biden met Mustafa al-Kadhimi again."}`,
	})
	errs := filepath.Join(dir, "errors.jsonl")
	r := ng(t, dir, 3, "ingest", "--errors", errs, path)
	problem := path + ":3: article ID s:1 read twice with different content (first at " + path + ":1); the later one is stored"
	if !strings.Contains(r.stdout, "3 read — 2 new, 0 changed, 0 unchanged, 0 duplicate, 1 conflicting; 1 skipped") ||
		!strings.Contains(r.stdout, "skipped:\n  "+problem+"\n") {
		t.Errorf("summary:\n%s", r.stdout)
	}
	data, err := os.ReadFile(errs)
	if err != nil {
		t.Fatal(err)
	}
	var p problemJSON
	// The line apart from the file, as read errors have it.
	if err := json.Unmarshal(data, &p); err != nil || p.Severity != "skipped" || p.File != path || p.Line != 3 || p.Record != 0 ||
		fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Reason) != problem {
		t.Errorf("--errors: %s (%v)", data, err)
	}
	r = ng(t, dir, 0, "runs", "--format", "json")
	var runs []struct {
		Status      string
		New, Failed int
	}
	if err := json.Unmarshal([]byte(r.stdout), &runs); err != nil || len(runs) != 1 || runs[0].Status != "partial" || runs[0].New != 2 || runs[0].Failed != 1 {
		t.Errorf("runs: %+v, %v", runs, err)
	}
}

// TestIngestStoredTextUnderNewIDs reads a CSV twice, its IDs from another
// column the second time: the store must not double, on either backend.
func TestIngestStoredTextUnderNewIDs(t *testing.T) {
	eachStore(t, func(t *testing.T, s storeUnderTest) {
		dir := t.TempDir()
		path := filepath.Join(dir, "c.csv")
		writeLines(t, path, []string{
			"id,ref,source,title,body",
			"1,r1,s,one,Joe Biden met Mustafa al-Kadhimi.",
			"2,r2,s,two,Ebrahim Raisi visited Baghdad.",
		})
		s.run(t, dir, 0, "ingest", path)
		r := s.run(t, dir, 0, "ingest", "--map", "id=ref", path)
		if !strings.Contains(r.stdout, "2 read — 0 new, 0 changed, 0 unchanged, 2 duplicate") {
			t.Errorf("second ingest:\n%s", r.stdout)
		}
		if !strings.Contains(r.stderr, "duplicate of stored article s:1") {
			t.Errorf("stderr:\n%s", r.stderr)
		}
		if n := articleCount(t, s); n != 2 {
			t.Errorf("%d articles stored, want 2", n)
		}
	})
}

// TestIngestLongURL is shared/cases/inputs/neo4j/long-url.jsonl: an
// article whose URL, and so its ID, is ~10 KB. Both backends store all four
// articles, and the run history says so.
func TestIngestLongURL(t *testing.T) {
	long := `{"source":"t","date":"2021-07-12","title":"Sadr in Najaf","url":"https://a.example.org/search?` +
		strings.Repeat("q=x&", 2_500) + `","body":"Muqtada al-Sadr spoke in Najaf."}`
	eachStore(t, func(t *testing.T, s storeUnderTest) {
		dir := t.TempDir()
		path := filepath.Join(dir, "long-url.jsonl")
		writeLines(t, path, []string{
			`{"source":"t","date":"2021-07-12","title":"Kadhimi in Tehran","url":"https://a.example.org/n/1","body":"Prime Minister Mustafa al-Kadhimi arrived in Tehran."}`,
			long,
			`{"source":"t","date":"2021-07-12","title":"Raisi in Baghdad","url":"https://a.example.org/n/3","body":"Ebrahim Raisi visited Baghdad."}`,
		})
		r := s.run(t, dir, 0, "ingest", path)
		if !strings.Contains(r.stdout, "3 read — 3 new") {
			t.Errorf("ingest:\n%s", r.stdout)
		}
		if n := articleCount(t, s); n != 3 {
			t.Errorf("%d articles stored, want 3", n)
		}
		r = s.run(t, dir, 0, "runs", "--format", "json")
		var runs []struct {
			Status            string
			Read, New, Failed int
		}
		if err := json.Unmarshal([]byte(r.stdout), &runs); err != nil || len(runs) != 1 ||
			runs[0].Status != "ok" || runs[0].Read != 3 || runs[0].New != 3 || runs[0].Failed != 0 {
			t.Errorf("runs: %+v, %v", runs, err)
		}
	})
}

// TestIngestTextMovesInRun is break-store c3c: X1 stored with text Alpha;
// a run reads X1 unchanged, then Y with Alpha, then X1 with Beta. Y is
// not a duplicate once X1 left Alpha: both are stored, and X1's new
// version counts as changed in the summary and the run history.
func TestIngestTextMovesInRun(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base.jsonl")
	writeLines(t, base, []string{
		`{"id": "X1", "source": "wire", "title": "Alpha title", "body": "Joe Biden met Ebrahim Raisi in Baghdad, alpha text."}`,
	})
	yfirst := filepath.Join(dir, "yfirst.jsonl")
	writeLines(t, yfirst, []string{
		`{"id": "Y", "source": "wire", "title": "Alpha title", "body": "Joe Biden met Ebrahim Raisi in Baghdad, alpha text."}`,
		`{"id": "X1", "source": "wire", "title": "Beta title", "body": "Joe Biden met Ebrahim Raisi in Baghdad, beta text."}`,
	})
	ng(t, dir, 0, "ingest", base)
	r := ng(t, dir, 3, "ingest", base, yfirst)
	if !strings.Contains(r.stdout, "3 read — 1 new, 1 changed, 0 unchanged, 0 duplicate, 1 conflicting; 1 skipped") {
		t.Errorf("summary:\n%s", r.stdout)
	}
	r = ng(t, dir, 0, "runs", "--format", "json")
	var runs []struct{ New, Changed, Unchanged int }
	if err := json.Unmarshal([]byte(r.stdout), &runs); err != nil || len(runs) != 2 ||
		runs[0].New != 1 || runs[0].Changed != 1 || runs[0].Unchanged != 0 {
		t.Errorf("runs: %+v, %v", runs, err)
	}
	r = ng(t, dir, 0, "ingest", "--dry-run", yfirst)
	if !strings.Contains(r.stdout, "2 read — 0 new, 0 changed, 2 unchanged") {
		t.Errorf("the next run would write:\n%s", r.stdout)
	}
}

// TestSuggestionsCutLongNames checks that a "did you mean" suggestion
// shows at most 80 characters of a name a rule found in a whole paragraph.
func TestSuggestionsCutLongNames(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	long := "Kadhimi " + strings.Repeat("and more words ", 3_000)
	p := &graph.Projection{Entities: []graph.ProjectedEntity{{Entity: graph.Entity{ID: "kadhimi-long", Name: long, Type: graph.Person}}}}
	_, err = resolve(ctx, s, p, "kadhimi")
	if err == nil || !strings.Contains(err.Error(), "did you mean Kadhimi and more") || len(err.Error()) > 200 {
		t.Errorf("resolve: %.300v (%d bytes), want a suggestion cut short", err, len(fmt.Sprint(err)))
	}
}
