package graph

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/graph/norm"
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
	// Input is where the article was read: an absolute file path, a URL or
	// "stdin"; "" when unknown (stored before inputs were recorded). A
	// pruning re-ingest removes the articles of the inputs it read that it
	// no longer found in them.
	Input string
	// Text identifies what the article says, whatever its ID: the hex
	// SHA-256 of its trimmed title, a NUL byte and its trimmed body (see
	// ingest), or "" when unknown (stored before stores kept it). A later
	// ingest that meets the same text under another ID knows it is a
	// duplicate (see TextLister).
	Text string
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
	// Parent is the ID of the entity this one belongs to (US forces → the
	// United States, a PMF faction → the PMF), or "". The parent need not be
	// in the store.
	Parent string
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
	Count     int      // occurrences in the article: len(Spans) when Spans are kept
	Surfaces  []string // distinct spellings found, sorted
	Sentences []int    // distinct indexes of the sentences it occurs in, ascending
	Spans     []Span   // every occurrence, in text order
}

// Span is one occurrence of an entity in an article's text: the title, a
// line break, then the body (ingest.Text).
type Span struct {
	Start, End int    // byte offsets of the surface in the text
	Sentence   int    // index of its sentence; the title is sentence 0
	Surface    string // the words as written: text[Start:End]
	Method     string // how it was found: lexicon, adjective, role, coreference, rule
}

// Document is one article and everything extracted from it: the unit a
// store writes and replaces as a whole.
type Document struct {
	Article  Article
	Entities []Entity  // every entity a Mention refers to
	Mentions []Mention // one per entity
	// Relations are the typed relations its sentences state, in text order.
	Relations []Relation
	// Sentences are the texts of the sentences that name two or more of its
	// entities — those sentence-level edges come from — by ascending index,
	// so that evidence can quote the sentence that links two entities.
	// Other sentences, and the body, are not kept.
	Sentences []SentenceText
}

// SentenceText is one sentence of an article as written, cut to
// MaxSentenceText bytes (at a word, marked with "…") when longer.
type SentenceText struct {
	Index int    // the sentence's index; the title is sentence 0
	Text  string // at most MaxSentenceText bytes
}

// MaxSentenceText bounds SentenceText.Text, so that a run-on paragraph
// without stops does not bloat a store.
const MaxSentenceText = 1000

// ProjectedEntity is an entity as it appears in a projection.
type ProjectedEntity struct {
	Entity
	Articles    int       // articles mentioning it, within the filter
	Mentions    int       // occurrences in those articles
	First, Last time.Time // dates of the first and last such article; zero if unknown
}

// EntityProfile is what a store knows about one entity, within a filter:
// its counts, how its mentions were found and spelt, and the entities
// mentioned beside it.
type EntityProfile struct {
	ProjectedEntity                // the entity, its articles and mentions, first and last dates
	Methods         map[string]int // mentions by extraction method (from their spans); never nil
	// Surfaces are the spellings of its mentions, most frequent first
	// (ties by spelling), at most ProfileSurfaces of them.
	Surfaces []SurfaceCount
	// Neighbors are the entities co-mentioned with it, in the most articles
	// first (ties by ID), at most ProfileNeighbors of them.
	Neighbors []Neighbor
}

// How many surfaces and neighbours an EntityProfile lists.
const (
	ProfileSurfaces  = 20
	ProfileNeighbors = 10
)

// SurfaceCount is a spelling and how many mentions use it.
type SurfaceCount struct {
	Surface string
	Count   int
}

// Neighbor is an entity co-mentioned with a profiled one.
type Neighbor struct {
	ID       string
	Type     EntityType
	Name     string
	NameAr   string
	Articles int // articles naming both, within the filter
}

// SortProfile puts a profile's surfaces and neighbours in their order and
// cuts them to length. Stores call it, so that every backend orders alike.
func SortProfile(p *EntityProfile) {
	sort.Slice(p.Surfaces, func(i, j int) bool {
		a, b := p.Surfaces[i], p.Surfaces[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Surface < b.Surface
	})
	if len(p.Surfaces) > ProfileSurfaces {
		p.Surfaces = p.Surfaces[:ProfileSurfaces]
	}
	sort.Slice(p.Neighbors, func(i, j int) bool {
		a, b := p.Neighbors[i], p.Neighbors[j]
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		return a.ID < b.ID
	})
	if len(p.Neighbors) > ProfileNeighbors {
		p.Neighbors = p.Neighbors[:ProfileNeighbors]
	}
	if p.Methods == nil {
		p.Methods = map[string]int{}
	}
	if p.Surfaces == nil {
		p.Surfaces = []SurfaceCount{}
	}
	if p.Neighbors == nil {
		p.Neighbors = []Neighbor{}
	}
}

// Edge joins two entities of a projection, A < B by ID. What joins them
// depends on the filter's EdgeLevel: being named in the same article (the
// default), in the same sentence, or in a typed relation.
type Edge struct {
	A, B string
	// Articles counts the articles that join them: the edge weight.
	Articles int
	// Sentences counts the sentences naming both (article and sentence
	// level), or the relations joining them (typed level).
	Sentences   int
	First, Last time.Time // dates of the first and last such article
	// Confidence sums the confidences of the relations joining them
	// (typed level only; 0 at the others), a relation stored without one
	// counting DefaultConfidence: the weight of query centrality
	// --weight confidence. Each is counted to ConfidenceUnit and the sum
	// taken in those units, exactly, so that it does not depend on the
	// order a store reads the relations in.
	Confidence float64
}

// ConfidenceUnit is the precision to which an Edge sums confidences (the
// confidence table gives four decimals): a store sums
// round(confidence / ConfidenceUnit) as an integer and multiplies back.
const ConfidenceUnit = 1e-4

// Projection is the part of the graph a query works on.
type Projection struct {
	Entities []ProjectedEntity // sorted by ID
	Edges    []Edge            // sorted by (A, B)
}

// Around returns the part of p around ids, as NeighborhoodReader's
// Neighborhood defines it: the edges of p with an end in ids, the entities
// they join and the entities of ids in p; in p's order. It serves stores
// that cannot read a neighbourhood by itself, from their whole projection.
func Around(p *Projection, ids []string) *Projection {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	out := &Projection{}
	keep := make(map[string]bool, len(ids))
	for id := range want {
		keep[id] = true
	}
	for _, e := range p.Edges {
		if want[e.A] || want[e.B] {
			out.Edges = append(out.Edges, e)
			keep[e.A], keep[e.B] = true, true
		}
	}
	for _, e := range p.Entities {
		if keep[e.ID] {
			out.Entities = append(out.Entities, e)
		}
	}
	return out
}

// Uncounted returns p with the counts of the entities not in ids set to
// zero, as NeighborhoodReader's Links gives them; p is left as it is.
func Uncounted(p *Projection, ids []string) *Projection {
	in := make(map[string]bool, len(ids))
	for _, id := range ids {
		in[id] = true
	}
	out := &Projection{Entities: make([]ProjectedEntity, len(p.Entities)), Edges: p.Edges}
	for i, e := range p.Entities {
		if !in[e.ID] {
			e = ProjectedEntity{Entity: e.Entity}
		}
		out.Entities[i] = e
	}
	return out
}

// Ends returns ids and the ends of edges, each once, in no set order: the
// entities a neighbourhood of ids joins (NeighborhoodReader).
func Ends(ids []string, edges []Edge) []string {
	seen := make(map[string]bool, len(ids)+len(edges))
	out := make([]string, 0, len(ids)+len(edges))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, e := range edges {
		for _, id := range [2]string{e.A, e.B} {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// Filter narrows a projection. Zero values mean "no restriction".
type Filter struct {
	Types   []EntityType
	Since   time.Time // articles published on or after; undated articles are excluded when set
	Until   time.Time // articles published before
	Langs   []string
	Sources []string
	// Edges chooses what joins two entities; "" means ArticleEdges.
	Edges EdgeLevel
	// Relations narrows typed edges and relation queries to these types.
	Relations []RelationType
}

// AllArticles reports whether f keeps every article: no date, language or
// source filter. (Types narrows entities, Edges and Relations the links,
// not the articles.) Stores answer such a filter from their stored
// aggregates.
func (f Filter) AllArticles() bool {
	return f.Since.IsZero() && f.Until.IsZero() && len(f.Langs) == 0 && len(f.Sources) == 0
}

// Level returns f.Edges, or ArticleEdges when it is unset.
func (f Filter) Level() EdgeLevel {
	if f.Edges == "" {
		return ArticleEdges
	}
	return f.Edges
}

// Size is how big a store's graph is.
type Size struct {
	Articles, Entities, Edges int
	Relations                 int // typed relations (units of evidence), negated ones included
}

// ArticleMentions is how often one article names an entity.
type ArticleMentions struct {
	ArticleID string
	Published time.Time // zero when unknown
	Count     int
}

// Evidence is an article that supports an edge.
type Evidence struct {
	ArticleID string
	Title     string
	URL       string
	Source    string
	Published time.Time
	// Sentence is what in the article links the two entities: the sentence
	// of its first undenied typed relation between them (of the filter's
	// types when set); else the first sentence naming both, as
	// Document.Sentences kept it; else "" (no sentence names both, or the
	// article was stored before stores kept sentences).
	Sentence string
}

// Errors callers branch on.
var (
	ErrNotFound  = errors.New("not found")
	ErrAmbiguous = errors.New("ambiguous name")
	// ErrRejected marks a write that failed because of what a document
	// holds (an invalid document, a value the database cannot store or
	// index), not because the store failed: written alone, the other
	// documents of the batch would succeed.
	ErrRejected = errors.New("document rejected")
)

// Validate checks what every store relies on: an article ID, a date (when
// it has one) in the years 0000–9999 that RFC 3339 and the stores'
// renderings of dates cover, entities with IDs and known types, mentions
// only of entities the document carries, and relations only between
// entities it mentions.
func (d *Document) Validate() error {
	if d.Article.ID == "" {
		return errors.New("document without an article ID")
	}
	if p := d.Article.Published; !p.IsZero() {
		if y := p.UTC().Year(); y < 0 || y > 9999 {
			return fmt.Errorf("article %s: published in the year %d, outside 0000–9999", d.Article.ID, y)
		}
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
	mentioned := make(map[string]bool, len(d.Mentions))
	for _, m := range d.Mentions {
		if mentioned[m.EntityID] {
			// One Mention per entity: a second would double its counts
			// (Neo4j) or break the store's key (SQLite) mid-batch.
			return fmt.Errorf("article %s: entity %s mentioned twice (one mention per entity, with its count and spans)", d.Article.ID, m.EntityID)
		}
		mentioned[m.EntityID] = true
		if !carried[m.EntityID] {
			return fmt.Errorf("article %s: mention of entity %s the document does not carry", d.Article.ID, m.EntityID)
		}
		if len(m.Spans) > 0 && len(m.Spans) != m.Count {
			return fmt.Errorf("article %s: mention of entity %s counts %d occurrences but has %d spans", d.Article.ID, m.EntityID, m.Count, len(m.Spans))
		}
	}
	for i := range d.Relations {
		if err := d.Relations[i].validate(mentioned, d.Article.ID); err != nil {
			return err
		}
	}
	for i, st := range d.Sentences {
		switch {
		case st.Index < 0 || i > 0 && st.Index <= d.Sentences[i-1].Index:
			return fmt.Errorf("article %s: sentence texts must have distinct, ascending, non-negative indexes (%d at %d)", d.Article.ID, st.Index, i)
		case len(st.Text) > MaxSentenceText:
			return fmt.Errorf("article %s: sentence %d text of %d bytes (at most %d)", d.Article.ID, st.Index, len(st.Text), MaxSentenceText)
		}
	}
	return nil
}

// Validate checks every document of a batch (see Document.Validate).
func Validate(docs []Document) error {
	for i := range docs {
		if err := docs[i].Validate(); err != nil {
			return fmt.Errorf("write articles: %w: %w", ErrRejected, err)
		}
	}
	return nil
}
