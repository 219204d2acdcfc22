package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/cluster"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/graph/translit"
	"github.com/newsgraph/newsgraph/ingest/extract"
)

// backends lists the stores this build can open; graph.Open picks one by
// the location's scheme.
func backends(g globalOptions) []graph.Backend {
	return []graph.Backend{
		sqlite.Backend(),
		neo4j.Backend(neo4j.Config{Username: g.neo4jUser, Password: g.neo4jPassword, Database: g.neo4jDatabase}),
	}
}

// openStore opens the store g names. An SQLite file must exist already:
// a mistyped --store is an error wrapping errNoStore, not a new, empty
// graph that answers every query with nothing. It is opened read-only:
// queries work on a store they cannot write.
func openStore(ctx context.Context, g globalOptions) (graph.Store, error) {
	if err := storeExists(g.store); err != nil {
		return nil, err
	}
	s, err := graph.OpenReadOnly(ctx, g.store, backends(g))
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(g.store); err == nil && fi.Size() > quickCheckQueryBytes {
		return s, nil // see quickCheckQueryBytes
	}
	return s, quickCheck(ctx, s)
}

// quickCheckQueryBytes is the largest store file a command that only reads
// quick-checks when it opens it. PRAGMA quick_check reads the whole file:
// 2.1–2.8 ms a MB with the pure-Go SQLite this build uses (0.45–0.6 s for
// the 214 MB store of 10,000 synthetic articles, 2026-11-30), so about 0.3 s
// at this size, which a one-actor query (0.1–0.2 s without it) should not
// pay each time; ingest and schedule, which would spread a corruption, and
// check always check. (It was 256 MiB until the aggregates shrank the
// stores: the 10k store fell below it and its queries each took 0.6 s
// longer.)
const quickCheckQueryBytes = 128 << 20

// quickCheck runs s's quick check (graph.QuickChecker), closing s when it
// fails: every command but check refuses a store that fails it, as it may
// give wrong answers without an error.
func quickCheck(ctx context.Context, s graph.Store) error {
	if err := checkStore(ctx, s); err != nil {
		s.Close()
		return err
	}
	return nil
}

// checkStore runs s's quick check (graph.QuickChecker), if it has one, and
// says what to do when it fails.
func checkStore(ctx context.Context, s graph.Store) error {
	qc, ok := s.(graph.QuickChecker)
	if !ok {
		return nil
	}
	if err := qc.QuickCheck(ctx); err != nil {
		if errors.Is(err, graph.ErrCorrupt) {
			return fmt.Errorf("%w; newsgraph check lists its problems: restore the store from a backup or ingest again into a new one", err)
		}
		return err
	}
	return nil
}

// openStoreUnchecked is openStore without the quick check, for check
// itself.
func openStoreUnchecked(ctx context.Context, g globalOptions) (graph.Store, error) {
	if err := storeExists(g.store); err != nil {
		return nil, err
	}
	return graph.OpenReadOnly(ctx, g.store, backends(g))
}

// openStoreForRepair opens an existing store for writing, without the
// quick check: check --repair, which must write what it recomputes.
func openStoreForRepair(ctx context.Context, g globalOptions) (graph.Store, error) {
	if err := storeExists(g.store); err != nil {
		return nil, err
	}
	return graph.Open(ctx, g.store, backends(g))
}

// openReadStore is openStore for the commands that read the graph: unless
// g.noCluster, its reads see the clusters of graph/cluster (one actor's
// made IDs across articles) as single nodes. The stored IDs are untouched.
func openReadStore(ctx context.Context, g globalOptions) (graph.Store, error) {
	s, err := openStore(ctx, g)
	if err != nil || g.noCluster {
		return s, err
	}
	return cluster.Wrap(s, clusterOptions()), nil
}

// Both stores list their entities without edges, so clustering reads no
// co-mention self-join.
var (
	_ cluster.EntityLister = (*sqlite.Store)(nil)
	_ cluster.EntityLister = (*neo4j.Store)(nil)
	// Both keep derived values by write generation: the clustering and
	// the cached whole-graph answers (cached).
	_ cluster.Deriver = (*sqlite.Store)(nil)
	_ cluster.Deriver = (*neo4j.Store)(nil)
)

// clusterOptions are the options clustering runs with: extraction's
// first names as the evidence beyond the store's own, and the
// transliteration model (graph/translit) linking an Arabic and a Latin
// made ID at translit.Confident when each is the other's best candidate.
func clusterOptions() cluster.Options {

	return cluster.Options{
		FirstName:     extract.FirstName,
		HeadNoun:      extract.HeadNoun,
		Linker:        translit.NewLinker(translit.Default()),
		LinkThreshold: translit.Confident,
		Fingerprint:   "extractor-" + extract.Version() + "/translit-" + translit.DefaultDigest(),
	}
}

// createStore opens the store g names as ingest does, creating an SQLite
// file that does not exist yet; created, when set, is told its path then.
// It does not quick-check the store: ingestOnce has ingest.Run do that
// beside its reading, before anything is written.
func createStore(ctx context.Context, g globalOptions, created func(path string)) (graph.Store, error) {
	missing := errors.Is(storeExists(g.store), errNoStore)
	s, err := graph.Open(ctx, g.store, backends(g))
	if err != nil {
		return nil, err
	}
	if missing && created != nil {
		created(g.store)
	}
	return s, nil
}

// storeExists returns an error wrapping errNoStore when location is a file
// path where nothing exists, naming the *.db files of that folder whose
// names are close to it.
func storeExists(location string) error {
	if graph.Scheme(location) != "" {
		return nil // a server says for itself
	}
	_, err := os.Stat(location)
	if !errors.Is(err, fs.ErrNotExist) {
		return nil // there, or unreadable: opening says why
	}
	msg := fmt.Sprintf("store %s does not exist (newsgraph ingest creates one)", location)
	dir, base := filepath.Split(location)
	if dir == "" {
		dir = "."
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "*.db")); len(matches) > 0 {
		names := make([]string, len(matches))
		for i, m := range matches {
			names[i] = filepath.Base(m)
		}
		if sug := closest(base, names); len(sug) > 0 {
			for i, s := range sug {
				sug[i] = filepath.Join(filepath.Dir(location), s)
			}
			msg += "; did you mean " + strings.Join(sug, " or ") + "?"
		}
	}
	return wrapMsg(msg, errNoStore)
}
