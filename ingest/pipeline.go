package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// Options configures Run.
type Options struct {
	Read read.ReadOptions
	// Batch is the number of articles written per transaction: one
	// Store.Apply, or for a graph.Grouper a group of Apply calls of at
	// most GroupChunk documents. Zero means DefaultBatch, or
	// DefaultGroupBatch for a Grouper.
	Batch int
	// Chunk is the documents an Apply call into a group writes (for a
	// graph.Grouper); zero means GroupChunk.
	Chunk int
	// Workers is the number of extraction goroutines; zero means one per
	// CPU.
	Workers int
	// Progress, when set, is called after every write and at the end with
	// the counts so far. Calls never overlap, but they come from the
	// goroutine that writes, not always from Run's.
	Progress func(Stats)
	// Committed, when set, is called after each write transaction commits,
	// while none is open, with the counts so far: New and Changed count
	// what has committed. A caller may write to the store from it (the
	// run log does). Calls never overlap.
	Committed func(Stats)
	// Prune removes, once everything was read and written, the stored
	// articles of the inputs read in this run that were not found in them
	// again (see Run). The store must be a graph.InputLister.
	Prune bool
	// MaxEntities bounds the distinct entities stored for one article,
	// and so its co-mention pairs (see capEntities); an article over it is
	// reported with a warning. Zero means DefaultMaxEntities.
	MaxEntities int
	// MaxMentions bounds the entity occurrences stored for one article
	// (see capMentions); an article over it is reported with a warning.
	// Zero means DefaultMaxMentions.
	MaxMentions int
	// DryRun reads and compares everything but extracts and writes
	// nothing: the counts say what a run would do, and Stats.RemovedIDs
	// what it would prune.
	DryRun bool
	// Check, when set, runs on a goroutine of its own as Run begins, beside
	// the reading: Run writes nothing to the store until it has returned
	// nil, and when it fails Run stops, writes nothing, and returns its
	// error unwrapped. It is for the store's quick check
	// (graph.QuickChecker), which reads the whole file (2.2 s at 100,000
	// articles): an unchanged re-ingest need not wait for it before
	// reading. It must not use the store's connection for long: Run reads
	// the stored fingerprints meanwhile.
	Check func(ctx context.Context) error
	// IndexMemory is the bytes of memory the run's index of stored and
	// read articles may take (about 280 bytes an article) before the
	// rest goes to temporary files in TempDir: a larger store costs disk
	// reads, not memory. Zero means DefaultIndexMemory; a negative value
	// keeps none of it in memory.
	IndexMemory int64
	// TempDir is the folder of those files; "" means os.TempDir ($TMPDIR
	// on Unix). They are removed as they are made (on Unix) or at the end.
	TempDir string
}

// DefaultBatch is Options.Batch for a store that writes each Apply call in
// a transaction of its own (Neo4j): measured best in docs/neo4j.md.
const DefaultBatch = 500

// DefaultGroupBatch is Options.Batch for a graph.Grouper (SQLite), written
// GroupChunk documents an Apply call. Ingesting 10,000 synthetic articles
// (docs/query-performance.md, The write stage) took 41.5 CPU s in groups
// of 1,000 against 46.3 in groups of 2,000, whose summed aggregate deltas
// held the live heap at 162 MB against 130; one Apply a transaction of
// 500 (the default before groups) took 56–58.
const DefaultGroupBatch = 1000

// GroupChunk bounds the documents of one Apply call into a group, and so
// the documents an ingest holds in memory.
const GroupChunk = 500

// ErrCannotPrune is returned for Options.Prune with a store that does not
// record the inputs of articles.
var ErrCannotPrune = errors.New("this store does not record where articles were read, so it cannot prune")

// Stats counts what an ingest did.
type Stats struct {
	Read int // articles read
	// New and Changed count the articles written (or, with DryRun, that
	// would be): an article the store rejected or a batch lost to an
	// error is not counted.
	New        int // not in the store before
	Changed    int // in the store with another hash: replaced
	Unchanged  int // in the store with the same hash: skipped
	Duplicates int // the same text as an earlier or stored article under another ID: skipped
	// Conflicts counts the articles read again in this run under an ID
	// read before with other content: the later one is stored, and each is
	// reported (both places) and counted in Skipped, as the earlier
	// version is lost; when the earlier one was the stored version
	// (unchanged), the later is counted in Changed too.
	Conflicts int
	Written   int // documents written: New + Changed, and the later versions of conflicting IDs
	// Skipped counts inputs or records that could not be read, conflicts,
	// and articles the store rejected (reported, the rest of their batch
	// written).
	Skipped  int
	Warnings int // articles read with a caveat
	// Removed counts the articles pruned (with DryRun: that would be),
	// RemovedIDs lists them, sorted.
	Removed    int
	RemovedIDs []string
	// KeptInputs lists, sorted, the inputs of a pruning run that were
	// not read to their end (ReadOptions.Incomplete: a file that failed,
	// a record skipped), whose stored articles the run kept whether
	// found again or not.
	KeptInputs []string
	// Renamed counts the stored articles found again under a new ID (a
	// bare record ID now scoped to its input, an ID now capped; see
	// Article.PriorIDs): written under the new one, counted in Changed
	// (or Unchanged), and their old ID removed (with DryRun: that would
	// be).
	Renamed int
	Elapsed time.Duration
}

// Run reads inputs, extracts every new or changed article with x on
// opts.Workers goroutines, and writes them to store in batches, in input
// order: when one ID occurs twice with other content, the later article is
// the one kept, and the conflict is reported with both places.
// Article and entity IDs are capped (graph.CapID) before anything compares
// or stores them.
//
// An article whose text a stored article already holds under another ID
// (graph.TextLister) is a duplicate, as one read earlier in the run is,
// unless that stored article may not keep it (see textOwner). As the
// article holding the text may still be read again with another text (or
// go), later in the run, a repeat is held (its Article, up to holdLimit
// articles and holdBytes) until everything was read: then it is dropped as
// a duplicate if the text's holder still holds it, and otherwise extracted
// and written like a fresh article, after every article read — so that no
// text is lost to the order of the input. Past the limits a repeat is
// dropped at once, and should its holder then change, a warning names it
// (an ingest more stores it).
//
// An article read under an ID that is not stored, whose Article.PriorIDs
// (or uncapped ID) is stored from the same input, was stored by an earlier
// release under that ID: it is written under its ID now, counted as
// changed, and the old ID deleted once it was written (Stats.Renamed; with
// DryRun, only counted). A conflict whose earlier version was the stored
// one (unchanged) counts as changed, as the store changes.
//
// A batch the store rejects (graph.ErrRejected) is
// written again article by article: the articles it still rejects are
// reported and skipped, the others written; New and Changed count what was
// written.
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
func Run(ctx context.Context, store graph.Store, x *extract.Extractor, inputs []string, opts Options) (Stats, error) {
	if opts.Check == nil {
		return run(ctx, store, x, inputs, opts, func() error { return nil })
	}
	outer := ctx
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	// The problems the reading reports while the check runs wait for it:
	// a store that fails is the run's one error, not the last line after
	// the input's problems, nor the cause a fetch was cancelled by.
	held := &heldProblems{report: opts.Read.Problem}
	if held.report != nil {
		opts.Read.Problem = held.add
	}
	checked := make(chan struct{}) // closed once checkErr is final
	var checkErr error
	go func() {
		defer close(checked)
		if checkErr = opts.Check(ctx); checkErr != nil {
			held.end(false)
			stop(checkErr) // nothing more to read: nothing will be written
			return
		}
		held.end(true)
	}()
	st, err := run(ctx, store, x, inputs, opts, func() error {
		<-checked
		return checkErr
	})
	<-checked
	if checkErr != nil && outer.Err() == nil {
		// A store that fails its check is left as it was, and that is
		// the run's error, whatever else went wrong meanwhile.
		return Stats{}, checkErr
	}
	return st, err
}

// heldProblems holds the problems reported while Options.Check runs, and
// then passes them on (the check passed) or drops them (it failed). Past
// maxHeldProblems it stops holding and passes everything on.
type heldProblems struct {
	report func(read.Problem)
	mu     sync.Mutex
	held   []read.Problem
	state  int // holding, passing or dropping
}

const (
	holding = iota
	passing
	dropping
)

// maxHeldProblems bounds the problems heldProblems keeps: a broken input
// can report thousands a second.
const maxHeldProblems = 10_000

func (h *heldProblems) add(p read.Problem) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch h.state {
	case holding:
		if len(h.held) < maxHeldProblems {
			h.held = append(h.held, p)
			return
		}
		h.flush()
		h.report(p)
	case passing:
		h.report(p)
	}
}

// end passes the held problems on, in order, and those to come when pass
// is set; otherwise drops them all.
func (h *heldProblems) end(pass bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !pass {
		h.held, h.state = nil, dropping
		return
	}
	h.flush()
}

func (h *heldProblems) flush() {
	for _, p := range h.held {
		h.report(p)
	}
	h.held, h.state = nil, passing
}

// run is Run; every write waits for check (Options.Check) and gives up
// when it fails.
func run(ctx context.Context, store graph.Store, x *extract.Extractor, inputs []string, opts Options, check func() error) (Stats, error) {
	start := time.Now()
	grouper, grouping := store.(graph.Grouper)
	if opts.Batch <= 0 {
		opts.Batch = DefaultBatch
		if grouping {
			opts.Batch = DefaultGroupBatch
		}
	}
	// chunk is the documents an Apply call writes: a whole transaction,
	// or a part of one when the store groups them, which bounds the
	// documents held in memory.
	chunk := opts.Batch
	if grouping {
		if opts.Chunk <= 0 {
			opts.Chunk = GroupChunk
		}
		chunk = min(opts.Batch, opts.Chunk)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.MaxEntities <= 0 {
		opts.MaxEntities = DefaultMaxEntities
	}
	if opts.MaxMentions <= 0 {
		opts.MaxMentions = DefaultMaxMentions
	}
	var st Stats
	var nread, skipped, warnings atomic.Int64
	// Stage 1 below needs every article's text fingerprint, in order, on
	// one goroutine: have the reader compute it where it decodes in parallel.
	opts.Read.Fingerprints = true
	report := opts.Read.Problem
	opts.Read.Problem = func(p read.Problem) {
		if p.Warning {
			warnings.Add(1)
		} else {
			skipped.Add(1)
		}
		if report != nil {
			report(p)
		}
	}
	nm := new(names) // of inputs and origins' files, shared by ix and seen
	budget := opts.IndexMemory
	switch {
	case budget == 0:
		budget = DefaultIndexMemory
	case budget < 0:
		budget = 0
	}
	sp := newSpill(opts.TempDir, budget) // ix, seen and texts: in memory up to budget, then in files
	defer sp.close()
	ix, err := storedArticles(ctx, store, nm, sp)
	if err == nil {
		err = sp.err
	}
	if err != nil {
		return st, err
	}
	if !ix.inputs && opts.Prune {
		return st, ErrCannotPrune
	}
	scopes := scopesOf(inputs)
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
	parent := ctx // for the removal of renamed articles' old IDs after a failed write
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq    int
		a      read.Article
		text   string // read.TextFingerprint(&a)
		origin string // a.Origin, kept after a is dropped
		kind   int    // what writing it counts as: one of the consts below
		prior  string // the stored ID it replaces (see renamedFrom), or ""
		doc    graph.Document
		capped int    // entities dropped by capEntities
		cutAt  int    // the first sentence dropped by capMentions, or -1
		failed string // why extraction failed (a recovered panic), or ""
	}
	const (
		countsNone    = iota // nothing more: the later version of an ID this run counted already
		countsNew            // Stats.New
		countsChanged        // Stats.Changed
	)
	jobs := make(chan job, 2*opts.Workers)
	done := make(chan job, 2*opts.Workers)

	// Stage 1: read, drop duplicates and unchanged articles, number the rest.
	var readErr error
	var counts struct{ fresh, changed, unchanged, dups, conflicts, renamed int }
	seen := newReadIndex(sp)           // the articles this run keeps, by ID
	dupIDs := make(map[string]bool)    // IDs read as a repeat of another article's text
	renamed := make(map[string]string) // stored ID an earlier release gave → the ID it is read under now
	readDone := make(chan struct{})    // closed when readErr, counts, seen, dupIDs and renamed are final
	go func() {
		defer close(readDone)
		defer close(jobs)
		seq := 0
		texts := newTextTable(sp) // text fingerprint → first ID, numbered in seen
		type waitingDup struct {  // a repeat dropped past the hold limit
			what string // "ID (origin)"
			text digest // the text it repeats
		}
		waiting := make(map[string][]waitingDup) // owner ID → its repeats dropped past the hold limit
		moved := make(map[string]bool)           // IDs written only because they moved to another input
		// The repeats of a text whose owner (stored, or read earlier in
		// this run) may still be read again with another text or go:
		// held until everything was read, then dropped or stored (see
		// holdLimit).
		var held []heldDup
		var heldBytes int
		heldOwner := make(map[string]bool)  // owners of held repeats
		lastText := make(map[string]digest) // ID → text fingerprint it was last kept with, for held owners and conflicting IDs
		heldText := make(map[string]digest) // ID → text fingerprint of its held repeat: what it holds if that is stored
		// holds reports whether owner will hold text fp once this run is
		// over, as far as the reading so far tells.
		holds := func(owner string, fp digest) bool {
			if _, ok := renamed[owner]; ok {
				return false
			}
			if t, ok := lastText[owner]; ok {
				return t == fp
			}
			if t, ok := heldText[owner]; ok {
				// The owner was read again with another text and is
				// held itself: two articles that swapped their texts
				// are each stored, not each dropped for the other.
				return t == fp
			}
			return !(opts.Prune && dupIDs[owner])
		}
		process := func(a read.Article, released bool) error {
			if a.ClaimsID() {
				// A link the input does not vouch for (a file's canonical
				// link or url column) does not take over an article a
				// server of the link's site gave: that one is kept, and
				// this one stored under the link scoped to its input.
				r, ok := seen.get(a.ID)
				owner := nm.name(r.input)
				if !ok {
					owner, ok = ix.input(a.ID)
				}
				if ok && owner != a.Input && read.Vouches(owner, a.URL) {
					was := a.ID
					a.ID = read.ScopedID(a.Input, a.URL)
					if capIDs {
						if c := graph.CapID(a.ID); c != a.ID {
							a.ID = c
						}
					}
					opts.Read.Problem(originProblem(a.Origin, fmt.Sprintf("link %s is the ID of an article fetched from %s, which this input cannot replace; stored under %s", was, owner, a.ID), true))
				}
			}
			if sp.err != nil {
				return sp.err
			}
			fpText := read.TextFingerprint(&a)
			fp := digestOf(fpText)
			if n, ok := texts.get(fp); ok && !seen.is(n, a.ID) && holds(seen.id(n), fp) {
				first := seen.id(n)
				if !released && hold(&held, &heldBytes, a, first, fpText) {
					heldOwner[first] = true
					heldText[a.ID] = fp
					return nil
				}
				if !released {
					waiting[first] = append(waiting[first], waitingDup{fmt.Sprintf("%s (%s)", a.ID, a.Origin), fp})
				}
				counts.dups++
				dupIDs[a.ID] = true
				opts.Read.Problem(originProblem(a.Origin, fmt.Sprintf("duplicate of article %s (same text); not stored again", first), true))
				return nil
			}
			prior := renamedFrom(&a, ix, seen, renamed)
			if owner, ok := ix.owner(fp); ok && owner != a.ID && owner != prior && !ix.holds(a.ID, fp) &&
				textOwner(owner, ix, seen, dupIDs, renamed, scopes, opts.Prune) && holds(owner, fp) {
				texts.put(fp, seen.number(owner))
				if !released && hold(&held, &heldBytes, a, owner, fpText) {
					heldOwner[owner] = true
					heldText[a.ID] = fp
					return nil
				}
				if !seen.has(owner) && !released {
					waiting[owner] = append(waiting[owner], waitingDup{fmt.Sprintf("%s (%s)", a.ID, a.Origin), fp})
				}
				counts.dups++
				dupIDs[a.ID] = true
				opts.Read.Problem(originProblem(a.Origin, fmt.Sprintf("duplicate of stored article %s (same text); not stored again", owner), true))
				return nil
			}
			if was, ok := ix.text(a.ID); ok && was != fp && textHeldBy(texts, seen, was, a.ID) {
				texts.del(was) // it leaves its stored text free for another
			}
			texts.put(fp, seen.number(a.ID))
			hash := digestOf(x.Hash(&a))
			prev, exists := ix.hash(a.ID)
			r, again := seen.get(a.ID)
			sent := r.hash
			kind := countsNone
			send := true
			switch {
			case again && sent == hash:
				counts.dups++
				opts.Read.Problem(originProblem(a.Origin, fmt.Sprintf("article %s seen again, unchanged; stored once", a.ID), true))
				return nil
			case again:
				// The same ID with other content: the later version
				// wins, as it would in a later run, and the earlier is
				// lost, so both places are reported.
				counts.conflicts++
				if exists && prev == sent && !moved[a.ID] {
					// The earlier version was the stored one, not
					// written: this one changes the store.
					counts.unchanged--
					counts.changed++
					kind = countsChanged
				}
				opts.Read.Problem(originProblem(a.Origin, fmt.Sprintf("article ID %s read twice with different content (first at %s); the later one is stored", a.ID, r.first.origin(nm)), false))
			case exists && prev == hash && (!ix.inputs || ix.inputName(a.ID) == a.Input):
				counts.unchanged++
				send = false
			case exists:
				counts.changed++
				kind = countsChanged
				if prev == hash {
					moved[a.ID] = true
				}
				if from, _ := ix.input(a.ID); from != "" && from != a.Input && prev != hash {
					// Two inputs that give one ID to different articles
					// (relative links, numbered records, a saved page and
					// a feed) replace each other's article; never without
					// a word.
					what := "with other content"
					if was, ok := ix.text(a.ID); ok && was != fp {
						what = "with another text"
					}
					opts.Read.Problem(originProblem(a.Origin, fmt.Sprintf("article ID %s was stored from %s %s; replaced by this one", a.ID, from, what), true))
				}
			case prior != "":
				// Stored by an earlier release under another ID: the
				// same article, moved to its ID (the old one goes once
				// this one is written).
				counts.changed++
				kind = countsChanged
			default:
				counts.fresh++
				kind = countsNew
			}
			if prior != "" {
				renamed[prior] = a.ID
				counts.renamed++
			}
			if again || heldOwner[a.ID] {
				lastText[a.ID] = fp
			}
			if w := waiting[a.ID]; len(w) > 0 {
				// Its text was taken to be still there, and too many
				// repeats were held to hold these too: those of its
				// earlier text are not stored, which an ingest more
				// will put right.
				var lost []string
				kept := w[:0]
				for _, d := range w {
					if d.text == fp {
						kept = append(kept, d)
					} else {
						lost = append(lost, d.what)
					}
				}
				waiting[a.ID] = kept
				if len(lost) > 0 {
					opts.Read.Problem(originProblem(a.Origin, fmt.Sprintf("article %s changed its text, which %s repeated; those were not stored in this run (ingest again to store them)", a.ID, strings.Join(lost, ", ")), true))
				}
			}
			first := r.first
			if !again {
				first = placeOf(a.Origin, nm)
			}
			seen.set(a.ID, readArticle{hash: hash, input: nm.of(a.Input), first: first})
			if !send || opts.DryRun {
				return nil
			}
			if sp.err != nil {
				return sp.err // what was compared may be wrong: nothing goes to the store
			}
			select {
			case jobs <- job{seq: seq, a: a, text: fpText, origin: a.Origin, kind: kind, prior: prior}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		readErr = read.Read(ctx, inputs, opts.Read, func(a read.Article) error {
			nread.Add(1)
			if capIDs {
				if c := graph.CapID(a.ID); c != a.ID {
					a.PriorIDs = append(a.PriorIDs, a.ID)
					a.ID = c
				}
			}
			return process(a, false)
		})
		if readErr != nil {
			return
		}
		// Everything was read: a held repeat whose owner still holds its
		// text is a duplicate; one whose owner changed its text or goes
		// is stored, after everything read.
		for _, h := range held {
			if holds(h.owner, digestOf(h.text)) {
				// Dropped: its ID keeps what the store holds.
				delete(heldText, h.a.ID)
				counts.dups++
				dupIDs[h.a.ID] = true
				what := "article"
				if !seen.has(h.owner) {
					what = "stored article"
				}
				opts.Read.Problem(originProblem(h.a.Origin, fmt.Sprintf("duplicate of %s %s (same text); not stored again", what, h.owner), true))
				continue
			}
			if readErr = process(h.a, true); readErr != nil {
				return
			}
		}
		readErr = sp.err
	}()

	// Stage 2: extract on every core.
	var wg sync.WaitGroup
	for i := 0; i < opts.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.doc, j.failed = extractArticle(x, &j.a)
				if j.failed != "" {
					j.failed = fmt.Sprintf("article %s not stored: extraction failed: %s (a bug in newsgraph; please report it with the article)", j.a.ID, j.failed)
					j.a = read.Article{}
					select {
					case done <- j:
					case <-ctx.Done():
						return
					}
					continue
				}
				j.doc.Article.Text = j.text
				if capIDs {
					j.doc.CapIDs()
				}
				j.cutAt = capMentions(&j.doc, opts.MaxMentions)
				j.capped = capEntities(&j.doc, opts.MaxEntities)
				j.a = read.Article{} // the body is not needed any more
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
		st.Read, st.Skipped, st.Warnings = int(nread.Load()), int(skipped.Load()), int(warnings.Load())
		st.Elapsed = time.Since(start)
		return st
	}
	pending := make(map[int]job)
	next := 0
	var batch []job
	var docs []graph.Document
	var written struct{ fresh, changed int }
	renamedWritten := make(map[string]bool) // IDs written that replace a prior ID
	wrote := func(j job) {
		st.Written++
		if j.prior != "" {
			renamedWritten[j.doc.Article.ID] = true
		}
		switch j.kind {
		case countsNew:
			written.fresh++
		case countsChanged:
			written.changed++
		}
	}
	// With a grouping store, the chunks written into the open group
	// (inGroup: their counting, not their documents) count as written once
	// the group commits; a group lost to an error loses them all.
	var group graph.Group
	var inGroup []job
	apply := store.Apply
	lost := func(err error) error {
		n := len(batch) + len(inGroup)
		if group != nil {
			group.Rollback()
			group, inGroup = nil, inGroup[:0]
		}
		return fmt.Errorf("write %d articles: %w", n, err)
	}
	accepted := func(j job) {
		if group == nil {
			wrote(j)
			return
		}
		inGroup = append(inGroup, job{doc: graph.Document{Article: graph.Article{ID: j.doc.Article.ID}}, kind: j.kind, prior: j.prior})
	}
	// flush writes the batch, and commits the group when it holds
	// opts.Batch articles or commit is set.
	flush := func(commit bool) error {
		if err := check(); err != nil {
			return err
		}
		if len(batch) > 0 {
			if grouping && group == nil {
				g, err := grouper.Group(ctx)
				if err != nil {
					return lost(err)
				}
				group, apply = g, g.Apply
			}
			docs = docs[:0]
			for _, j := range batch {
				docs = append(docs, j.doc)
			}
			err := apply(ctx, docs)
			switch {
			case err == nil:
				for _, j := range batch {
					accepted(j)
				}
			case errors.Is(err, graph.ErrRejected) && ctx.Err() == nil:
				// One bad document must not cost the others: write
				// them one at a time and skip those still rejected.
				for _, j := range batch {
					jerr := apply(ctx, []graph.Document{j.doc})
					switch {
					case jerr == nil:
						accepted(j)
					case errors.Is(jerr, graph.ErrRejected) && ctx.Err() == nil:
						opts.Read.Problem(originProblem(j.origin, fmt.Sprintf("article %s not stored: %v", j.doc.Article.ID, jerr), false))
					default:
						return lost(fmt.Errorf("article %s: %w", j.doc.Article.ID, jerr))
					}
				}
			default:
				return lost(err)
			}
			batch = batch[:0]
		}
		if group != nil && (commit || len(inGroup) >= opts.Batch) {
			if err := group.Commit(ctx); err != nil {
				return lost(err)
			}
			for _, j := range inGroup {
				wrote(j)
			}
			group, apply, inGroup = nil, store.Apply, inGroup[:0]
		}
		if group == nil && opts.Committed != nil && !opts.DryRun {
			// Without a group each Apply is a transaction of its own.
			c := snapshot()
			c.New, c.Changed = written.fresh, written.changed
			opts.Committed(c)
		}
		if opts.Progress != nil {
			opts.Progress(snapshot())
		}
		return nil
	}
	// Stage 3b: write the chunks on a goroutine of their own, so the
	// workers go on extracting while a chunk is written or a group
	// commits. Writing is serial and costs as much CPU as extracting; run
	// inline, it stopped extraction while it ran and left a core idle.
	// One chunk waits in the channel, one is being gathered: at most
	// three chunks of documents are held.
	var writeErr error // the writer's; read once writerDone is closed
	chunks := make(chan []job, 1)
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for b := range chunks {
			if writeErr != nil {
				continue // drain so the gathering loop can finish
			}
			batch = b
			if writeErr = flush(false); writeErr != nil {
				cancel()
			}
		}
	}()
	gathered := make([]job, 0, chunk)
	for j := range done {
		if ctx.Err() != nil {
			continue // drain so the workers can stop
		}
		j.a = read.Article{}
		pending[j.seq] = j
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if d.failed != "" {
				// One article the extractor cannot read must not cost the
				// run: it is reported and skipped, the rest are written.
				opts.Read.Problem(originProblem(d.origin, d.failed, false))
				continue
			}
			if d.cutAt >= 0 {
				opts.Read.Problem(originProblem(d.origin, mentionsWarning(d.doc.Article.ID, opts.MaxMentions, d.cutAt), true))
			}
			if d.capped > 0 {
				opts.Read.Problem(originProblem(d.origin, capWarning(d.doc.Article.ID, opts.MaxEntities, d.capped), true))
			}
			gathered = append(gathered, d)
			if len(gathered) >= chunk {
				chunks <- gathered
				gathered = make([]job, 0, chunk)
			}
		}
	}
	<-readDone
	if readErr == nil && ctx.Err() == nil && len(gathered) > 0 {
		chunks <- gathered
	}
	close(chunks)
	<-writerDone
	if writeErr == nil && readErr == nil && ctx.Err() != nil {
		// Cancelled from outside while gathering: chunks were dropped.
		writeErr = fmt.Errorf("write: %w", ctx.Err())
	}
	if writeErr == nil && readErr == nil {
		batch = batch[:0]
		writeErr = flush(true)
	}
	if group != nil {
		// Stopped before the end: what the group holds is not written.
		group.Rollback()
	}
	st.New, st.Changed, st.Unchanged, st.Duplicates, st.Conflicts = counts.fresh, counts.changed, counts.unchanged, counts.dups, counts.conflicts
	st.Renamed = counts.renamed
	if !opts.DryRun {
		// What was written, not what was meant to be: a batch lost to an
		// error, or an article the store rejected, is not new.
		st.New, st.Changed = written.fresh, written.changed
		// The old IDs go once their articles are stored under the new
		// ones, even when a later batch failed: the next run, finding
		// both, would otherwise keep both.
		var old []string
		for p, id := range renamed {
			if seen.has(p) {
				continue // read under its own ID too
			}
			if ix.has(id) || renamedWritten[id] {
				old = append(old, p)
			}
		}
		sort.Strings(old)
		st.Renamed = len(old)
		if len(old) > 0 && parent.Err() == nil && check() == nil && sp.err == nil {
			if err := remove(parent, store, old); err != nil && writeErr == nil {
				writeErr = fmt.Errorf("remove the earlier IDs of renamed articles: %w", err)
			}
		}
	}
	if opts.Prune && writeErr == nil && readErr == nil && ctx.Err() == nil && sp.err == nil {
		// A list read from an index that failed part way is not removed.
		if ids := pruned(inputs, incomplete, ix, seen, dupIDs, renamed); sp.err == nil {
			st.RemovedIDs = ids
			st.Removed = len(st.RemovedIDs)
			st.KeptInputs = slices.Compact(slices.Sorted(slices.Values(incomplete)))
			if !opts.DryRun {
				writeErr = remove(ctx, store, st.RemovedIDs)
			}
		}
	}
	if writeErr == nil && readErr == nil && sp.err != nil {
		writeErr = sp.err // the index failed after the reading: renamed or pruned articles were left
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
func pruned(inputs, incomplete []string, ix *articleIndex, seen *readIndex, dupIDs map[string]bool, renamed map[string]string) []string {
	scopes := scopesOf(inputs)
	var ids []string
	ix.each(func(id string, s storedArticle) {
		in := ix.names.name(s.input)
		if seen.has(id) || in == "" {
			return // kept, or stored before inputs were recorded
		}
		if _, ok := renamed[id]; ok {
			return // removed as renamed, not pruned
		}
		if within(in, scopes) && !within(in, incomplete) || dupIDs[id] {
			ids = append(ids, id)
		}
	})
	for id := range dupIDs {
		if !seen.has(id) {
			if s, ok := ix.stored(id); ok && s.input == 0 {
				ids = append(ids, id) // a repeat stored before inputs were recorded
			}
		}
	}
	sort.Strings(ids)
	return ids
}

// scopesOf returns inputs as stored articles record them (Article.Input):
// absolute paths, URLs, "stdin".
func scopesOf(inputs []string) []string {
	scopes := make([]string, len(inputs))
	for i, in := range inputs {
		switch {
		case in == "-":
			scopes[i] = "stdin"
		case isURL(in):
			scopes[i] = graph.Redact(in) // as read.Read records it
		default:
			scopes[i] = read.InputID(in)
		}
	}
	return scopes
}

// capIDs says whether Run caps IDs with graph.CapID; tests turn it off to
// make a store reject a write.
var capIDs = true

// textOwner reports whether the stored article id may still hold its text
// once this run is over, so that an article read under another ID with
// that text is (tentatively, see Run) a duplicate of it. It may not when
// this run has already read id — with another text, or the text would
// have been found read under id — or moved it to its new ID (renamed), or
// read it as a repeat of another text and prunes; nor when this run prunes
// and reads id's input again (id's input is within scopes): a pruning run
// stores what a fresh ingest would, and a fresh ingest keeps the first of
// two copies it reads, so the copies are left to the comparison within the
// run. A store that records no inputs (stored == nil) is taken to keep id
// unless this run read it.
func textOwner(id string, ix *articleIndex, seen *readIndex, dupIDs map[string]bool, renamed map[string]string, scopes []string, prune bool) bool {
	if seen.has(id) {
		return false
	}
	if _, ok := renamed[id]; ok {
		return false
	}
	if prune && dupIDs[id] {
		return false
	}
	in, ok := ix.input(id)
	if !ok || in == "" || !within(in, scopes) {
		return true
	}
	return !prune
}

// renamedFrom returns the stored ID that a is the same article as, under the
// ID an earlier release gave it (a.PriorIDs, or their capped forms): one
// stored from the same input, that this run has neither read nor moved
// already; "" when none, or when a's ID was read before in this run.
func renamedFrom(a *read.Article, ix *articleIndex, seen *readIndex, renamed map[string]string) string {
	if len(a.PriorIDs) == 0 || !ix.inputs || a.Input == "" {
		return ""
	}
	if seen.has(a.ID) {
		return ""
	}
	for _, p := range a.PriorIDs {
		for _, id := range []string{p, graph.CapID(p)} {
			if in, _ := ix.input(id); id == a.ID || in != a.Input {
				continue
			}
			if seen.has(id) {
				continue
			}
			if _, ok := renamed[id]; ok {
				continue
			}
			return id
		}
	}
	return ""
}

// textHeldBy reports whether texts gives text fp to id.
func textHeldBy(texts *textTable, seen *readIndex, fp digest, id string) bool {
	n, ok := texts.get(fp)
	return ok && seen.is(n, id)
}

// Bounds on the repeats Run holds until everything was read (see Run):
// past either, a repeat is dropped at once, as it is on its own text's
// last word, and a warning says so should its owner change.
const (
	holdLimit = 10000    // articles
	holdBytes = 64 << 20 // bytes of their titles and bodies
)

// heldDup is an article read as a repeat of owner's text, fingerprint text,
// held until everything was read.
type heldDup struct {
	a           read.Article
	owner, text string
}

// hold appends a to held unless that would pass holdLimit or holdBytes,
// and reports whether it did.
func hold(held *[]heldDup, size *int, a read.Article, owner, fp string) bool {
	n := len(a.Title) + len(a.Body)
	if len(*held) >= holdLimit || *size+n > holdBytes {
		return false
	}
	*held = append(*held, heldDup{a: a, owner: owner, text: fp})
	*size += n
	return true
}

// originProblem returns the problem reason (a warning when warning) about
// the article read at origin, which readers write as "FILE", "FILE:LINE",
// "FILE: record N" or, for a feed's items, "FILE#N": the line or record
// goes to its own field, as read errors have it.
func originProblem(origin, reason string, warning bool) read.Problem {
	p := read.Problem{File: origin, Reason: reason, Warning: warning}
	if f, n, ok := strings.Cut(origin, ": record "); ok {
		if r, err := strconv.Atoi(n); err == nil && r > 0 {
			p.File, p.Record = f, r
		}
		return p
	}
	if i := strings.LastIndexAny(origin, ":#"); i > 0 {
		n, err := strconv.Atoi(origin[i+1:])
		if err != nil || n <= 0 || origin[i+1] == '+' {
			return p
		}
		f := origin[:i]
		if origin[i] == '#' {
			p.File, p.Record = f, n
			return p
		}
		if isURL(f) && !strings.Contains(f[strings.Index(f, "//")+2:], "/") {
			return p // a port: https://example.org:8080
		}
		p.File, p.Line = f, n
	}
	return p
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

// extractDoc runs the extractor on one article; tests replace it to make
// an article fail.
var extractDoc = func(x *extract.Extractor, a *read.Article) graph.Document { return x.Extract(a) }

// extractArticle extracts a, turning a panic of the extractor into a
// reason: a bug met on one article's text is reported for that article,
// and the run goes on.
func extractArticle(x *extract.Extractor, a *read.Article) (doc graph.Document, failed string) {
	defer func() {
		if r := recover(); r != nil {
			doc, failed = graph.Document{}, fmt.Sprint(r)
		}
	}()
	return extractDoc(x, a), ""
}
