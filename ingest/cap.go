package ingest

import (
	"fmt"
	"math"
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// DefaultMaxEntities is the most distinct entities one article keeps (see
// Options.MaxEntities). Every pair of an article's entities is a
// co-mention, which the stores derive from the mentions (SQLite joins an
// article's mentions with themselves, Neo4j writes a CO_MENTIONED edge per
// pair): n entities cost n(n-1)/2 pairs, 499,500 for 1,000 — an article
// listing 100,000 names would cost five billion. News articles name tens
// of entities; a list of candidates a few hundred.
const DefaultMaxEntities = 1000

// capEntities keeps the max entities of doc mentioned most often (ties:
// the one mentioned first in the text), and the relations between them,
// and returns how many entities it dropped. Mentions keep their order.
func capEntities(doc *graph.Document, max int) (dropped int) {
	if len(doc.Mentions) <= max {
		return 0
	}
	first := func(m graph.Mention) int {
		if len(m.Spans) > 0 {
			return m.Spans[0].Start
		}
		return int(^uint(0) >> 1)
	}
	order := make([]int, len(doc.Mentions))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ma, mb := doc.Mentions[order[a]], doc.Mentions[order[b]]
		if ma.Count != mb.Count {
			return ma.Count > mb.Count
		}
		return first(ma) < first(mb)
	})
	keepIdx := make([]bool, len(doc.Mentions))
	for _, i := range order[:max] {
		keepIdx[i] = true
	}
	keep := make(map[string]bool, max)
	mentions := doc.Mentions[:0]
	for i, m := range doc.Mentions {
		if keepIdx[i] {
			keep[m.EntityID] = true
			mentions = append(mentions, m)
		}
	}
	dropped = len(doc.Mentions) - len(mentions)
	doc.Mentions = mentions
	keepOnly(doc, keep, math.MaxInt)
	return dropped
}

// capWarning is the warning for an article that named more entities than
// max and lost dropped of them.
func capWarning(id string, max, dropped int) string {
	return fmt.Sprintf("article %s names %d entities, more than the limit of %d (--max-entities): the %d mentioned least are not stored", id, max+dropped, max, dropped)
}

// DefaultMaxMentions is the most entity occurrences (spans) one article
// keeps (see Options.MaxMentions): a 4 MiB article repeating one name
// holds some 140,000, each a stored span and, with its sentence, a typed
// relation. News articles hold tens to hundreds.
const DefaultMaxMentions = 10000

// capMentions keeps the sentences of doc before the one holding its
// max+1st entity occurrence in text order: their spans, the relations
// they state, and the entities still mentioned. It returns the index of
// the first sentence dropped, or -1 when doc holds at most max
// occurrences. Counts become the spans kept.
func capMentions(doc *graph.Document, max int) (cut int) {
	n := 0
	for _, m := range doc.Mentions {
		n += len(m.Spans)
	}
	if n <= max {
		return -1
	}
	starts := make([]graph.Span, 0, n)
	for _, m := range doc.Mentions {
		starts = append(starts, m.Spans...)
	}
	sort.Slice(starts, func(a, b int) bool { return starts[a].Start < starts[b].Start })
	cut = starts[max].Sentence
	keep := make(map[string]bool)
	mentions := doc.Mentions[:0]
	for _, m := range doc.Mentions {
		spans := m.Spans[:0]
		for _, s := range m.Spans {
			if s.Sentence < cut {
				spans = append(spans, s)
			}
		}
		if len(spans) == 0 {
			continue
		}
		sentences := m.Sentences[:0]
		for _, s := range m.Sentences {
			if s < cut {
				sentences = append(sentences, s)
			}
		}
		m.Spans, m.Sentences, m.Count = spans, sentences, len(spans)
		keep[m.EntityID] = true
		mentions = append(mentions, m)
	}
	doc.Mentions = mentions
	keepOnly(doc, keep, cut)
	return cut
}

// mentionsWarning is the warning for an article cut by capMentions at
// sentence cut.
func mentionsWarning(id string, max, cut int) string {
	return fmt.Sprintf("article %s has more than %d entity occurrences (--max-mentions): its sentences from number %d on are not stored", id, max, cut)
}

// keepOnly drops from doc the entities not in keep and the relations that
// involve one, or that a sentence at or after cut states.
func keepOnly(doc *graph.Document, keep map[string]bool, cut int) {
	entities := doc.Entities[:0]
	for _, e := range doc.Entities {
		if keep[e.ID] {
			entities = append(entities, e)
		}
	}
	doc.Entities = entities
	relations := doc.Relations[:0]
	for _, r := range doc.Relations {
		if r.Sentence < cut && keep[r.Subject] && (r.Object == "" || keep[r.Object]) {
			relations = append(relations, r)
		}
	}
	doc.Relations = relations
}
