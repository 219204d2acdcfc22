package main

import (
	"context"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// backends lists the stores this build can open; graph.Open picks one by
// the location's scheme.
func backends(g globalOptions) []graph.Backend {
	return []graph.Backend{
		sqlite.Backend(),
		neo4j.Backend(neo4j.Config{Username: g.neo4jUser, Password: g.neo4jPassword, Database: g.neo4jDatabase}),
	}
}

func openStore(ctx context.Context, g globalOptions) (graph.Store, error) {
	return graph.Open(ctx, g.store, backends(g))
}
