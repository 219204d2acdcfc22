package sqlite

import (
	"context"
	"database/sql"
	"strings"
)

// rowsPerStatement is how many rows one statement of a rowWriter writes:
// one call into SQLite per that many rows rather than per row. A call's
// fixed cost (binding, the driver's locking, the statement's start) was a
// fifth of an ingest's write stage when every row was a call of its own.
// 256 rows of at most 16 columns stay far below SQLite's limit of 32,766
// parameters a statement.
const rowsPerStatement = 256

// rowWriter runs one multi-row statement (INSERT … VALUES (…), (…) …) over
// rows of k values, rowsPerStatement rows a call, keeping each size it has
// prepared for the rest of its transaction. Rows are added with add and
// written by flush; the caller flushes before anything that must see them.
type rowWriter struct {
	tx    *sql.Tx
	query func(n int) string // the statement for n rows
	k     int                // values a row
	stmts map[int]*sql.Stmt
	args  []any
}

func newRowWriter(tx *sql.Tx, k int, query func(n int) string) *rowWriter {
	return &rowWriter{tx: tx, query: query, k: k, stmts: map[int]*sql.Stmt{}}
}

// insertRows is the query of a rowWriter for INSERT head VALUES rows tail.
func insertRows(head string, k int, tail string) func(n int) string {
	return func(n int) string { return head + " VALUES " + valueRows(n, k) + tail }
}

// add queues one row of w.k values, writing a full statement's worth.
func (w *rowWriter) add(ctx context.Context, row ...any) error {
	w.args = append(w.args, row...)
	if len(w.args) >= rowsPerStatement*w.k {
		return w.flush(ctx)
	}
	return nil
}

// flush writes the queued rows.
func (w *rowWriter) flush(ctx context.Context) error {
	rows := len(w.args) / w.k
	for start := 0; start < rows; start += rowsPerStatement {
		n := min(rowsPerStatement, rows-start)
		st := w.stmts[n]
		if st == nil {
			var err error
			if st, err = w.tx.PrepareContext(ctx, w.query(n)); err != nil {
				return err
			}
			w.stmts[n] = st
		}
		if _, err := st.ExecContext(ctx, w.args[start*w.k:(start+n)*w.k]...); err != nil {
			return err
		}
	}
	clear(w.args)
	w.args = w.args[:0]
	return nil
}

// close releases the prepared statements; queued rows are dropped.
func (w *rowWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// valueRows is n rows of k placeholders.
func valueRows(n, k int) string {
	row := "(" + placeholders(k) + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}
