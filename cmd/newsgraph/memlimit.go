package main

import (
	"context"
	"os"
	"runtime/debug"
	rtmetrics "runtime/metrics"
	"time"
)

// memoryRule is a soft limit on the Go heap (runtime/debug.SetMemoryLimit)
// that follows the live heap: floor bytes, or the live heap and a slack-th
// of it again once that is more. Without a limit the collector lets the
// heap grow to twice what the last collection found live (GOGC=100), so a
// command's peak RSS is about twice its live heap; a limit at or under the
// live heap would make the collector run back to back (at up to half the
// CPU: an unchanged re-ingest of 100,000 articles took 29 s instead of 14 s
// under a 100 MiB limit, its live heap 134 MB), hence the following.
type memoryRule struct {
	floor int64 // bytes
	slack int64 // the limit is at least live + live/slack
}

// ingestMemory is the rule of an ingest. The floor lets the collector run
// before the heap doubles its live size (130 MB at its peak for 10,000
// synthetic articles, most of it a group's aggregate deltas), which took
// that ingest's peak RSS from 352 MB to 262 MB for about the same CPU
// seconds (docs/query-performance.md, The write stage). An ingest holds
// every stored article's fingerprints and every read one's, about 0.35 KB
// an article a re-ingest reads (378 MB live at a million; 1.2 KB before
// ingest/index.go, 0.55 KB before its ID tables), so a fixed 224 MiB is
// passed by a store of some 600,000 articles: past two thirds of it the
// limit rises to half as much again as the live heap.
var ingestMemory = memoryRule{floor: 224 << 20, slack: 2}

// wholeGraphMemory is the rule of a command that loads the whole
// co-mention graph (centrality, communities, path, stats, export). Its live
// heap is the graph while it is built, about 28 bytes an edge at the peak
// (query.Load): 673 MB for the 18.2 million edges of a million synthetic
// articles, where without a limit the heap grew to 962 MB and the peak RSS
// to 1.06 GB; under this rule 0.7–0.8 GB for the same time
// (docs/query-performance.md, A million articles). The slack is small
// because what such a command allocates is a few large arrays without
// pointers, which the collector marks for nothing.
var wholeGraphMemory = memoryRule{floor: 512 << 20, slack: 8}

// liveHeapMetric is the runtime's count of the heap bytes the last
// collection found live.
const liveHeapMetric = "/gc/heap/live:bytes"

// followInterval is how often limitMemory looks at the live heap.
const followInterval = 250 * time.Millisecond

// limitFor is the soft limit for a live heap of live bytes: the floor, or
// live + live/slack once that is more.
func (r memoryRule) limitFor(live int64) int64 {
	return max(r.floor, live+live/r.slack)
}

// limitMemory sets the soft memory limit of the process to r's floor and
// raises it as the live heap grows (r.limitFor, never lowered), until stop
// is called, which leaves the limit as it is. When $GOMEMLIMIT is set it
// does nothing: the user's limit stands.
func limitMemory(ctx context.Context, r memoryRule) (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	return followLiveHeap(ctx, r, followInterval)
}

// followLiveHeap sets the soft memory limit to r.floor and, every
// interval, to r.limitFor(live heap) when that is higher, until ctx ends
// or stop is called (stop waits for the goroutine to end).
func followLiveHeap(ctx context.Context, r memoryRule, interval time.Duration) (stop func()) {
	limit := r.floor
	debug.SetMemoryLimit(limit)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		sample := []rtmetrics.Sample{{Name: liveHeapMetric}}
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			rtmetrics.Read(sample)
			if sample[0].Value.Kind() != rtmetrics.KindUint64 {
				return // a runtime without the metric: the floor stands
			}
			if want := r.limitFor(int64(sample[0].Value.Uint64())); want > limit {
				limit = want
				debug.SetMemoryLimit(limit)
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}
