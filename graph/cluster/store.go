package cluster

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/newsgraph/newsgraph/graph"
)

// Store is a graph.Store whose reads see clusters as single nodes (see
// the package comment); writes go to the wrapped store unchanged and make
// the clustering be computed again. An entity ID that is a member of a
// cluster reads as its representative. Like the stores it wraps, it is for
// one goroutine at a time.
type Store struct {
	graph.Store
	opts Options

	mu sync.Mutex
	c  *Clustering
}

// Wrap returns s seen through the clustering of its entities under opts.
func Wrap(s graph.Store, opts Options) *Store { return &Store{Store: s, opts: opts} }

// Clustering returns the clustering of the wrapped store's entities,
// computed on first use from the store's entities (EntityLister, else a
// projection of the whole store), or read from the store when it keeps
// derived values (Deriver) and holds one made at its current generation
// under opts.Fingerprint. A clustering it computes it stores there, for the
// next command; a store that cannot take it (opened read-only) is no error.
func (s *Store) Clustering(ctx context.Context) (*Clustering, error) {
	return s.clustering(ctx, nil)
}

// clustering is Clustering, computing from ents when they are given (a
// projection of the whole store the caller holds) and nothing is cached.
func (s *Store) clustering(ctx context.Context, ents []graph.ProjectedEntity) (*Clustering, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.c != nil {
		return s.c, nil
	}
	d, _ := s.Store.(Deriver)
	if s.opts.Fingerprint == "" {
		d = nil
	}
	key := "cluster/" + RulesVersion + "/" + s.opts.Fingerprint
	var gen string
	if d != nil {
		if v, ok, err := d.Derived(ctx, key); err == nil && ok {
			if c, err := unmarshal(v); err == nil {
				s.c = c
				return c, nil
			}
		}
		var err error
		if gen, err = d.Generation(ctx); err != nil {
			d = nil
		}
	}
	stamped := ents == nil
	if ents == nil {
		if l, ok := s.Store.(EntityLister); ok {
			var err error
			if ents, err = l.Entities(ctx, graph.Filter{}); err != nil {
				return nil, fmt.Errorf("clustering the store's entities: %w", err)
			}
		} else {
			p, err := s.Store.Projection(ctx, graph.Filter{Edges: graph.ArticleEdges})
			if err != nil {
				return nil, fmt.Errorf("clustering the store's entities: %w", err)
			}
			ents = p.Entities
		}
	}
	// Entities the caller read came before the generation was: a write in
	// between would store a clustering of the old entities as the new
	// state's. Only one computed from entities read after it is stored.
	s.c = Compute(ents, s.opts)
	if d != nil && stamped {
		if v, err := s.c.marshal(); err == nil {
			_ = d.SetDerived(ctx, key, gen, v) // a cache: a read-only store keeps none
		}
	}
	return s.c, nil
}

// Deriver is a store that keeps values derived from it until its next
// write (graph/sqlite): Generation names the store's state, Derived returns
// the value stored under key at the current generation, and SetDerived
// stores one made at generation gen unless a write has come since.
type Deriver interface {
	Generation(ctx context.Context) (string, error)
	Derived(ctx context.Context, key string) ([]byte, bool, error)
	SetDerived(ctx context.Context, key, gen string, value []byte) error
}

// EntityLister is a store that can list its entities with their counts
// without the edges a projection computes: clustering reads only those, so
// a one-entity question (query entity, relations) costs a scan of the
// mentions, not the co-mention self-join. graph/sqlite and graph/neo4j
// implement it.
type EntityLister interface {
	Entities(ctx context.Context, f graph.Filter) ([]graph.ProjectedEntity, error)
}

// whole reports whether f keeps every article, entity type and relation at
// the article level, so that its projection holds every entity with its
// whole-store counts, as Clustering reads them.
func whole(f graph.Filter) bool {
	return len(f.Types) == 0 && f.AllArticles() && f.Level() == graph.ArticleEdges && len(f.Relations) == 0
}

// Apply writes through and forgets the clustering.
func (s *Store) Apply(ctx context.Context, docs []graph.Document) error {
	s.forget()
	return s.Store.Apply(ctx, docs)
}

// Delete writes through and forgets the clustering.
func (s *Store) Delete(ctx context.Context, ids []string) error {
	s.forget()
	return s.Store.Delete(ctx, ids)
}

func (s *Store) forget() {
	s.mu.Lock()
	s.c = nil
	s.mu.Unlock()
}

// Projection is the wrapped store's projection with clusters merged
// (Clustering.Apply).
func (s *Store) Projection(ctx context.Context, f graph.Filter) (*graph.Projection, error) {
	p, err := s.Store.Projection(ctx, f)
	if err != nil {
		return nil, err
	}
	var ents []graph.ProjectedEntity
	if whole(f) {
		ents = p.Entities
	}
	c, err := s.clustering(ctx, ents)
	if err != nil {
		return nil, err
	}
	return c.Apply(p), nil
}

var _ graph.ProjectionStreamer = (*Store)(nil)

// StreamProjection implements graph.ProjectionStreamer: v is given what
// Projection returns, the clusters merged as Clustering.Apply merges them,
// without a merged copy of the edges. The wrapped store's edges are
// streamed (graph.StreamProjection) and each is passed on with its ends
// mapped to their representatives' indexes; edges with a hidden end, and
// edges between members of one cluster, are dropped. Unlike Projection,
// the edges of several members to one node come to v as several edges,
// in no particular order: v sums their counts (as Apply does), or keeps
// what it needs of each. An edge with an end that is not among the
// entities is dropped.
//
// The clustering is read (or computed, from the store's entities, and
// stored) before the stream starts: a store streams inside a read
// transaction, which the visitor must not wait on.
func (s *Store) StreamProjection(ctx context.Context, f graph.Filter, v graph.ProjectionVisitor) error {
	c, err := s.Clustering(ctx)
	if err != nil {
		return err
	}
	m := &mergingVisitor{c: c, v: v}
	if dv, ok := v.(graph.DatedVisitor); ok {
		return graph.StreamProjection(ctx, s.Store, f, &datedMergingVisitor{m, dv})
	}
	return graph.StreamProjection(ctx, s.Store, f, m)
}

// mergingVisitor maps a wrapped store's projection onto the clusters' one.
type mergingVisitor struct {
	c  *Clustering
	v  graph.ProjectionVisitor
	to []int32 // the merged index of each wrapped entity, -1 if hidden
}

func (m *mergingVisitor) Entities(ents []graph.ProjectedEntity) error {
	c := m.c
	merged := c.Apply(&graph.Projection{Entities: ents}).Entities
	m.to = make([]int32, len(ents))
	for i, e := range ents {
		m.to[i] = -1
		if c.Hidden(e.ID) {
			continue
		}
		r := c.Rep(e.ID)
		k := sort.Search(len(merged), func(k int) bool { return merged[k].ID >= r })
		if k < len(merged) && merged[k].ID == r {
			m.to[i] = int32(k)
		}
	}
	return m.v.Entities(merged)
}

func (m *mergingVisitor) Edge(a, b int32, articles, sentences int) error {
	a, b, ok := m.ends(a, b)
	if !ok {
		return nil
	}
	return m.v.Edge(a, b, articles, sentences)
}

// ends maps the ends of a wrapped store's edge to the merged indexes, the
// lesser first; ok is false for an edge the merged projection drops.
func (m *mergingVisitor) ends(a, b int32) (int32, int32, bool) {
	if a < 0 || b < 0 {
		return 0, 0, false
	}
	a, b = m.to[a], m.to[b]
	if a < 0 || b < 0 || a == b {
		return 0, 0, false
	}
	if b < a {
		a, b = b, a
	}
	return a, b, true
}

// datedMergingVisitor is a mergingVisitor for a graph.DatedVisitor: it is
// one itself, so that the wrapped store streams the edges whole.
type datedMergingVisitor struct {
	*mergingVisitor
	dv graph.DatedVisitor
}

func (m *datedMergingVisitor) DatedEdge(a, b int32, e graph.Edge) error {
	a, b, ok := m.ends(a, b)
	if !ok {
		return nil
	}
	e.A, e.B = "", ""
	return m.dv.DatedEdge(a, b, e)
}

// Resolve returns the representatives of the entities the name refers to,
// each once, in the wrapped store's order; hidden IDs (Clustering.Hidden)
// only when the name is the ID itself.
func (s *Store) Resolve(ctx context.Context, name string) ([]graph.Entity, error) {
	ents, err := s.Store.Resolve(ctx, name)
	if err != nil || len(ents) == 0 {
		return ents, err
	}
	c, err := s.Clustering(ctx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := ents[:0:0]
	for _, e := range ents {
		if c.Hidden(e.ID) && e.ID != name {
			continue // no actor; its exact ID still finds it
		}
		r := c.Rep(e.ID)
		if seen[r] {
			continue
		}
		seen[r] = true
		if r != e.ID {
			e = c.entity[r]
		}
		out = append(out, e)
	}
	return out, nil
}

// Evidence lists the articles that link any member of a's cluster to any
// member of b's, each article once, in the wrapped store's order (newest
// first, undated last, ties by article ID), at most limit of them.
func (s *Store) Evidence(ctx context.Context, a, b string, f graph.Filter, limit int) ([]graph.Evidence, error) {
	c, err := s.Clustering(ctx)
	if err != nil {
		return nil, err
	}
	as, bs := c.Members(a), c.Members(b)
	if len(as) == 1 && len(bs) == 1 {
		return s.Store.Evidence(ctx, as[0], bs[0], f, limit)
	}
	seen := map[string]bool{}
	var out []graph.Evidence
	for _, x := range as {
		for _, y := range bs {
			if x == y {
				continue
			}
			ev, err := s.Store.Evidence(ctx, x, y, f, limit)
			if err != nil {
				return nil, err
			}
			for _, e := range ev {
				if !seen[e.ArticleID] {
					seen[e.ArticleID] = true
					out = append(out, e)
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return newer(out[i].Published.Unix(), out[i].Published.IsZero(), out[i].ArticleID,
			out[j].Published.Unix(), out[j].Published.IsZero(), out[j].ArticleID)
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// newer orders articles newest first, undated last, ties by article ID.
func newer(ta int64, za bool, ida string, tb int64, zb bool, idb string) bool {
	switch {
	case za != zb:
		return zb
	case ta != tb:
		return ta > tb
	}
	return ida < idb
}

// Mentions lists the articles that mention any member of id's cluster,
// each once with the mentions of all members summed, in the wrapped
// store's order.
func (s *Store) Mentions(ctx context.Context, id string, f graph.Filter) ([]graph.ArticleMentions, error) {
	c, err := s.Clustering(ctx)
	if err != nil {
		return nil, err
	}
	ms := c.Members(id)
	if len(ms) == 1 {
		return s.Store.Mentions(ctx, ms[0], f)
	}
	at := map[string]int{}
	var out []graph.ArticleMentions
	for _, m := range ms {
		list, err := s.Store.Mentions(ctx, m, f)
		if err != nil {
			return nil, err
		}
		for _, am := range list {
			if k, ok := at[am.ArticleID]; ok {
				out[k].Count += am.Count
				continue
			}
			at[am.ArticleID] = len(out)
			out = append(out, am)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return newer(out[i].Published.Unix(), out[i].Published.IsZero(), out[i].ArticleID,
			out[j].Published.Unix(), out[j].Published.IsZero(), out[j].ArticleID)
	})
	return out, nil
}

// Relations lists the typed relations of every member of id's cluster, in
// the wrapped store's order (newest article first, undated last, then
// article ID, then trigger offset), with member IDs read as the
// representative.
func (s *Store) Relations(ctx context.Context, id string, f graph.Filter) ([]graph.RelationEvidence, error) {
	c, err := s.Clustering(ctx)
	if err != nil {
		return nil, err
	}
	var out []graph.RelationEvidence
	for _, m := range c.Members(id) {
		list, err := s.Store.Relations(ctx, m, f)
		if err != nil {
			return nil, err
		}
		out = append(out, list...)
	}
	for i := range out {
		out[i].Subject = c.Rep(out[i].Subject)
		if out[i].Object != "" {
			out[i].Object = c.Rep(out[i].Object)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.ArticleID == b.ArticleID {
			return a.Trigger.Start < b.Trigger.Start
		}
		return newer(a.Published.Unix(), a.Published.IsZero(), a.ArticleID, b.Published.Unix(), b.Published.IsZero(), b.ArticleID)
	})
	return out, nil
}

// Entity profiles id's cluster: the representative's entity with the
// articles naming any member (each once), the members' mentions, methods
// and surfaces summed, dates widened, and their
// neighbours read as representatives and summed (each member lists at most
// graph.ProfileNeighbors, so a merged list can miss a neighbour).
func (s *Store) Entity(ctx context.Context, id string, f graph.Filter) (*graph.EntityProfile, error) {
	c, err := s.Clustering(ctx)
	if err != nil {
		return nil, err
	}
	ms := c.Members(id)
	if len(ms) == 1 {
		return s.Store.Entity(ctx, ms[0], f)
	}
	r := c.Rep(id)
	out := &graph.EntityProfile{Methods: map[string]int{}}
	out.Entity = c.entity[r]
	surf := map[string]int{}
	nb := map[string]*graph.Neighbor{}
	for _, m := range ms {
		p, err := s.Store.Entity(ctx, m, f)
		if err != nil {
			return nil, fmt.Errorf("member %s of %s: %w", m, r, err)
		}
		out.Articles += p.Articles
		out.Mentions += p.Mentions
		out.First, out.Last = widen(out.First, out.Last, p.First, p.Last)
		for k, v := range p.Methods {
			out.Methods[k] += v
		}
		for _, sc := range p.Surfaces {
			surf[sc.Surface] += sc.Count
		}
		for _, n := range p.Neighbors {
			nr := c.Rep(n.ID)
			if nr == r {
				continue
			}
			if x, ok := nb[nr]; ok {
				x.Articles += n.Articles
				continue
			}
			n.ID = nr
			if e, ok := c.entity[nr]; ok {
				n.Type, n.Name, n.NameAr = e.Type, e.Name, e.NameAr
			}
			nb[nr] = &n
		}
	}
	// Articles: each once, however many members it names.
	arts, err := s.Mentions(ctx, r, f)
	if err != nil {
		return nil, err
	}
	out.Articles = len(arts)
	for k, v := range surf {
		out.Surfaces = append(out.Surfaces, graph.SurfaceCount{Surface: k, Count: v})
	}
	for _, n := range nb {
		out.Neighbors = append(out.Neighbors, *n)
	}
	graph.SortProfile(out)
	return out, nil
}

var _ graph.NeighborhoodReader = (*Store)(nil)

// Neighborhood is the wrapped store's neighbourhood of every member of
// ids' clusters, merged (Clustering.Apply), with the counts of the
// neighbours' clusters completed from their other members (EntitiesOf).
// A wrapped store that reads no neighbourhood gives the part of the whole
// merged projection around ids (graph.Around).
func (s *Store) Neighborhood(ctx context.Context, ids []string, f graph.Filter) (*graph.Projection, error) {
	nr, ok := s.Store.(graph.NeighborhoodReader)
	if !ok {
		p, err := s.Projection(ctx, f)
		if err != nil {
			return nil, err
		}
		return graph.Around(p, ids), nil
	}
	c, err := s.Clustering(ctx)
	if err != nil {
		return nil, err
	}
	members := c.membersOf(ids)
	p, err := nr.Neighborhood(ctx, members, f)
	if err != nil {
		return nil, err
	}
	have := make(map[string]bool, len(p.Entities))
	for _, e := range p.Entities {
		have[e.ID] = true
	}
	var missing []string
	for _, e := range p.Entities {
		for _, m := range c.Members(e.ID) {
			if !have[m] {
				have[m] = true
				missing = append(missing, m)
			}
		}
	}
	if len(missing) > 0 {
		more, err := nr.EntitiesOf(ctx, missing, f)
		if err != nil {
			return nil, err
		}
		p.Entities = append(p.Entities, more...)
		sort.Slice(p.Entities, func(i, j int) bool { return p.Entities[i].ID < p.Entities[j].ID })
	}
	return c.Apply(p), nil
}

// Links is the wrapped store's Links of every member of ids' clusters,
// merged (Clustering.Apply): the clusters of ids carry their members'
// counts summed, the others none, as graph.NeighborhoodReader's Links
// says.
func (s *Store) Links(ctx context.Context, ids []string, f graph.Filter) (*graph.Projection, error) {
	c, err := s.Clustering(ctx)
	if err != nil {
		return nil, err
	}
	nr, ok := s.Store.(graph.NeighborhoodReader)
	if !ok {
		p, err := s.Neighborhood(ctx, ids, f)
		if err != nil {
			return nil, err
		}
		// The merged projection knows ids by their representatives.
		reps := make([]string, len(ids))
		for i, id := range ids {
			reps[i] = c.Rep(id)
		}
		return graph.Uncounted(p, reps), nil
	}
	p, err := nr.Links(ctx, c.membersOf(ids), f)
	if err != nil {
		return nil, err
	}
	return c.Apply(p), nil
}

// EntitiesOf returns the merged entities of ids' clusters, each once by
// its representative's ID, with counts summed over all its members.
func (s *Store) EntitiesOf(ctx context.Context, ids []string, f graph.Filter) ([]graph.ProjectedEntity, error) {
	nr, ok := s.Store.(graph.NeighborhoodReader)
	if !ok {
		p, err := s.Projection(ctx, f)
		if err != nil {
			return nil, err
		}
		return graph.Around(&graph.Projection{Entities: p.Entities}, ids).Entities, nil
	}
	c, err := s.Clustering(ctx)
	if err != nil {
		return nil, err
	}
	members := c.membersOf(ids)
	ents, err := nr.EntitiesOf(ctx, members, f)
	if err != nil {
		return nil, err
	}
	return c.Apply(&graph.Projection{Entities: ents}).Entities, nil
}

var _ graph.ArticleCounter = (*Store)(nil)

// CountArticles is the wrapped store's (graph.ArticleCounter), or its
// Stats where it has none: clustering changes no article.
func (s *Store) CountArticles(ctx context.Context, f graph.Filter) (*graph.Stats, error) {
	if ac, ok := s.Store.(graph.ArticleCounter); ok {
		return ac.CountArticles(ctx, f)
	}
	return s.Store.Stats(ctx, f)
}

// Unwrap returns the wrapped store.
func (s *Store) Unwrap() graph.Store { return s.Store }

// Scope names what the store's reads depend on beyond the wrapped store's
// state: the clustering rules and opts.Fingerprint. A value derived from
// its reads and cached by the wrapped store's generation must be keyed by
// it as well.
func (s *Store) Scope() string { return "cluster/" + RulesVersion + "/" + s.opts.Fingerprint }

// membersOf returns the members of ids' clusters, cluster by cluster.
func (c *Clustering) membersOf(ids []string) []string {
	var members []string
	for _, id := range ids {
		members = append(members, c.Members(id)...)
	}
	return members
}
