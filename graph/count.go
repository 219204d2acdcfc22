package graph

import (
	"math"
	"slices"
	"time"
)

// Counter counts a projection from the facts, one article at a time: what
// a store does for a filter its aggregates cannot answer (dates,
// languages, sources: the aggregates are over all articles). Counting in
// a store's query language joins every article's mentions with each other
// and groups the (article, pair) rows: 10 million rows at 100,000
// synthetic articles, which SQLite sorted for minutes in gigabytes. A
// Counter takes each article's mentions once and counts its pairs in a
// table keyed by the ends' indexes, in memory in proportion to the edges
// (about 60 bytes each).
//
// The counts are those the aggregates keep (AggregateDelta) over the
// articles given: an entity's articles, mentions and first and last dates;
// a pair's articles and dates, its sentences (the sentences naming both,
// summed over articles) and, at the sentence level, the articles and dates
// of those in which they share a sentence.
type Counter struct {
	ents  []ProjectedEntity // the entities that may be counted, by ID
	dates [][2]int64        // each entity's first and last, Unix nanoseconds
	index map[uint64]int32  // a<<32 | b, for a < b, to its place in pairs
	pairs []pairCounts
	ms    []CountedMention // Add's, kept for the next article
}

// pairCounts are one pair's counts; dates are Unix nanoseconds, noFirst
// and noLast while no dated article names the pair.
type pairCounts struct {
	articles, sentences, sArticles int32
	first, last, sFirst, sLast     int64
}

const (
	noFirst = math.MaxInt64
	noLast  = math.MinInt64
)

// CountedMention is an article's mention of one entity, as a Counter
// takes it.
type CountedMention struct {
	Entity    int32 // its index among the Counter's entities
	Count     int   // occurrences in the article (Mention.Count)
	Sentences []int // the sentences naming it (Mention.Sentences); sorted and made unique in place
}

// NewCounter returns a Counter of the entities ents, sorted by ID: every
// entity that may be counted (those of the filter's types), each of
// which the projection keeps if an article names it. Their counts in ents
// are ignored; ents is not changed.
func NewCounter(ents []ProjectedEntity) *Counter {
	c := &Counter{ents: make([]ProjectedEntity, len(ents)), dates: make([][2]int64, len(ents)), index: map[uint64]int32{}}
	for i, e := range ents {
		c.ents[i] = ProjectedEntity{Entity: e.Entity}
		c.dates[i] = [2]int64{noFirst, noLast}
	}
	return c
}

// Add counts one article, published at published (zero: undated), naming
// the entities of mentions, each once; a mention of an index out of range
// is ignored.
func (c *Counter) Add(published time.Time, mentions []CountedMention) {
	dated, date := !published.IsZero(), published.UnixNano()
	widen := func(first, last *int64) {
		if dated {
			*first, *last = min(*first, date), max(*last, date)
		}
	}
	ms := c.ms[:0]
	for _, m := range mentions {
		if m.Entity < 0 || int(m.Entity) >= len(c.ents) {
			continue
		}
		slices.Sort(m.Sentences)
		m.Sentences = slices.Compact(m.Sentences)
		ms = append(ms, m)
		e := &c.ents[m.Entity]
		e.Articles++
		e.Mentions += m.Count
		widen(&c.dates[m.Entity][0], &c.dates[m.Entity][1])
	}
	slices.SortFunc(ms, func(x, y CountedMention) int { return int(x.Entity) - int(y.Entity) })
	for i, x := range ms {
		for _, y := range ms[i+1:] {
			if x.Entity == y.Entity {
				continue
			}
			p := c.pair(uint64(x.Entity)<<32 | uint64(y.Entity))
			p.articles++
			widen(&p.first, &p.last)
			if shared := sharedCount(x.Sentences, y.Sentences); shared > 0 {
				p.sentences += int32(shared)
				p.sArticles++
				widen(&p.sFirst, &p.sLast)
			}
		}
	}
	c.ms = ms[:0]
}

// pair returns the counts of key, added when new.
func (c *Counter) pair(key uint64) *pairCounts {
	i, ok := c.index[key]
	if !ok {
		i = int32(len(c.pairs))
		c.index[key] = i
		c.pairs = append(c.pairs, pairCounts{first: noFirst, last: noLast, sFirst: noFirst, sLast: noLast})
	}
	return &c.pairs[i]
}

// sharedCount is the number of values in both of two sorted lists.
func sharedCount(a, b []int) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			n++
			a, b = a[1:], b[1:]
		}
	}
	return n
}

// Entities returns the counted entities some article named, by ID, with
// their counts, and each one's index among them by its index among the
// Counter's entities (-1 for one no article named).
func (c *Counter) Entities() ([]ProjectedEntity, []int32) {
	out := make([]ProjectedEntity, 0, len(c.ents))
	renumber := make([]int32, len(c.ents))
	for i, e := range c.ents {
		renumber[i] = -1
		if e.Articles > 0 {
			renumber[i] = int32(len(out))
			e.First, e.Last = nanoDate(c.dates[i][0], noFirst), nanoDate(c.dates[i][1], noLast)
			out = append(out, e)
		}
	}
	return out, renumber
}

// Projection returns the projection counted, its edges at level (article
// or sentence; typed edges are not counted here), sorted as Projection's.
func (c *Counter) Projection(level EdgeLevel) *Projection {
	ents, renumber := c.Entities()
	keys := make([]uint64, 0, len(c.index))
	for k := range c.index {
		keys = append(keys, k)
	}
	slices.Sort(keys) // by the Counter's indexes, which renumbering keeps in order
	p := &Projection{Entities: ents, Edges: make([]Edge, 0, len(keys))}
	for _, k := range keys {
		if e, ok := c.edge(k, level); ok {
			e.A, e.B = ents[renumber[k>>32]].ID, ents[renumber[uint32(k)]].ID
			p.Edges = append(p.Edges, e)
		}
	}
	return p
}

// Visit gives v the projection counted, at level, as a ProjectionVisitor
// takes it: its entities, then its edges in no order, without Edge values
// or ID strings unless v is a DatedVisitor.
func (c *Counter) Visit(level EdgeLevel, v ProjectionVisitor) error {
	ents, renumber := c.Entities()
	if err := v.Entities(ents); err != nil {
		return err
	}
	dv, dated := v.(DatedVisitor)
	for k := range c.index {
		e, ok := c.edge(k, level)
		if !ok {
			continue
		}
		a, b := renumber[k>>32], renumber[uint32(k)]
		var err error
		if dated {
			err = dv.DatedEdge(a, b, e)
		} else {
			err = v.Edge(a, b, e.Articles, e.Sentences)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// edge is the edge of key at level, without its ends' IDs, and whether
// there is one: at the sentence level, a pair that shares no sentence has
// none.
func (c *Counter) edge(key uint64, level EdgeLevel) (Edge, bool) {
	p := c.pairs[c.index[key]]
	if level == SentenceEdges {
		if p.sArticles == 0 {
			return Edge{}, false
		}
		return Edge{Articles: int(p.sArticles), Sentences: int(p.sentences), First: nanoDate(p.sFirst, noFirst), Last: nanoDate(p.sLast, noLast)}, true
	}
	return Edge{Articles: int(p.articles), Sentences: int(p.sentences), First: nanoDate(p.first, noFirst), Last: nanoDate(p.last, noLast)}, true
}

// nanoDate is Unix nanoseconds n as a UTC time, zero when n is none.
func nanoDate(n, none int64) time.Time {
	if n == none {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}
