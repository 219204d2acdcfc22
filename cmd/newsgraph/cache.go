package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/cluster"
)

// cacheVersion is bumped whenever what a cached result holds, or how it is
// computed, changes: results cached by an older build are then not read.
const cacheVersion = "3"

// cached returns the result compute gives for the whole-graph question
// named by what and params (every option the answer depends on), from the
// store's cache of derived values when it holds one made at its current
// write generation (cluster.Deriver: SQLite and Neo4j), else by computing it and
// caching it for the next command. The key also holds the cache version,
// this build's version and the clustering's scope, so that no answer made
// under other rules is read. Stores that keep no derived values, and
// errors of the cache itself, make it compute every time: a cache is never
// a source of truth.
func cached[T any](ctx context.Context, store graph.Store, what string, params any, compute func() (T, error)) (T, error) {
	scope := "plain"
	inner := store
	if c, ok := store.(*cluster.Store); ok {
		scope, inner = c.Scope(), c.Unwrap()
	}
	d, ok := inner.(cluster.Deriver)
	if !ok {
		return compute()
	}
	b, err := json.Marshal(params)
	if err != nil {
		return compute()
	}
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%s\x00%s", cacheVersion, appVersion(), scope, b))
	key := what + "/" + hex.EncodeToString(sum[:12])
	if v, ok, err := d.Derived(ctx, key); err == nil && ok {
		var out T
		if json.Unmarshal(v, &out) == nil {
			return out, nil
		}
	}
	gen, err := d.Generation(ctx)
	out, cerr := compute()
	if cerr != nil || err != nil {
		return out, cerr
	}
	if v, err := json.Marshal(out); err == nil {
		_ = d.SetDerived(ctx, key, gen, v) // a cache: a store that cannot take it keeps none
	}
	return out, nil
}
