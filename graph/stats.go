package graph

import (
	"context"
	"time"
)

// Stats counts the articles that pass a filter and the typed relations
// they state: what a projection cannot tell, since it holds entities and
// edges only. Maps are never nil.
type Stats struct {
	Articles int
	Undated  int            // articles whose date is unknown
	First    time.Time      // the earliest publication date; zero when every article is undated
	Last     time.Time      // the latest
	Langs    map[string]int // articles by language; "" for unknown
	Sources  map[string]int // articles by source; "" for none
	// Langs and Sources hold no zero counts.
	// Relations counts the typed relations the articles state, by type,
	// negated ones included; Negated counts the negated ones alone. Types
	// with none are absent from both.
	Relations map[RelationType]int
	Negated   map[RelationType]int
}

// ArticleCounter is a Store that can count the articles a filter keeps
// without the rest of Stats, whose relation counts read every relation
// (a second at 100,000 articles on Neo4j): what a note on a date filter
// needs. CountArticles returns a Stats with Articles, Undated, First and
// Last as Stats would give them, and its maps empty.
type ArticleCounter interface {
	CountArticles(ctx context.Context, f Filter) (*Stats, error)
}
