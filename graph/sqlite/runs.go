package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// Inputs implements graph.InputLister.
func (s *Store) Inputs(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, input FROM articles`)
	if err != nil {
		return nil, fmt.Errorf("read article inputs: %w", err)
	}
	defer rows.Close()
	inputs := make(map[string]string)
	for rows.Next() {
		var id, input string
		if err := rows.Scan(&id, &input); err != nil {
			return nil, fmt.Errorf("read article inputs: %w", err)
		}
		inputs[id] = input
	}
	return inputs, rows.Err()
}

// ArticleIndex implements graph.ArticleIndexer: one scan of the articles
// table.
func (s *Store) ArticleIndex(ctx context.Context, visit func(id, hash, input, text string)) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, hash, input, text FROM articles`)
	if err != nil {
		return fmt.Errorf("read stored articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, hash, input, text string
		if err := rows.Scan(&id, &hash, &input, &text); err != nil {
			return fmt.Errorf("read stored articles: %w", err)
		}
		visit(id, hash, input, text)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read stored articles: %w", err)
	}
	return nil
}

// Texts implements graph.TextLister.
func (s *Store) Texts(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, text FROM articles WHERE text <> ''`)
	if err != nil {
		return nil, fmt.Errorf("read article texts: %w", err)
	}
	defer rows.Close()
	texts := make(map[string]string)
	for rows.Next() {
		var id, text string
		if err := rows.Scan(&id, &text); err != nil {
			return nil, fmt.Errorf("read article texts: %w", err)
		}
		texts[id] = text
	}
	return texts, rows.Err()
}

// StartRun implements graph.RunLog.
func (s *Store) StartRun(ctx context.Context, r graph.Run) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record run: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE runs SET status = ? WHERE status = ?`, graph.RunAbandoned, graph.RunRunning); err != nil {
		return fmt.Errorf("record run: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO runs (id, started, status, inputs, version, owner) VALUES (?, ?, ?, ?, ?, ?)`,
		r.ID, formatRunTime(r.Started), graph.RunRunning, mustJSON(r.Inputs), r.Version, r.Owner); err != nil {
		return fmt.Errorf("record run %s: %w", r.ID, err)
	}
	return tx.Commit()
}

// FinishRun implements graph.RunLog.
func (s *Store) FinishRun(ctx context.Context, r graph.Run) error {
	_, err := s.db.ExecContext(ctx, `UPDATE runs SET finished = ?, status = ?, read = ?, new = ?, changed = ?, unchanged = ?,
		removed = ?, failed = ?, errors = ? WHERE id = ?`,
		formatRunTime(r.Finished), r.Status, r.Read, r.New, r.Changed, r.Unchanged, r.Removed, r.Failed, mustJSON(r.Errors), r.ID)
	if err != nil {
		return fmt.Errorf("record the end of run %s: %w", r.ID, err)
	}
	return nil
}

// ProgressRun implements graph.RunProgressor.
func (s *Store) ProgressRun(ctx context.Context, r graph.Run) error {
	_, err := s.db.ExecContext(ctx, `UPDATE runs SET read = ?, new = ?, changed = ?, unchanged = ?, failed = ?
		WHERE id = ? AND status = ?`, r.Read, r.New, r.Changed, r.Unchanged, r.Failed, r.ID, graph.RunRunning)
	if err != nil {
		return fmt.Errorf("record the progress of run %s: %w", r.ID, err)
	}
	return nil
}

// Runs implements graph.RunLog.
func (s *Store) Runs(ctx context.Context, limit int) ([]graph.Run, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, started, finished, status, inputs, version, owner,
		read, new, changed, unchanged, removed, failed, errors FROM runs ORDER BY started DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("read runs: %w", err)
	}
	defer rows.Close()
	runs := []graph.Run{}
	for rows.Next() {
		var r graph.Run
		var started string
		var finished sql.NullString
		var inputs, errs string
		if err := rows.Scan(&r.ID, &started, &finished, &r.Status, &inputs, &r.Version, &r.Owner,
			&r.Read, &r.New, &r.Changed, &r.Unchanged, &r.Removed, &r.Failed, &errs); err != nil {
			return nil, fmt.Errorf("read runs: %w", err)
		}
		r.Started = parseRunTime(sql.NullString{String: started, Valid: true})
		r.Finished = parseRunTime(finished)
		if err := json.Unmarshal([]byte(inputs), &r.Inputs); err != nil {
			return nil, fmt.Errorf("read run %s: inputs: %w", r.ID, err)
		}
		if err := json.Unmarshal([]byte(errs), &r.Errors); err != nil {
			return nil, fmt.Errorf("read run %s: errors: %w", r.ID, err)
		}
		runs = append(runs, r)
	}
	return runs, rows.Err()
}

// runTimeLayout keeps sub-second precision at a fixed width, so that runs
// started in the same second sort as text (formatTime, for article dates,
// has seconds only).
const runTimeLayout = "2006-01-02T15:04:05.000000000Z"

func formatRunTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(runTimeLayout)
}

func parseRunTime(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	t, err := time.Parse(runTimeLayout, s.String)
	if err != nil {
		return time.Time{}
	}
	return t
}
