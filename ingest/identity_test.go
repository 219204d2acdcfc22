package ingest_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// writeExport writes a JSONL export of lines under dir and returns its path.
func writeExport(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRunBareRecordIDs ingests exports that all number their records from
// 1, with no URL or source: every article is kept, under IDs scoped to
// its input — two files of one folder, two files of the same name named
// separately (in one run and in two), two exports piped through standard
// input in two runs — and a moved folder's articles are found stored.
func TestRunBareRecordIDs(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	a := writeExport(t, corpus, "export-a.jsonl",
		`{"id":"1","title":"Kadhimi visits Tehran","body":"Mustafa al-Kadhimi arrived in Tehran on Monday."}`,
		`{"id":"2","title":"Sadr speaks in Najaf","body":"Muqtada al-Sadr addressed supporters in Najaf."}`)
	b := writeExport(t, corpus, "2021/export-b.jsonl",
		`{"id":1,"title":"Erdogan meets Salih","body":"Recep Tayyip Erdogan met Barham Salih in Ankara."}`,
		`{"id":2,"title":"Basra protests","body":"Protesters gathered in Basra over power cuts."}`)
	s := newStore(t)
	st := run(t, s, ingest.Options{}, corpus)
	if got, want := counts(st), "read=4 new=4 changed=0 unchanged=0 dup=0 conflicts=0 written=4 skipped=0 warnings=0"; got != want {
		t.Errorf("first run: %s\nwant %s", got, want)
	}
	want := []string{b + "#1", b + "#2", a + "#1", a + "#2"}
	if got := storedIDs(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("stored IDs %q, want %q", got, want)
	}

	// The corpus moved: its IDs name the old paths, but the texts are
	// stored, so every article is a duplicate and nothing is doubled.
	if err := os.Rename(corpus, filepath.Join(dir, "moved")); err != nil {
		t.Fatal(err)
	}
	st = run(t, s, ingest.Options{}, filepath.Join(dir, "moved"))
	if got, want := counts(st), "read=4 new=0 changed=0 unchanged=0 dup=4 conflicts=0 written=0 skipped=0 warnings=4"; got != want {
		t.Errorf("moved corpus: %s\nwant %s", got, want)
	}
	if got := storedIDs(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("stored IDs after the move %q, want %q", got, want)
	}
}

// TestRunBareRecordIDsSameName ingests daily folders that each hold an
// export.jsonl numbered from 1, named separately: in one run, then each in
// a run of its own (as a cron job would); no article replaces another.
func TestRunBareRecordIDsSameName(t *testing.T) {
	dir := t.TempDir()
	d1 := writeExport(t, dir, "2021-07-11/export.jsonl",
		`{"id":"1","title":"Kadhimi visits Tehran","body":"Mustafa al-Kadhimi arrived in Tehran on Monday."}`)
	d2 := writeExport(t, dir, "2021-07-12/export.jsonl",
		`{"id":"1","title":"Erdogan meets Salih","body":"Recep Tayyip Erdogan met Barham Salih in Ankara."}`)
	want := []string{d1 + "#1", d2 + "#1"}

	s := newStore(t)
	st := run(t, s, ingest.Options{}, d1, d2)
	if got, want := counts(st), "read=2 new=2 changed=0 unchanged=0 dup=0 conflicts=0 written=2 skipped=0 warnings=0"; got != want {
		t.Errorf("one run: %s\nwant %s", got, want)
	}
	if got := storedIDs(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("one run: stored IDs %q, want %q", got, want)
	}

	s = newStore(t)
	for _, folder := range []string{filepath.Dir(d1), filepath.Dir(d2)} {
		st := run(t, s, ingest.Options{}, folder)
		if got, want := counts(st), "read=1 new=1 changed=0 unchanged=0 dup=0 conflicts=0 written=1 skipped=0 warnings=0"; got != want {
			t.Errorf("run on %s: %s\nwant %s", folder, got, want)
		}
	}
	if got := storedIDs(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("two runs: stored IDs %q, want %q", got, want)
	}
}

// TestRunBareRecordIDsStdin pipes two exports numbered from 1 through
// standard input in two runs: their record IDs cannot be scoped, so the
// texts name the articles and the second export replaces nothing.
func TestRunBareRecordIDsStdin(t *testing.T) {
	exports := []string{
		`{"id":"1","title":"Kadhimi visits Tehran","body":"Mustafa al-Kadhimi arrived in Tehran on Monday."}` + "\n",
		`{"id":"1","title":"Erdogan meets Salih","body":"Recep Tayyip Erdogan met Barham Salih in Ankara."}` + "\n",
	}
	s := newStore(t)
	for i, e := range exports {
		st := run(t, s, ingest.Options{Read: read.ReadOptions{Stdin: strings.NewReader(e)}}, "-")
		if got, want := counts(st), "read=1 new=1 changed=0 unchanged=0 dup=0 conflicts=0 written=1 skipped=0 warnings=0"; got != want {
			t.Errorf("run %d: %s\nwant %s", i+1, got, want)
		}
	}
	ids := storedIDs(t, s)
	if len(ids) != 2 {
		t.Fatalf("stored IDs %q, want two", ids)
	}
	for _, id := range ids {
		if !strings.HasPrefix(id, "sha256:") {
			t.Errorf("stored ID %q, want a text hash", id)
		}
	}
	// Piped again, the first export is the same article.
	st := run(t, s, ingest.Options{Read: read.ReadOptions{Stdin: strings.NewReader(exports[0])}}, "-")
	if got, want := counts(st), "read=1 new=0 changed=0 unchanged=1 dup=0 conflicts=0 written=0 skipped=0 warnings=0"; got != want {
		t.Errorf("again: %s\nwant %s", got, want)
	}
}

// TestRunTitleFeedGUIDs ingests two feeds known only by the same title,
// "Top Stories", whose items both have GUID "1": a title names no site,
// so the GUIDs are scoped to their feed and both articles are kept.
func TestRunTitleFeedGUIDs(t *testing.T) {
	a, b := "read/testdata/cases/ids/top-a.rss", "read/testdata/cases/ids/top-b.rss"
	s := newStore(t)
	st := run(t, s, ingest.Options{}, a, b)
	if got, want := counts(st), "read=2 new=2 changed=0 unchanged=0 dup=0 conflicts=0 written=2 skipped=0 warnings=0"; got != want {
		t.Errorf("%s\nwant %s", got, want)
	}
	want := []string{read.InputID(a) + "#1", read.InputID(b) + "#1"}
	if got := storedIDs(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("stored IDs %q, want %q", got, want)
	}
}

// TestRunRelativeFeedLinks ingests two feeds whose items have the same
// relative links: four articles, none replacing another.
func TestRunRelativeFeedLinks(t *testing.T) {
	s := newStore(t)
	st := run(t, s, ingest.Options{}, "read/testdata/cases/ids/site-a.rss", "read/testdata/cases/ids/site-b.rss")
	if got, want := counts(st), "read=4 new=4 changed=0 unchanged=0 dup=0 conflicts=0 written=4 skipped=0 warnings=0"; got != want {
		t.Errorf("%s\nwant %s", got, want)
	}
	want := []string{"a.example.org/news/1", "a.example.org/news/2", "b.example.net/news/1", "b.example.net/news/2?id=7"}
	if got := storedIDs(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("stored IDs %q, want %q", got, want)
	}
}

// TestRunMappedColumnsAgain reads a CSV with its default columns, then
// with --map title=headline_clean,id=unit_id: the second run gives other
// titles and IDs to the same texts, which are found stored, not doubled.
func TestRunMappedColumnsAgain(t *testing.T) {
	const in = "read/testdata/cases/ids/mapped.csv"
	s := newStore(t)
	st := run(t, s, ingest.Options{}, in)
	// One warning each run: no column is named like a body ("story" is
	// not a name newsgraph knows), so articles are their titles alone.
	if got, want := counts(st), "read=2 new=2 changed=0 unchanged=0 dup=0 conflicts=0 written=2 skipped=0 warnings=1"; got != want {
		t.Errorf("default columns: %s\nwant %s", got, want)
	}
	fields, err := read.ParseFieldMap([]string{"title=headline_clean", "id=unit_id"})
	if err != nil {
		t.Fatal(err)
	}
	st = run(t, s, ingest.Options{Read: read.ReadOptions{Fields: fields}}, in)
	if got, want := counts(st), "read=2 new=0 changed=0 unchanged=0 dup=2 conflicts=0 written=0 skipped=0 warnings=3"; got != want {
		t.Errorf("mapped columns: %s\nwant %s", got, want)
	}
	if got := storedIDs(t, s); len(got) != 2 {
		t.Errorf("stored IDs %q, want 2", got)
	}
}
