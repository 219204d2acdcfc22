package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/ingest/read"
)

// readAll reads paths with read.Read and returns every article and
// problem, as the readers' own tests do.
func readAll(t *testing.T, opts read.ReadOptions, paths ...string) ([]read.Article, []read.Problem) {
	t.Helper()
	var arts []read.Article
	var probs []read.Problem
	opts.Problem = func(p read.Problem) { probs = append(probs, p) }
	if err := read.Read(context.Background(), paths, opts, func(a read.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		t.Fatalf("Read: %v", err)
	}
	return arts, probs
}

// sharedCorpus returns the path of a file in ../shared/corpora, skipping the
// test when the folder is absent unless CI=true.
func sharedCorpus(t testing.TB, rel string) string {
	path := filepath.Join("..", "..", "..", "shared", "corpora", rel)
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but the shared corpus is missing: %v", err)
		}
		t.Skipf("shared corpus not found (%v); it lives beside the repository in ../shared", err)
	}
	return path
}
