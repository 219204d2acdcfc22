package ingest_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/ingest"
)

// TestRunBareRecordIDs ingests two exports that both number their records
// from 1, with no URL or source: all four articles are kept, under IDs
// scoped to their file, and a copy of the folder ingested from elsewhere
// finds them all unchanged.
func TestRunBareRecordIDs(t *testing.T) {
	dir := t.TempDir()
	for name, lines := range map[string][]string{
		"export-a.jsonl": {
			`{"id":"1","title":"Kadhimi visits Tehran","body":"Mustafa al-Kadhimi arrived in Tehran on Monday."}`,
			`{"id":"2","title":"Sadr speaks in Najaf","body":"Muqtada al-Sadr addressed supporters in Najaf."}`,
		},
		"2021/export-b.jsonl": {
			`{"id":1,"title":"Erdogan meets Salih","body":"Recep Tayyip Erdogan met Barham Salih in Ankara."}`,
			`{"id":2,"title":"Basra protests","body":"Protesters gathered in Basra over power cuts."}`,
		},
	} {
		path := filepath.Join(dir, "corpus", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(lines[0]+"\n"+lines[1]+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := newStore(t)
	st := run(t, s, ingest.Options{}, filepath.Join(dir, "corpus"))
	if got, want := counts(st), "read=4 new=4 changed=0 unchanged=0 dup=0 conflicts=0 written=4 skipped=0 warnings=0"; got != want {
		t.Errorf("first run: %s\nwant %s", got, want)
	}
	want := []string{"2021/export-b.jsonl#1", "2021/export-b.jsonl#2", "export-a.jsonl#1", "export-a.jsonl#2"}
	if got := storedIDs(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("stored IDs %q, want %q", got, want)
	}

	// The corpus moved: the IDs are relative to the folder named, so none
	// is new; the articles are written again only because the stored input
	// path, which pruning goes by, changed.
	if err := os.Rename(filepath.Join(dir, "corpus"), filepath.Join(dir, "moved")); err != nil {
		t.Fatal(err)
	}
	st = run(t, s, ingest.Options{}, filepath.Join(dir, "moved"))
	if got, want := counts(st), "read=4 new=0 changed=4 unchanged=0 dup=0 conflicts=0 written=4 skipped=0 warnings=0"; got != want {
		t.Errorf("moved corpus: %s\nwant %s", got, want)
	}
	if got := storedIDs(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("stored IDs after the move %q, want %q", got, want)
	}
}

// TestRunRelativeFeedLinks ingests two feeds whose items have the same
// relative links: four articles, none replacing another.
func TestRunRelativeFeedLinks(t *testing.T) {
	s := newStore(t)
	st := run(t, s, ingest.Options{}, "testdata/cases/ids/site-a.rss", "testdata/cases/ids/site-b.rss")
	if got, want := counts(st), "read=4 new=4 changed=0 unchanged=0 dup=0 conflicts=0 written=4 skipped=0 warnings=0"; got != want {
		t.Errorf("%s\nwant %s", got, want)
	}
	want := []string{"a.example.org/news/1", "a.example.org/news/2", "b.example.net/news/1", "b.example.net/news/2?id=7"}
	if got := storedIDs(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("stored IDs %q, want %q", got, want)
	}
}
