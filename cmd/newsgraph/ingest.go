package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/cluster"
	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
	"github.com/newsgraph/newsgraph/ingest/read"
)

type ingestOptions struct {
	globalOptions
	paths          []string
	lexicon        string // extra lexicon file, "" for the built-in one only
	read           read.ReadOptions
	batch, workers int
	maxEntities    int    // --max-entities
	indexMemory    int64  // --index-memory, bytes
	maxMentions    int    // --max-mentions
	errorsFile     string // "" for none
	quiet, json    bool
	prune, dryRun  bool
	warm           bool          // compute the default whole-graph answers after writing (warmQueries)
	lockTimeout    time.Duration // how long to wait for another writer
	lockLease      time.Duration // how long a crashed writer's Neo4j lock lasts
	checkEvery     time.Duration // --check-every: 0 checks the store every run (checkDue)
	// logProblem, when set, reports problems instead of the plain
	// "skipped: FILE:LINE: REASON" lines on stderr.
	logProblem     func(read.Problem)
	stdin          io.Reader
	stdout, stderr io.Writer
}

func ingestCommand() *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "read articles into the graph",
		ArgsUsage: "PATH|URL|- ...",
		Description: `Reads news articles from files, folders (walked recursively), http(s) URLs and standard
input (-), finds the actors they mention and writes them to the store. Inputs may be
gzipped. The format is told by the extension, else by the content, or forced with --format:

   text   .txt        one article: title on line 1, date on line 2 (optional), then the body
   jsonl  .jsonl      one JSON object a line
   json   .json       a JSON array of objects, or an API response holding one ({"articles": [...]})
   csv    .csv        a header row naming the columns; the delimiter (, ; tab |) is detected or
                      named with --delimiter (tsv: .tsv, tab-separated)
   feed   .rss .xml   an RSS 2.0 or Atom feed, one article per item
   html   .html       a saved article page: main text, title and date from its metadata

JSON and CSV fields are found under common names — id, url/link, source, title/headline,
date/published/publishedAt/pubDate, body/text/content, description/summary, lang, their Arabic
names (العنوان, النص …), and those of news APIs and JSON Feed — or named with --map, a key
inside a nested JSON object by its dotted path and an array element by its index:

   newsgraph ingest --map title=title_guess,date=date_guess corpus.jsonl
   newsgraph ingest --map body=fields.bodyText,title=headline.main,source=provider.0.name api.json
   newsgraph ingest --encoding windows-1252 --date-order mdy --map id=unit_id fakes.csv
   newsgraph ingest --delimiter ';' export.csv
   newsgraph ingest https://www.aljazeera.net/aljazeerarss/a7c186be-1baa-4bd4-9d80-a84db769f779/73d0e1b4-532f-45ef-b135-bfdff8b8cab9

Articles already in the store with the same content are skipped, so running ingest again on
a grown corpus only extracts what changed; an article whose content changed replaces its
earlier version; the same text under two IDs is stored once, in one run or across runs. An ID
read twice in one run with different content is a conflict: the later one is stored, and both
places are reported (and counted as skipped, the earlier version being lost).

Broken input — an unreadable file, invalid UTF-8, a malformed JSON line, a CSV row with the
wrong number of fields or a quote never closed (the rows after it are still read), an
over-long article, a decompression bomb, a feed that times out — is reported on stderr as
FILE:LINE: REASON and skipped; everything else is ingested.

Exit status: 0 every article was read — an input that holds none (an empty JSON-lines
file, a feed without items) is not an error, and ingest says on stderr that nothing was
ingested; 3 some input was skipped (listed): unreadable, a conflicting ID, or an article
the store rejected; 1 nothing could be read (no input named exists — then no store is
created — or every one failed), or the store failed.`,
		Flags:        ingestFlags(),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageErrorf("ingest needs at least one PATH, URL or - (a file or folder of articles)")
			}
			opts, err := parseIngestOptions(c)
			if err != nil {
				return err
			}
			return runIngest(c.Context, opts)
		},
	}
}

// ingestFlags are the flags of ingest, which schedule takes too.
func ingestFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Usage: "read every input as `FORMAT` (text, jsonl, json, csv, tsv, feed, html) instead of detecting it"},
		&cli.StringSliceFlag{Name: "map", Usage: "take article `FIELD=COLUMN` from that JSON key (a dotted path into nested objects: fields.bodyText, provider.0.name) or CSV column (fields: id, url, source, title, date, body, description, lang); repeatable or comma-separated"},
		&cli.StringFlag{Name: "delimiter", Usage: "separate CSV and TSV fields by `DELIM`: , ; tab (or \\t) or | (default: tab for .tsv; for .csv the one the header uses)"},
		&cli.StringFlag{Name: "lang", Usage: "set every article's language to `LANG` (e.g. ar, en) instead of detecting it from the script"},
		&cli.StringFlag{Name: "date-order", Usage: "read numeric dates as `ORDER`: dmy (the default, as in the Arab world), mdy (US: 4/5/17 is 5 April) or ymd; an explicit order also accepts two-digit years"},
		&cli.StringFlag{Name: "encoding", Usage: "character `ENCODING` of the inputs (e.g. windows-1256, windows-1252, iso-8859-6); default utf-8. Pages and feeds that declare their encoding (<meta charset>, the XML declaration, HTTP) are decoded by it instead"},
		&cli.StringFlag{Name: "lexicon", Usage: "extra actor lexicon `FILE` (JSON lines); its entries win over the built-in ones with the same id"},
		&cli.StringFlag{Name: "errors", Usage: "also write every problem to `FILE` as JSON lines"},
		&cli.IntFlag{Name: "batch", DefaultText: "1000 on SQLite, 500 on Neo4j",
			Usage: "articles written per transaction: larger writes faster and holds more in memory; an interrupted ingest loses at most the open one (SQLite writes it 500 articles a step; docs/neo4j.md, docs/query-performance.md)"},
		&cli.IntFlag{Name: "workers", Usage: "extraction goroutines (default: one per CPU)"},
		&cli.IntFlag{Name: "max-article-bytes", Value: read.DefaultMaxArticleBytes, Usage: "skip (and report) articles larger than this"},
		&cli.Int64Flag{Name: "max-input-bytes", Value: read.DefaultMaxInputBytes, Usage: "stop reading an input (a file after decompression, a URL) past this many bytes"},
		&cli.StringFlag{Name: "index-memory", Value: "64MiB", Usage: "hold at most `SIZE` (64MiB, 1GiB, 500MB; bytes without a unit) of the run's index of stored and read articles (about 280 bytes an article) in memory; the rest goes to temporary files in $TMPDIR, read back as articles are compared, so that a store of millions costs disk reads, not memory; 0 keeps it all in files"},
		&cli.IntFlag{Name: "max-entities", Value: ingest.DefaultMaxEntities, Usage: "store at most this many distinct entities of one article, those mentioned most (each pair of them is a co-mention: n entities make n(n-1)/2 pairs); an article over it is reported with a warning"},
		&cli.IntFlag{Name: "max-mentions", Value: ingest.DefaultMaxMentions, Usage: "store at most this many entity occurrences of one article: the sentences from the one past it on are not stored; an article over it is reported with a warning"},
		&cli.BoolFlag{Name: "follow-symlinks", Usage: "follow symbolic links in folders to files outside the folder named (by default they are reported and skipped)"},
		&cli.DurationFlag{Name: "timeout", Value: read.DefaultTimeout, Usage: "give up fetching a URL after this long in total (connecting and reading its body, however slowly it comes)"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress bar and no warnings; skipped input is still reported"},
		&cli.BoolFlag{Name: "json", Usage: "print the summary as JSON"},
		&cli.BoolFlag{Name: "prune", Usage: "remove the stored articles of the inputs read that are no longer in them (an input that fails to read, or has a record skipped, prunes nothing)"},
		&cli.BoolFlag{Name: "dry-run", Usage: "read and compare, but write nothing: say what would be new, changed and (with --prune) removed"},
		&cli.BoolFlag{Name: "warm", Usage: "after writing, compute what stats, query centrality and query communities answer with their default options and keep it in the store, so that the first of them after this ingest answers at once (a scheduled ingest is the place for it)"},
		&cli.DurationFlag{Name: "check-every", Value: defaultCheckEvery,
			Usage: "quick-check an SQLite store file over 128 MiB before writing only when its last check that passed is `DURATION` (24h, 72h, 30m) or more ago (the check reads the whole file: about 20 s at a million articles); a smaller store is checked every run, 0 checks every store every run, and newsgraph check checks one in full at any time"},
		&cli.DurationFlag{Name: "lock-timeout", Value: time.Minute, Usage: "wait this long for another ingest writing to the same store, then give up (exit 7)"},
		&cli.DurationFlag{Name: "lock-lease", Value: graph.DefaultLease, EnvVars: []string{"NEWSGRAPH_LOCK_LEASE"}, Hidden: true,
			Usage: "how long the Neo4j lock of a crashed ingest blocks others (renewed every third of it while running)"},
	}
}

// parseIngestOptions reads and checks the flags of ingestFlags and the
// arguments.
func parseIngestOptions(c *cli.Context) (ingestOptions, error) {
	opts := ingestOptions{
		globalOptions: globals(c),
		paths:         c.Args().Slice(),
		lexicon:       c.String("lexicon"),
		batch:         c.Int("batch"),
		workers:       c.Int("workers"),
		maxEntities:   c.Int("max-entities"),
		maxMentions:   c.Int("max-mentions"),
		errorsFile:    c.String("errors"),
		quiet:         c.Bool("quiet"),
		json:          c.Bool("json"),
		prune:         c.Bool("prune"),
		dryRun:        c.Bool("dry-run"),
		warm:          c.Bool("warm"),
		lockTimeout:   c.Duration("lock-timeout"),
		lockLease:     c.Duration("lock-lease"),
		checkEvery:    c.Duration("check-every"),
		stdin:         os.Stdin,
		stdout:        c.App.Writer,
		stderr:        c.App.ErrWriter,
		read: read.ReadOptions{
			MaxArticleBytes: c.Int("max-article-bytes"),
			MaxInputBytes:   c.Int64("max-input-bytes"),
			Lang:            c.String("lang"),
			Encoding:        c.String("encoding"),
			Timeout:         c.Duration("timeout"),
			FollowSymlinks:  c.Bool("follow-symlinks"),
		},
	}
	var err error
	if s := c.String("format"); s != "" {
		if opts.read.Format, err = read.ParseFormat(s); err != nil {
			return opts, usageErrorf("--format: %v", err)
		}
	}
	if opts.read.Fields, err = read.ParseFieldMap(c.StringSlice("map")); err != nil {
		return opts, usageErrorf("%v", err)
	}
	if s := c.String("delimiter"); s != "" {
		if opts.read.Delimiter, err = read.ParseDelimiter(s); err != nil {
			return opts, usageErrorf("--delimiter: %v", err)
		}
	}
	switch order := read.DateOrder(strings.ToLower(c.String("date-order"))); order {
	case read.OrderAuto, read.OrderDMY, read.OrderMDY, read.OrderYMD:
		opts.read.DateOrder = order
	default:
		return opts, usageErrorf("--date-order %q: want dmy, mdy or ymd", order)
	}
	if _, err := read.ParseEncoding(opts.read.Encoding); err != nil {
		return opts, usageErrorf("--encoding: %v", err)
	}
	size, err := humanize.ParseBytes(c.String("index-memory"))
	if err != nil || size > math.MaxInt64 {
		return opts, usageErrorf("--index-memory %q: want a size such as 64MiB, 1GiB or 0 (none in memory)", c.String("index-memory"))
	}
	opts.indexMemory = int64(size)
	switch {
	case c.IsSet("batch") && opts.batch < 1:
		return opts, usageErrorf("--batch must be at least 1")
	case opts.workers < 0:
		return opts, usageErrorf("--workers must not be negative")
	case opts.maxEntities < 1, opts.maxMentions < 1:
		return opts, usageErrorf("--max-entities and --max-mentions must be positive")
	case opts.read.MaxArticleBytes < 1, opts.read.MaxInputBytes < 1:
		return opts, usageErrorf("--max-article-bytes and --max-input-bytes must be positive")
	case opts.lockTimeout < 0:
		return opts, usageErrorf("--lock-timeout must not be negative")
	case opts.checkEvery < 0:
		return opts, usageErrorf("--check-every must not be negative (0 checks the store every run)")
	case opts.lockLease < 3*time.Second:
		return opts, usageErrorf("--lock-lease must be at least 3s")
	}
	return opts, nil
}

func loadLexicon(path string) (*lexicon.Lexicon, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, fmt.Errorf("built-in lexicon: %w", err)
	}
	if path == "" {
		return lex, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	extra, err := lexicon.Read(f, path)
	if err != nil {
		return nil, err
	}
	return lex.WithOverrides(extra)
}

// problemJSON is a line of --errors FILE.
type problemJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Record   int    `json:"record,omitempty"`
	Severity string `json:"severity"` // "skipped" or "warning"
	Reason   string `json:"reason"`
}

// maxListed bounds the skipped inputs the summary lists.
const maxListed = 20

func runIngest(ctx context.Context, opts ingestOptions) error {
	defer limitMemory(ctx, ingestMemory)()
	lex, err := loadLexicon(opts.lexicon)
	if err != nil {
		return err
	}
	g := opts.globalOptions
	if errors.Is(storeExists(g.store), errNoStore) {
		// Creating a store for inputs that are not there would leave an
		// empty one behind; an existing store or a server reports them
		// as it reads (exit 1, nothing read).
		if err := someInputExists(opts.paths); err != nil {
			return err
		}
	}
	if opts.dryRun && errors.Is(storeExists(g.store), errNoStore) {
		// Nothing to compare with, and nothing may be written: compare
		// with an empty store that is thrown away.
		tmp, err := os.MkdirTemp("", "newsgraph-dry-run")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		fmt.Fprintf(opts.stderr, "newsgraph: store %s does not exist; the dry run compares with an empty graph and creates nothing\n", g.store)
		g.store = filepath.Join(tmp, "empty.db")
	}
	store, err := createStore(ctx, g, func(path string) {
		if !opts.dryRun {
			fmt.Fprintf(opts.stderr, "newsgraph: created store %s\n", path)
		}
	})
	if err != nil {
		return err
	}
	defer store.Close()

	bar := newProgress(opts)
	res, err := ingestOnce(ctx, store, extract.NewExtractor(lex), opts, bar)
	bar.finish()
	st, rec, listed := res.stats, res.run, res.listed
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("interrupted after %d articles; the %d written before are kept: %w", st.Read, st.Written, err)
		}
		return err
	}
	size, err := store.Size(ctx)
	if err != nil {
		return err
	}
	if opts.json {
		err = writeSummaryJSON(opts.stdout, st, size, listed, opts, rec, res.check)
	} else {
		writeSummary(opts.stdout, st, size, listed, opts, res.check)
	}
	if err != nil {
		return err
	}
	switch {
	case st.Skipped > 0 && st.Read == 0:
		return fmt.Errorf("no article could be read (%d problems, reported above)", st.Skipped)
	case st.Skipped > 0:
		fmt.Fprintf(opts.stderr, "newsgraph: %d skipped (inputs, records or articles), reported above; everything else was ingested\n", st.Skipped)
		return errPartial
	case st.Read == 0:
		fmt.Fprintf(opts.stderr, "newsgraph: nothing was ingested: no article found in %s\n", strings.Join(opts.paths, " "))
	}
	return nil
}

// someInputExists returns an error, checked before ingest creates a store,
// when every input is a local path where nothing exists: there is nothing
// to read, and an empty store left behind would only mislead the next
// query.
// Standard input and URLs count as existing; a path that exists but cannot
// be read is left for reading to report.
func someInputExists(paths []string) error {
	var missing []string
	for _, p := range paths {
		if p == "-" || strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") {
			return nil
		}
		if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		missing = append(missing, printable(p))
	}
	if len(missing) == 0 {
		return nil
	}
	return fmt.Errorf("no input to read: %s %s not exist (nothing was created)", strings.Join(missing, ", "),
		map[bool]string{true: "does", false: "do"}[len(missing) == 1])
}

// ingestOnce runs one ingest into an open store, as ingest and every run of
// schedule do: under the store's writer lock, recorded in its run history,
// problems reported on stderr (and to --errors), the first of them listed.
// A dry run only reads, so it takes no lock and leaves no record.
func ingestOnce(ctx context.Context, store graph.Store, x *extract.Extractor, opts ingestOptions, bar *progress) (ingestResult, error) {
	now := time.Now()
	rec := graph.Run{ID: newRunID(now), Started: now, Status: graph.RunRunning, Version: appVersion(), Owner: owner()}
	for _, p := range opts.paths {
		rec.Inputs = append(rec.Inputs, graph.Redact(p))
	}
	var errEnc *json.Encoder
	if opts.errorsFile != "" {
		errFile, err := os.Create(opts.errorsFile)
		if err != nil {
			return ingestResult{run: rec}, fmt.Errorf("--errors: %w", err)
		}
		defer errFile.Close()
		errEnc = json.NewEncoder(errFile)
		errEnc.SetEscapeHTML(false)
	}
	var mu sync.Mutex // problems arrive from the reading goroutine
	var listed []read.Problem
	ropts := opts.read
	ropts.Stdin = opts.stdin
	if bar.bytes {
		ropts.BytesRead = bar.add
	}
	ropts.Problem = func(p read.Problem) {
		mu.Lock()
		defer mu.Unlock()
		severity := "skipped"
		if p.Warning {
			severity = "warning"
		} else {
			if len(listed) < maxListed {
				listed = append(listed, p)
			}
			if len(rec.Errors) < graph.MaxRunErrors {
				rec.Errors = append(rec.Errors, graph.Redact(p.Error()))
			}
		}
		if errEnc != nil {
			errEnc.Encode(problemJSON{File: p.File, Line: p.Line, Record: p.Record, Severity: severity, Reason: p.Reason})
		}
		if p.Warning && opts.quiet {
			return
		}
		if opts.logProblem != nil {
			opts.logProblem(p)
			return
		}
		bar.clear()
		fmt.Fprintf(opts.stderr, "%s: %s\n", severityWord(p), printable(p.Error()))
	}
	run := ingest.Options{Read: ropts, Batch: opts.batch, Workers: opts.workers, Progress: bar.update,
		Prune: opts.prune, DryRun: opts.dryRun, MaxEntities: opts.maxEntities, MaxMentions: opts.maxMentions,
		IndexMemory: opts.indexMemory}
	if run.IndexMemory == 0 {
		run.IndexMemory = -1 // none in memory: ingest.Options' zero is the default
	}
	// The store's quick check runs beside the reading (ingest.Options.Check):
	// on a large store it is seconds an unchanged re-ingest need not wait;
	// on a very large one it runs once every --check-every (writerCheck).
	var check func(context.Context) error
	var report *checkReport
	// Standard input is read until it ends, whatever the context says: a
	// store that fails its check must refuse it before anything is read,
	// not once the writer of the pipe stops.
	checkFirst := func() error {
		if !slices.Contains(opts.paths, "-") {
			return nil
		}
		err := run.Check(ctx)
		run.Check = nil
		return err
	}
	if opts.dryRun {
		check, report = writerCheck(ctx, store, opts.store, opts.checkEvery, false)
		run.Check = check
		if err := checkFirst(); err != nil {
			return ingestResult{run: rec, check: *report}, err
		}
		st, err := ingest.Run(ctx, store, x, opts.paths, run)
		return ingestResult{stats: st, run: rec, listed: listed, check: *report}, err
	}

	if lk, ok := store.(graph.Locker); ok {
		held, unlock, err := lk.Lock(ctx, graph.LockOptions{Owner: rec.Owner + ", newsgraph " + appVersion(), Timeout: opts.lockTimeout, Lease: opts.lockLease})
		switch {
		case errors.Is(err, errors.ErrUnsupported):
			fmt.Fprintf(opts.stderr, "warning: %v; another ingest could interleave with this one\n", err)
		case err != nil:
			return ingestResult{run: rec}, err
		default:
			defer unlock()
			ctx = held
		}
	}
	// Under the lock: the last check's record is what the last writer left.
	check, report = writerCheck(ctx, store, opts.store, opts.checkEvery, true)
	run.Check = check
	rl, logged := store.(graph.RunLog)
	started := false // the run's record is in the store; read once ingest.Run returned
	if logged {
		// Recorded once the store passed its check: nothing, not even
		// this record, is written to a store that fails it.
		run.Check = func(ctx context.Context) error {
			if err := check(ctx); err != nil {
				return err
			}
			mu.Lock() // the reading adds to rec.Errors meanwhile
			r := rec
			mu.Unlock()
			if err := rl.StartRun(ctx, r); err != nil {
				return err
			}
			started = true
			return nil
		}
	}
	if err := checkFirst(); err != nil {
		return ingestResult{run: rec, check: *report}, err
	}
	if rp, ok := store.(graph.RunProgressor); ok && logged {
		// Keep the run's counts current, so that a run killed midway
		// shows what it wrote once the next run marks it abandoned.
		warned := false
		run.Committed = func(c ingest.Stats) {
			mu.Lock()
			r := rec
			mu.Unlock()
			r.Read, r.New, r.Changed, r.Failed = c.Read, c.New, c.Changed, c.Skipped
			if err := rp.ProgressRun(ctx, r); err != nil && !warned && ctx.Err() == nil {
				warned = true
				fmt.Fprintf(opts.stderr, "warning: %v (the run's counts are recorded at its end)\n", err)
			}
		}
	}
	st, err := ingest.Run(ctx, store, x, opts.paths, run)
	if cause := context.Cause(ctx); errors.Is(cause, graph.ErrLockLost) || errors.Is(cause, errMaxRun) {
		err = fmt.Errorf("stopped: %w", cause)
	}
	if err != nil {
		forgetCheck(ctx, store, err) // the next run checks: the failure may be damage
		if sqlite.IsCorrupt(err) && !errors.Is(err, graph.ErrCorrupt) {
			err = fmt.Errorf("%w; the store is damaged: newsgraph check lists its problems; restore it from a backup or ingest again into a new one", err)
		}
	}
	if err == nil && !opts.dryRun && !opts.noCluster {
		// Cluster the store now, while it is open for writing, so that the
		// queries after it (which open it read-only) read the clustering
		// rather than compute it: seconds at ar-news-2022's size.
		if _, cerr := cluster.Wrap(store, clusterOptions()).Clustering(ctx); cerr != nil {
			fmt.Fprintf(opts.stderr, "warning: clustering the store's entities for the queries after this ingest: %v\n", cerr)
		}
	}
	if err == nil && !opts.dryRun && opts.warm {
		if _, ok := store.(cluster.Deriver); ok {
			if werr := warmQueries(ctx, opts.globalOptions, opts.stderr, opts.quiet); werr != nil {
				fmt.Fprintf(opts.stderr, "warning: --warm: %v\n", werr)
			}
		} else if !opts.quiet {
			fmt.Fprintf(opts.stderr, "note: --warm: this store keeps no cached answers; nothing to warm\n")
		}
	}
	mu.Lock()
	defer mu.Unlock()
	rec.Finished = time.Now()
	rec.Read, rec.New, rec.Changed, rec.Unchanged, rec.Removed, rec.Failed = st.Read, st.New, st.Changed, st.Unchanged, st.Removed, st.Skipped
	switch {
	case errors.Is(err, context.Canceled):
		rec.Status = graph.RunInterrupted
	case err != nil, st.Skipped > 0 && st.Read == 0:
		rec.Status = graph.RunFailed
	case st.Skipped > 0:
		rec.Status = graph.RunPartial
	default:
		rec.Status = graph.RunOK
	}
	if err != nil && len(rec.Errors) < graph.MaxRunErrors+1 {
		rec.Errors = append(rec.Errors, graph.Redact(err.Error()))
	}
	if started {
		// Recorded even when interrupted: the store is still there.
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if ferr := rl.FinishRun(fctx, rec); ferr != nil && err == nil {
			err = ferr
		}
	}
	return ingestResult{stats: st, run: rec, listed: listed, check: *report}, err
}

// ingestResult is what one ingest run did: its counts, its record in the
// run history, the first of its problems (at most maxListed) for the
// summary, and how it checked the store.
type ingestResult struct {
	stats  ingest.Stats
	run    graph.Run
	listed []read.Problem
	check  checkReport
}

// newRunID returns an ID that sorts by start time and is unique enough.
func newRunID(t time.Time) string {
	var b [3]byte
	rand.Read(b[:])
	return t.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

// owner says who runs this process, for run records and lock messages.
func owner() string {
	host, err := os.Hostname()
	if err != nil {
		host = "unknown host"
	}
	return fmt.Sprintf("pid %d on %s", os.Getpid(), host)
}

func severityWord(p read.Problem) string {
	if p.Warning {
		return "warning"
	}
	return "skipped"
}

func writeSummary(w io.Writer, st ingest.Stats, size graph.Size, listed []read.Problem, opts ingestOptions, check checkReport) {
	fmt.Fprintf(w, "articles: %d read — %d new, %d changed, %d unchanged, %d duplicate, %d conflicting; %d skipped, %d warnings\n",
		st.Read, st.New, st.Changed, st.Unchanged, st.Duplicates, st.Conflicts, st.Skipped, st.Warnings)
	if st.Renamed > 0 {
		// Stored by an earlier release under another ID (see Stats.Renamed).
		verb := "moved"
		if opts.dryRun {
			verb = "would move (dry run)"
		}
		fmt.Fprintf(w, "renamed:  %d articles stored under the IDs an earlier release gave them; %s to their IDs now\n", st.Renamed, verb)
	}
	switch {
	case opts.prune && opts.dryRun:
		fmt.Fprintf(w, "pruned:   none (dry run); %d article%s no longer in %s input%s\n", st.Removed, plural(st.Removed), pluralThe(st.Removed), plural(st.Removed))
	case opts.prune:
		fmt.Fprintf(w, "pruned:   %d article%s no longer in %s input%s\n", st.Removed, plural(st.Removed), pluralThe(st.Removed), plural(st.Removed))
	}
	if opts.prune && len(st.KeptInputs) > 0 {
		// A record skipped may be a stored article: it is not pruned as
		// missing, nor is anything else of its input.
		in := st.KeptInputs
		more := ""
		if len(in) > maxListed {
			in, more = in[:maxListed], fmt.Sprintf(" and %d more", len(st.KeptInputs)-maxListed)
		}
		fmt.Fprintf(w, "kept:     nothing pruned from %s%s: not read to its end (a record skipped, or the input cut short)\n", strings.Join(in, ", "), more)
	}
	fmt.Fprintf(w, "graph:    %d entities, %d co-mention edges, %d relations (statements and denied ones included)\n", size.Entities, size.Edges, size.Relations)
	fmt.Fprintf(w, "time:     %.2fs (%.0f articles/s)\n", st.Elapsed.Seconds(), float64(st.Read)/max(st.Elapsed.Seconds(), 1e-9))
	if line := check.describe(time.Now()); line != "" {
		fmt.Fprintf(w, "check:    %s\n", line)
	}
	if opts.dryRun {
		fmt.Fprintln(w, "dry run:  nothing was written")
		if len(st.RemovedIDs) > 0 {
			fmt.Fprintln(w, "would prune:")
			for i, id := range st.RemovedIDs {
				if i == maxListed {
					fmt.Fprintf(w, "  … and %d more (--json lists them all)\n", len(st.RemovedIDs)-maxListed)
					break
				}
				fmt.Fprintf(w, "  %s\n", printable(id))
			}
		}
	}
	if len(listed) > 0 {
		fmt.Fprintln(w, "skipped:")
		for _, pr := range listed {
			fmt.Fprintf(w, "  %s\n", printable(pr.Error()))
		}
		if st.Skipped > len(listed) {
			fmt.Fprintf(w, "  … and %d more (--errors FILE writes them all)\n", st.Skipped-len(listed))
		}
	}
}

func writeSummaryJSON(w io.Writer, st ingest.Stats, size graph.Size, listed []read.Problem, opts ingestOptions, rec graph.Run, check checkReport) error {
	skipped := make([]problemJSON, len(listed))
	for i, pr := range listed {
		skipped[i] = problemJSON{File: pr.File, Line: pr.Line, Record: pr.Record, Severity: "skipped", Reason: pr.Reason}
	}
	runID := rec.ID
	if opts.dryRun {
		runID = "" // a dry run is not recorded
	}
	removedIDs := st.RemovedIDs
	if removedIDs == nil {
		removedIDs = []string{}
	}
	kept := st.KeptInputs
	if kept == nil {
		kept = []string{}
	}
	lastChecked := ""
	if check.state == checkSkipped {
		lastChecked = check.last.UTC().Format(time.RFC3339Nano)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Read       int           `json:"read"`
		New        int           `json:"new"`
		Changed    int           `json:"changed"`
		Unchanged  int           `json:"unchanged"`
		Duplicates int           `json:"duplicates"`
		Conflicts  int           `json:"conflicts"`
		Renamed    int           `json:"renamed"`
		Removed    int           `json:"removed"`
		RemovedIDs []string      `json:"removed_ids"`
		KeptInputs []string      `json:"kept_inputs"` // of a pruning run: not read to their end, nothing pruned from them
		DryRun     bool          `json:"dry_run"`
		Skipped    int           `json:"skipped"`
		Warnings   int           `json:"warnings"`
		Entities   int           `json:"entities"`
		Edges      int           `json:"edges"`
		Relations  int           `json:"relations"`
		Seconds    float64       `json:"seconds"`
		Run        string        `json:"run,omitempty"`
		Problems   []problemJSON `json:"skipped_inputs"`
		// The store's quick check: passed, skipped (passed at
		// last_checked, within --check-every) or none (the backend has
		// none); a run that prints its summary never has it failed.
		Check       string `json:"check"`
		LastChecked string `json:"last_checked,omitempty"`
	}{st.Read, st.New, st.Changed, st.Unchanged, st.Duplicates, st.Conflicts, st.Renamed, st.Removed, removedIDs, kept, opts.dryRun, st.Skipped, st.Warnings,
		size.Entities, size.Edges, size.Relations, st.Elapsed.Seconds(), runID, skipped, check.String(), lastChecked})
}

// progress is ingest's progress bar (see newBar): when every input is a
// file their total size is known, and the bar shows the bytes read of it
// with an estimate of the time left; with a URL or standard input it
// counts articles.
type progress struct {
	bar   *progressbar.ProgressBar
	bytes bool // the bar counts bytes of a known total
}

func newProgress(opts ingestOptions) *progress {
	if !showsProgress(opts.stderr, opts.quiet) {
		return &progress{}
	}
	if total, known := read.InputBytes(opts.paths, opts.read.Format); known && total > 0 {
		return &progress{bytes: true, bar: newBar(opts.stderr, "ingesting", total, progressbar.OptionShowBytes(true))}
	}
	return &progress{bar: newBar(opts.stderr, "ingesting", -1,
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionSpinnerType(14),
	)}
}

// add counts n more bytes read; it is safe from any goroutine.
func (p *progress) add(n int) {
	if p.bar != nil {
		p.bar.Add(n)
	}
}

func (p *progress) update(st ingest.Stats) {
	switch {
	case p.bar == nil:
	case p.bytes:
		p.bar.Describe(fmt.Sprintf("ingesting: %d articles", st.Read))
	default:
		p.bar.Set(st.Read)
	}
}

func (p *progress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// pluralThe is the possessive for n articles: "its" input, "their" inputs.
func pluralThe(n int) string {
	if n == 1 {
		return "its"
	}
	return "their"
}
