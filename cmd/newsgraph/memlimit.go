package main

import (
	"context"
	"os"
	"runtime/debug"
	rtmetrics "runtime/metrics"
	"time"
)

// ingestMemoryLimit is the floor of the soft limit on the Go heap of an
// ingest (runtime/debug.SetMemoryLimit) unless $GOMEMLIMIT sets one: the
// collector then runs before the heap doubles its live size (130 MB at
// its peak for 10,000 synthetic articles, most of it a group's aggregate
// deltas), which took that ingest's peak RSS from 352 MB to 262 MB for
// about the same CPU seconds (docs/query-performance.md, The write stage).
const ingestMemoryLimit = 224 << 20 // bytes

// liveHeapMetric is the runtime's count of the heap bytes the last
// collection found live.
const liveHeapMetric = "/gc/heap/live:bytes"

// followInterval is how often limitIngestMemory looks at the live heap.
const followInterval = 250 * time.Millisecond

// memoryLimitFor is the soft limit for a live heap of live bytes: floor, or
// half as much again as the live heap once that passes two thirds of floor.
// A limit at or under the live heap makes the collector run back to back
// (at up to half the CPU: an unchanged re-ingest of 100,000 articles took
// 29 s instead of 14 s under a 100 MiB limit, its live heap 134 MB), and an
// ingest holds every stored article's fingerprints and every read one's,
// about 0.55 KB an article a re-ingest reads (1.2 KB before ingest/index.go),
// so a fixed 224 MiB is passed by a store of some 350,000 articles.
func memoryLimitFor(floor, live int64) int64 {
	return max(floor, live+live/2)
}

// limitIngestMemory sets the soft memory limit of an ingest to
// ingestMemoryLimit and raises it as the live heap grows (memoryLimitFor,
// never lowered), until stop is called, which leaves the limit as it is.
// When $GOMEMLIMIT is set it does nothing: the user's limit stands.
func limitIngestMemory(ctx context.Context) (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	return followLiveHeap(ctx, ingestMemoryLimit, followInterval)
}

// followLiveHeap sets the soft memory limit to floor and, every interval,
// to memoryLimitFor(floor, live heap) when that is higher, until ctx ends
// or stop is called (stop waits for the goroutine to end).
func followLiveHeap(ctx context.Context, floor int64, interval time.Duration) (stop func()) {
	limit := floor
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
			if want := memoryLimitFor(floor, int64(sample[0].Value.Uint64())); want > limit {
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
