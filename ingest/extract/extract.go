package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/extract/tagger"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// extractorVersion changes whenever extraction changes what it finds in the
// same text, so a re-ingest re-reads every article rather than keeping
// documents an older extractor built.
const extractorVersion = "56"

// Extractor turns articles into graph documents. It is safe for concurrent
// use.
type Extractor struct {
	lex    *lexicon.Lexicon
	ar, en *tagger.Model // nil without the tagger
	models string        // the digests of the tagger's models
}

// Options say how an Extractor finds names.
type Options struct {
	// NoTagger leaves the statistical tagger out: names come from the
	// lexicon and the hand rules alone. For comparisons: it finds far
	// fewer names.
	NoTagger bool
}

// NewExtractor returns an extractor that recognises the entities of lex,
// and names the lexicon does not know with the tagger models embedded in
// the binary (tagger.Default). It panics if those cannot be read: the
// binary was built broken.
func NewExtractor(lex *lexicon.Lexicon) *Extractor {
	return NewExtractorWith(lex, Options{})
}

// NewExtractorWith is NewExtractor with options.
func NewExtractorWith(lex *lexicon.Lexicon, opts Options) *Extractor {
	x := &Extractor{lex: lex, models: "none"}
	if opts.NoTagger {
		return x
	}
	var digests []string
	for _, lang := range []string{"ar", "en"} {
		m, err := tagger.Default(lang)
		if err != nil {
			panic(fmt.Sprintf("extract: the embedded tagger model is unreadable: %v", err))
		}
		d, err := tagger.DefaultDigest(lang)
		if err != nil {
			panic(fmt.Sprintf("extract: the embedded tagger model is unreadable: %v", err))
		}
		digests = append(digests, lang+" "+d)
		if lang == "ar" {
			x.ar = m
		} else {
			x.en = m
		}
	}
	x.models = strings.Join(digests, " ")
	return x
}

// Hash is the fingerprint a store keeps for a: it changes when the article's
// content, the lexicon or the extractor changes.
func (x *Extractor) Hash(a *read.Article) string {
	h := sha256.New()
	h.Write([]byte(a.ContentHash()))
	h.Write([]byte("\x00extractor " + extractorVersion + "\x00lexicon " + x.lex.Digest() + "\x00tagger " + x.models + "\x00confidence " + confidenceDigest))
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
	Method     string // lexicon, adjective, role, coreference, tagger, rule
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

// pastBefore and pastAfter mark a role phrase as naming a past holder of
// the office, not the sitting one, when they stand right before it
// ("Former Iranian President", "the late Iraqi president", "Ex-Prime
// Minister", "then-President", "الراحل") or right after it ("الرئيس
// الإيراني السابق", "رئيس الوزراء العراقي الأسبق", "الرئيس العراقي
// الراحل"), nationality adjectives allowed in between. Folded.
var (
	pastBefore = foldSet("former", "ex", "late", "then", "onetime", "one-time", "erstwhile", "ousted", "deposed",
		"الراحل", "الراحلة", "الفقيد", "الفقيدة")
	pastAfter = foldSet("السابق", "السابقة", "الأسبق", "الأسبقة", "الراحل", "الراحلة", "المخلوع", "المخلوعة",
		"المقال", "المقالة", "المعزول", "المعزولة", "المستقيل", "المستقيلة", "الفقيد")
)

// pastHolder reports whether the role phrase toks[start:end] is qualified
// as a former holder's (see pastBefore): such a phrase names no one, as the
// sitting holder is not meant and which former one is, the phrase cannot
// say; the name that usually follows it is found on its own.
func (x *Extractor) pastHolder(toks []norm.Token, start, end int) bool {
	k := start - 1
	for k >= 0 && x.nationality(toks[k]) {
		k--
	}
	if k >= 0 && pastBefore[toks[k].Fold] {
		return true
	}
	k = end
	for k < len(toks) && x.nationality(toks[k]) {
		k++
	}
	// As written only: "رئيس الوزراء العراقي والسابق" is the sitting prime
	// minister and his predecessor.
	return k < len(toks) && pastAfter[toks[k].Fold]
}

// nationality reports whether a token is a nationality adjective: one the
// lexicon lists (Iranian, الإيراني), or an Arabic definite nisba (ال…ي,
// ال…ية) it does not.
func (x *Extractor) nationality(t norm.Token) bool {
	f := t.Fold
	if isArabicWord(f) && strings.HasPrefix(f, "ال") && (strings.HasSuffix(f, "ي") || strings.HasSuffix(f, "يه")) &&
		!pastAfter[f] && len([]rune(f)) > 4 {
		return true
	}
	for _, m := range x.lex.Match([]norm.Token{t}) {
		if m.Kind == lexicon.KindAdjective {
			return true
		}
	}
	return false
}

// dominantCountry returns the country an article is about, or nil: the
// country named most often — by its name or a nationality adjective, as the
// lexicon matches them — when it is named at least twice and at least twice
// as often as any other country.
func (x *Extractor) dominantCountry(matches []lexicon.Match) *lexicon.Entry {
	count := make(map[*lexicon.Entry]int)
	for _, m := range matches {
		if (m.Kind == lexicon.KindName || m.Kind == lexicon.KindAdjective) && x.lex.Country(m.Entry) == m.Entry {
			count[m.Entry]++
		}
	}
	var best *lexicon.Entry
	first, second := 0, 0
	for e, n := range count {
		if n > first {
			best, first, second = e, n, first
		} else if n > second {
			second = n
		}
	}
	if first >= 2 && first >= 2*second {
		return best // unique: a tie has second == first
	}
	return nil
}

// resolveGeneric decides which of the generic matches of one span (the same
// words: مجلس النواب of Iraq, of Morocco) the text means, from a cue for a
// country: a nationality adjective of it right after the span (وزارة الدفاع
// العراقية) or its name or adjective right before it ("Iraq's interior
// ministry", "the Moroccan parliament"), else the article's dominant
// country. It returns the match of that country's body and the method —
// "lexicon" for an adjacent cue, "context" for the dominant country — or
// no method when no match belongs to the cued country; then cue is the
// token after an adjacent adjective that named another country, or 0.
func (x *Extractor) resolveGeneric(toks []norm.Token, generic []lexicon.Match, dominant *lexicon.Entry) (m lexicon.Match, method string, cue int) {
	start, end := generic[0].Start, generic[0].End
	m = generic[0]
	of := func(c *lexicon.Entry) (lexicon.Match, bool) {
		for _, g := range generic {
			if x.lex.Country(g.Entry) == c {
				return g, true
			}
		}
		return lexicon.Match{}, false
	}
	country := func(at int, adjectiveOnly bool) *lexicon.Entry {
		if at < 0 || at >= len(toks) {
			return nil
		}
		for _, c := range x.lex.Match(toks[at : at+1]) {
			if (c.Kind == lexicon.KindAdjective || !adjectiveOnly && c.Kind == lexicon.KindName) && x.lex.Country(c.Entry) == c.Entry {
				return c.Entry
			}
		}
		return nil
	}
	if c := country(end, true); c != nil {
		if g, ok := of(c); ok {
			return g, "lexicon", 0
		}
		return m, "", end + 1
	}
	before := start - 1
	if before >= 1 && toks[before].Fold == "s" { // "Iraq's"
		before--
	}
	if c := country(before, false); c != nil {
		if g, ok := of(c); ok {
			return g, "lexicon", 0
		}
		return m, "", 0
	}
	if dominant != nil {
		if g, ok := of(dominant); ok {
			return g, "context", 0
		}
	}
	return m, "", 0
}

// Mentions finds every entity a mentions, in text order, and returns the
// mentions with the entities they refer to.
//
// The lexicon names the actors it knows. A name or strong alias counts
// wherever it occurs. A weak alias (a name that is also a common word, such
// as رئيسي) counts only after a title word or once the entity has been
// named in full earlier in the article; where it does not, a name the
// tagger finds over the same words is a name the lexicon does not know
// (Clinton alone, in 1996, is not Hillary Clinton). A nationality
// adjective (الإيراني) links the article to the country. A role phrase
// (رئيس الوزراء العراقي) names whoever held the role on the article's date,
// and nothing when the date is unknown or the phrase is qualified as a past
// holder's (former, late, ex-, السابق، الأسبق، الراحل: see pastBefore). A
// generic name (مجلس النواب, وزارة الدفاع, "the interior ministry", عمان;
// lexicon Entry.Generic) names the body of the country a cue points to —
// that country's adjective right after it, its name or adjective right
// before it, else the article's dominant country (dominantCountry) — when
// the lexicon has one; cued to a country it has none of, the phrase is a
// rule-made organisation named with the adjective; with no cue it names
// nothing, and the tagger's reading of its words is dropped too. A name
// that several entities share counts only for one already named in the
// article.
//
// The tagger (see tagNames) finds the span and type of every name, known
// or not, and where it and the lexicon read the same words:
//   - a lexicon name inside a longer tagged name is a word of that name,
//     not a mention of its own (ريال مدريد, Real Madrid and Munich Re are
//     organisations). Of the same type, the longer name is an entity of
//     its own only when the lexicon's is one word and the other words are
//     name words (see nameWords): Hunter Biden is not Biden; "علي عبد الله
//     صالح" is the lexicon's "عبد الله صالح", by the tagger's span; in "لم
//     يلتق الكاظمي" the tagger ran on into a verb and the lexicon's name
//     stands, as it does when the longer name holds another lexicon name
//     ("بايدن والكاظمي");
//   - a tagged name the lexicon matches exactly is the lexicon's entity,
//     unless, in Latin script, the tagger gives a place's name another
//     type (Jordan the player, CHICAGO the team: a name the lexicon does
//     not know; see retyped); an organisation's or a person's strong name
//     keeps the lexicon's type whatever the tagger's (Jabhat al-Nusra
//     tagged a person); a weak alias, other than a person's, the tagger
//     tags with its entry's type is the entry (الجزيرة, حماس; see
//     taggedAs);
//   - a role phrase names its holder and the organisations and places
//     named inside it (Hezbollah in "Hezbollah leader"; see inner);
//   - "Syrias President", a possessive without its apostrophe, is Syria
//     (see possessives);
//   - a tagged name inside a lexicon name of its type gives that entity
//     its span (مكة in "مكة المكرمة"); two or more inside one lexicon
//     name are names of their own ("محمد ﷺ الحلبوسي").
//
// A tagged person, organisation or place the lexicon does not know becomes
// an entity of its own, its ID the type and the name's key (see
// nameEntry), so the same unknown person named in many articles is one
// node; MISC names (events, nationalities, works) are not actors and make
// no mention.
//
// Within the article, the end of a person's full name (the surname, or
// the last words) refers to that person wherever the tagger tags it a
// person, and after the full name wherever it stands alone; a name whose
// end two people named in the article share refers to neither.
func (x *Extractor) Mentions(a *read.Article) ([]Mention, map[string]*lexicon.Entry) {
	text := Text(a)
	return x.mentions(a, text, x.tokens(text), norm.Sentences(text))
}

// personOf is what the end of a person's full name refers to: the person,
// and the token at which they are first named in full; nil when two people
// named in the article share it.
type personOf struct {
	e     *lexicon.Entry
	first int
}

func (x *Extractor) mentions(a *read.Article, text string, toks []norm.Token, sentences []norm.Span) ([]Mention, map[string]*lexicon.Entry) {
	sentenceOf := func(start int) int {
		i := sort.Search(len(sentences), func(i int) bool { return sentences[i].End > start })
		return min(i, max(len(sentences)-1, 0))
	}
	seen := make(map[string]bool) // entities named in full so far
	entries := make(map[string]*lexicon.Entry)
	covered := make([]bool, len(toks))
	var out []Mention
	addAt := func(e *lexicon.Entry, from, to, start int, method string) {
		end := toks[to-1].End
		out = append(out, Mention{
			EntityID: e.ID, Type: graph.EntityType(e.Type), Start: start, End: end,
			Sentence: sentenceOf(start), Surface: text[start:end], Method: method,
		})
		entries[e.ID] = e
		for i := from; i < to; i++ {
			covered[i] = true
		}
	}
	add := func(e *lexicon.Entry, from, to int, method string) { addAt(e, from, to, toks[from].Start, method) }
	// roleEnds maps the token after a person's role phrase to the role's
	// holder: a name right after it is most often that person's.
	roleEnds := map[int]*lexicon.Entry{}

	// The tagger's names, and for each token the name it is in (index+1).
	var names []name
	var nameAt []int32
	if x.ar != nil {
		names = x.tagNames(text, toks, sentences)
		nameAt = make([]int32, len(toks))
		for k, n := range names {
			for i := n.start; i < n.end; i++ {
				nameAt[i] = int32(k + 1)
			}
		}
	}
	toks, poss := x.possessives(text, toks, names, nameAt) // "Syrias President": Syria's
	matches := x.lex.Match(toks)
	named := make([]bool, len(toks)) // the words of lexicon names
	if nameAt != nil {
		for _, m := range matches {
			if m.Kind == lexicon.KindName {
				for k := m.Start; k < m.End; k++ {
					named[k] = true
				}
			}
		}
	}
	// around returns the longer tagged name tokens [from, to), a lexicon
	// name of type typ, are words of, and whether that name takes the
	// lexicon name's place: always when its type differs (ريال مدريد);
	// of the same type, when the lexicon name is one word and the others
	// are name words (Hunter Biden; see nameWords). When the lexicon name
	// is longer, the longer name is the lexicon's entity, by the tagger's
	// span ("علي عبد الله صالح" where the lexicon has "عبد الله صالح").
	// When the other words are not name words, the tagger ran on into
	// other words ("لم يلتق الكاظمي"), and the lexicon's name stands.
	around := func(from, to int, typ graph.EntityType) (n name, found, replaces bool) {
		if nameAt == nil || nameAt[from] == 0 {
			return n, false, false
		}
		n = names[nameAt[from]-1]
		if n.start > from || to > n.end || n.end-n.start == to-from {
			return n, false, false
		}
		if t, ok := typeOfTag[n.typ]; !ok || t != typ {
			return n, true, true
		}
		if !x.nameWords(toks, n, from, to) {
			return n, false, false // the tagger ran on into a verb: "يلتق الكاظمي"
		}
		for k := n.start; k < n.end; k++ {
			if (k < from || k >= to) && named[k] {
				return n, false, false // two names run together: "بايدن والكاظمي"
			}
		}
		return n, true, to-from == 1
	}
	// within returns the longest tagged name of type typ inside tokens
	// [from, to) and shorter than they are.
	within := func(from, to int, typ graph.EntityType) (name, bool) {
		var best name
		ok := false
		for k := from; nameAt != nil && k < to; k++ {
			if nameAt[k] == 0 {
				continue
			}
			n := names[nameAt[k]-1]
			if n.start >= from && n.end <= to && n.end-n.start < to-from && typeOfTag[n.typ] == typ &&
				(!ok || n.end-n.start > best.end-best.start) {
				best, ok = n, true
			}
		}
		return best, ok
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
	// Ends of people's full names: the last word, or the last words.
	ends := make(map[string]*personOf)
	addEnds := func(e *lexicon.Entry, keys []string, at int) {
		for k := 1; k < len(keys); k++ {
			if utf8.RuneCountInString(keys[len(keys)-1]) < 3 || nameLinks[keys[k]] {
				continue
			}
			key := strings.Join(keys[k:], " ")
			switch p, ok := ends[key]; {
			case !ok:
				ends[key] = &personOf{e, at}
			case p != nil && p.e.ID != e.ID:
				ends[key] = nil // two people share it
			}
		}
	}

	dominant := x.dominantCountry(matches)
	for i := 0; i < len(matches); {
		// The matches of one span: several when entities share the words.
		j := i + 1
		for j < len(matches) && matches[j].Start == matches[i].Start {
			j++
		}
		group := matches[i:j]
		i = j
		if _, ok, replaces := around(group[0].Start, group[0].End, graph.EntityType(group[0].Entry.Type)); ok && replaces {
			continue // a word of a longer name: مدريد in ريال مدريد
		}
		if split := x.split(names, nameAt, toks, group[0].Start, group[0].End, graph.EntityType(group[0].Entry.Type)); split != nil {
			// The tagger reads two names or more where the lexicon read
			// one ("محمد ﷺ الحلبوسي"): each is a name of its own, the
			// lexicon's where it names one entry whole.
			for _, n := range split {
				sub := x.lex.Match(toks[n.start:n.end])
				if len(sub) == 1 && sub[0].Start == 0 && sub[0].End == n.end-n.start && sub[0].Kind == lexicon.KindName &&
					typeOfTag[n.typ] == graph.EntityType(sub[0].Entry.Type) {
					addAt(sub[0].Entry, n.start, n.end, n.from, "lexicon")
					seen[sub[0].Entry.ID] = true
				}
			}
			continue
		}
		if (poss == nil || !poss[group[0].Start]) && x.retyped(names, nameAt, group, toks) {
			continue // Jordan the player, CHICAGO the team: the tagger's name
		}
		var picked, generic, inside []lexicon.Match
		for _, m := range group {
			if ligatureIn(text, toks, m.Start, m.End) {
				break // "محمد ﷺ الحلبوسي" is the Prophet, then someone else
			}
			switch m.Kind {
			case lexicon.KindGeneric:
				generic = append(generic, m)
			case lexicon.KindName, lexicon.KindAdjective:
				picked = append(picked, m)
			case lexicon.KindWeak:
				if seen[m.Entry.ID] || titled(m.Start) || x.taggedAs(names, nameAt, m, toks) {
					picked = append(picked, m)
				}
			case lexicon.KindRole:
				if m.Role.Holds(a.Published) && !x.pastHolder(toks, m.Start, m.End) {
					picked = append(picked, m)
				}
			}
		}
		if len(picked) == 0 && group[0].End-group[0].Start > 1 {
			// A role phrase whose term does not cover the article's date,
			// or an unsupported weak name, may hold a shorter match: the
			// adjective in "الرئيس الإيراني", "Iranian President".
			// The first word too: Hezbollah in "Hezbollah leader".
			for _, m := range x.inner(toks, group[0].Start, group[0].End) {
				if _, ok, replaces := around(m.Start, m.End, graph.EntityType(m.Entry.Type)); !ok || !replaces {
					picked = append(picked, m)
				}
			}
		} else if len(picked) > 0 && picked[0].Kind == lexicon.KindRole {
			// A role phrase names its holder and also the body or place
			// it holds office in: Hezbollah in "Hezbollah leader", حزب
			// الله in "الأمين العام لحزب الله".
			for _, m := range x.inner(toks, group[0].Start, group[0].End) {
				if m.Kind == lexicon.KindName && m.Entry.Type != string(graph.Person) {
					inside = append(inside, m)
				}
			}
		}
		genericMethod := ""
		if len(generic) > 0 {
			m, method, cue := x.resolveGeneric(toks, generic, dominant)
			switch {
			case method != "":
				// The cued body wins over any plain reading of its words
				// (عمان in a Jordanian article is Amman, not Oman).
				picked, genericMethod = []lexicon.Match{m}, method
			case len(picked) == 0 && cue > 0:
				// Cued to a country the lexicon has no such body of:
				// the body is named by the phrase and its adjective
				// (organization:وزاره-الدفاع-المغربيه, not every
				// country's وزارة الدفاع); the mention is the phrase,
				// and the adjective still links the country.
				e := spanEntry(graph.Organization, text, toks[m.Start:cue], toks[m.Start].Text)
				e.Kind = "found by rule"
				add(e, m.Start, m.End, "rule")
			case len(picked) == 0:
				// No cue: a generic name is no actor, and its words are
				// no rule's either.
				for k := m.Start; k < m.End; k++ {
					covered[k] = true
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
			if (m.Kind == lexicon.KindName || m.Kind == lexicon.KindWeak) && m.Entry.Type == string(graph.Person) {
				// A titled alias ("الشيخ خليفة بن زايد", "Sheikh Tamim")
				// names the person; the mention is the name, without the
				// title, as the tagger's names are.
				for m.Start+1 < m.End && titleWords[toks[m.Start].Fold] {
					m.Start++
				}
			}
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
			case lexicon.KindGeneric:
				method = genericMethod
			}
			if n, ok, _ := around(m.Start, m.End, graph.EntityType(m.Entry.Type)); ok && (m.Kind == lexicon.KindName || m.Kind == lexicon.KindWeak) {
				// The lexicon's entity, by the tagger's longer span.
				addAt(m.Entry, n.start, n.end, n.from, method)
			} else if n, ok := within(m.Start, m.End, graph.EntityType(m.Entry.Type)); ok && (m.Kind == lexicon.KindName || m.Kind == lexicon.KindWeak) &&
				// A Latin person's name the lexicon knows in full is
				// the name, not the part the tagger took: "Recep Tayyip
				// Erdogan", not "Tayyip Erdogan".
				!(m.Kind == lexicon.KindName && m.Entry.Type == string(graph.Person) && givenNamesAround(toks, m.Start, m.End, n)) {
				// The tagger's span, the lexicon's entity: مكة in "مكة
				// المكرمة", ديالى in "محافظة ديالى".
				addAt(m.Entry, n.start, n.end, n.from, method)
				for k := m.Start; k < m.End; k++ {
					covered[k] = true
				}
			} else {
				add(m.Entry, m.Start, m.End, method)
				if m.Kind == lexicon.KindRole && m.Entry.Type == string(graph.Person) {
					roleEnds[m.End] = m.Entry
				}
			}
			if m.Kind == lexicon.KindName || m.Kind == lexicon.KindRole || m.Kind == lexicon.KindGeneric {
				seen[m.Entry.ID] = true
			}
			if m.Kind == lexicon.KindName && m.Entry.Type == string(graph.Person) && m.End-m.Start >= 2 {
				keys := make([]string, 0, m.End-m.Start)
				for k := m.Start; k < m.End; k++ {
					keys = append(keys, x.lex.Form(toks[k].Fold))
				}
				addEnds(m.Entry, keys, m.Start)
			}
		}
		for _, m := range inside {
			add(m.Entry, m.Start, m.End, "lexicon")
			seen[m.Entry.ID] = true
		}
	}

	// Names the lexicon does not know: people named in full first, so that
	// the surname alone, anywhere, refers to them.
	free := func(n name) bool {
		for k := n.start; k < n.end; k++ {
			if covered[k] {
				return false
			}
		}
		return true
	}
	keysOf := func(n name) []string {
		keys := make([]string, 0, n.end-n.start)
		for k := n.start; k < n.end; k++ {
			keys = append(keys, toks[k].Fold)
		}
		if n.from > toks[n.start].Start || n.art > 0 {
			keys[0] = norm.Fold(n.first(text, toks))
		}
		return keys
	}
	var found []*lexicon.Entry // the entry of each name, nil for none
	if len(names) > 0 {
		found = make([]*lexicon.Entry, len(names))
		for k, n := range names {
			typ, ok := typeOfTag[n.typ]
			if !ok || !free(n) {
				continue
			}
			e := nameEntry(typ, text, toks, n)
			if known, ok := entries[e.ID]; ok {
				e = known
			}
			found[k] = e
			if typ == graph.Person && n.end-n.start >= 2 {
				addEnds(e, keysOf(n), n.start)
			}
		}
		for k, n := range names {
			e := found[k]
			if e == nil {
				continue
			}
			method := "tagger"
			if e.Type == string(graph.Person) {
				p := ends[strings.Join(keysOf(n), " ")]
				if p == nil && n.end-n.start == 1 && n.from == toks[n.start].Start {
					// وحداد: a clitic no other evidence told apart.
					for _, c := range cliticForms(toks[n.start].Fold) {
						if p = ends[c]; p != nil {
							n.from = toks[n.start].End - len(clip(toks[n.start].Text, toks[n.start].Fold, c))
							break
						}
					}
				}
				if p == nil {
					// "فان باستن" where the tagger took باستن alone: the
					// end of a full name, one or two free words longer.
					for l := 1; l <= 2 && n.start-l >= 0; l++ {
						k := n.start - l
						if covered[k] || nameAt[k] != 0 || !toks[k].Glued && !norm.Blank(text[toks[k].End:toks[k+1].Start]) {
							break
						}
						ext := n
						ext.start, ext.from, ext.art = k, toks[k].Start, 0
						if q := ends[strings.Join(keysOf(ext), " ")]; q != nil && q.e.ID != e.ID {
							p, n = q, ext
							break
						}
					}
				}
				if p != nil && p.e.ID != e.ID {
					e, method = p.e, "coreference"
				}
				// A name the lexicon knows only in a longer form, right
				// after a role phrase of the person it is part of the
				// name of: "Saudi King Salman", "العاهل السعودي سلمان".
				if h := roleEnds[n.start]; h != nil && p == nil && graph.MadeID(e.ID) && partOfName(h, keysOf(n)) {
					e, method = h, "coreference"
				}
			}
			entries[e.ID] = e
			addAt(e, n.start, n.end, n.from, method)
		}
	}
	// The end of a full name, standing alone after it where nothing else
	// took its words: الكاظمي, وحداد.
	if len(ends) > 0 {
		for k := range toks {
			if covered[k] || nameAt != nil && nameAt[k] != 0 {
				continue
			}
			f := toks[k].Fold
			if k+1 < len(toks) && !covered[k+1] && norm.Blank(text[toks[k].End:toks[k+1].Start]) {
				// Two words: "فان باستن".
				if p := ends[f+" "+toks[k+1].Fold]; p != nil && p.first < k {
					addAt(p.e, k, k+2, toks[k].Start, "coreference")
					continue
				}
			}
			var buf [8]string
			buf[0] = f
			forms := appendCliticForms(buf[:1], f)
			for _, c := range forms {
				// Of a person the tagger found, not a definite word: the
				// end of such a name is as often a word (الثاني, الدين)
				// as the name, unless the tagger tags it a name there too.
				p := ends[c]
				if p == nil || p.first >= k || !isArabicWord(f) && !isCapitalised(toks[k].Text) ||
					p.e.Kind == "found by tagger" && (strings.HasPrefix(c, "ال") || stopwords[c] || isTitle(c)) {
					continue
				}
				addAt(p.e, k, k+1, toks[k].End-len(clip(toks[k].Text, f, c)), "coreference")
				break
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, entries
}

// givenNamesAround reports whether the tokens of [from, to) outside the
// tagged name n are capitalised words of three letters or more, none a
// title: the rest of a person's name the tagger cut short ("Recep" of
// "Recep Tayyip Erdogan"), not a title the lexicon's alias carries ("U.S.
// President" of "U.S. President Bill Clinton").
func givenNamesAround(toks []norm.Token, from, to int, n name) bool {
	for k := from; k < to; k++ {
		if k >= n.start && k < n.end {
			continue
		}
		if t := toks[k]; !isCapitalised(t.Text) || utf8.RuneCountInString(t.Text) < 3 || titleWords[t.Fold] {
			return false
		}
	}
	return true
}

// partOfName reports whether every key (a folded word) is a word of one
// of e's names: its English or Arabic name or an alias.
func partOfName(e *lexicon.Entry, keys []string) bool {
	words := map[string]bool{}
	for _, n := range append([]string{e.Name, e.NameAr}, e.Aliases...) {
		for _, w := range strings.Fields(n) {
			words[norm.Fold(w)] = true
		}
	}
	for _, k := range keys {
		if !words[k] {
			return false
		}
	}
	return len(keys) > 0
}

// ligatureIn reports whether a phrase ligature (ﷺ: "peace be upon him")
// stands between tokens [from, to): it ends the name before it.
func ligatureIn(text string, toks []norm.Token, from, to int) bool {
	for k := from + 1; k < to; k++ {
		for _, r := range text[toks[k-1].End:toks[k].Start] {
			if r >= 0xFDF0 && r <= 0xFDFD {
				return true
			}
		}
	}
	return false
}

// clip returns the end of text, a token as written whose folded form is
// fold, that stands for rest, fold without its proclitics: the whole of
// text when rest is fold.
func clip(text, fold, rest string) string {
	letters := utf8.RuneCountInString(fold) - utf8.RuneCountInString(rest)
	for i, r := range text {
		if letters == 0 {
			return text[i:]
		}
		if unicode.IsLetter(r) {
			letters--
		}
	}
	return text
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
	setConfidence(doc.Relations)
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
