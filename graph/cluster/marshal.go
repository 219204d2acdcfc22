package cluster

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// stored is a Clustering as a store keeps it (Deriver): the members of
// each merged cluster by representative, and the representatives'
// entities.
type stored struct {
	Members  map[string][]string     `json:"members"`
	Entities map[string]graph.Entity `json:"entities"`
	Hidden   []string                `json:"hidden"`
}

func (c *Clustering) marshal() ([]byte, error) {
	hidden := make([]string, 0, len(c.hidden))
	for id := range c.hidden {
		hidden = append(hidden, id)
	}
	sort.Strings(hidden)
	return json.Marshal(stored{Members: c.members, Entities: c.entity, Hidden: hidden})
}

func unmarshal(b []byte) (*Clustering, error) {
	var st stored
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, fmt.Errorf("stored clustering: %w", err)
	}
	c := &Clustering{rep: map[string]string{}, members: map[string][]string{}, entity: map[string]graph.Entity{}, hidden: map[string]bool{}}
	for _, id := range st.Hidden {
		c.hidden[id] = true
	}
	for r, ms := range st.Members {
		e, ok := st.Entities[r]
		if !ok {
			return nil, fmt.Errorf("stored clustering: no entity for %s", r)
		}
		c.members[r] = ms
		c.entity[r] = e
		for _, m := range ms {
			c.rep[m] = r
		}
	}
	return c, nil
}
