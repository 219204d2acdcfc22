package read

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// JSON decoding is most of what a re-ingest of an unchanged corpus does,
// so readJSONL decodes lines on every core; these bound the work in flight.
const (
	jsonlChunkLines = 128     // lines a worker decodes at a time
	jsonlChunkBytes = 1 << 20 // or fewer, past this many bytes
)

// jsonlChunk is a run of lines, and what decoding them found.
type jsonlChunk struct {
	first   int      // the line number of lines[0]
	lines   [][]byte // nil for a line over the article limit
	readErr error    // why reading stopped after the last line, if it did
	events  []jsonlEvent
	done    chan struct{} // closed when events are final
}

// jsonlEvent is a problem or an article, in the order the sequential
// reader would have reported them.
type jsonlEvent struct {
	problem *Problem
	article *Article
}

// readJSONLParallel is readJSONL with lines decoded on several goroutines
// and reported in their order: problems, articles and errors alike, exactly
// as readJSONLSequential reports them.
func (rd *reader) readJSONLParallel(ctx context.Context, r io.Reader, src source, workers int) error {
	quit := make(chan struct{})
	work := make(chan *jsonlChunk)
	order := make(chan *jsonlChunk, 2*workers)

	// Read lines into chunks, hand them to the workers and, in order,
	// to the loop below.
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(order)
		defer close(work)
		br := bufio.NewReaderSize(r, 64<<10)
		line := 1
		for {
			c := &jsonlChunk{first: line, done: make(chan struct{})}
			size := 0
			for len(c.lines) < jsonlChunkLines && size < jsonlChunkBytes {
				b, tooLong, err := readLine(br, rd.opts.MaxArticleBytes)
				if err != nil && err != io.EOF {
					c.readErr = err
					break
				}
				if tooLong {
					b = nil
				} else if b == nil {
					b = []byte{} // the end, or an empty line: nothing to read or report
				}
				c.lines = append(c.lines, b)
				size += len(b)
				line++
				if err == io.EOF {
					c.readErr = io.EOF
					break
				}
			}
			for _, ch := range []chan *jsonlChunk{work, order} {
				select {
				case ch <- c:
				case <-quit:
					return
				}
			}
			if c.readErr != nil || ctx.Err() != nil {
				return
			}
		}
	}()
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				rd.decodeChunk(c, src)
			}
		}()
	}
	defer func() {
		close(quit)
		for range order { // let the line reader finish before the input is closed
		}
		wg.Wait()
	}()

	// Every chunk read is reported, however the context ends: decoding a
	// chunk is bounded work, and the line reader stops reading once ctx is
	// done. Articles read before a fetch times out are thus all handed on,
	// never some of them as the scheduler happens to pick (issue 22).
	for c := range order {
		<-c.done
		for _, ev := range c.events {
			if ev.problem != nil {
				rd.problem(*ev.problem)
				continue
			}
			if err := rd.fn(*ev.article); err != nil {
				return err
			}
		}
		switch err := c.readErr; {
		case err == nil:
		case err == io.EOF:
			return nil
		case errors.Is(err, errTooLarge):
			return err
		default:
			return rd.fail(Problem{File: src.name, Line: c.first + len(c.lines), Reason: reason(err)})
		}
	}
	return ctx.Err()
}

// decodeChunk decodes the lines of c with a copy of rd whose problems and
// articles go to c.events.
func (rd *reader) decodeChunk(c *jsonlChunk, src source) {
	defer close(c.done)
	w := *rd
	w.opts.Problem = func(p Problem) { c.events = append(c.events, jsonlEvent{problem: &p}) }
	w.fn = func(a Article) error {
		if rd.opts.Fingerprints {
			a.text = textPrint{a.Title, a.Body, textFingerprint(&a)}
		}
		c.events = append(c.events, jsonlEvent{article: &a})
		return nil
	}
	for i, b := range c.lines {
		at := Problem{File: src.name, Line: c.first + i}
		switch {
		case b == nil:
			at.Reason = fmt.Sprintf("line longer than %d bytes", rd.opts.MaxArticleBytes)
			w.problem(at)
		case len(bytes.TrimSpace(b)) > 0:
			w.jsonRecord(b, src, at) // errors come from fn only, which has none
		}
	}
}

// jsonlWorkers is how many goroutines decode JSON lines.
func jsonlWorkers() int { return runtime.GOMAXPROCS(0) }
