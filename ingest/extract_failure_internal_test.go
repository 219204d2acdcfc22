package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// An article the extractor panics on (a bug, as a nested mention once
// was: relations.go, between) is reported with its place and skipped;
// the articles around it are written and the run does not stop.
func TestExtractionPanicSkipsArticle(t *testing.T) {
	orig := extractDoc
	t.Cleanup(func() { extractDoc = orig })
	extractDoc = func(x *extract.Extractor, a *read.Article) graph.Document {
		if strings.Contains(a.Body, "poison") {
			var s []int
			_ = s[5] // index out of range, as a real bug would
		}
		return orig(x, a)
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	lines := []string{
		`{"id": "a", "title": "A", "date": "2021-07-12", "body": "Joe Biden met Ebrahim Raisi in Baghdad."}`,
		`{"id": "b", "title": "B", "date": "2021-07-12", "body": "A poison text for the extractor."}`,
		`{"id": "c", "title": "C", "date": "2021-07-12", "body": "Mustafa al-Kadhimi visited Washington."}`,
	}
	if err := os.WriteFile(corpus, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	var problems []read.Problem
	st, err := Run(ctx, s, extract.NewExtractor(lex), []string{corpus}, Options{Workers: 2, Read: read.ReadOptions{Problem: func(p read.Problem) { problems = append(problems, p) }}})
	if err != nil {
		t.Fatalf("run stopped: %v", err)
	}
	if st.Written != 2 || st.Skipped != 1 {
		t.Errorf("written %d, skipped %d; want 2 and 1", st.Written, st.Skipped)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Reason, "extraction failed") || !strings.Contains(problems[0].Reason, "index out of range") ||
		problems[0].Line != 2 {
		t.Errorf("problems %+v; want one, for line 2, saying extraction failed and why", problems)
	}
	size, err := s.Size(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if size.Articles != 2 {
		t.Errorf("%d articles stored, want 2 (a and c)", size.Articles)
	}
}
