package synth_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/read"
	"github.com/newsgraph/newsgraph/ingest/synth"
)

const fixture = "testdata/source.jsonl"

func load(t *testing.T) *synth.Source {
	t.Helper()
	src, err := synth.Load(context.Background(), []string{fixture}, read.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func write(t *testing.T, src *synth.Source, n int, opts synth.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := src.Write(context.Background(), &b, n, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestLoad(t *testing.T) {
	src := load(t)
	// testdata/source.jsonl: six articles, a5's body "..." has no sentence;
	// sentences 4 + 3 + 4 + 5 + 1 (norm.Sentences: "2.5" is no end, "؛"
	// and the line break are).
	if got, want := src.Articles(), 5; got != want {
		t.Errorf("Articles() = %d, want %d", got, want)
	}
	if got, want := src.Sentences(), 4+3+4+5+1; got != want {
		t.Errorf("Sentences() = %d, want %d", got, want)
	}
	// read reports a missing file as a problem, not an error: Load's
	// error names it.
	missing := filepath.Join(t.TempDir(), "none.jsonl")
	_, err := synth.Load(context.Background(), []string{missing}, read.ReadOptions{})
	if !errors.Is(err, synth.ErrEmpty) || !strings.Contains(fmt.Sprint(err), missing) {
		t.Errorf("Load of a missing file: %v, want ErrEmpty naming it", err)
	}
}

func TestDeterministic(t *testing.T) {
	src := load(t)
	for _, tc := range []struct {
		name       string
		a, b       synth.Options
		na, nb     int
		same, pref bool // byte-identical; a's output a prefix of b's
	}{
		{"same seed and n", synth.Options{Seed: 1}, synth.Options{Seed: 1}, 50, 50, true, true},
		{"same seed, larger n", synth.Options{Seed: 7}, synth.Options{Seed: 7}, 20, 60, false, true},
		{"other seed", synth.Options{Seed: 1}, synth.Options{Seed: 2}, 50, 50, false, false},
		{"other parts", synth.Options{Seed: 1}, synth.Options{Seed: 1, MinParts: 1, MaxParts: 1}, 50, 50, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := write(t, src, tc.na, tc.a), write(t, src, tc.nb, tc.b)
			if got := bytes.Equal(a, b); got != tc.same {
				t.Errorf("outputs equal: %v, want %v", got, tc.same)
			}
			if got := bytes.HasPrefix(b, a); got != tc.pref {
				t.Errorf("first output a prefix of the second: %v, want %v", got, tc.pref)
			}
			// A second Source loaded from the same file gives the same bytes.
			if again := write(t, load(t), tc.na, tc.a); !bytes.Equal(a, again) {
				t.Error("a second Load and Write gave other bytes")
			}
		})
	}
}

// TestReadBack reads the output as `newsgraph ingest` does and checks every
// article: count, unique IDs, every field, the date range, and that its body
// is sentences of 2–4 (or the parts asked for) distinct source articles.
func TestReadBack(t *testing.T) {
	src := load(t)
	// Every sentence of the fixture, and the article it is in (each is
	// in one).
	from := map[string]string{}
	if err := read.Read(context.Background(), []string{fixture}, read.ReadOptions{}, func(a read.Article) error {
		for _, sp := range norm.Sentences(a.Body) {
			from[a.Body[sp.Start:sp.End]] = a.Record
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name          string
		n             int
		opts          synth.Options
		minP, maxP    int
		first, period time.Time
	}{
		{"defaults", 200, synth.Options{Seed: 1}, 2, 4,
			time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"one part", 50, synth.Options{Seed: 3, MinParts: 1, MaxParts: 1}, 1, 1,
			time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)},
		// The fixture has 5 articles with sentences: 10 parts are capped at 5.
		{"more parts than articles", 50, synth.Options{Seed: 4, MinParts: 10, MaxParts: 10}, 5, 5,
			time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"a month", 100, synth.Options{Seed: 5, Start: start, Days: 31}, 2, 4, start, start.AddDate(0, 0, 31)},
		{"none", 0, synth.Options{Seed: 1}, 0, 0, time.Time{}, time.Time{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "synth.jsonl")
			if err := os.WriteFile(path, write(t, src, tc.n, tc.opts), 0o644); err != nil {
				t.Fatal(err)
			}
			ids := map[string]bool{}
			var problems []read.Problem
			count := 0
			err := read.Read(context.Background(), []string{path},
				read.ReadOptions{Problem: func(p read.Problem) { problems = append(problems, p) }},
				func(a read.Article) error {
					count++
					if ids[a.ID] {
						t.Errorf("ID %q twice", a.ID)
					}
					ids[a.ID] = true
					if a.URL == "" || a.Source == "" || a.Title == "" || a.Body == "" || a.Record == "" {
						t.Errorf("%s: a field is empty: url %q source %q title %q record %q body %q",
							a.Origin, a.URL, a.Source, a.Title, a.Record, a.Body)
					}
					if a.Published.Before(tc.first) || !a.Published.Before(tc.period) {
						t.Errorf("%s: date %v, want in [%v, %v)", a.Origin, a.Published, tc.first, tc.period)
					}
					parts := map[string]bool{}
					for _, sp := range norm.Sentences(a.Body) {
						s := a.Body[sp.Start:sp.End]
						rec, ok := from[s]
						if !ok {
							t.Errorf("%s: sentence %q is in no source article", a.Origin, s)
						}
						parts[rec] = true
					}
					if len(parts) < tc.minP || len(parts) > tc.maxP {
						t.Errorf("%s: sentences from %d source articles, want %d–%d", a.Origin, len(parts), tc.minP, tc.maxP)
					}
					return nil
				})
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) > 0 {
				t.Errorf("read reported %v", problems)
			}
			if count != tc.n {
				t.Errorf("read %d articles, want %d", count, tc.n)
			}
		})
	}
}

func TestSources(t *testing.T) {
	src := load(t)
	seen := map[string]int{}
	for i := range uint64(300) {
		rec, err := src.Article(i, synth.Options{Seed: 9})
		if err != nil {
			t.Fatal(err)
		}
		seen[rec.Source]++
		if !strings.HasPrefix(rec.URL, "https://") || !strings.HasSuffix(rec.URL, "/synth/"+rec.ID) {
			t.Errorf("article %d: URL %q, ID %q", i, rec.URL, rec.ID)
		}
	}
	// The fixture's sources, and the default for a6, which has none; a5,
	// the other example.org article, has no sentence.
	for _, s := range []string{"example.org", "example.net", "synth.invalid"} {
		if seen[s] == 0 {
			t.Errorf("no article from %q in 300: %v", s, seen)
		}
	}
	if len(seen) != 3 {
		t.Errorf("sources %v, want those three", seen)
	}
}

func TestOptionErrors(t *testing.T) {
	src := load(t)
	for _, tc := range []struct {
		name string
		n    int
		opts synth.Options
	}{
		{"negative n", -1, synth.Options{}},
		{"max below min", 1, synth.Options{MinParts: 3, MaxParts: 2}},
		{"negative parts", 1, synth.Options{MinParts: -1}},
		{"negative days", 1, synth.Options{Days: -3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := src.Write(context.Background(), &bytes.Buffer{}, tc.n, tc.opts); err == nil {
				t.Error("no error")
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := src.Write(ctx, &bytes.Buffer{}, 10, synth.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Write with a cancelled context: %v, want context.Canceled", err)
	}
}
