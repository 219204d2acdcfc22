package steps

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/cmd/benchreport/report"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// SQLiteOptions says what SQLite measures.
type SQLiteOptions struct {
	Bin     string   // the newsgraph binary
	Corpus  []string // inputs, as newsgraph ingest takes them
	Dir     string   // scratch folder for stores and the dump (emptied first)
	SQLite3 string   // the sqlite3 command line shell; "" is "sqlite3"
	Out     io.Writer
}

// Bench names and systems of SQLite; the limits table of cmd/benchreport
// names them too.
const (
	SQLiteBench    = "sqlite-ingest"
	SQLiteIngest   = "newsgraph ingest (first, fresh store)"
	SQLiteReingest = "newsgraph re-ingest (unchanged)"
	SQLiteBulk     = "sqlite3 shell: .dump of the same rows loaded"
	PythonBulk     = "Python sqlite3: executemany of the same rows"
	ReadHash       = "read + decode + hash (Go)"
)

// SQLite measures, after one untimed warm-up of each: the first ingest of
// opts.Corpus into a fresh store, its unchanged re-ingest, the bulk insert
// of the rows it stored, and read + decode + hash of the corpus. It prints a
// record for each to opts.Out, the ingest the bench's baseline.
func SQLite(ctx context.Context, opts SQLiteOptions) error {
	if opts.SQLite3 == "" {
		opts.SQLite3 = "sqlite3"
	}
	if _, err := exec.LookPath(opts.SQLite3); err != nil {
		return emitSkips(opts.Out, SQLiteBench, fmt.Sprintf("no sqlite3 command line shell (%v)", err), SQLiteIngest, SQLiteReingest, SQLiteBulk, ReadHash)
	}
	if err := os.RemoveAll(opts.Dir); err != nil {
		return err
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return err
	}
	defer os.RemoveAll(opts.Dir)
	ingest := func(store string) (Figures, error) {
		f, err := Measure(ctx, "", nil, opts.Bin, append([]string{"--store", store, "ingest", "--quiet"}, opts.Corpus...)...)
		return partialOK(f, err)
	}

	// Warm-up: an ingest into a fresh store and a re-ingest of it, which
	// also brings the corpus and the binary into the page cache.
	warm := filepath.Join(opts.Dir, "warm.db")
	if _, err := ingest(warm); err != nil {
		return fmt.Errorf("warm-up ingest: %w", err)
	}
	if _, err := ingest(warm); err != nil {
		return fmt.Errorf("warm-up re-ingest: %w", err)
	}

	store := filepath.Join(opts.Dir, "store.db")
	first, err := ingest(store)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	again, err := ingest(store)
	if err != nil {
		return fmt.Errorf("re-ingest: %w", err)
	}
	articles, err := sqliteCount(ctx, opts.SQLite3, store, "SELECT count(*) FROM articles")
	if err != nil {
		return err
	}
	size := fileSize(store) + fileSize(store+"-wal")
	if err := emit(opts.Out, report.Record{Bench: SQLiteBench, System: SQLiteIngest, Baseline: true,
		WallS: first.WallS, CPUS: first.CPUS, N: float64(articles), Unit: "articles", PeakRSSMB: mb(first.MaxRSSKiB),
		Note: fmt.Sprintf("the newsgraph binary as a child process, process start included; store %.0f MB with its WAL", float64(size)/(1<<20))}); err != nil {
		return err
	}
	if err := emit(opts.Out, report.Record{Bench: SQLiteBench, System: SQLiteReingest,
		WallS: again.WallS, CPUS: again.CPUS, N: float64(articles), Unit: "articles", PeakRSSMB: mb(again.MaxRSSKiB),
		Note: "the same corpus into the same store: every article's fingerprint matches, nothing is written"}); err != nil {
		return err
	}

	// The anchor: the rows the ingest stored, as the sqlite3 shell's
	// INSERT statements, loaded in one transaction into an empty file
	// with the store's schema and pragmas.
	schema, err := storeSchema(ctx, opts.SQLite3, store)
	if err != nil {
		return err
	}
	bulk, err := bulkInsert(ctx, opts, store, schema)
	if err != nil {
		return err
	}
	if err := emit(opts.Out, bulk); err != nil {
		return err
	}
	if py, err := pythonBulk(ctx, opts, store, schema); err != nil {
		if err := emit(opts.Out, report.Record{Bench: SQLiteBench, System: PythonBulk, Skip: err.Error()}); err != nil {
			return err
		}
	} else if err := emit(opts.Out, py); err != nil {
		return err
	}

	hash, err := readDecodeHash(ctx, opts.Corpus)
	if err != nil {
		return err
	}
	return emit(opts.Out, hash)
}

// storeSchema returns the SQL that makes an empty store like the one at
// store: its schema, user_version and journal mode.
func storeSchema(ctx context.Context, sqlite3, store string) (string, error) {
	var schema bytes.Buffer
	cmd := exec.CommandContext(ctx, sqlite3, store, ".schema")
	cmd.Stdout, cmd.Stderr = &schema, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("sqlite3 %s .schema: %w", store, err)
	}
	if err := exec.CommandContext(ctx, sqlite3, store, "PRAGMA wal_checkpoint(TRUNCATE)").Run(); err != nil {
		return "", fmt.Errorf("sqlite3 %s: checkpoint: %w", store, err)
	}
	version, err := sqliteCount(ctx, sqlite3, store, "PRAGMA user_version")
	if err != nil {
		return "", err
	}
	return schema.String() + fmt.Sprintf("\nPRAGMA user_version=%d;\nPRAGMA journal_mode=WAL;\n", version), nil
}

// emptyStore makes the store dir/name from schema.
func emptyStore(ctx context.Context, sqlite3, dir, name, schema string) (string, error) {
	path := filepath.Join(dir, name)
	cmd := exec.CommandContext(ctx, sqlite3, path)
	cmd.Stdin = strings.NewReader(schema)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("sqlite3 %s: the schema: %w", path, err)
	}
	return path, nil
}

func bulkInsert(ctx context.Context, opts SQLiteOptions, store, schema string) (report.Record, error) {
	rec := report.Record{Bench: SQLiteBench, System: SQLiteBulk}
	load := filepath.Join(opts.Dir, "load.sql")
	f, err := os.Create(load)
	if err != nil {
		return rec, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	// The pragmas newsgraph opens its store with (graph/sqlite.Open).
	fmt.Fprint(bw, "PRAGMA busy_timeout=10000;\nPRAGMA journal_mode=WAL;\nPRAGMA foreign_keys=1;\nPRAGMA synchronous=NORMAL;\nPRAGMA cache_size=-8192;\nBEGIN;\n")
	dump := exec.CommandContext(ctx, opts.SQLite3, store, ".dump --data-only")
	cw := &countWriter{w: bw}
	dump.Stdout, dump.Stderr = cw, os.Stderr
	if err := dump.Run(); err != nil {
		f.Close()
		return rec, fmt.Errorf("sqlite3 %s .dump --data-only: %w", store, err)
	}
	fmt.Fprint(bw, "COMMIT;\n")
	if err := bw.Flush(); err != nil {
		f.Close()
		return rec, err
	}
	if err := f.Close(); err != nil {
		return rec, err
	}
	var fig Figures
	for _, name := range []string{"bulk-warm.db", "bulk.db"} { // the first is the warm-up
		path, err := emptyStore(ctx, opts.SQLite3, opts.Dir, name, schema)
		if err != nil {
			return rec, err
		}
		if fig, err = Measure(ctx, load, nil, opts.SQLite3, "-bail", path); err != nil {
			return rec, fmt.Errorf("bulk insert: %w", err)
		}
	}
	rec.WallS, rec.CPUS, rec.PeakRSSMB = fig.WallS, fig.CPUS, mb(fig.MaxRSSKiB)
	rec.N, rec.Unit = float64(cw.lines), "rows"
	out, _ := exec.CommandContext(ctx, opts.SQLite3, "-version").Output()
	ver, _, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	rec.Note = fmt.Sprintf("sqlite3 %s reading the ingested store's `.dump --data-only` (%d INSERT statements, every table, %.0f MB of SQL) in one transaction into an empty file with its schema and pragmas (WAL, synchronous NORMAL, foreign keys on); the schema and the dump are not timed",
		ver, cw.lines, float64(cw.n)/(1<<20))
	return rec, nil
}

//go:embed bulk_insert.py
var bulkInsertPy []byte

// pythonBulk runs bulk_insert.py (python3's sqlite3 module): the rows of
// store, read untimed, inserted by one prepared statement per table in one
// transaction into an empty store with its schema; once untimed, once
// timed. Wall and CPU seconds are the insert's and commit's alone, as the
// script measures them; peak RSS the script's, the rows in memory.
func pythonBulk(ctx context.Context, opts SQLiteOptions, store, schema string) (report.Record, error) {
	rec := report.Record{Bench: SQLiteBench, System: PythonBulk, Unit: "rows"}
	python, err := exec.LookPath("python3")
	if err != nil {
		return rec, fmt.Errorf("no python3 (%w)", err)
	}
	script := filepath.Join(opts.Dir, "bulk_insert.py")
	if err := os.WriteFile(script, bulkInsertPy, 0o644); err != nil {
		return rec, err
	}
	var got struct {
		Rows   int     `json:"rows"`
		WallS  float64 `json:"wall_s"`
		CPUS   float64 `json:"cpu_s"`
		SQLite string  `json:"sqlite"`
	}
	var fig Figures
	for _, name := range []string{"py-warm.db", "py.db"} { // the first is the warm-up
		path, err := emptyStore(ctx, opts.SQLite3, opts.Dir, name, schema)
		if err != nil {
			return rec, err
		}
		var out bytes.Buffer
		if fig, err = Measure(ctx, "", &out, python, script, store, path); err != nil {
			return rec, fmt.Errorf("python3 bulk_insert.py: %w", err)
		}
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			return rec, fmt.Errorf("python3 bulk_insert.py: %w", err)
		}
	}
	rec.WallS, rec.CPUS, rec.N, rec.PeakRSSMB = got.WallS, got.CPUS, float64(got.Rows), mb(fig.MaxRSSKiB)
	rec.Note = fmt.Sprintf("Python's sqlite3 module (SQLite %s): the rows, read before the clock starts, inserted by one prepared statement per table (executemany) in one transaction into an empty file with the store's schema and pragmas; the insert and commit are timed, in the script", got.SQLite)
	return rec, nil
}

// readDecodeHash reads opts.Corpus with ingest/read, as ingest does (JSON
// lines decoded in parallel over GOMAXPROCS workers), and hashes each
// article's content (Article.ContentHash, SHA-256), once untimed and once
// timed, in this process.
func readDecodeHash(ctx context.Context, corpus []string) (report.Record, error) {
	rec := report.Record{Bench: SQLiteBench, System: ReadHash, Unit: "articles"}
	run := func() (int, error) {
		n := 0
		var sink byte
		err := read.Read(ctx, corpus, read.ReadOptions{Problem: func(read.Problem) {}}, func(a read.Article) error {
			sink ^= a.ContentHash()[0]
			n++
			return nil
		})
		_ = sink
		return n, err
	}
	if _, err := run(); err != nil {
		return rec, fmt.Errorf("read + decode + hash: %w", err)
	}
	cpu0, start := selfCPU(), time.Now()
	n, err := run()
	rec.WallS, rec.CPUS = time.Since(start).Seconds(), selfCPU()-cpu0
	if err != nil {
		return rec, fmt.Errorf("read + decode + hash: %w", err)
	}
	rec.N = float64(n)
	rec.Note = "ingest/read over the corpus (its JSON lines decoded in parallel, as ingest reads them) and SHA-256 of each article's fields (read.Article.ContentHash), in the step's process: no extraction, no store"
	return rec, nil
}

func sqliteCount(ctx context.Context, sqlite3, db, query string) (int, error) {
	out, err := exec.CommandContext(ctx, sqlite3, "-readonly", db, query).Output()
	if err != nil {
		return 0, fmt.Errorf("sqlite3 %s %q: %w", db, query, err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		return 0, fmt.Errorf("sqlite3 %s %q: %w", db, query, err)
	}
	return n, nil
}

// countWriter counts the bytes and lines written through it.
type countWriter struct {
	w        io.Writer
	n, lines int
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	c.lines += bytes.Count(p[:n], []byte{'\n'})
	return n, err
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// emitSkips prints a skip line for each system of bench.
func emitSkips(w io.Writer, bench, reason string, systems ...string) error {
	for _, s := range systems {
		if err := emit(w, report.Record{Bench: bench, System: s, Skip: reason}); err != nil {
			return err
		}
	}
	return nil
}
