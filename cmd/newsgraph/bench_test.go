package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest"
	"github.com/newsgraph/newsgraph/query"
)

// BenchmarkIngestCorpus ingests the whole of ../shared/corpora/ar-news-2022
// into a fresh store of each backend, for a ladder of batch sizes, and
// reports articles/s, relationships/s (MENTIONS plus co-mention edges) and
// the peak Go heap. Each iteration is a full ingest: run with -benchtime=1x.
// make bench-ingest runs it.
func BenchmarkIngestCorpus(b *testing.B) {
	corpus := benchCorpus(b)
	for _, backend := range []string{"sqlite", "neo4j"} {
		for _, batch := range []int{50, 200, 500, 1000, 2000} {
			b.Run(fmt.Sprintf("%s/batch=%d", backend, batch), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					g := globalOptions{store: filepath.Join(b.TempDir(), "bench.db")}
					if backend == "neo4j" {
						uri, cfg := neo4jtest.Server(b)
						g = globalOptions{store: uri, neo4jUser: cfg.Username, neo4jPassword: cfg.Password, neo4jDatabase: cfg.Database}
					}
					opts := ingestOptions{globalOptions: g, paths: []string{corpus}, batch: batch,
						quiet: true, stdout: io.Discard, stderr: io.Discard}
					peak := watchHeap()
					b.StartTimer()
					start := time.Now()
					err := runIngest(context.Background(), opts)
					elapsed := time.Since(start)
					b.StopTimer()
					heap := peak()
					if err != nil && err != errPartial {
						b.Fatal(err)
					}
					articles, rels := counts(b, g)
					b.ReportMetric(float64(articles)/elapsed.Seconds(), "articles/s")
					b.ReportMetric(float64(rels)/elapsed.Seconds(), "rels/s")
					b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
				}
			})
		}
	}
}

// BenchmarkReingestUnchanged ingests ../shared/corpora/ar-news-2022 once
// into a fresh store of each backend, then measures re-ingests of the
// unchanged corpus (ns/op, the whole command less process start) and
// reports the first ingest's seconds and how many times faster a re-ingest
// is. make bench-reingest runs it.
func BenchmarkReingestUnchanged(b *testing.B) {
	corpus := benchCorpus(b)
	for _, backend := range []string{"sqlite", "neo4j"} {
		b.Run(backend, func(b *testing.B) {
			g := globalOptions{store: filepath.Join(b.TempDir(), "bench.db")}
			if backend == "neo4j" {
				uri, cfg := neo4jtest.Server(b)
				g = globalOptions{store: uri, neo4jUser: cfg.Username, neo4jPassword: cfg.Password, neo4jDatabase: cfg.Database}
			}
			opts := ingestOptions{globalOptions: g, paths: []string{corpus}, batch: 500, lockTimeout: time.Minute,
				lockLease: time.Minute, quiet: true, stdout: io.Discard, stderr: io.Discard}
			start := time.Now()
			if err := runIngest(context.Background(), opts); err != nil && err != errPartial {
				b.Fatal(err)
			}
			first := time.Since(start)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := runIngest(context.Background(), opts); err != nil && err != errPartial {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			again := b.Elapsed() / time.Duration(b.N)
			b.ReportMetric(first.Seconds(), "first-s")
			b.ReportMetric(first.Seconds()/again.Seconds(), "speedup")
		})
	}
}

// counts returns the articles and relationships (MENTIONS and co-mention
// edges) a store holds.
func counts(b *testing.B, g globalOptions) (articles, rels int) {
	ctx := context.Background()
	s, err := openStore(ctx, g)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	fps, err := s.Fingerprints(ctx)
	if err != nil {
		b.Fatal(err)
	}
	p, err := s.Projection(ctx, graph.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	rels = len(p.Edges)
	for _, e := range p.Entities {
		rels += e.Articles
	}
	return len(fps), rels
}

// watchHeap samples the Go heap until the returned function is called, and
// returns its peak.
func watchHeap() func() uint64 {
	var mu sync.Mutex
	var peak uint64
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			mu.Lock()
			peak = max(peak, ms.HeapInuse)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// BenchmarkQueryCorpus times the queries analysts run most on the
// projection of a real corpus, ../shared/corpora/ar-news-2022 ingested once
// into SQLite: loading the projection at each edge level, and the whole
// centrality table, communities and a 3-path search on it. Building the
// compressed rows (query.New, which query/BenchmarkLoad times) is done once
// per level before the timer, and each computation runs once untimed first.
// make bench-query runs it.
func BenchmarkQueryCorpus(b *testing.B) {
	corpus := benchCorpus(b)
	ctx := context.Background()
	g := globalOptions{store: filepath.Join(b.TempDir(), "bench.db")}
	opts := ingestOptions{globalOptions: g, paths: []string{corpus}, quiet: true, stdout: io.Discard, stderr: io.Discard}
	if err := runIngest(ctx, opts); err != nil && err != errPartial {
		b.Fatal(err)
	}
	s, err := openStore(ctx, g)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, level := range []graph.EdgeLevel{graph.ArticleEdges, graph.SentenceEdges, graph.TypedEdges} {
		f := graph.Filter{Edges: level}
		p, err := s.Projection(ctx, f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("projection/%s", level), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.Projection(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(p.Entities)), "entities")
			b.ReportMetric(float64(len(p.Edges)), "edges")
		})
		q := query.New(p)
		for _, c := range []struct {
			name string
			f    func()
		}{
			{"centrality", func() { query.CentralityTable(q, query.CentralityOptions{Seed: 1}) }},
			{"communities", func() { query.Louvain(q, 1, 1) }},
			{"paths", func() { query.KShortestPaths(q, "joe-biden", "iraq", 3, 4, query.FewestHops) }},
		} {
			b.Run(fmt.Sprintf("%s/%s", c.name, level), func(b *testing.B) {
				c.f()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					c.f()
				}
			})
		}
	}
}

// benchCorpus is ../shared/corpora/ar-news-2022, or skips the benchmark
// when it is absent.
func benchCorpus(b *testing.B) string {
	corpus, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpora", "ar-news-2022", "articles.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(corpus); err != nil {
		b.Skipf("shared corpus not found: %v", err)
	}
	return corpus
}
