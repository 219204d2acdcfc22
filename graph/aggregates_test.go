package graph

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// facts builds ArticleFacts from (entity, count, sentences...) triples.
func facts(published string, mentions ...any) ArticleFacts {
	f := NewArticleFacts(published)
	for i := 0; i < len(mentions); i += 3 {
		f.Add(mentions[i].(string), mentions[i+1].(int), mentions[i+2].([]int))
	}
	return f
}

func TestArticleFactsPairs(t *testing.T) {
	// a and b share sentences 0 and 2 (2 is listed twice for b); c shares none.
	f := facts("d1", "b", 3, []int{0, 2, 2}, "a", 2, []int{0, 1, 2}, "c", 1, []int{3})
	want := map[[2]string]int{{"a", "b"}: 2, {"a", "c"}: 0, {"b", "c"}: 0}
	if got := f.Pairs(); !reflect.DeepEqual(got, want) {
		t.Errorf("Pairs = %v, want %v", got, want)
	}
	if got := f.Sentences[2]; !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("sentence 2 names %v, want [a b] (sorted, distinct)", got)
	}
}

// TestAggregateDeltaReplace: the deltas of adding, editing and deleting an
// article, worked out by hand from Replace's rules.
func TestAggregateDeltaReplace(t *testing.T) {
	v1 := facts("2022-01-01", "a", 2, []int{0}, "b", 1, []int{0})
	sameDay := facts("2022-01-01", "a", 3, []int{0}, "b", 1, []int{1}, "c", 1, []int{1})
	otherDay := facts("2022-02-01", "a", 2, []int{0}, "b", 1, []int{0})
	tests := []struct {
		name          string
		old           ArticleFacts
		hadOld        bool
		next          ArticleFacts
		hasNew        bool
		entities      map[string]EntityDelta
		pairs         map[[2]string]PairDelta
		pureA, pureAB bool
	}{
		{
			name: "add", next: v1, hasNew: true,
			entities: map[string]EntityDelta{
				"a": {Articles: 1, Mentions: 2, Dates: DateDelta{AddMin: "2022-01-01", AddMax: "2022-01-01"}},
				"b": {Articles: 1, Mentions: 1, Dates: DateDelta{AddMin: "2022-01-01", AddMax: "2022-01-01"}},
			},
			pairs: map[[2]string]PairDelta{{"a", "b"}: {Articles: 1, Sentences: 1, SArticles: 1,
				Dates: DateDelta{AddMin: "2022-01-01", AddMax: "2022-01-01"}, SDates: DateDelta{AddMin: "2022-01-01", AddMax: "2022-01-01"}}},
			pureA: true, pureAB: true,
		},
		{
			// Same date: a and b stay, so only counts move; a–b no longer
			// shares a sentence, so its sentence-level article leaves.
			name: "edit, same date", old: v1, hadOld: true, next: sameDay, hasNew: true,
			entities: map[string]EntityDelta{
				"a": {Mentions: 1},
				"b": {},
				"c": {Articles: 1, Mentions: 1, Dates: DateDelta{AddMin: "2022-01-01", AddMax: "2022-01-01"}},
			},
			pairs: map[[2]string]PairDelta{
				{"a", "b"}: {Sentences: -1, SArticles: -1, SDates: DateDelta{RmMin: "2022-01-01", RmMax: "2022-01-01"}},
				{"a", "c"}: {Articles: 1, Dates: DateDelta{AddMin: "2022-01-01", AddMax: "2022-01-01"}},
				{"b", "c"}: {Articles: 1, Sentences: 1, SArticles: 1,
					Dates: DateDelta{AddMin: "2022-01-01", AddMax: "2022-01-01"}, SDates: DateDelta{AddMin: "2022-01-01", AddMax: "2022-01-01"}},
			},
			pureA: true, pureAB: false,
		},
		{
			// A new date: every aggregate loses the old one and gains the new.
			name: "edit, other date", old: v1, hadOld: true, next: otherDay, hasNew: true,
			entities: map[string]EntityDelta{
				"a": {Dates: DateDelta{AddMin: "2022-02-01", AddMax: "2022-02-01", RmMin: "2022-01-01", RmMax: "2022-01-01"}},
				"b": {Dates: DateDelta{AddMin: "2022-02-01", AddMax: "2022-02-01", RmMin: "2022-01-01", RmMax: "2022-01-01"}},
			},
			pairs: map[[2]string]PairDelta{{"a", "b"}: {
				Dates:  DateDelta{AddMin: "2022-02-01", AddMax: "2022-02-01", RmMin: "2022-01-01", RmMax: "2022-01-01"},
				SDates: DateDelta{AddMin: "2022-02-01", AddMax: "2022-02-01", RmMin: "2022-01-01", RmMax: "2022-01-01"}}},
			pureA: false, pureAB: false,
		},
		{
			name: "delete", old: v1, hadOld: true,
			entities: map[string]EntityDelta{
				"a": {Articles: -1, Mentions: -2, Dates: DateDelta{RmMin: "2022-01-01", RmMax: "2022-01-01"}},
				"b": {Articles: -1, Mentions: -1, Dates: DateDelta{RmMin: "2022-01-01", RmMax: "2022-01-01"}},
			},
			pairs: map[[2]string]PairDelta{{"a", "b"}: {Articles: -1, Sentences: -1, SArticles: -1,
				Dates: DateDelta{RmMin: "2022-01-01", RmMax: "2022-01-01"}, SDates: DateDelta{RmMin: "2022-01-01", RmMax: "2022-01-01"}}},
			pureA: false, pureAB: false,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := NewAggregateDelta()
			d.Replace(tc.old, tc.hadOld, tc.next, tc.hasNew)
			got := map[string]EntityDelta{}
			for id, e := range d.Entities {
				got[id] = *e
			}
			if !reflect.DeepEqual(got, tc.entities) {
				t.Errorf("entities = %+v, want %+v", got, tc.entities)
			}
			gotPairs := map[[2]string]PairDelta{}
			for k, p := range d.Pairs {
				gotPairs[k] = *p
			}
			if !reflect.DeepEqual(gotPairs, tc.pairs) {
				t.Errorf("pairs = %+v, want %+v", gotPairs, tc.pairs)
			}
			if got := d.Entities["a"].Pure(); got != tc.pureA {
				t.Errorf("a pure = %v, want %v", got, tc.pureA)
			}
			if got := d.Pairs[[2]string{"a", "b"}].Pure(); got != tc.pureAB {
				t.Errorf("a–b pure = %v, want %v", got, tc.pureAB)
			}
		})
	}
}

func TestDateDeltaStale(t *testing.T) {
	tests := []struct {
		d           DateDelta
		first, last string
		want        bool
	}{
		{DateDelta{}, "2022-01-01", "2022-03-01", false},                                         // nothing removed
		{DateDelta{RmMin: "2022-02-01", RmMax: "2022-02-01"}, "2022-01-01", "2022-03-01", false}, // inside: neither end
		{DateDelta{RmMin: "2022-01-01", RmMax: "2022-02-01"}, "2022-01-01", "2022-03-01", true},  // may have been first
		{DateDelta{RmMin: "2022-02-01", RmMax: "2022-03-01"}, "2022-01-01", "2022-03-01", true},  // may have been last
		{DateDelta{RmMin: "2022-02-01", RmMax: "2022-02-01"}, "", "", true},                      // no dates left
	}
	for _, tc := range tests {
		if got := tc.d.Stale(tc.first, tc.last); got != tc.want {
			t.Errorf("%+v.Stale(%q, %q) = %v, want %v", tc.d, tc.first, tc.last, got, tc.want)
		}
	}
}

// A new article's pairs, added without the map Pairs makes (addPairs),
// are what Pairs lists: one article each, its sentences, and one article
// in a sentence for a pair some sentence names; added twice, twice that.
func TestAddPairsMatchesPairs(t *testing.T) {
	f := facts("d2", "b", 3, []int{0, 2, 2}, "a", 2, []int{0, 1, 2}, "c", 1, []int{3}, "d", 1, []int{1, 3}, "e", 4, []int{})
	want := NewAggregateDelta()
	for k, n := range f.Pairs() {
		p := want.pair(k)
		p.Articles, p.Sentences = 2, 2*n
		p.Dates.Add("d2")
		if n > 0 {
			p.SArticles = 2
			p.SDates.Add("d2")
		}
	}
	got := NewAggregateDelta()
	for range 2 {
		got.Replace(ArticleFacts{}, false, f, true)
	}
	if len(got.Pairs) != 10 {
		t.Fatalf("%d pairs, want 10 (five entities)", len(got.Pairs))
	}
	for k, p := range want.Pairs {
		if g := got.Pairs[k]; g == nil || *g != *p {
			t.Errorf("pair %v: %+v, want %+v", k, g, p)
		}
	}
}

// Over random articles, a new one's delta (addPairs) is what Replace's
// general path gives for the same article replacing an empty version of
// another date: the pairs, their counts and dates, and the entities.
func TestAddPairsMatchesReplace(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 11))
	for i := range 2000 {
		f := NewArticleFacts(fmt.Sprintf("d%d", r.IntN(5)))
		for e := range r.IntN(9) {
			var sentences []int
			for range r.IntN(4) {
				sentences = append(sentences, r.IntN(6))
			}
			f.Add(fmt.Sprintf("e%d", e*3+r.IntN(3)), 1+r.IntN(4), sentences)
		}
		got, want := NewAggregateDelta(), NewAggregateDelta()
		got.Replace(ArticleFacts{}, false, f, true)
		want.Replace(NewArticleFacts("d9"), true, f, true)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("article %d (%v, %v): addPairs gives\n%v\nReplace's general path\n%v", i, f.Counts, f.Sentences, got, want)
		}
	}
}
