package query

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Narrowing is what the command line narrows a projection by after the
// store has built it: properties the stores need not know, applied the same
// way to every backend's projection.
type Narrowing struct {
	// Kinds keeps entities of these kinds only ("armed faction",
	// "country"), compared ignoring case and surrounding space; edges
	// touching a dropped entity go with it. Empty keeps every kind.
	Kinds []string
	// MinWeight drops edges backed by fewer articles. Entities stay, even
	// when none of their edges does.
	MinWeight int
}

// IsZero reports whether n narrows nothing.
func (n Narrowing) IsZero() bool { return len(n.Kinds) == 0 && n.MinWeight <= 1 }

// KindMatches reports whether an entity of this kind passes n.Kinds.
func (n Narrowing) KindMatches(kind string) bool {
	if len(n.Kinds) == 0 {
		return true
	}
	kind = strings.TrimSpace(kind)
	for _, k := range n.Kinds {
		if strings.EqualFold(strings.TrimSpace(k), kind) {
			return true
		}
	}
	return false
}

// Narrow returns the part of p that passes n, in p's order. p is not
// changed; when n narrows nothing, p itself is returned.
//
// Narrowing by kind after the store has built the projection gives what a
// store-side filter would: an entity's counts do not depend on the other
// entities, nor an edge's on any entity but its ends.
func Narrow(p *graph.Projection, n Narrowing) *graph.Projection {
	if n.IsZero() {
		return p
	}
	out := &graph.Projection{Entities: make([]graph.ProjectedEntity, 0, len(p.Entities))}
	kept := make(map[string]bool, len(p.Entities))
	for _, e := range p.Entities {
		if n.KindMatches(e.Kind) {
			out.Entities = append(out.Entities, e)
			kept[e.ID] = true
		}
	}
	for _, e := range p.Edges {
		if kept[e.A] && kept[e.B] && e.Articles >= n.MinWeight {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}
