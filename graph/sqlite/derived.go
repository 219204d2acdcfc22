package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// derivedPrefix marks the meta rows that hold derived values (see Derived).
const derivedPrefix = "derived:"

// derivedRow is a meta row holding a derived value and the generation it
// was derived at.
type derivedRow struct {
	Generation string
	Value      json.RawMessage
}

// Derived returns the value SetDerived stored under key, and true, when no
// write has changed the store since (the store's generation, which every
// Apply and Delete bumps, is the one it was stored at); else nil and false.
// It serves values a reader derives from the whole store at a cost worth
// saving between commands (graph/cluster's clustering), the way Size
// caches its count: derived, never a source of truth, and ignored once
// stale.
func (s *Store) Derived(ctx context.Context, key string) ([]byte, bool, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, false, fmt.Errorf("read derived %s: %w", key, err)
	}
	defer tx.Rollback() // read only
	var gen string
	var row sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT value FROM meta WHERE key = 'generation'), '0'),
		(SELECT value FROM meta WHERE key = ?)`, derivedPrefix+key).Scan(&gen, &row); err != nil {
		return nil, false, fmt.Errorf("read derived %s: %w", key, err)
	}
	var d derivedRow
	if !row.Valid || json.Unmarshal([]byte(row.String), &d) != nil || d.Generation != gen {
		return nil, false, nil
	}
	return d.Value, true, nil
}

// SetDerived stores value, a JSON document, under key with the store's
// current generation, replacing what key held. derived is the value as of
// generation gen, which the caller read with Generation before deriving
// it: if a write has bumped the generation since, the value is stale and
// is not stored. On a store opened read-only (OpenReadOnly) it writes
// through a connection of its own, and fails where the file or its folder
// cannot be written; callers that only cache may ignore that.
func (s *Store) SetDerived(ctx context.Context, key, gen string, value []byte) error {
	if !json.Valid(value) {
		return errors.New("store derived " + key + ": value is not JSON")
	}
	row, err := json.Marshal(derivedRow{Generation: gen, Value: value})
	if err != nil {
		return fmt.Errorf("store derived %s: %w", key, err)
	}
	db := s.db
	if s.readOnly {
		// A query's store is read-only so that it works on files it cannot
		// write; where it can, the cache is still worth keeping.
		if db, err = sql.Open("sqlite", fileDSN(s.path, "_pragma=busy_timeout(2000)")); err != nil {
			return fmt.Errorf("store derived %s: %w", key, err)
		}
		defer db.Close()
	}
	// Values of earlier generations are never read again: drop them, so
	// that the cache holds one generation's values at most.
	if _, err := db.ExecContext(ctx, `DELETE FROM meta WHERE key >= ? AND key < ?
		AND json_valid(value) AND json_extract(value, '$.Generation') <> ?`, derivedPrefix, derivedPrefix+"\U0010FFFF", gen); err != nil {
		return fmt.Errorf("store derived %s: %w", key, err)
	}
	// Only at generation gen: a write since makes the value stale.
	_, err = db.ExecContext(ctx, `INSERT INTO meta (key, value)
		SELECT ?, ? WHERE coalesce((SELECT value FROM meta WHERE key = 'generation'), '0') = ?
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, derivedPrefix+key, string(row), gen)
	if err != nil {
		return fmt.Errorf("store derived %s: %w", key, err)
	}
	return nil
}

// Generation returns the store's write generation: a string that changes
// with every Apply and Delete.
func (s *Store) Generation(ctx context.Context) (string, error) {
	var gen string
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT value FROM meta WHERE key = 'generation'), '0')`).Scan(&gen); err != nil {
		return "", fmt.Errorf("read the store's generation: %w", err)
	}
	return gen, nil
}
