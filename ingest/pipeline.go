package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// Options configures Run.
type Options struct {
	Read ReadOptions
	// Batch is the number of documents written per Store.Apply; zero
	// means 500.
	Batch int
	// Workers is the number of extraction goroutines; zero means one per
	// CPU.
	Workers int
	// Progress, when set, is called after every write and at the end with
	// the counts so far. It runs on Run's goroutine.
	Progress func(Stats)
	// Prune removes, once everything was read and written, the stored
	// articles of the inputs read in this run that were not found in them
	// again (see Run). The store must be a graph.InputLister.
	Prune bool
	// DryRun reads and compares everything but extracts and writes
	// nothing: the counts say what a run would do, and Stats.RemovedIDs
	// what it would prune.
	DryRun bool
}

// ErrCannotPrune is returned for Options.Prune with a store that does not
// record the inputs of articles.
var ErrCannotPrune = errors.New("this store does not record where articles were read, so it cannot prune")

// Stats counts what an ingest did.
type Stats struct {
	Read       int // articles read
	New        int // not in the store before
	Changed    int // in the store with another hash: replaced
	Unchanged  int // in the store with the same hash: skipped
	Duplicates int // the same text as an earlier article under another ID: skipped
	Written    int // documents written (New + Changed, less any lost to an error)
	Skipped    int // inputs or records that could not be read
	Warnings   int // articles read with a caveat
	// Removed counts the articles pruned (with DryRun: that would be),
	// RemovedIDs lists them, sorted.
	Removed    int
	RemovedIDs []string
	Elapsed    time.Duration
}

// Run reads inputs, extracts every new or changed article with x on
// opts.Workers goroutines, and writes them to store in batches, in input
// order: when one ID occurs twice, the later article is the one kept.
// Unchanged articles (same ID, hash and input as stored) are not extracted
// at all; an article that moved to another input is written again, so that
// the store always knows where each article is. Problems go to
// opts.Read.Problem and are counted. Memory stays bounded by the batch size
// and the worker count, whatever the size of the corpus.
//
// With opts.Prune, once every input was read and every batch written, Run
// deletes the stored articles whose input is one of inputs (or lies in a
// folder of inputs) and that this run did not find there, and those it
// found to repeat another article's text: what a fresh ingest of inputs
// would not hold. Inputs that could not be read to their end
// (ReadOptions.Incomplete) prune nothing, nor does a run that stops early.
func Run(ctx context.Context, store graph.Store, x *Extractor, inputs []string, opts Options) (Stats, error) {
	start := time.Now()
	if opts.Batch <= 0 {
		opts.Batch = 500
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	var st Stats
	var read, skipped, warnings atomic.Int64
	report := opts.Read.Problem
	opts.Read.Problem = func(p Problem) {
		if p.Warning {
			warnings.Add(1)
		} else {
			skipped.Add(1)
		}
		if report != nil {
			report(p)
		}
	}
	known, err := store.Fingerprints(ctx)
	if err != nil {
		return st, err
	}
	var stored map[string]string // article ID → input; nil when the store keeps none
	if il, ok := store.(graph.InputLister); ok {
		if stored, err = il.Inputs(ctx); err != nil {
			return st, err
		}
	} else if opts.Prune {
		return st, ErrCannotPrune
	}
	var incomplete []string // inputs not read to their end
	var incompleteMu sync.Mutex
	reportIncomplete := opts.Read.Incomplete
	opts.Read.Incomplete = func(in string) {
		incompleteMu.Lock()
		incomplete = append(incomplete, in)
		incompleteMu.Unlock()
		if reportIncomplete != nil {
			reportIncomplete(in)
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		a   Article
		doc graph.Document
	}
	jobs := make(chan job, 2*opts.Workers)
	done := make(chan job, 2*opts.Workers)

	// Stage 1: read, drop duplicates and unchanged articles, number the rest.
	var readErr error
	var counts struct{ fresh, changed, unchanged, dups int }
	seen := make(map[string]string) // ID → hash, of the articles this run keeps
	dupIDs := make(map[string]bool) // IDs read as a repeat of another article's text
	readDone := make(chan struct{}) // closed when readErr, counts, seen and dupIDs are final
	go func() {
		defer close(readDone)
		defer close(jobs)
		seq := 0
		texts := make(map[string]string) // text fingerprint → first ID
		readErr = Read(ctx, inputs, opts.Read, func(a Article) error {
			read.Add(1)
			fp := textFingerprint(&a)
			if first, ok := texts[fp]; ok && first != a.ID {
				counts.dups++
				dupIDs[a.ID] = true
				opts.Read.Problem(Problem{File: a.Origin, Reason: fmt.Sprintf("duplicate of article %s (same title and text); not stored again", first), Warning: true})
				return nil
			}
			texts[fp] = a.ID
			hash := x.Hash(&a)
			prev, exists := known[a.ID]
			sent, again := seen[a.ID]
			switch {
			case again && sent == hash:
				counts.dups++
				opts.Read.Problem(Problem{File: a.Origin, Reason: fmt.Sprintf("article %s seen again, unchanged; stored once", a.ID), Warning: true})
				return nil
			case again:
				// The same ID with other content: the later version
				// wins, as it would in a later run.
				counts.changed++
			case exists && prev == hash && (stored == nil || stored[a.ID] == a.Input):
				counts.unchanged++
				seen[a.ID] = hash
				return nil
			case exists:
				counts.changed++
			default:
				counts.fresh++
			}
			seen[a.ID] = hash
			if opts.DryRun {
				return nil
			}
			select {
			case jobs <- job{seq: seq, a: a}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	// Stage 2: extract on every core.
	var wg sync.WaitGroup
	for i := 0; i < opts.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.doc = x.Extract(&j.a)
				j.a = Article{} // the body is not needed any more
				select {
				case done <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	// Stage 3: put documents back in input order and write them in batches.
	snapshot := func() Stats {
		st.Read, st.Skipped, st.Warnings = int(read.Load()), int(skipped.Load()), int(warnings.Load())
		st.Elapsed = time.Since(start)
		return st
	}
	pending := make(map[int]graph.Document)
	next := 0
	var batch []graph.Document
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := store.Apply(ctx, batch); err != nil {
			return fmt.Errorf("write %d articles: %w", len(batch), err)
		}
		st.Written += len(batch)
		batch = batch[:0]
		if opts.Progress != nil {
			opts.Progress(snapshot())
		}
		return nil
	}
	var writeErr error
	for j := range done {
		if writeErr != nil {
			continue // drain so the workers can stop
		}
		pending[j.seq] = j.doc
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			batch = append(batch, d)
			if len(batch) >= opts.Batch {
				if writeErr = flush(); writeErr != nil {
					cancel()
					break
				}
			}
		}
	}
	<-readDone
	if writeErr == nil && readErr == nil {
		writeErr = flush()
	}
	st.New, st.Changed, st.Unchanged, st.Duplicates = counts.fresh, counts.changed, counts.unchanged, counts.dups
	if opts.Prune && writeErr == nil && readErr == nil && ctx.Err() == nil {
		st.RemovedIDs = pruned(inputs, incomplete, stored, known, seen, dupIDs)
		st.Removed = len(st.RemovedIDs)
		if !opts.DryRun {
			writeErr = remove(ctx, store, st.RemovedIDs)
		}
	}
	snapshot()
	if opts.Progress != nil {
		opts.Progress(st)
	}
	if writeErr != nil {
		return st, writeErr
	}
	return st, readErr
}

// pruned returns, sorted, the stored articles a pruning run removes: those
// whose input is within inputs and was read to its end, that the run did not
// find again; and those it found repeating another article's text.
func pruned(inputs, incomplete []string, stored, known, seen map[string]string, dupIDs map[string]bool) []string {
	scopes := make([]string, len(inputs))
	for i, in := range inputs {
		switch {
		case in == "-":
			scopes[i] = "stdin"
		case isURL(in):
			scopes[i] = in
		default:
			scopes[i] = InputID(in)
		}
	}
	var ids []string
	for id, in := range stored {
		if _, ok := seen[id]; ok || in == "" {
			continue // kept, or stored before inputs were recorded
		}
		if within(in, scopes) && !within(in, incomplete) || dupIDs[id] {
			ids = append(ids, id)
		}
	}
	for id := range dupIDs {
		if _, ok := seen[id]; !ok && stored[id] == "" {
			if _, ok := known[id]; ok {
				ids = append(ids, id) // a repeat stored before inputs were recorded
			}
		}
	}
	sort.Strings(ids)
	return ids
}

// within reports whether input is one of scopes or lies in a folder of them.
func within(input string, scopes []string) bool {
	for _, s := range scopes {
		if input == s {
			return true
		}
		if isURL(s) || s == "stdin" {
			continue
		}
		dir := s
		if !strings.HasSuffix(dir, string(filepath.Separator)) {
			dir += string(filepath.Separator)
		}
		if strings.HasPrefix(input, dir) {
			return true
		}
	}
	return false
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// removeBatch bounds the articles deleted per transaction.
const removeBatch = 1000

func remove(ctx context.Context, store graph.Store, ids []string) error {
	for start := 0; start < len(ids); start += removeBatch {
		end := min(start+removeBatch, len(ids))
		if err := store.Delete(ctx, ids[start:end]); err != nil {
			return fmt.Errorf("prune %d articles: %w", end-start, err)
		}
	}
	return nil
}
