package neo4j

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The store's write generation and its derived values, as graph/sqlite
// keeps them in its meta table: a (:NewsgraphMeta {key: 'generation'})
// node whose value every Apply, Delete and Repair bumps in its own
// transaction, and one (:NewsgraphDerived {key}) node per value, holding
// the JSON and the generation it was derived at. Commands cache there what
// they compute from the whole graph (the clustering of graph/cluster,
// centrality tables, ...), which would otherwise cost every command the
// read of every entity or edge over Bolt.

const generationKey = "generation"

// qBumpGeneration counts a write, in its transaction.
const qBumpGeneration = `MERGE (g:NewsgraphMeta {key: $key}) SET g.value = coalesce(g.value, 0) + 1`

func bumpGeneration(ctx context.Context, tx driver.ManagedTransaction) error {
	if _, err := run(ctx, tx, qBumpGeneration, map[string]any{"key": generationKey}); err != nil {
		return fmt.Errorf("count the write: %w", err)
	}
	return nil
}

// Generation returns the store's write generation: a string that changes
// with every Apply, Delete and Repair.
func (s *Store) Generation(ctx context.Context) (string, error) {
	recs, err := s.read(ctx, `OPTIONAL MATCH (g:NewsgraphMeta {key: $key}) RETURN coalesce(g.value, 0) AS value`, map[string]any{"key": generationKey})
	if err != nil {
		return "", fmt.Errorf("read the store's generation: %w", err)
	}
	if len(recs) != 1 {
		return "0", nil
	}
	return strconv.FormatInt(num(recs[0], "value"), 10), nil
}

// Derived returns the value SetDerived stored under key, and true, when no
// write has changed the store since; else nil and false.
func (s *Store) Derived(ctx context.Context, key string) ([]byte, bool, error) {
	recs, err := s.read(ctx, `OPTIONAL MATCH (g:NewsgraphMeta {key: $gkey})
OPTIONAL MATCH (d:NewsgraphDerived {key: $key})
RETURN coalesce(g.value, 0) AS generation, d.generation AS derivedAt, d.value AS value`, map[string]any{"gkey": generationKey, "key": key})
	if err != nil {
		return nil, false, fmt.Errorf("read derived %s: %w", key, err)
	}
	if len(recs) != 1 || str(recs[0], "derivedAt") != strconv.FormatInt(num(recs[0], "generation"), 10) {
		return nil, false, nil
	}
	return []byte(str(recs[0], "value")), true, nil
}

// SetDerived stores value, a JSON document, under key as derived at
// generation gen (read with Generation before deriving it), unless a write
// has bumped the generation since; values of earlier generations go.
func (s *Store) SetDerived(ctx context.Context, key, gen string, value []byte) error {
	if !json.Valid(value) {
		return errors.New("store derived " + key + ": value is not JSON")
	}
	err := s.write(ctx, func(tx driver.ManagedTransaction) error {
		recs, err := run(ctx, tx, `OPTIONAL MATCH (g:NewsgraphMeta {key: $gkey}) RETURN coalesce(g.value, 0) AS generation`,
			map[string]any{"gkey": generationKey})
		if err != nil || len(recs) != 1 || strconv.FormatInt(num(recs[0], "generation"), 10) != gen {
			return err // stale, or no answer: keep nothing
		}
		if _, err := run(ctx, tx, `MATCH (d:NewsgraphDerived) WHERE d.generation <> $gen DELETE d`, map[string]any{"gen": gen}); err != nil {
			return err
		}
		_, err = run(ctx, tx, `MERGE (d:NewsgraphDerived {key: $key}) SET d.generation = $gen, d.value = $value`,
			map[string]any{"key": key, "gen": gen, "value": string(value)})
		return err
	})
	if err != nil {
		return fmt.Errorf("store derived %s: %w", key, err)
	}
	return nil
}
