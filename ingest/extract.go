package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
	"github.com/newsgraph/newsgraph/ingest/norm"
)

// extractorVersion changes whenever extraction changes what it finds in the
// same text, so a re-ingest re-reads every article rather than keeping
// documents an older extractor built.
const extractorVersion = "1"

// Extractor turns articles into graph documents. It is safe for concurrent
// use.
type Extractor struct {
	lex *lexicon.Lexicon
}

// NewExtractor returns an extractor that recognises the entities of lex.
func NewExtractor(lex *lexicon.Lexicon) *Extractor {
	return &Extractor{lex: lex}
}

// Hash is the fingerprint a store keeps for a: it changes when the article's
// content, the lexicon or the extractor changes.
func (x *Extractor) Hash(a *Article) string {
	h := sha256.New()
	h.Write([]byte(a.ContentHash()))
	h.Write([]byte("\x00extractor " + extractorVersion + "\x00lexicon " + x.lex.Digest()))
	return hex.EncodeToString(h.Sum(nil))
}

// Extract finds the entities a mentions, in its title and its body. The
// title is sentence 0; the body's sentences follow.
func (x *Extractor) Extract(a *Article) graph.Document {
	doc := graph.Document{Article: graph.Article{
		ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title,
		Published: a.Published, Lang: a.Lang, Hash: x.Hash(a),
	}}
	text := a.Title + "\n" + a.Body
	sentences := norm.Sentences(text)
	toks := norm.Tokens(text)

	type acc struct {
		entry     *lexicon.Entry
		count     int
		surfaces  map[string]bool
		sentences map[int]bool
	}
	found := make(map[string]*acc)
	var order []string
	s := 0 // sentence cursor: matches arrive in text order
	for _, m := range x.lex.Match(toks) {
		start, end := toks[m.Start].Start, toks[m.End-1].End
		for s < len(sentences)-1 && sentences[s].End <= start {
			s++
		}
		e := found[m.Entry.ID]
		if e == nil {
			e = &acc{entry: m.Entry, surfaces: map[string]bool{}, sentences: map[int]bool{}}
			found[m.Entry.ID] = e
			order = append(order, m.Entry.ID)
		}
		e.count++
		e.surfaces[text[start:end]] = true
		e.sentences[s] = true
	}
	sort.Strings(order)
	for _, id := range order {
		e := found[id]
		doc.Entities = append(doc.Entities, e.entry.Entity())
		doc.Mentions = append(doc.Mentions, graph.Mention{
			EntityID:  id,
			Count:     e.count,
			Surfaces:  sortedKeys(e.surfaces),
			Sentences: sortedInts(e.sentences),
		})
	}
	return doc
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedInts(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}
