package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// The article- and sentence-level projection under an article filter
// (dates, languages, sources) cannot be read off the aggregates, which
// are over all articles: it is counted from the facts of the articles that
// pass. SQL's self-join of mentions (fm m1 JOIN fm m2 ... GROUP BY) sorted
// every (article, pair) row to group them: 10 million rows at 100,000
// articles, minutes and gigabytes. countProjection reads each passing
// article's mentions once, in the table's order, and counts its entities
// and its pairs, these in a map keyed by the ends' indexes: a pass over
// the facts, and memory in proportion to the edges.

// pairCounts are the counts of one entity pair over the articles that pass
// a filter, as co_mentions holds them over all articles: dates are Unix
// seconds, noFirst and noLast while no dated article names the pair.
type pairCounts struct {
	articles, sentences, sArticles int32
	first, last, sFirst, sLast     int64
}

const (
	noFirst = math.MaxInt64
	noLast  = math.MinInt64
)

// pairTable is the pairs countProjection found: key is a<<32 | b for entity
// indexes a < b, and at its index in counts.
type pairTable struct {
	index  map[uint64]int32
	counts []pairCounts
}

// at returns the counts of key, added when new.
func (t *pairTable) at(key uint64) *pairCounts {
	i, ok := t.index[key]
	if !ok {
		i = int32(len(t.counts))
		t.index[key] = i
		t.counts = append(t.counts, pairCounts{first: noFirst, last: noLast, sFirst: noFirst, sLast: noLast})
	}
	return &t.counts[i]
}

// countProjection counts the projection f gives (its article- and
// sentence-level edges) from the facts of the articles that pass f: the
// entities of f's types, by ID, with their counts, and the pairs among
// them (pairTable, keyed by their indexes in that list). The entities and
// the pairs' articles and dates come from one pass over the articles'
// mentions, the pairs' sentences from one over mention_sentences. Each
// query reads articles as the outer loop (CROSS JOIN fixes SQLite's join
// order), so one article's rows come together.
func countProjection(ctx context.Context, q querier, f graph.Filter) ([]graph.ProjectedEntity, *pairTable, error) {
	tw, targs := typeFilter(f, "e")
	all, err := scanEntities(q.QueryContext(ctx, `SELECT e.id, e.type, e.kind, e.name, e.name_ar, e.aliases, e.wikidata, e.parent, 0, 0, NULL, NULL
		FROM entities e WHERE `+tw+` ORDER BY e.id`, targs...))
	if err != nil {
		return nil, nil, err
	}
	index := make(map[string]int32, len(all))
	for i, e := range all {
		index[e.ID] = int32(i)
	}
	type entityCounts struct{ first, last int64 }
	dates := make([]entityCounts, len(all))
	for i := range dates {
		dates[i] = entityCounts{noFirst, noLast}
	}
	t := &pairTable{index: map[uint64]int32{}}
	aw, args := articleFilter(f)
	var (
		article string
		date    int64 // Unix seconds; 0 with dated false
		dated   bool
		group   []int32 // the entities of one article, or of one sentence
		keys    []uint64
	)
	// pairs returns the keys of group's pairs, in keys.
	pairs := func() []uint64 {
		keys = keys[:0]
		slices.Sort(group)
		for i, a := range group {
			for _, b := range group[i+1:] {
				if a != b {
					keys = append(keys, uint64(a)<<32|uint64(b))
				}
			}
		}
		return keys
	}
	row := func(id string, published sql.NullString) {
		article, dated, date = id, published.Valid, 0
		if dated {
			date = parseTime(published).Unix()
		}
	}
	widen := func(first, last *int64) {
		if dated {
			*first, *last = min(*first, date), max(*last, date)
		}
	}

	countArticle := func() {
		for _, k := range pairs() {
			c := t.at(k)
			c.articles++
			widen(&c.first, &c.last)
		}
		group = group[:0]
	}
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.published, m.entity_id, m.count FROM articles a
		CROSS JOIN mentions m ON m.article_id = a.id WHERE `+aw, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("projection: %w", err)
	}
	for rows.Next() {
		var id, entity string
		var published sql.NullString
		var count int
		if err := rows.Scan(&id, &published, &entity, &count); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("projection: %w", err)
		}
		if id != article {
			countArticle()
			row(id, published)
		}
		if i, ok := index[entity]; ok {
			group = append(group, i)
			all[i].Articles++
			all[i].Mentions += count
			widen(&dates[i].first, &dates[i].last)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("projection: %w", err)
	}
	countArticle()

	// Sentences: each (article, sentence) naming both counts once, and an
	// article with any such sentence once in s_articles.
	article = ""
	sentence := int64(-1)
	var shared []uint64 // the pairs of the article's sentences so far
	countSentence := func() {
		shared = append(shared, pairs()...)
		group = group[:0]
	}
	countSentences := func() {
		countSentence()
		slices.Sort(shared)
		for i, k := range shared {
			c := t.at(k)
			c.sentences++
			if i == 0 || shared[i-1] != k {
				c.sArticles++
				widen(&c.sFirst, &c.sLast)
			}
		}
		shared = shared[:0]
	}
	rows, err = q.QueryContext(ctx, `SELECT a.id, a.published, s.sentence, s.entity_id FROM articles a
		CROSS JOIN mention_sentences s ON s.article_id = a.id WHERE `+aw, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("projection edges: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, entity string
		var published sql.NullString
		var n int64
		if err := rows.Scan(&id, &published, &n, &entity); err != nil {
			return nil, nil, fmt.Errorf("projection edges: %w", err)
		}
		switch {
		case id != article:
			countSentences()
			row(id, published)
			sentence = n
		case n != sentence:
			countSentence()
			sentence = n
		}
		// An entity no mention of f's articles names has no place in the
		// projection (a sound store has none here).
		if i, ok := index[entity]; ok && all[i].Articles > 0 {
			group = append(group, i)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("projection edges: %w", err)
	}
	countSentences()

	// The projection's entities are those f's articles mention: renumber
	// the pairs' ends among them (the order, by ID, stays).
	ents := make([]graph.ProjectedEntity, 0, len(all))
	renumber := make([]int32, len(all))
	for i, e := range all {
		renumber[i] = int32(len(ents))
		if e.Articles > 0 {
			e.First, e.Last = unixDate(dates[i].first, noFirst), unixDate(dates[i].last, noLast)
			ents = append(ents, e)
		}
	}
	if len(ents) < len(all) {
		index := make(map[uint64]int32, len(t.index))
		for k, i := range t.index {
			index[uint64(renumber[k>>32])<<32|uint64(renumber[uint32(k)])] = i
		}
		t.index = index
	}
	return ents, t, nil
}

// edges returns t's edges at f's level, by (A, B), their ends named from
// ents (the entities countProjection returned with t).
func (t *pairTable) edges(f graph.Filter, ents []graph.ProjectedEntity) []graph.Edge {
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]graph.Edge, 0, len(keys))
	for _, k := range keys {
		if e, ok := t.edge(k, f); ok {
			e.A, e.B = ents[k>>32].ID, ents[uint32(k)].ID
			out = append(out, e)
		}
	}
	return out
}

// visit gives v t's edges at f's level, in no order, without Edge values
// or ID strings (ProjectionVisitor): ends are indexes among the entities
// v was given.
func (t *pairTable) visit(f graph.Filter, v graph.ProjectionVisitor) error {
	dv, dated := v.(graph.DatedVisitor)
	for k := range t.index {
		e, ok := t.edge(k, f)
		if !ok {
			continue
		}
		a, b := int32(k>>32), int32(uint32(k))
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

// edge is the edge of key at f's level, without its ends' IDs, and
// whether there is one (at the sentence level, a pair that shares no
// sentence has none).
func (t *pairTable) edge(key uint64, f graph.Filter) (graph.Edge, bool) {
	c := t.counts[t.index[key]]
	if f.Level() == graph.SentenceEdges {
		if c.sArticles == 0 {
			return graph.Edge{}, false
		}
		return graph.Edge{Articles: int(c.sArticles), Sentences: int(c.sentences), First: unixDate(c.sFirst, noFirst), Last: unixDate(c.sLast, noLast)}, true
	}
	if c.articles == 0 {
		return graph.Edge{}, false
	}
	return graph.Edge{Articles: int(c.articles), Sentences: int(c.sentences), First: unixDate(c.first, noFirst), Last: unixDate(c.last, noLast)}, true
}

// unixDate is Unix seconds s as a time, zero when s is none.
func unixDate(s, none int64) time.Time {
	if s == none {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}
