package main

import (
	"context"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// backends lists the stores this build can open, in the order Open tries
// them.
func backends() []graph.Backend {
	return []graph.Backend{sqlite.Backend()}
}

func openStore(ctx context.Context, g globalOptions) (graph.Store, error) {
	return graph.Open(ctx, g.store, backends())
}
