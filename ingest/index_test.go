package ingest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// TestRunIndexInFiles runs one history of ingests — a first run with
// repeats, conflicting IDs and texts shared under two IDs, then a pruning
// run that edits, drops, moves and repeats articles — with the run's index
// in memory, in temporary files, and passing from one to the other part
// way (a budget of 24 KiB), and checks that all three count, report and
// store the same.
func TestRunIndexInFiles(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	names := []string{"Mustafa al-Kadhimi", "Joe Biden", "Ebrahim Raisi", "Kataib Hezbollah", "Baghdad", "Tehran", "Washington", "Muqtada al-Sadr"}
	line := func(id string, v int) string {
		a, b := names[(v*3)%len(names)], names[(v*5+1)%len(names)]
		return fmt.Sprintf(`{"id":%q,"title":"report %d","date":"2022-03-%02d","body":"%s met %s on day %d."}`, id, v, 1+v%28, a, b, v)
	}
	var first, second, moved []string
	for i := range 1500 {
		id := fmt.Sprintf("wire:%d", i)
		first = append(first, line(id, i))
		switch k := r.IntN(20); {
		case k == 0: // the same line again
			first = append(first, line(id, i))
		case k == 1: // the same ID with other content
			first = append(first, line(id, i+100000))
		case k == 2: // the same text under another ID
			first = append(first, line(fmt.Sprintf("copy:%d", i), i))
		}
		switch k := r.IntN(10); {
		case k == 0: // dropped: pruned
		case k == 1: // edited
			second = append(second, line(id, i+200000))
		case k == 2: // moved to another input
			moved = append(moved, line(id, i))
		case k == 3: // kept, and repeated under a new ID
			second = append(second, line(id, i), line(fmt.Sprintf("new:%d", i), i))
		default:
			second = append(second, line(id, i))
		}
	}
	type outcome struct {
		stats    []string
		problems []string
		stored   []string // IDs, the corpus's folder named DIR
	}
	history := func(t *testing.T, budget int64) outcome {
		s := newStore(t)
		dir := t.TempDir()
		a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
		var o outcome
		for i, step := range []struct {
			prune bool
			a, b  []string // the inputs' lines at this step
		}{
			{false, first, nil},
			{true, second, moved},
			{false, second, moved}, // unchanged
		} {
			writeCorpus(t, dir, "a.jsonl", step.a...)
			inputs := []string{a}
			if step.b != nil {
				writeCorpus(t, dir, "b.jsonl", step.b...)
				inputs = append(inputs, b)
			}
			var p problems
			opts := ingest.Options{IndexMemory: budget, TempDir: t.TempDir(), Prune: step.prune, Read: read.ReadOptions{Problem: p.add}}
			st := run(t, s, opts, inputs...)
			o.stats = append(o.stats, fmt.Sprintf("run %d: %s removed=%d", i+1, counts(st), st.Removed))
			for _, pr := range p.list {
				o.problems = append(o.problems, strings.ReplaceAll(pr.Error(), dir, "DIR"))
			}
		}
		fps, err := s.Fingerprints(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for id := range fps {
			o.stored = append(o.stored, strings.ReplaceAll(id, dir, "DIR"))
		}
		slices.Sort(o.stored)
		return o
	}
	want := history(t, ingest.DefaultIndexMemory)
	if len(want.stored) < 1000 || len(want.problems) < 100 {
		t.Fatalf("the history stored %d articles with %d problems: too few to compare", len(want.stored), len(want.problems))
	}
	for _, budget := range []int64{-1, 24 << 10} {
		got := history(t, budget)
		if !slices.Equal(got.stats, want.stats) {
			t.Errorf("budget %d: counts\n%v\nwant (in memory)\n%v", budget, got.stats, want.stats)
		}
		if !slices.Equal(got.problems, want.problems) {
			t.Errorf("budget %d: %d problems, %d in memory; first differing: %v", budget, len(got.problems), len(want.problems), firstDiff(got.problems, want.problems))
		}
		if !slices.Equal(got.stored, want.stored) {
			t.Errorf("budget %d: %d stored, %d in memory; first differing: %v", budget, len(got.stored), len(want.stored), firstDiff(got.stored, want.stored))
		}
	}
	// The history does what it is meant to: the pruning run removes and
	// changes articles, the last finds nothing to do.
	if strings.Contains(want.stats[1], "removed=0") || strings.Contains(want.stats[1], "changed=0") || !strings.Contains(want.stats[2], "new=0 changed=0") {
		t.Errorf("the history in memory: %v", want.stats)
	}
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("%q against %q", a[i], b[i])
		}
	}
	return fmt.Sprintf("one list ends at %d", min(len(a), len(b)))
}
