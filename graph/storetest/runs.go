package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// capability returns s as a T, failing t when the backend lacks it: every
// backend must support scheduled re-ingests.
func capability[T any](t *testing.T, s graph.Store) T {
	t.Helper()
	c, ok := s.(T)
	if !ok {
		var zero T
		t.Fatalf("%T does not implement %T", s, &zero)
	}
	return c
}

func testInputs(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	il := capability[graph.InputLister](t, s)
	a, b := doc("a", "2021-07-01", "ar", "s", kadhimi), doc("b", "", "en", "s", biden)
	a.Article.Input = "/corpus/one.jsonl"
	apply(t, s, a, b)
	a.Article.Input = "https://example.org/feed.xml" // the same article, read elsewhere
	apply(t, s, a)
	got, err := il.Inputs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"a": "https://example.org/feed.xml", "b": ""}; !reflect.DeepEqual(got, want) {
		t.Errorf("Inputs() = %v, want %v", got, want)
	}
	if err := s.Delete(ctx, []string{"a"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := il.Inputs(ctx); !reflect.DeepEqual(got, map[string]string{"b": ""}) {
		t.Errorf("after deleting a: Inputs() = %v", got)
	}
}

// testSizeFollowsWrites checks that Size, which a backend may cache, sees
// every write and delete.
func testSizeFollowsWrites(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	size := func() graph.Size {
		t.Helper()
		z, err := s.Size(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return z
	}
	if z := size(); z != (graph.Size{}) {
		t.Errorf("empty store: %+v", z)
	}
	apply(t, s, doc("a", "", "", "", kadhimi, biden))
	size()
	apply(t, s, doc("b", "", "", "", kadhimi, raisi, iraq))
	if z, want := size(), (graph.Size{Articles: 2, Entities: 4, Edges: 4}); z != want {
		t.Errorf("after two writes: %+v, want %+v", z, want)
	}
	if z := size(); z.Edges != 4 {
		t.Errorf("asked again: %+v", z)
	}
	if err := s.Delete(ctx, []string{"b"}); err != nil {
		t.Fatal(err)
	}
	if z, want := size(), (graph.Size{Articles: 1, Entities: 2, Edges: 1}); z != want {
		t.Errorf("after a delete: %+v, want %+v", z, want)
	}
}

func testRunLog(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	rl := capability[graph.RunLog](t, s)
	if runs, err := rl.Runs(ctx, 0); err != nil || len(runs) != 0 {
		t.Fatalf("new store: runs %v, %v", runs, err)
	}
	t0 := time.Date(2026, 11, 28, 10, 0, 0, 123456789, time.UTC)
	crashed := graph.Run{ID: "r1", Started: t0, Inputs: []string{"/corpus"}, Version: "v1", Owner: "pid 1 on h"}
	if err := rl.StartRun(ctx, crashed); err != nil {
		t.Fatal(err)
	}
	rp, progresses := s.(graph.RunProgressor)
	if progresses {
		// r1 commits some before it dies: what it wrote stays on record.
		crashed.Read, crashed.New, crashed.Changed, crashed.Failed = 7, 3, 1, 2
		if err := rp.ProgressRun(ctx, crashed); err != nil {
			t.Fatal(err)
		}
	}
	// Same second, later nanosecond: still sorts after r1.
	second := graph.Run{ID: "r2", Started: t0.Add(time.Millisecond), Inputs: []string{"/corpus", "https://example.org/rss"}, Version: "v2", Owner: "pid 2 on h"}
	if err := rl.StartRun(ctx, second); err != nil {
		t.Fatal(err)
	}
	second.Finished, second.Status = t0.Add(time.Minute), graph.RunPartial
	second.Read, second.New, second.Changed, second.Unchanged, second.Removed, second.Failed = 10, 1, 2, 3, 4, 5
	second.Errors = []string{"corpus/x.jsonl:3: malformed JSON"}
	if err := rl.FinishRun(ctx, second); err != nil {
		t.Fatal(err)
	}
	if progresses {
		// Progress reported late, after the run finished, changes nothing.
		late := second
		late.Read, late.New = 99, 99
		if err := rp.ProgressRun(ctx, late); err != nil {
			t.Fatal(err)
		}
	}
	third := graph.Run{ID: "r3", Started: t0.Add(2 * time.Minute), Inputs: []string{}, Version: "v2"}
	if err := rl.StartRun(ctx, third); err != nil {
		t.Fatal(err)
	}
	runs, err := rl.Runs(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range runs {
		got = append(got, fmt.Sprintf("%s %s %s–%s %v %s %q %d/%d/%d/%d/%d/%d %q", r.ID, r.Status,
			r.Started.UTC().Format(time.RFC3339Nano), r.Finished.UTC().Format(time.RFC3339), r.Inputs, r.Version, r.Owner,
			r.Read, r.New, r.Changed, r.Unchanged, r.Removed, r.Failed, r.Errors))
	}
	want := []string{
		`r3 running 2026-11-28T10:02:00.123456789Z–0001-01-01T00:00:00Z [] v2 "" 0/0/0/0/0/0 []`,
		`r2 partial 2026-11-28T10:00:00.124456789Z–2026-11-28T10:01:00Z [/corpus https://example.org/rss] v2 "pid 2 on h" 10/1/2/3/4/5 ["corpus/x.jsonl:3: malformed JSON"]`,
		// r1 was still running when r2 started: its process died.
		`r1 abandoned 2026-11-28T10:00:00.123456789Z–0001-01-01T00:00:00Z [/corpus] v1 "pid 1 on h" 0/0/0/0/0/0 []`,
	}
	if progresses {
		want[2] = `r1 abandoned 2026-11-28T10:00:00.123456789Z–0001-01-01T00:00:00Z [/corpus] v1 "pid 1 on h" 7/3/1/0/0/2 []`
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("runs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if runs, err := rl.Runs(ctx, 1); err != nil || len(runs) != 1 || runs[0].ID != "r3" {
		t.Errorf("Runs(1) = %v, %v; want r3 only", runs, err)
	}
}

func testLock(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	lk := capability[graph.Locker](t, s)
	held, unlock, err := lk.Lock(ctx, graph.LockOptions{Owner: "first writer", Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if held.Err() != nil {
		t.Fatalf("held context done at once: %v", held.Err())
	}
	// A second writer gives up after its timeout, naming the holder.
	start := time.Now()
	_, _, err = lk.Lock(ctx, graph.LockOptions{Owner: "second writer", Timeout: 300 * time.Millisecond})
	if !errors.Is(err, graph.ErrLocked) || !strings.Contains(err.Error(), "first writer") {
		t.Fatalf("second Lock: %v; want ErrLocked naming the first writer", err)
	}
	if waited := time.Since(start); waited < 300*time.Millisecond {
		t.Errorf("second Lock gave up after %v, before its timeout", waited)
	}
	// One waiting when the first lets go gets it.
	got := make(chan error, 1)
	go func() {
		_, unlock2, err := lk.Lock(ctx, graph.LockOptions{Owner: "third writer", Timeout: 30 * time.Second})
		if err == nil {
			err = unlock2()
		}
		got <- err
	}()
	time.Sleep(200 * time.Millisecond)
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if held.Err() == nil {
		t.Error("held context not cancelled by unlock")
	}
	if err := unlock(); err != nil {
		t.Errorf("second unlock: %v", err)
	}
	if err := <-got; err != nil {
		t.Fatalf("waiting Lock: %v", err)
	}
	// A cancelled wait returns the context's error.
	_, unlock, err = lk.Lock(ctx, graph.LockOptions{Owner: "fourth writer"})
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if _, _, err := lk.Lock(cctx, graph.LockOptions{Owner: "fifth writer", Timeout: time.Minute}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Lock with a cancelled context: %v", err)
	}
}

// testEntityVersion checks that an entity that articles give in different
// versions (a name found by rules, spelt as each article wrote it) takes
// the version of the article with the least ID, whatever the order of
// writes: a history and a fresh write agree.
func testEntityVersion(t *testing.T, o Opener) {
	ctx := context.Background()
	version := func(name string) graph.Entity {
		return graph.Entity{ID: "organization:hizb", Type: graph.Organization, Kind: "found by rule", NameAr: name}
	}
	a := doc("a", "", "", "", version("حزبَ الأصالة"), iraq)
	b := doc("b", "", "", "", version("حزب الاصالة"), iraq)
	name := func(s graph.Store) string {
		t.Helper()
		p, err := s.Entity(ctx, "organization:hizb", graph.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		return p.NameAr
	}
	for _, order := range [][]graph.Document{{a, b}, {b, a}} {
		s := open(t, o)
		apply(t, s, order[0])
		apply(t, s, order[1])
		if got := name(s); got != "حزبَ الأصالة" {
			t.Errorf("written %s then %s: name %q, want article a's", order[0].Article.ID, order[1].Article.ID, got)
		}
		if err := s.Delete(ctx, []string{"a"}); err != nil {
			t.Fatal(err)
		}
		if got := name(s); got != "حزب الاصالة" {
			t.Errorf("after deleting a: name %q, want article b's", got)
		}
		s.Close()
	}
}
