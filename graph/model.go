package graph

import (
	"errors"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/ingest/norm"
)

// EntityType is the coarse class of an entity.
type EntityType string

// The entity types newsgraph distinguishes.
const (
	Person       EntityType = "person"
	Organization EntityType = "organization"
	Location     EntityType = "location"
)

// ParseEntityType accepts the type names users type on the command line.
func ParseEntityType(s string) (EntityType, error) {
	switch s {
	case "person", "per", "people", "persons":
		return Person, nil
	case "organization", "organisation", "org", "organizations", "organisations":
		return Organization, nil
	case "location", "loc", "place", "locations", "places":
		return Location, nil
	}
	return "", fmt.Errorf("unknown entity type %q (want person, organization or location)", s)
}

// Article is what a store keeps of a news article: its identity and
// metadata, not its body.
type Article struct {
	ID        string
	URL       string
	Source    string
	Title     string
	Published time.Time // zero when the date is unknown
	Lang      string    // "ar", "en", or "" when unknown
	// Hash changes whenever the article's content or the extractor that
	// read it changes; a re-ingest skips articles whose hash it already has.
	Hash string
}

// Entity is an actor or place, identified across articles and scripts.
type Entity struct {
	ID       string // stable, e.g. "mustafa-al-kadhimi"
	Type     EntityType
	Kind     string // finer class: "country", "armed faction", ...
	Name     string // canonical English name
	NameAr   string // canonical Arabic name
	Aliases  []string
	Wikidata string // e.g. "Q6279", or ""
}

// Keys returns the lookup keys of every name of e — canonical names and
// aliases in norm.Key form, without repeats — which Store.Resolve matches.
func (e Entity) Keys() []string {
	seen := make(map[string]bool)
	keys := []string{}
	for _, n := range append([]string{e.Name, e.NameAr}, e.Aliases...) {
		if k := norm.Key(n); k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}

// Mention records that an article names an entity.
type Mention struct {
	EntityID  string
	Count     int      // occurrences in the article
	Surfaces  []string // distinct spellings found, sorted
	Sentences []int    // distinct indexes of the sentences it occurs in, ascending
}

// Document is one article and everything extracted from it: the unit a
// store writes and replaces as a whole.
type Document struct {
	Article  Article
	Entities []Entity  // every entity a Mention refers to
	Mentions []Mention // one per entity
}

// ProjectedEntity is an entity as it appears in a projection.
type ProjectedEntity struct {
	Entity
	Articles    int       // articles mentioning it, within the filter
	Mentions    int       // occurrences in those articles
	First, Last time.Time // dates of the first and last such article; zero if unknown
}

// Edge is an article-level co-mention between two entities: they occur in
// the same article. A < B by ID.
type Edge struct {
	A, B        string
	Articles    int // articles naming both: the edge weight
	First, Last time.Time
}

// Projection is the part of the graph a query works on.
type Projection struct {
	Entities []ProjectedEntity // sorted by ID
	Edges    []Edge            // sorted by (A, B)
}

// Filter narrows a projection. Zero values mean "no restriction".
type Filter struct {
	Types   []EntityType
	Since   time.Time // articles published on or after; undated articles are excluded when set
	Until   time.Time // articles published before
	Langs   []string
	Sources []string
}

// Evidence is an article that supports an edge.
type Evidence struct {
	ArticleID string
	Title     string
	URL       string
	Source    string
	Published time.Time
}

// Errors callers branch on.
var (
	ErrNotFound  = errors.New("not found")
	ErrAmbiguous = errors.New("ambiguous name")
)

// Validate checks what every store relies on: an article ID, entities with
// IDs and known types, and mentions only of entities the document carries.
func (d *Document) Validate() error {
	if d.Article.ID == "" {
		return errors.New("document without an article ID")
	}
	carried := make(map[string]bool, len(d.Entities))
	for _, e := range d.Entities {
		if e.ID == "" {
			return fmt.Errorf("article %s: entity without an ID", d.Article.ID)
		}
		switch e.Type {
		case Person, Organization, Location:
		default:
			return fmt.Errorf("article %s: entity %s has type %q", d.Article.ID, e.ID, e.Type)
		}
		carried[e.ID] = true
	}
	for _, m := range d.Mentions {
		if !carried[m.EntityID] {
			return fmt.Errorf("article %s: mention of entity %s the document does not carry", d.Article.ID, m.EntityID)
		}
	}
	return nil
}
