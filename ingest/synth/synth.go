package synth

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// Source is a corpus to recombine: its articles' bodies cut into
// sentences. It is read-only once loaded and safe for concurrent Writes.
type Source struct {
	articles []article
}

// article is one source article: its body and the byte spans of its
// sentences in it.
type article struct {
	source, title string
	body          string
	sents         []norm.Span
}

// ErrEmpty is returned by Load when the inputs hold no article with a
// sentence in its body.
var ErrEmpty = errors.New("synth: no source article has a sentence")

// Load reads the source corpus from inputs (files, folders, URLs, as
// `newsgraph ingest` takes them) with read.Read and opts. Articles whose
// body has no sentence are skipped; problems go to opts.Problem as read
// reports them. It returns ErrEmpty, with the first problem that skipped
// input, when nothing is left.
func Load(ctx context.Context, inputs []string, opts read.ReadOptions) (*Source, error) {
	s := &Source{}
	var first *read.Problem // the first problem that skipped something, for ErrEmpty
	report := opts.Problem
	opts.Problem = func(p read.Problem) {
		if first == nil && !p.Warning {
			first = &p
		}
		if report != nil {
			report(p)
		}
	}
	err := read.Read(ctx, inputs, opts, func(a read.Article) error {
		sents := norm.Sentences(a.Body)
		if len(sents) == 0 {
			return nil
		}
		s.articles = append(s.articles, article{source: a.Source, title: a.Title, body: a.Body, sents: sents})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("synth: read source corpus: %w", err)
	}
	if len(s.articles) == 0 {
		if first != nil {
			return nil, fmt.Errorf("%w (first problem: %v)", ErrEmpty, first)
		}
		return nil, ErrEmpty
	}
	return s, nil
}

// Articles returns the number of source articles with a sentence.
func (s *Source) Articles() int { return len(s.articles) }

// Sentences returns the number of sentences of the source articles.
func (s *Source) Sentences() int {
	n := 0
	for _, a := range s.articles {
		n += len(a.sents)
	}
	return n
}

// Options says what Write makes. The zero value of a field means its
// default.
type Options struct {
	// Seed selects the corpus; the same seed gives the same articles.
	Seed uint64
	// MinParts and MaxParts bound the number of source articles each new
	// article takes sentences from (defaults 2 and 4; at most the number
	// of source articles).
	MinParts, MaxParts int
	// Start is the first day of the dates (default 2022-01-01 UTC), Days
	// how many days they spread over (default 365).
	Start time.Time
	Days  int
	// Source names the source of articles whose source article has none
	// (default "synth.invalid").
	Source string
}

func (o *Options) defaults(articles int) error {
	if o.MinParts == 0 {
		o.MinParts = 2
	}
	if o.MaxParts == 0 {
		o.MaxParts = 4
	}
	if o.MinParts < 1 || o.MaxParts < o.MinParts {
		return fmt.Errorf("synth: parts %d–%d: want 1 ≤ min ≤ max", o.MinParts, o.MaxParts)
	}
	o.MinParts = min(o.MinParts, articles)
	o.MaxParts = min(o.MaxParts, articles)
	if o.Start.IsZero() {
		o.Start = time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if o.Days == 0 {
		o.Days = 365
	}
	if o.Days < 0 {
		return fmt.Errorf("synth: %d days: want a positive number", o.Days)
	}
	if o.Source == "" {
		o.Source = "synth.invalid"
	}
	return nil
}

// Record is one article Write makes, as it is written: a JSON object with
// these keys, in this order.
type Record struct {
	ID     string `json:"id"`
	URL    string `json:"url"`
	Source string `json:"source"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Body   string `json:"body"`
}

// Write writes n articles to w as JSON lines (see the package comment for
// how each is made). It returns the first error writing to w or checking
// ctx, which it checks every thousand articles.
func (s *Source) Write(ctx context.Context, w io.Writer, n int, opts Options) error {
	if n < 0 {
		return fmt.Errorf("synth: %d articles: want 0 or more", n)
	}
	if err := opts.defaults(len(s.articles)); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false) // the text as it is, not \u003c
	var g generator
	for i := 0; i < n; i++ {
		if i%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := enc.Encode(g.make(s, uint64(i), &opts)); err != nil {
			return fmt.Errorf("synth: write article %d: %w", i, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("synth: write: %w", err)
	}
	return nil
}

// generator holds the buffers one article is made in, reused between
// articles.
type generator struct {
	picked []int
	body   strings.Builder
}

// Article returns article i of the corpus Write makes with opts, as Write
// writes it.
func (s *Source) Article(i uint64, opts Options) (Record, error) {
	if err := opts.defaults(len(s.articles)); err != nil {
		return Record{}, err
	}
	var g generator
	return g.make(s, i, &opts), nil
}

func (g *generator) make(s *Source, i uint64, o *Options) Record {
	// A stream of its own per article: article i does not depend on n,
	// nor on the articles before it.
	r := rand.New(rand.NewPCG(o.Seed, i^0x9e3779b97f4a7c15))

	length := len(s.articles[r.IntN(len(s.articles))].sents)
	parts := o.MinParts + r.IntN(o.MaxParts-o.MinParts+1)
	length = max(length, parts) // at least a sentence of each part

	// Distinct source articles, drawn by partial rejection: parts is
	// tiny next to the corpus.
	g.picked = g.picked[:0]
	for len(g.picked) < parts {
		j := r.IntN(len(s.articles))
		dup := false
		for _, p := range g.picked {
			dup = dup || p == j
		}
		if !dup {
			g.picked = append(g.picked, j)
		}
	}

	// Share length among the parts, the remainder to the first; take a
	// contiguous run of each, as long as its article allows.
	g.body.Reset()
	for k, j := range g.picked {
		a := &s.articles[j]
		want := length / parts
		if k == 0 {
			want += length % parts
		}
		want = min(want, len(a.sents))
		from := r.IntN(len(a.sents) - want + 1)
		for _, sp := range a.sents[from : from+want] {
			if g.body.Len() > 0 {
				g.body.WriteByte(' ')
			}
			g.body.WriteString(a.body[sp.Start:sp.End])
		}
	}

	first := &s.articles[g.picked[0]]
	source := first.source
	if source == "" {
		source = o.Source
	}
	date := o.Start.Add(time.Duration(r.Int64N(int64(o.Days)*86400)) * time.Second)
	id := fmt.Sprintf("synth-%d-%08d", o.Seed, i)
	return Record{
		ID:     id,
		URL:    "https://" + hostOf(source) + "/synth/" + id,
		Source: source,
		Title:  first.title,
		Date:   date.UTC().Format(time.RFC3339),
		Body:   g.body.String(),
	}
}

// hostOf turns a source name into something a URL's host can be: the name
// itself where it is a host name ("aljazeera.net"), else "synth.invalid".
func hostOf(source string) string {
	for _, c := range source {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			return "synth.invalid"
		}
	}
	if !strings.Contains(source, ".") {
		return "synth.invalid"
	}
	return source
}
