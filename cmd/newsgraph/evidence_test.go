package main

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// TestHopEvidenceProbe: hopEvidence answers from its two-article probe
// only when that cannot change the answer. Articles of one date go
// sentence first (preferSentences), so a tie at the probe's end needs the
// whole scan; each case's answer is what preferSentences gives on all the
// articles naming both.
func TestHopEvidenceProbe(t *testing.T) {
	ctx := context.Background()
	day := func(d int) time.Time { return time.Date(2022, 5, d, 0, 0, 0, 0, time.UTC) }
	type art struct {
		id       string
		date     time.Time
		sentence bool // names both in one sentence
	}
	for _, tc := range []struct {
		name  string
		arts  []art
		limit int
		want  []string
	}{
		// Newest first: a2 is alone on its date.
		{"newest alone", []art{{"a1", day(1), true}, {"a2", day(2), false}, {"a3", day(1), true}}, 1, []string{"a2"}},
		// a2 and a3 share the newest date and a3 has the sentence: the
		// probe (a2, a3) ties, the whole scan finds a3 first.
		{"tie at the probe", []art{{"a1", day(1), true}, {"a2", day(2), false}, {"a3", day(2), true}}, 1, []string{"a3"}},
		// Three of one date, the sentence in the third by ID.
		{"tie past the probe", []art{{"a1", day(2), false}, {"a2", day(2), false}, {"a3", day(2), true}}, 1, []string{"a3"}},
		// Fewer articles than the probe.
		{"one article", []art{{"a1", day(1), false}}, 1, []string{"a1"}},
		// limit 2: the probe is three articles.
		{"limit 2", []art{{"a1", day(3), false}, {"a2", day(2), false}, {"a3", day(2), true}, {"a4", day(1), true}}, 2, []string{"a1", "a3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			ents := []graph.Entity{{ID: "x", Type: graph.Person, Name: "X"}, {ID: "y", Type: graph.Location, Name: "Y"}}
			var docs []graph.Document
			for _, a := range tc.arts {
				d := graph.Document{Article: graph.Article{ID: a.id, Title: a.id, Published: a.date, Hash: a.id}, Entities: ents,
					Mentions: []graph.Mention{{EntityID: "x", Count: 1, Sentences: []int{1}}, {EntityID: "y", Count: 1, Sentences: []int{2}}}}
				if a.sentence {
					d.Mentions[1].Sentences = []int{1}
					d.Sentences = []graph.SentenceText{{Index: 1, Text: "X in Y, " + a.id}}
				}
				docs = append(docs, d)
			}
			if err := s.Apply(ctx, docs); err != nil {
				t.Fatal(err)
			}
			ev, err := hopEvidence(ctx, s, "x", "y", graph.Filter{}, tc.limit, len(tc.arts))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range ev {
				got = append(got, e.ArticleID)
			}
			all, err := s.Evidence(ctx, "x", "y", graph.Filter{}, len(tc.arts))
			if err != nil {
				t.Fatal(err)
			}
			var whole []string
			for _, e := range preferSentences(all, tc.limit) {
				whole = append(whole, e.ArticleID)
			}
			if !slices.Equal(got, tc.want) || !slices.Equal(whole, tc.want) {
				t.Errorf("hopEvidence gave %q, the whole scan %q; want %q", got, whole, tc.want)
			}
		})
	}
}
