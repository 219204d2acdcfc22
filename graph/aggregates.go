package graph

import (
	"maps"
	"slices"
	"sort"
)

// A store keeps co-mention aggregates that projections read instead of
// counting mentions: per entity its articles, mentions and first and last
// dates, and per pair of entities (a < b) the articles naming both, the
// sentences naming both, the articles naming both in one sentence, and the
// first and last dates of each set of articles. The types below compute,
// in memory, the change a batch of writes makes to them, so that a store
// adds the change instead of recounting what the batch touches — a cost
// that would grow with the store (see graph/sqlite and graph/neo4j).
//
// Dates are strings that sort as the dates do ("" for none): each store
// passes its own fixed-width rendering.

// ArticleFacts is what one version of an article contributes to the
// aggregates.
type ArticleFacts struct {
	Published string           // the article's date as the store sorts it; "" when undated
	Counts    map[string]int   // entity ID → mentions of it
	Sentences map[int][]string // sentence index → the entity IDs named in it, sorted, distinct; each among Counts' keys
}

// NewArticleFacts returns empty facts dated published.
func NewArticleFacts(published string) ArticleFacts {
	return ArticleFacts{Published: published, Counts: map[string]int{}, Sentences: map[int][]string{}}
}

// Add records that the article mentions entity id count times, in the
// given sentences (which may repeat).
func (f ArticleFacts) Add(id string, count int, sentences []int) {
	f.Counts[id] = count
	for _, n := range sentences {
		ids := f.Sentences[n]
		i := sort.SearchStrings(ids, id)
		if i < len(ids) && ids[i] == id {
			continue
		}
		ids = append(ids, "")
		copy(ids[i+1:], ids[i:])
		ids[i] = id
		f.Sentences[n] = ids
	}
}

// DocumentFacts is what d will contribute once written, dated published.
func DocumentFacts(d Document, published string) ArticleFacts {
	f := NewArticleFacts(published)
	for _, m := range d.Mentions {
		f.Add(m.EntityID, m.Count, m.Sentences)
	}
	return f
}

// Pairs lists the co-mention pairs (a < b) of the article, each with the
// number of its sentences naming both (0 when none does).
func (f ArticleFacts) Pairs() map[[2]string]int {
	ids := make([]string, 0, len(f.Counts))
	for id := range f.Counts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make(map[[2]string]int, len(ids)*(len(ids)-1)/2)
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			out[[2]string{a, b}] = 0
		}
	}
	for _, ids := range f.Sentences {
		for i, a := range ids {
			for _, b := range ids[i+1:] {
				out[[2]string{a, b}]++
			}
		}
	}
	return out
}

// DateDelta tracks the dates a batch adds to and removes from one
// aggregate: the least and greatest of each, "" for none. Adding is exact
// with min and max; removing a date that may have been the aggregate's
// first or last forces a recount of that aggregate's dates (Stale).
type DateDelta struct{ AddMin, AddMax, RmMin, RmMax string }

// Add records an article dated t joining the aggregate.
func (d *DateDelta) Add(t string) {
	if t == "" {
		return
	}
	if d.AddMin == "" || t < d.AddMin {
		d.AddMin = t
	}
	if t > d.AddMax {
		d.AddMax = t
	}
}

// Remove records an article dated t leaving the aggregate.
func (d *DateDelta) Remove(t string) {
	if t == "" {
		return
	}
	if d.RmMin == "" || t < d.RmMin {
		d.RmMin = t
	}
	if t > d.RmMax {
		d.RmMax = t
	}
}

// Stale reports whether the removed dates may have been the first or last
// of an aggregate whose dates, after the additions, are first and last
// ("" for none).
func (d DateDelta) Stale(first, last string) bool {
	return d.RmMin != "" && (first == "" || d.RmMin <= first || d.RmMax >= last)
}

// EntityDelta is the change to one entity's aggregates.
type EntityDelta struct {
	Articles, Mentions int
	Dates              DateDelta
}

// Pure reports whether the change only adds: no count can reach zero and
// no date can be lost, so that adding it is exact.
func (e EntityDelta) Pure() bool { return e.Articles >= 0 && e.Dates.RmMin == "" }

// PairDelta is the change to one pair's aggregates; the S fields are those
// over the articles naming both in one sentence.
type PairDelta struct {
	Articles, Sentences, SArticles int
	Dates, SDates                  DateDelta
}

// Pure reports whether the change only adds (see EntityDelta.Pure).
func (p PairDelta) Pure() bool {
	return p.Articles >= 0 && p.SArticles >= 0 && p.Dates.RmMin == "" && p.SDates.RmMin == ""
}

// AggregateDelta is the change a batch of writes makes to the aggregates,
// summed in memory and written once, at the end of the batch's
// transaction.
type AggregateDelta struct {
	Entities map[string]*EntityDelta
	Pairs    map[[2]string]*PairDelta
}

// NewAggregateDelta returns an empty delta.
func NewAggregateDelta() *AggregateDelta {
	return &AggregateDelta{Entities: map[string]*EntityDelta{}, Pairs: map[[2]string]*PairDelta{}}
}

func (d *AggregateDelta) entity(id string) *EntityDelta {
	e := d.Entities[id]
	if e == nil {
		e = &EntityDelta{}
		d.Entities[id] = e
	}
	return e
}

func (d *AggregateDelta) pair(k [2]string) *PairDelta {
	p := d.Pairs[k]
	if p == nil {
		p = &PairDelta{}
		d.Pairs[k] = p
	}
	return p
}

// Replace records an article going from version old (absent when !hadOld)
// to version next (absent when !hasNew). Where both versions have the same
// date, what they share changes no date, so the common case — an article
// written again with a few entities more or less — forces no recount.
func (d *AggregateDelta) Replace(old ArticleFacts, hadOld bool, next ArticleFacts, hasNew bool) {
	sameDate := hadOld && hasNew && old.Published == next.Published
	if hadOld {
		for id, n := range old.Counts {
			e := d.entity(id)
			e.Mentions -= n
			if _, kept := next.Counts[id]; kept && sameDate {
				continue
			}
			e.Articles--
			e.Dates.Remove(old.Published)
		}
	}
	if hasNew {
		for id, n := range next.Counts {
			e := d.entity(id)
			e.Mentions += n
			if _, kept := old.Counts[id]; kept && sameDate {
				continue
			}
			e.Articles++
			e.Dates.Add(next.Published)
		}
	}
	if !hadOld && hasNew {
		// A new article, the common case: its pairs go straight into d,
		// without the map of them that Pairs makes.
		d.addPairs(next)
		return
	}
	var oldPairs, newPairs map[[2]string]int
	if hadOld {
		oldPairs = old.Pairs()
	}
	if hasNew {
		newPairs = next.Pairs()
	}
	for k, o := range oldPairs {
		p := d.pair(k)
		p.Sentences -= o
		n, kept := newPairs[k]
		if !(kept && sameDate) {
			p.Articles--
			p.Dates.Remove(old.Published)
		}
		if o > 0 && !(kept && sameDate && n > 0) {
			p.SArticles--
			p.SDates.Remove(old.Published)
		}
	}
	for k, n := range newPairs {
		p := d.pair(k)
		p.Sentences += n
		o, kept := oldPairs[k]
		if !(kept && sameDate) {
			p.Articles++
			p.Dates.Add(next.Published)
		}
		if n > 0 && !(kept && sameDate && o > 0) {
			p.SArticles++
			p.SDates.Add(next.Published)
		}
	}
}

// EntityIDs returns the IDs of the entities the delta changes, sorted, so
// that a store writes them in the same order whatever the map's.
func (d *AggregateDelta) EntityIDs() []string {
	ids := make([]string, 0, len(d.Entities))
	for id, e := range d.Entities {
		if *e != (EntityDelta{}) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// PairKeys returns the pairs the delta changes, sorted.
func (d *AggregateDelta) PairKeys() [][2]string {
	keys := make([][2]string, 0, len(d.Pairs))
	for k, p := range d.Pairs {
		if *p != (PairDelta{}) {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	return keys
}

// addPairs records what the pairs of a new article f add, as Replace's
// loop over newPairs does when there is no old version: each pair one
// article, a sentence for each sentence naming both, and one article in a
// sentence when any does (TestAddPairsMatchesReplace).
func (d *AggregateDelta) addPairs(f ArticleFacts) {
	ids := slices.Sorted(maps.Keys(f.Counts))
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			p := d.pair([2]string{a, b})
			p.Articles++
			p.Dates.Add(f.Published)
		}
	}
	// A pair two sentences name adds two sentences and one article.
	var inSentence map[[2]string]bool
	for _, ids := range f.Sentences {
		for i, a := range ids {
			for _, b := range ids[i+1:] {
				k := [2]string{a, b}
				p := d.pair(k)
				p.Sentences++
				if inSentence == nil {
					inSentence = map[[2]string]bool{}
				}
				if !inSentence[k] {
					inSentence[k] = true
					p.SArticles++
					p.SDates.Add(f.Published)
				}
			}
		}
	}
}
