package nereval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// Entity types, as gold files and reports name them. ANERcorp's PERS is
// read as PER.
const (
	PER  = "PER"
	LOC  = "LOC"
	ORG  = "ORG"
	MISC = "MISC"
)

// DefaultTypes are the types scored unless others are asked for: the three
// the extractor finds. MISC (nationalities, events, works…) is not one.
var DefaultTypes = []string{PER, LOC, ORG}

// DefaultDocSentences is how many sentences make a document when a gold file
// marks none (ANERcorp): enough context for a surname to follow the full
// name it refers to.
const DefaultDocSentences = 50

// Document is a run of gold sentences read as one article.
type Document struct {
	Name      string // "file:line" of its first token
	Sentences []Sentence
	// Marked: the file marks its documents with -DOCSTART- lines, so it
	// comes split into its own parts (CoNLL-2003's train, valid, test);
	// otherwise it comes whole (ANERcorp) and was cut every
	// Options.DocSentences sentences, and DevSplit says which documents
	// are development data.
	Marked bool
}

// Sentence is one gold sentence: a tag per token.
type Sentence struct {
	Line   int      // line of its first token in the gold file
	Tokens []string // as written; may be "" (ANERcorp has a few empty tokens)
	Tags   []string // O, B-TYPE or I-TYPE, with PERS normalised to PER
}

// Gold returns the gold chunks of each sentence of d.
func (d Document) Gold() [][]Span {
	out := make([][]Span, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = Spans(s.Tags)
	}
	return out
}

// Options say how a gold file is cut into documents.
type Options struct {
	// DocSentences is how many sentences make one document in a file
	// without -DOCSTART- lines; 0 makes the whole file one document.
	DocSentences int
}

// ReadCoNLL reads gold documents in the CoNLL format, with
// DefaultDocSentences; see ReadCoNLLWith.
func ReadCoNLL(r io.Reader, name string) ([]Document, error) {
	return ReadCoNLLWith(r, name, Options{DocSentences: DefaultDocSentences})
}

// ReadCoNLLWith reads gold documents in the CoNLL format: a token a line,
// its tag the last whitespace-separated field (ANERcorp: "TOKEN TAG";
// CoNLL-2003: "TOKEN POS CHUNK TAG"); blank lines end sentences and
// "-DOCSTART-" lines start documents. A file without any blank line
// (ANERcorp) ends a sentence after each "." token tagged O; a file without
// -DOCSTART- lines is cut into documents of opts.DocSentences sentences.
// Tags are BIO (IOB1 or IOB2) over PER (or PERS), LOC, ORG and MISC. name
// is the file name errors report, with the line.
func ReadCoNLLWith(r io.Reader, name string, opts Options) ([]Document, error) {
	if opts.DocSentences < 0 {
		return nil, fmt.Errorf("read %s: negative sentences per document (%d)", name, opts.DocSentences)
	}
	type line struct {
		n         int
		tok, tag  string
		blank     bool
		docstart  bool
		sentBreak bool // a "." tagged O: a sentence end when the file has no blank lines
	}
	var lines []line
	hasBlank, hasDocstart := false, false
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		fields := strings.Fields(text)
		switch {
		case len(fields) == 0:
			lines = append(lines, line{n: n, blank: true})
			continue
		case fields[0] == "-DOCSTART-":
			hasDocstart = true
			lines = append(lines, line{n: n, docstart: true})
			continue
		}
		tok, tag := fields[0], fields[len(fields)-1]
		if len(fields) == 1 {
			tok = "" // " O": an empty token (ANERcorp has a few)
		}
		tag, err := parseTag(tag)
		if err != nil {
			if len(fields) == 1 {
				err = fmt.Errorf("%q: want TOKEN ... TAG", text)
			}
			return nil, fmt.Errorf("read %s line %d: %w", name, n, err)
		}
		lines = append(lines, line{n: n, tok: tok, tag: tag, sentBreak: tok == "." && tag == "O"})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s line %d: %w", name, len(lines)+1, err)
	}
	for i, l := range lines {
		// A blank line counts only between tokens: a file may end with one.
		if l.blank && i+1 < len(lines) {
			hasBlank = true
			break
		}
	}

	var docs []Document
	var doc *Document
	var sent *Sentence
	endSentence := func() {
		if sent == nil {
			return
		}
		if doc == nil {
			docs = append(docs, Document{Name: fmt.Sprintf("%s:%d", name, sent.Line), Marked: hasDocstart})
			doc = &docs[len(docs)-1]
		}
		doc.Sentences = append(doc.Sentences, *sent)
		sent = nil
		if !hasDocstart && opts.DocSentences > 0 && len(doc.Sentences) >= opts.DocSentences {
			doc = nil
		}
	}
	for _, l := range lines {
		switch {
		case l.blank:
			endSentence()
		case l.docstart:
			endSentence()
			doc = nil
		default:
			if sent == nil {
				sent = &Sentence{Line: l.n}
			}
			sent.Tokens = append(sent.Tokens, l.tok)
			sent.Tags = append(sent.Tags, l.tag)
			if !hasBlank && l.sentBreak {
				endSentence()
			}
		}
	}
	endSentence()
	return docs, nil
}

// IsTag reports whether tag is a BIO tag ReadCoNLL accepts: O, B-TYPE or
// I-TYPE.
func IsTag(tag string) bool {
	_, err := parseTag(tag)
	return err == nil
}

// parseTag checks a BIO tag and normalises its type.
func parseTag(tag string) (string, error) {
	if tag == "O" {
		return tag, nil
	}
	prefix, typ, ok := strings.Cut(tag, "-")
	if !ok || (prefix != "B" && prefix != "I") || typ == "" {
		return "", fmt.Errorf("tag %q: want O, B-TYPE or I-TYPE", tag)
	}
	return prefix + "-" + normType(typ), nil
}

func normType(t string) string {
	if t == "PERS" {
		return PER
	}
	return t
}

// Span is a chunk of tokens of one type: tokens [Start, End) of a sentence.
type Span struct {
	Type       string
	Start, End int
}

// Spans returns the chunks a sentence's tags mark, as conlleval reads them:
// a chunk starts at B-X, or at I-X after O or after a tag of another type
// (IOB1); it ends before O, before B-, and before a change of type.
func Spans(tags []string) []Span {
	var out []Span
	cur := -1 // index in out of the open chunk, -1 when none
	for i, tag := range tags {
		prefix, typ, _ := strings.Cut(tag, "-")
		typ = normType(typ)
		switch {
		case tag == "O" || tag == "":
			cur = -1
		case prefix == "I" && cur >= 0 && out[cur].Type == typ:
			out[cur].End = i + 1
		default: // B-X, or an I-X that cannot continue the open chunk
			out = append(out, Span{Type: typ, Start: i, End: i + 1})
			cur = len(out) - 1
		}
	}
	return out
}

// typeOf maps the extractor's entity types onto gold types.
var typeOf = map[graph.EntityType]string{
	graph.Person:       PER,
	graph.Organization: ORG,
	graph.Location:     LOC,
}

// notNames are the extraction methods whose mentions are not names, so gold
// files do not mark them: a nationality adjective (العراقي, Iraqi) names a
// country without being its name, and a role phrase (رئيس الوزراء) a person.
var notNames = map[string]bool{"adjective": true, "role": true}

// Article returns the article the extractor reads for doc, and the byte
// offsets of each token in extract.Text of it, per sentence: the body is the
// sentences' tokens joined by single spaces, the sentences joined by line
// breaks; the title is empty.
func Article(doc Document) (*read.Article, [][][2]int) {
	a, offsets, _ := layout(doc)
	return a, offsets
}

// layout is Article, with the offset at which each sentence starts.
func layout(doc Document) (*read.Article, [][][2]int, []int) {
	var b strings.Builder
	offsets := make([][][2]int, len(doc.Sentences))
	starts := make([]int, len(doc.Sentences))
	base := len(extract.Text(&read.Article{})) // the title and its line break
	for i, s := range doc.Sentences {
		if i > 0 {
			b.WriteByte('\n')
		}
		starts[i] = base + b.Len()
		offsets[i] = make([][2]int, len(s.Tokens))
		for j, t := range s.Tokens {
			if j > 0 {
				b.WriteByte(' ')
			}
			start := base + b.Len()
			b.WriteString(t)
			offsets[i][j] = [2]int{start, base + b.Len()}
		}
	}
	body := b.String()
	return &read.Article{ID: doc.Name, Origin: doc.Name, Body: body, Lang: read.DetectLang(body)}, offsets, starts
}

// Predict runs x over doc read as one article (see Article) and returns the
// chunks it finds in each sentence. A mention covers every token it
// overlaps, so a name inside a token with clitics (والكاظمي) takes the
// whole token, as the gold does. Mentions that are not names (nationality
// adjectives, role phrases) and types without a gold counterpart are
// dropped; of overlapping chunks the longer is kept. Any other method —
// lexicon, coreference, rules — counts.
func Predict(x *extract.Extractor, doc Document) [][]Span {
	a, offsets, starts := layout(doc)
	mentions, _ := x.Mentions(a)
	cands := make([][]Span, len(doc.Sentences))
	for _, m := range mentions {
		typ, ok := typeOf[m.Type]
		if !ok || notNames[m.Method] || m.End <= m.Start {
			continue
		}
		// The sentence holding the mention's start: the last one starting
		// at or before it.
		si := max(sort.Search(len(starts), func(i int) bool { return starts[i] > m.Start })-1, 0)
		toks := offsets[si]
		start, end := -1, -1
		for j, o := range toks {
			if o[0] < m.End && o[1] > m.Start { // overlaps
				if start < 0 {
					start = j
				}
				end = j + 1
			}
		}
		if start < 0 {
			continue // in the space between tokens, or in another sentence
		}
		cands[si] = append(cands[si], Span{Type: typ, Start: start, End: end})
	}
	for i, c := range cands {
		cands[i] = nonOverlapping(c)
	}
	return cands
}

// nonOverlapping keeps the longest of overlapping spans (the earliest of
// equally long ones), in token order.
func nonOverlapping(spans []Span) []Span {
	if len(spans) < 2 {
		return spans
	}
	byLen := append([]Span(nil), spans...)
	sort.SliceStable(byLen, func(i, j int) bool {
		li, lj := byLen[i].End-byLen[i].Start, byLen[j].End-byLen[j].Start
		if li != lj {
			return li > lj
		}
		return byLen[i].Start < byLen[j].Start
	})
	var out []Span
	for _, s := range byLen {
		free := true
		for _, o := range out {
			if s.Start < o.End && o.Start < s.End {
				free = false
				break
			}
		}
		if free {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// Counts are the chunks of one type: in the gold, predicted, and both.
type Counts struct {
	Gold, Predicted, Correct int
}

// Precision is the share of predicted chunks that are correct; 0 when
// nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is the share of gold chunks predicted; 0 when the gold has none.
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall; 0 when both are.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Error is a kind of mistake and how often it was made: a false positive
// (a predicted chunk the gold does not have) or a false negative (a gold
// chunk not predicted), by type and surface text.
type Error struct {
	Kind    string // FP or FN
	Type    string
	Surface string // the chunk's tokens joined by spaces
	Count   int
}

// Report is the outcome of an evaluation.
type Report struct {
	Types   []string          // the types scored, in the order asked
	PerType map[string]Counts // by type
	Micro   Counts            // the sums over Types
	Errors  []Error           // most frequent first; set by Evaluate and Errors, not Score
}

// Score compares predicted chunks with gold ones, sentence by sentence
// (gold[i] and pred[i] are the chunks of the same sentence): a prediction
// is correct when a gold chunk has its type, start and end. Chunks of types
// not in types (nil: DefaultTypes) are left out of both sides.
func Score(gold, pred [][]Span, types []string) Report {
	if types == nil {
		types = DefaultTypes
	}
	r := Report{Types: types, PerType: make(map[string]Counts, len(types))}
	want := make(map[string]bool, len(types))
	for _, t := range types {
		want[t] = true
		r.PerType[t] = Counts{}
	}
	for i := range max(len(gold), len(pred)) {
		var g, p []Span
		if i < len(gold) {
			g = gold[i]
		}
		if i < len(pred) {
			p = pred[i]
		}
		inGold := make(map[Span]bool, len(g))
		for _, s := range g {
			if want[s.Type] && !inGold[s] {
				inGold[s] = true
				c := r.PerType[s.Type]
				c.Gold++
				r.PerType[s.Type] = c
			}
		}
		seen := make(map[Span]bool, len(p))
		for _, s := range p {
			if !want[s.Type] || seen[s] {
				continue
			}
			seen[s] = true
			c := r.PerType[s.Type]
			c.Predicted++
			if inGold[s] {
				c.Correct++
			}
			r.PerType[s.Type] = c
		}
	}
	for _, t := range types {
		c := r.PerType[t]
		r.Micro.Gold += c.Gold
		r.Micro.Predicted += c.Predicted
		r.Micro.Correct += c.Correct
	}
	return r
}

// Errors returns the n most frequent false positives and false negatives
// (all when n < 0) of the given types (nil: DefaultTypes), by type and
// surface text; tokens[i] are the tokens of sentence i. Ties are ordered by
// kind, type and surface.
func Errors(tokens [][]string, gold, pred [][]Span, types []string, n int) []Error {
	if types == nil {
		types = DefaultTypes
	}
	want := make(map[string]bool, len(types))
	for _, t := range types {
		want[t] = true
	}
	type key struct{ kind, typ, surface string }
	counts := make(map[key]int)
	count := func(kind string, toks []string, missing []Span, in map[Span]bool) {
		for _, s := range missing {
			if want[s.Type] && !in[s] {
				counts[key{kind, s.Type, strings.Join(toks[s.Start:s.End], " ")}]++
			}
		}
	}
	for i := range min(len(tokens), len(gold), len(pred)) {
		inGold, inPred := set(gold[i]), set(pred[i])
		count("FP", tokens[i], unique(pred[i]), inGold)
		count("FN", tokens[i], unique(gold[i]), inPred)
	}
	out := make([]Error, 0, len(counts))
	for k, c := range counts {
		out = append(out, Error{Kind: k.kind, Type: k.typ, Surface: k.surface, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.Surface < b.Surface
	})
	if n >= 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

func set(spans []Span) map[Span]bool {
	m := make(map[Span]bool, len(spans))
	for _, s := range spans {
		m[s] = true
	}
	return m
}

func unique(spans []Span) []Span {
	seen := make(map[Span]bool, len(spans))
	var out []Span
	for _, s := range spans {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Corpus is a gold corpus with the extractor's predictions, sentence by
// sentence across its documents.
type Corpus struct {
	Documents, Sentences, Tokens int
	Text                         [][]string // tokens of each sentence
	Gold, Pred                   [][]Span
}

// Run predicts the chunks of every document with x, on every CPU.
func Run(x *extract.Extractor, docs []Document) *Corpus {
	preds := make([][][]Span, len(docs))
	ingest.Parallel(len(docs), func(i int) { preds[i] = Predict(x, docs[i]) })
	c := &Corpus{Documents: len(docs)}
	for i, d := range docs {
		c.Gold = append(c.Gold, d.Gold()...)
		c.Pred = append(c.Pred, preds[i]...)
		for _, s := range d.Sentences {
			c.Text = append(c.Text, s.Tokens)
			c.Tokens += len(s.Tokens)
		}
		c.Sentences += len(d.Sentences)
	}
	return c
}

// Evaluate scores c on types (nil: DefaultTypes) and lists its n most
// frequent errors (all when n < 0).
func (c *Corpus) Evaluate(types []string, n int) Report {
	r := Score(c.Gold, c.Pred, types)
	r.Errors = Errors(c.Text, c.Gold, c.Pred, r.Types, n)
	return r
}

// DevEvery is the stride of the fixed development split: document i
// (0-based, in file order) is a development document when
// i%DevEvery == DevEvery-1, one in ten.
const DevEvery = 10

// DevSplit cuts documents into a training part and the fixed development
// split (see DevEvery), both in file order. It is the one place the split
// is defined: statistical models train on train only, and are tuned and
// scored on dev only. Cut ANERcorp with DefaultDocSentences for the split
// the project's figures are quoted on.
func DevSplit(docs []Document) (train, dev []Document) {
	for i, d := range docs {
		if i%DevEvery == DevEvery-1 {
			dev = append(dev, d)
		} else {
			train = append(train, d)
		}
	}
	return train, dev
}

// MethodCount is how many chunks of one type one extraction method
// (Mention.Method: tagger, lexicon, coreference, …) predicted, and how
// many of them equal a gold chunk.
type MethodCount struct {
	Method, Type       string
	Predicted, Correct int
}

// Precision is the share of the method's chunks that are correct.
func (m MethodCount) Precision() float64 { return ratio(m.Correct, m.Predicted) }

// ByMethod scores each extraction method on its own: every mention x finds
// in docs (read as Predict reads them, each mapped onto the tokens it
// covers, before overlapping chunks are resolved) is correct when a gold
// chunk has its type and boundaries. It is how a hand rule is judged: one
// is kept only while its precision on development data is at least 0.8.
// Sorted by method, then type.
func ByMethod(x *extract.Extractor, docs []Document) []MethodCount {
	counts := make(map[[2]string]*MethodCount)
	for _, d := range docs {
		a, offsets, starts := layout(d)
		gold := d.Gold()
		mentions, _ := x.Mentions(a)
		for _, m := range mentions {
			typ, ok := typeOf[m.Type]
			if !ok || notNames[m.Method] || m.End <= m.Start {
				continue
			}
			si := max(sort.Search(len(starts), func(i int) bool { return starts[i] > m.Start })-1, 0)
			s := Span{Type: typ, Start: -1}
			for j, o := range offsets[si] {
				if o[0] < m.End && o[1] > m.Start {
					if s.Start < 0 {
						s.Start = j
					}
					s.End = j + 1
				}
			}
			if s.Start < 0 {
				continue
			}
			k := [2]string{m.Method, typ}
			c := counts[k]
			if c == nil {
				c = &MethodCount{Method: m.Method, Type: typ}
				counts[k] = c
			}
			c.Predicted++
			for _, g := range gold[si] {
				if g == s {
					c.Correct++
					break
				}
			}
		}
	}
	out := make([]MethodCount, 0, len(counts))
	for _, c := range counts {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Method != out[j].Method {
			return out[i].Method < out[j].Method
		}
		return out[i].Type < out[j].Type
	})
	return out
}
