package graph

import (
	"context"
	"errors"
	"time"
)

// Store is where documents live and projections come from. Implementations
// must be safe for use by one goroutine at a time; they need not be safe for
// concurrent use.
type Store interface {
	// Apply writes whole documents. A document whose article ID the store
	// already holds replaces the earlier version, its mentions included.
	// Applying the same documents twice changes nothing.
	Apply(ctx context.Context, docs []Document) error
	// Delete removes articles and every entity no remaining article mentions.
	// Unknown IDs are ignored.
	Delete(ctx context.Context, articleIDs []string) error
	// Fingerprints maps every stored article ID to its Hash.
	Fingerprints(ctx context.Context) (map[string]string, error)
	// Projection returns the entities and co-mention edges of the articles
	// that pass f.
	Projection(ctx context.Context, f Filter) (*Projection, error)
	// Evidence returns up to limit articles that link the two entities at
	// f's edge level — naming both, naming both in one sentence, or stating
	// a typed relation between them that is not denied (of f.Relations'
	// types when set) — among the articles that pass f's dates, languages
	// and sources. Newest first (undated last), ties by article ID. Each
	// carries the sentence that links the two in that article: that of the
	// first undenied relation between them (of f.Relations' types when
	// set), else the first kept sentence naming both, else "" (see
	// Evidence.Sentence).
	Evidence(ctx context.Context, a, b string, f Filter, limit int) ([]Evidence, error)
	// Entity profiles the entity with this exact ID over the articles that
	// pass f: f's dates, languages and sources narrow the articles counted,
	// and f.Types narrows its neighbours only. An entity no article within
	// f mentions has zero counts; an ID the store does not hold is an error
	// wrapping ErrNotFound.
	Entity(ctx context.Context, id string, f Filter) (*EntityProfile, error)
	// Relations returns the typed relations whose subject or object is the
	// entity with this ID, in articles that pass f (dates, languages,
	// sources) and of f.Relations' types when set; f.Types narrows the other
	// party (STATEMENT relations, which have none, always pass). Negated
	// relations are included. Order: newest article first (undated last),
	// then article ID, then trigger offset.
	Relations(ctx context.Context, id string, f Filter) ([]RelationEvidence, error)
	// Mentions lists the articles that pass f (dates, languages, sources)
	// and mention the entity with this ID, with how often each names it:
	// newest first (undated last), ties by article ID. An ID no article
	// mentions gives an empty list.
	Mentions(ctx context.Context, id string, f Filter) ([]ArticleMentions, error)
	// Stats counts the articles that pass f — f's dates, languages and
	// sources; its other fields are ignored — by language, source and date,
	// and the typed relations they state by type.
	Stats(ctx context.Context, f Filter) (*Stats, error)
	// Size counts the articles, entities and co-mention edges the store
	// holds, in memory that does not grow with the graph.
	Size(ctx context.Context) (Size, error)
	// Resolve finds the entities a name refers to: an exact ID, or any name
	// or alias in either script, compared in folded form (see graph/norm).
	// It returns an empty slice, not an error, when nothing matches.
	Resolve(ctx context.Context, name string) ([]Entity, error)
	// Close releases the store.
	Close() error
}

// Checker is a Store that can check its own integrity: the backend's own
// check (SQLite's PRAGMA integrity_check) and newsgraph's invariants (every
// mention and relation names a stored entity, ...). Check returns the
// problems found, one sentence each, and nil when the store is sound; its
// error is for a check that could not run.
type Checker interface {
	Check(ctx context.Context) ([]string, error)
}

// NeighborhoodReader is a Store that can project the neighbourhood of a
// few entities without building the rest of the graph, so that a question
// about one actor costs what its edges cost, not what the corpus does.
type NeighborhoodReader interface {
	// Neighborhood returns the part of Projection(ctx, f) around ids: the
	// edges with at least one end in ids, and the entities those edges
	// join together with the entities of ids that f's articles mention.
	// Edges between two entities that are not in ids are left out. IDs the
	// store does not hold are ignored. Order as Projection: entities by ID,
	// edges by (A, B).
	Neighborhood(ctx context.Context, ids []string, f Filter) (*Projection, error)
	// Links is Neighborhood without the counts of the entities outside
	// ids: the same edges and entities, in the same order, but an entity
	// not in ids has zero Articles and Mentions and zero First and Last.
	// It is what a question about the links of ids needs (which
	// neighbours, how strongly joined, by which paths), and under a filter
	// on articles it reads the articles of ids only: counting every
	// neighbour within the filter reads the articles of all of them, most
	// of the corpus for a hub.
	Links(ctx context.Context, ids []string, f Filter) (*Projection, error)
	// EntitiesOf returns the entities of Projection(ctx, f) whose IDs are
	// in ids, by ID, with their counts within f; IDs it does not hold are
	// left out.
	EntitiesOf(ctx context.Context, ids []string, f Filter) ([]ProjectedEntity, error)
}

// Repairer is a Store that can recompute what it derives from its facts
// (SQLite's co-mention aggregates) when Check finds it wrong. Repair
// leaves the facts as they are.
type Repairer interface {
	Repair(ctx context.Context) error
}

// ErrCorrupt marks a store that failed its quick check (QuickChecker): it
// may give wrong answers without an error, so commands refuse it.
var ErrCorrupt = errors.New("store failed its quick integrity check")

// QuickChecker is a Store with a check cheap enough to run every time it is
// opened (SQLite's PRAGMA quick_check: every page and record readable,
// without cross-checking indexes against tables). QuickCheck returns an
// error wrapping ErrCorrupt, naming the first problems, for a store that
// fails it; any other error is a check that could not run.
type QuickChecker interface {
	QuickCheck(ctx context.Context) error
}

// CheckRecorder is a QuickChecker that remembers when its quick check last
// passed, so that a writer may skip the check of a large store that passed
// it recently: the check reads the whole file (20 s for a 16.6 GB SQLite
// store of a million articles), which a scheduled ingest of a few hundred
// articles should not pay every run.
//
// LastChecked returns the time RecordChecked last recorded, the zero Time
// when none was, and an error only when the store could not be read.
// RecordChecked records t (UTC, to the nanosecond) as the time the store
// passed its check; a caller records only a check that passed (a store
// opened read-only records where its file can be written). The zero Time
// forgets the record, so that the next writer checks: a run that failed
// to write may have met damage the check would have found or missed.
type CheckRecorder interface {
	QuickChecker
	LastChecked(ctx context.Context) (time.Time, error)
	RecordChecked(ctx context.Context, t time.Time) error
}

// Grouper is a Store that can write the documents of several Apply calls
// in one transaction, which an ingest uses to write many articles at once
// while holding only a few hundred in memory: what the store derives from
// each write (SQLite's co-mention aggregates) is summed over the group and
// written once, at Commit, and a page the group changes many times is
// written once.
type Grouper interface {
	// Group opens a write transaction. The store must not be used
	// otherwise until the group is committed or rolled back.
	Group(ctx context.Context) (Group, error)
}

// Group is an open write transaction of a Grouper. Nothing it writes is
// seen by readers, or durable, before Commit returns nil; Rollback, or an
// error from Commit, loses all of it.
type Group interface {
	// Apply writes documents as Store.Apply does, into the group. A
	// rejected document (ErrRejected) is found before anything is
	// written, so the group is as it was and the batch may be written
	// again without it. After any other error the group has failed:
	// Apply returns errors, and Commit returns one and loses the group,
	// as Rollback does.
	Apply(ctx context.Context, docs []Document) error
	// Commit ends the group, writing what its documents derive.
	Commit(ctx context.Context) error
	// Rollback ends the group without writing anything; after Commit it
	// does nothing.
	Rollback() error
}

// ProjectionVisitor receives a projection one part at a time
// (ProjectionStreamer): its entities once, first, then each edge.
type ProjectionVisitor interface {
	// Entities is called once, before any edge, with the projection's
	// entities, sorted by ID. The visitor may keep the slice.
	Entities(ents []ProjectedEntity) error
	// Edge is called once for each edge, in no particular order (the
	// SQLite store gives its table's): a and b are the indexes of its ends
	// among the entities Entities was given (-1 for an end not among
	// them), a < b when both are, and articles and sentences its counts
	// (Edge.Articles, Edge.Sentences).
	Edge(a, b int32, articles, sentences int) error
}

// DatedVisitor is a ProjectionVisitor that wants each edge whole, dates
// included, for writers that keep them (graph/export): a store streaming
// to one calls DatedEdge for each edge instead of Edge. e is the edge, its
// counts, dates and confidence as Projection gives them; a and b name its
// ends as Edge's do, and e.A and e.B may be left empty.
type DatedVisitor interface {
	ProjectionVisitor
	DatedEdge(a, b int32, e Edge) error
}

// ProjectionStreamer is a Store that can hand a projection over one edge
// at a time, so that a reader building its own compact graph never holds
// the projection's millions of Edge values and their ID strings at once
// (at 100,000 articles, 3.6 million edges: over a gigabyte).
type ProjectionStreamer interface {
	// StreamProjection gives v what Projection(ctx, f) returns: its
	// entities, sorted, then its edges, in any order. An error v returns
	// stops it and is returned. A store may stream inside a transaction of
	// its own: v must not call it back.
	StreamProjection(ctx context.Context, f Filter, v ProjectionVisitor) error
}

// StreamProjection gives v the projection of s under f: through
// ProjectionStreamer where s implements it, else from Projection.
func StreamProjection(ctx context.Context, s Store, f Filter, v ProjectionVisitor) error {
	if ps, ok := s.(ProjectionStreamer); ok {
		return ps.StreamProjection(ctx, f, v)
	}
	p, err := s.Projection(ctx, f)
	if err != nil {
		return err
	}
	return Visit(p, v)
}

// EntityIndex maps an entity ID to its index among the entities a
// ProjectionVisitor was given: how a streaming store names an edge's ends.
type EntityIndex map[string]int32

// At is id's index, -1 for an ID not among the entities.
func (x EntityIndex) At(id string) int32 {
	if i, ok := x[id]; ok {
		return i
	}
	return -1
}

// VisitEntities gives v the entities of a projection, ents, sorted by ID
// (ProjectionVisitor.Entities), and returns their index; an ID that comes
// twice maps to its last place. The error is v's.
func VisitEntities(v ProjectionVisitor, ents []ProjectedEntity) (EntityIndex, error) {
	index := make(EntityIndex, len(ents))
	for i, e := range ents {
		index[e.ID] = int32(i)
	}
	if err := v.Entities(ents); err != nil {
		return nil, err
	}
	return index, nil
}

// Visit gives v the entities and edges of p, in p's order (each edge
// whole to a DatedVisitor). An edge end
// that is not among p's entities is given as -1; when an ID comes twice
// among the entities, edges name the last of them.
func Visit(p *Projection, v ProjectionVisitor) error {
	index, err := VisitEntities(v, p.Entities)
	if err != nil {
		return err
	}
	dv, dated := v.(DatedVisitor)
	for _, e := range p.Edges {
		if dated {
			err = dv.DatedEdge(index.At(e.A), index.At(e.B), e)
		} else {
			err = v.Edge(index.At(e.A), index.At(e.B), e.Articles, e.Sentences)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
