package ingest

import (
	"context"
	"fmt"
	"runtime"
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
}

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
	Elapsed    time.Duration
}

// Run reads inputs, extracts every new or changed article with x on
// opts.Workers goroutines, and writes them to store in batches, in input
// order: when one ID occurs twice, the later article is the one kept.
// Unchanged articles (same ID and hash as stored) are not extracted at all.
// Problems go to opts.Read.Problem and are counted. Memory stays bounded
// by the batch size and the worker count, whatever the size of the corpus.
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
	readDone := make(chan struct{}) // closed when readErr and counts are final
	go func() {
		defer close(readDone)
		defer close(jobs)
		seq := 0
		texts := make(map[string]string)  // text fingerprint → first ID
		queued := make(map[string]string) // ID → hash, of articles sent on in this run
		readErr = Read(ctx, inputs, opts.Read, func(a Article) error {
			read.Add(1)
			fp := textFingerprint(&a)
			if first, ok := texts[fp]; ok && first != a.ID {
				counts.dups++
				opts.Read.Problem(Problem{File: a.Origin, Reason: fmt.Sprintf("duplicate of article %s (same title and text); not stored again", first), Warning: true})
				return nil
			}
			texts[fp] = a.ID
			hash := x.Hash(&a)
			prev, exists := known[a.ID]
			sent, again := queued[a.ID]
			switch {
			case again && sent == hash:
				counts.dups++
				opts.Read.Problem(Problem{File: a.Origin, Reason: fmt.Sprintf("article %s seen again, unchanged; stored once", a.ID), Warning: true})
				return nil
			case again:
				// The same ID with other content: the later version
				// wins, as it would in a later run.
				counts.changed++
			case exists && prev == hash:
				counts.unchanged++
				return nil
			case exists:
				counts.changed++
			default:
				counts.fresh++
			}
			queued[a.ID] = hash
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
	snapshot()
	if opts.Progress != nil {
		opts.Progress(st)
	}
	if writeErr != nil {
		return st, writeErr
	}
	return st, readErr
}
