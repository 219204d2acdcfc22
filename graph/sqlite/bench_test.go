package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// benchDocs makes n synthetic documents, the same for the same seed and
// first ID: 15 entities an article drawn from 5,000 by a Zipf law
// (s = 1.1, so a few actors are in most articles, as in news), each named
// in one to three of 20 sentences, with a sentence text for each of those,
// dated over two years. ar-news-2022 averages 14 entities an article.
func benchDocs(seed uint64, first, n int) []graph.Document {
	r := rand.New(rand.NewPCG(seed, uint64(first)))
	zipf := rand.NewZipf(r, 1.1, 1, 4999)
	epoch := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]graph.Document, n)
	for i := range docs {
		d := graph.Document{Article: graph.Article{
			ID: fmt.Sprintf("a%07d", first+i), Hash: fmt.Sprint(r.Uint64()),
			Published: epoch.Add(time.Duration(r.IntN(730*24)) * time.Hour),
		}}
		seen := map[uint64]bool{}
		named := map[int]bool{}
		for len(d.Mentions) < 15 {
			e := zipf.Uint64()
			if seen[e] {
				continue
			}
			seen[e] = true
			id := fmt.Sprintf("e%04d", e)
			d.Entities = append(d.Entities, graph.Entity{ID: id, Type: graph.Person, Name: "Entity " + id})
			m := graph.Mention{EntityID: id, Count: 1 + r.IntN(3)}
			for _, s := range r.Perm(20)[:1+r.IntN(3)] {
				m.Sentences = append(m.Sentences, s)
				named[s] = true
			}
			slices.Sort(m.Sentences)
			m.Count = max(m.Count, len(m.Sentences))
			d.Mentions = append(d.Mentions, m)
		}
		for s := 0; s < 20; s++ {
			if named[s] {
				d.Sentences = append(d.Sentences, graph.SentenceText{Index: s, Text: fmt.Sprintf("Sentence %d of article %d, of about the length of a news sentence in Arabic or English.", s, first+i)})
			}
		}
		docs[i] = d
	}
	return docs
}

// BenchmarkApply times the write stage of an ingest — batches of 500 new
// articles, each an Apply of its own (group=500) or four to a graph.Group
// (group=2000, ingest's default) — into stores that already hold 0 and
// 10,000 articles, so that the ladder shows whether a write costs more as
// the store grows. articles/s is per article written; the documents are
// made and the store filled before the timer starts.
func BenchmarkApply(b *testing.B) {
	const batch = 500
	ctx := context.Background()
	for _, c := range []struct{ held, group int }{{0, 500}, {0, 2000}, {10000, 500}, {10000, 2000}} {
		held := c.held
		b.Run(fmt.Sprintf("held=%d/group=%d", c.held, c.group), func(b *testing.B) {
			s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "g.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			for i := 0; i < held; i += batch {
				if err := s.Apply(ctx, benchDocs(1, i, batch)); err != nil {
					b.Fatal(err)
				}
			}
			per := c.group / batch
			n := (b.N + per - 1) / per * per // whole groups
			docs := benchDocs(2, held, batch*n)
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < n; i += per {
				if per == 1 {
					if err := s.Apply(ctx, docs[i*batch:(i+1)*batch]); err != nil {
						b.Fatal(err)
					}
					continue
				}
				g, err := s.Group(ctx)
				if err != nil {
					b.Fatal(err)
				}
				for k := i; k < i+per; k++ {
					if err := g.Apply(ctx, docs[k*batch:(k+1)*batch]); err != nil {
						b.Fatal(err)
					}
				}
				if err := g.Commit(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(batch*n)/time.Since(start).Seconds(), "articles/s")
		})
	}
}

// BenchmarkNeighborhood times the neighbourhood of one actor — the most
// frequent entity of benchDocs (in about one article in six) — in stores
// of 2,000 and 8,000 articles, over the whole store (read from the
// aggregates) and over the last month of the two years (counted from the
// actor's articles), three ways: Links (what neighbors and path read),
// Neighborhood (with every neighbour's counts) and the peer they replace
// for a filter, the whole projection cut with graph.Around. The store is
// filled before the timer starts.
func BenchmarkNeighborhood(b *testing.B) {
	const batch = 500
	ctx := context.Background()
	month := graph.Filter{Since: time.Date(2022, 12, 1, 0, 0, 0, 0, time.UTC)}
	for _, size := range []int{2000, 8000} {
		s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "g.db"))
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		for i := 0; i < size; i += batch {
			if err := s.Apply(ctx, benchDocs(1, i, batch)); err != nil {
				b.Fatal(err)
			}
		}
		ids := []string{"e0001"}
		for _, f := range []struct {
			name string
			f    graph.Filter
		}{{"whole", graph.Filter{}}, {"month", month}} {
			for _, m := range []struct {
				name string
				read func() (*graph.Projection, error)
			}{
				{"links", func() (*graph.Projection, error) { return s.Links(ctx, ids, f.f) }},
				{"neighborhood", func() (*graph.Projection, error) { return s.Neighborhood(ctx, ids, f.f) }},
				{"around", func() (*graph.Projection, error) {
					p, err := s.Projection(ctx, f.f)
					if err != nil {
						return nil, err
					}
					return graph.Around(p, ids), nil
				}},
			} {
				b.Run(fmt.Sprintf("articles=%d/%s/%s", size, f.name, m.name), func(b *testing.B) {
					for b.Loop() {
						p, err := m.read()
						if err != nil {
							b.Fatal(err)
						}
						if len(p.Edges) == 0 {
							b.Fatal("no edges: the benchmark reads nothing")
						}
					}
				})
			}
		}
	}
}
