package main

import (
	"context"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestMemoryLimitFor(t *testing.T) {
	floor := ingestMemory.floor
	for _, tc := range []struct {
		live, want int64
	}{
		{0, floor},
		{100 << 20, floor},       // 10,000 articles: the floor, as before
		{134 << 20, floor},       // an unchanged re-ingest of 100,000 (gctrace)
		{floor * 2 / 3, floor},   // the last live heap the floor serves
		{200 << 20, 300 << 20},   // half as much again
		{900 << 20, 1350 << 20},  // ~1M articles re-ingested at ~0.9 KB each (before ingest/index.go)
		{floor, floor + floor/2}, // never at or under the live heap
		{floor * 4, floor*4 + floor*2},
	} {
		if got := ingestMemory.limitFor(tc.live); got != tc.want {
			t.Errorf("ingest: limitFor(%d MiB live) = %d MiB, want %d MiB", tc.live>>20, got>>20, tc.want>>20)
		}
	}
	for _, tc := range []struct {
		live, want int64
	}{
		{0, 512 << 20},
		{345 << 20, 512 << 20}, // centrality at 100,000 articles (peak RSS)
		{455 << 20, 512 << 20}, // the last live heap the floor serves
		{640 << 20, 720 << 20}, // about centrality's peak at 1M articles (gctrace: 673 MB)
		{2 << 30, 2<<30 + 256<<20},
	} {
		if got := wholeGraphMemory.limitFor(tc.live); got != tc.want {
			t.Errorf("whole graph: limitFor(%d MiB live) = %d MiB, want %d MiB", tc.live>>20, got>>20, tc.want>>20)
		}
	}
	for _, r := range []memoryRule{ingestMemory, wholeGraphMemory} {
		for live := int64(1 << 20); live < 64<<30; live *= 2 {
			if got := r.limitFor(live); got <= live {
				t.Errorf("%+v: limitFor(%d MiB live) = %d MiB: at or under the live heap, the collector would run back to back", r, live>>20, got>>20)
			}
		}
	}
}

// followLiveHeap raises the limit once the live heap passes two thirds of
// the floor, and never lowers it.
func TestFollowLiveHeap(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	const floor = 16 << 20
	stop := followLiveHeap(context.Background(), memoryRule{floor: floor, slack: 2}, 10*time.Millisecond)
	defer stop()
	if got := debug.SetMemoryLimit(-1); got != floor {
		t.Fatalf("limit %d, want the floor %d", got, floor)
	}
	live := make([]byte, 48<<20) // live, and three times the floor
	for i := range live {
		live[i] = byte(i)
	}
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) < 72<<20 && time.Now().Before(deadline) {
		runtime.GC() // the metric is the live heap of the last collection
		time.Sleep(20 * time.Millisecond)
	}
	raised := debug.SetMemoryLimit(-1)
	if raised < 72<<20 {
		t.Fatalf("limit %d MiB with 48 MiB live; want at least 72 MiB", raised>>20)
	}
	runtime.KeepAlive(live)
	live = nil
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	if got := debug.SetMemoryLimit(-1); got < raised {
		t.Errorf("limit lowered from %d to %d MiB when the heap shrank; it only rises", raised>>20, got>>20)
	}
}
