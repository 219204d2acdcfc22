package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// extractorVersion changes whenever extraction changes what it finds in the
// same text, so a re-ingest re-reads every article rather than keeping
// documents an older extractor built.
const extractorVersion = "8"

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
func (x *Extractor) Hash(a *read.Article) string {
	h := sha256.New()
	h.Write([]byte(a.ContentHash()))
	h.Write([]byte("\x00extractor " + extractorVersion + "\x00lexicon " + x.lex.Digest()))
	return hex.EncodeToString(h.Sum(nil))
}

// Mention is one occurrence of an entity in an article's text: its title,
// a line break, then its body (see Text).
type Mention struct {
	EntityID   string
	Type       graph.EntityType
	Start, End int // byte offsets in Text(a)
	Sentence   int // the title is sentence 0
	Surface    string
	Method     string // lexicon, adjective, role, coreference
}

// Text is the text extraction reads: the title, a line break, the body.
// Mention offsets point into it.
func Text(a *read.Article) string { return a.Title + "\n" + a.Body }

// titleWords support a weak alias right after them: "الدكتور حميد".
var titleWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range []string{
		"الرئيس", "السيد", "السيده", "الدكتور", "الشيخ", "النائب", "الوزير", "السفير", "العميد", "اللواء",
		"الفريق", "القائد", "المتحدث", "الحاج", "الامين", "رئيس", "وزير", "سفير", "قائد", "زعيم", "الزعيم",
		"president", "mr", "mrs", "ms", "dr", "sheikh", "minister", "ambassador", "general", "gen", "col",
		"commander", "leader", "spokesman", "spokeswoman", "premier", "ayatollah", "cleric",
	} {
		m[norm.Fold(w)] = true
	}
	return m
}()

// Mentions finds every mention of a known entity in a, in text order, and
// returns them with the entities they refer to.
//
// A name or strong alias counts wherever it occurs. A weak alias (a name
// that is also a common word, such as رئيسي) counts only after a title word
// or once the entity has been named in full earlier in the article. A
// nationality adjective (الإيراني) links the article to the country. A role
// phrase (رئيس الوزراء العراقي) names whoever held the role on the
// article's date, and nothing when the date is unknown. A name that several
// entities share counts only for one already named in the article. After a
// person is named in full, their surname alone refers to them for the rest
// of the article.
func (x *Extractor) Mentions(a *read.Article) ([]Mention, map[string]*lexicon.Entry) {
	text := Text(a)
	return x.mentions(a, text, x.tokens(text), norm.Sentences(text))
}

func (x *Extractor) mentions(a *read.Article, text string, toks []norm.Token, sentences []norm.Span) ([]Mention, map[string]*lexicon.Entry) {
	sentenceOf := func(start int) int {
		i := sort.Search(len(sentences), func(i int) bool { return sentences[i].End > start })
		return min(i, max(len(sentences)-1, 0))
	}
	seen := make(map[string]bool)               // entities named in full so far
	surnames := make(map[string]*lexicon.Entry) // folded surname → person named in full
	entries := make(map[string]*lexicon.Entry)
	covered := make([]bool, len(toks))
	var out []Mention
	add := func(e *lexicon.Entry, from, to int, method string) {
		start, end := toks[from].Start, toks[to-1].End
		out = append(out, Mention{
			EntityID: e.ID, Type: graph.EntityType(e.Type), Start: start, End: end,
			Sentence: sentenceOf(start), Surface: text[start:end], Method: method,
		})
		entries[e.ID] = e
		for i := from; i < to; i++ {
			covered[i] = true
		}
	}
	// titled reports whether a title word (or, for places, a place keyword:
	// "قضاء حديثة") stands right before token at,
	// or before a nationality adjective right before it ("الرئيس الإيراني
	// رئيسي"), and the token itself carries no clitic ("ورئيسي" after a
	// title is "and my boss" far more often than "and Raisi").
	titled := func(at int) bool {
		if x.lex.Form(toks[at].Fold) != toks[at].Fold && !x.lex.Has(toks[at].Fold) {
			return false
		}
		k := at - 1
		if k >= 1 && strings.HasPrefix(toks[k].Fold, "ال") && strings.HasSuffix(toks[k].Fold, "ي") {
			k-- // a nationality adjective between title and name
		}
		return k >= 0 && (titleWords[toks[k].Fold] || placeKeywords[toks[k].Fold])
	}

	matches := x.lex.Match(toks)
	for i := 0; i < len(matches); {
		// The matches of one span: several when entities share the words.
		j := i + 1
		for j < len(matches) && matches[j].Start == matches[i].Start {
			j++
		}
		group := matches[i:j]
		i = j
		var picked []lexicon.Match
		for _, m := range group {
			switch m.Kind {
			case lexicon.KindName, lexicon.KindAdjective:
				picked = append(picked, m)
			case lexicon.KindWeak:
				if seen[m.Entry.ID] || titled(m.Start) {
					picked = append(picked, m)
				}
			case lexicon.KindRole:
				if m.Role.Holds(a.Published) {
					picked = append(picked, m)
				}
			}
		}
		if len(picked) == 0 && group[0].End-group[0].Start > 1 {
			// A role phrase whose term does not cover the article's date,
			// or an unsupported weak name, may hold a shorter match: the
			// adjective in "الرئيس الإيراني".
			sub := x.lex.Match(toks[group[0].Start+1 : group[0].End])
			for _, m := range sub {
				if m.Kind == lexicon.KindName || m.Kind == lexicon.KindAdjective {
					m.Start += group[0].Start + 1
					m.End += group[0].Start + 1
					picked = append(picked, m)
				}
			}
		}
		if len(picked) > 1 && picked[0].Start == picked[len(picked)-1].Start && picked[0].End == picked[len(picked)-1].End {
			var known []lexicon.Match
			for _, m := range picked {
				if seen[m.Entry.ID] {
					known = append(known, m)
				}
			}
			picked = known // ambiguous: only an entity already named counts
		}
		for _, m := range picked {
			method := "lexicon"
			switch m.Kind {
			case lexicon.KindAdjective:
				method = "adjective"
			case lexicon.KindRole:
				method = "role"
			case lexicon.KindWeak:
				if seen[m.Entry.ID] {
					method = "coreference" // it stands for the full name said before
				}
			}
			add(m.Entry, m.Start, m.End, method)
			if m.Kind == lexicon.KindName || m.Kind == lexicon.KindRole {
				seen[m.Entry.ID] = true
			}
			if m.Kind == lexicon.KindName && m.Entry.Type == string(graph.Person) && m.End-m.Start >= 2 {
				last := x.lex.Form(toks[m.End-1].Fold)
				if len([]rune(last)) >= 3 {
					surnames[last] = m.Entry
				}
			}
		}
		// Surnames of people named so far, in the gap before the next match.
		next := len(toks)
		if i < len(matches) {
			next = matches[i].Start
		}
		end := group[0].End
		if len(surnames) > 0 {
			for k := end; k < next; k++ {
				if covered[k] {
					continue
				}
				if e, ok := surnames[x.lex.Form(toks[k].Fold)]; ok {
					add(e, k, k+1, "coreference")
				}
			}
		}
	}
	// Names the lexicon does not know, from the words around them; then the
	// surnames of the people they found, as for known people.
	for _, r := range applyRules(text, toks, covered) {
		e := ruleEntry(r.typ, text, toks[r.start:r.end])
		if known, ok := entries[e.ID]; ok {
			e = known
		}
		add(e, r.start, r.end, "rule")
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, entries
}

// Extract finds the entities a mentions, in its title and its body, and
// returns them as the document a store writes.
func (x *Extractor) Extract(a *read.Article) graph.Document {
	doc := graph.Document{Article: graph.Article{
		ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title,
		Published: a.Published, Lang: a.Lang, Hash: x.Hash(a), Input: a.Input,
	}}
	text := Text(a)
	toks, sentences := x.tokens(text), norm.Sentences(text)
	mentions, entries := x.mentions(a, text, toks, sentences)
	type acc struct {
		surfaces  map[string]bool
		sentences map[int]bool
		spans     []graph.Span // in text order, as mentions are
	}
	found := make(map[string]*acc)
	for _, m := range mentions {
		e := found[m.EntityID]
		if e == nil {
			e = &acc{surfaces: map[string]bool{}, sentences: map[int]bool{}}
			found[m.EntityID] = e
		}
		e.surfaces[m.Surface] = true
		e.sentences[m.Sentence] = true
		e.spans = append(e.spans, graph.Span{Start: m.Start, End: m.End, Sentence: m.Sentence, Surface: m.Surface, Method: m.Method})
	}
	ids := make([]string, 0, len(found))
	for id := range found {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		e := found[id]
		doc.Entities = append(doc.Entities, entries[id].Entity())
		doc.Mentions = append(doc.Mentions, graph.Mention{
			EntityID:  id,
			Count:     len(e.spans),
			Surfaces:  sortedKeys(e.surfaces),
			Sentences: sortedInts(e.sentences),
			Spans:     e.spans,
		})
	}
	doc.Relations = relations(text, toks, sentences, mentions, x.lex)
	named := make(map[int]int) // sentence → entities it names
	for _, e := range found {
		for n := range e.sentences {
			named[n]++
		}
	}
	doc.Sentences = sentenceTexts(text, sentences, named)
	return doc
}

// sentenceTexts returns the texts of the sentences that name two or more
// entities (named counts them by sentence index; sentences[i] is sentence
// i), by ascending index, each cut by clipSentence.
func sentenceTexts(text string, sentences []norm.Span, named map[int]int) []graph.SentenceText {
	var out []graph.SentenceText
	for i, sp := range sentences {
		if named[i] >= 2 {
			out = append(out, graph.SentenceText{Index: i, Text: clipSentence(text[sp.Start:sp.End])})
		}
	}
	return out
}

// clipSentence cuts s to at most graph.MaxSentenceText bytes: after the last
// space that fits, or the last whole rune, marked with "…".
func clipSentence(s string) string {
	if len(s) <= graph.MaxSentenceText {
		return s
	}
	const mark = "…"
	cut := graph.MaxSentenceText - len(mark)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRightFunc(s[:cut], unicode.IsSpace) + mark
}

// tokens returns the words of text (norm.Tokens), with the words a
// zero-width space broke joined again. A zero-width space stands for a
// space in a text that writes most of its spaces so, and is kept as one
// there. Elsewhere it is a break opportunity inside a word, as HTML puts
// in long words and PDF copies leave, and the two tokens it separates are
// one word, unless the words say otherwise: they are not joined when the
// joined word is unknown and either side is a word names or rules know
// ("Mustafa\u200bal-Kadhimi"), or when a capital starts the second
// ("Joe\u200bBiden"). A joined word the lexicon or the rules know is
// always joined ("واشن\u200bطن", "ك\u200bتائب"), so neither the lexicon
// nor a rule reads a fragment of a word as a name.
func (x *Extractor) tokens(text string) []norm.Token {
	toks := norm.Tokens(text)
	glued := 0
	for _, t := range toks {
		if t.Glued {
			glued++
		}
	}
	if glued == 0 || 2*glued >= len(toks) {
		return toks
	}
	out := toks[:0:0]
	for i := 0; i < len(toks); {
		j := i + 1 // the glued run toks[i:j]
		for j < len(toks) && toks[j].Glued {
			j++
		}
		if j-i > 1 && x.knownWord(x.lex.Form(joinFolds(toks[i:j]))) {
			out = append(out, norm.Join(text, toks[i], toks[j-1]))
			i = j
			continue
		}
		out = append(out, toks[i])
		for _, t := range toks[i+1 : j] {
			if n := len(out); x.joins(out[n-1], t) {
				out[n-1] = norm.Join(text, out[n-1], t)
			} else {
				out = append(out, t)
			}
		}
		i = j
	}
	return out
}

func joinFolds(toks []norm.Token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Fold)
	}
	return b.String()
}

// joins reports whether b, glued to a, is the rest of a's word.
func (x *Extractor) joins(a, b norm.Token) bool {
	if x.knownWord(x.lex.Form(a.Fold + b.Fold)) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(a.Text)
	first, _ := utf8.DecodeRuneInString(b.Text)
	if unicode.IsLower(last) && unicode.IsUpper(first) {
		return false
	}
	// A word of three letters or more that names or rules know, as
	// written: not a fragment that happens to read as a clitic and a word.
	known := func(w string) bool { return utf8.RuneCountInString(w) >= 3 && x.knownWord(w) && !stopwords[w] }
	return !known(a.Fold) && !known(b.Fold)
}

// knownWord reports whether a folded word is a word of a lexicon name or
// one the rules look for.
func (x *Extractor) knownWord(w string) bool {
	return x.lex.Has(w) || firstNames[w] || titleWords[w] || personTitles[w] || orgKeywords[w] ||
		placeKeywords[w] || stopwords[w] || nameLinks[w] || englishPersonTitles[w] || englishOrgEnds[w] ||
		speechVerbsEN[w]
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
