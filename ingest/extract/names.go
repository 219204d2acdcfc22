package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/extract/tagger"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

// Names the statistical tagger (ingest/extract/tagger) finds.
//
// The text is tagged in runs of sentences (norm.Sentences) that share a
// line and a script: a sentence whose words are mostly Arabic letters goes
// to the Arabic model, any other to the English one, so a Latin brand name
// inside an Arabic sentence is read by the Arabic model, with its Arabic
// context, and an English quotation on a line of its own by the English
// model. The words the models read are the text's tokens as written
// (norm.Token.Text), with the punctuation between them as words of its own
// and tokens that only hyphens, apostrophes, full stops or ampersands join
// ("al-Kadhimi", "U.S.", "AT&T") read as one word, as the gold the models
// learnt from writes them.
//
// A tagged name is then cut to the name itself: a person's titles before
// it (الدكتور, President) and job titles after it (مدير, المتحدث), and
// particles at either end, are not part of it, nor is a proclitic (و ف ب ك
// ل) on its first word when the word without it stands alone in the
// article, or the lexicon or the tagger's word clusters know it and not
// the word with it (بكريم → كريم, but بغداد stays); لل is ل + ال
// (للجزيرة → الجزيرة). The key of a name the lexicon does not know is its
// type and the folded words left (nameEntry): person:كريم-حداد.

// name is a name the tagger found: tokens [start, end) of the article, of
// gold type typ (PER, ORG, LOC or MISC). Its text starts at byte from, past
// a clitic on its first token.
type name struct {
	start, end int
	from       int
	typ        string
	// art, when not 0, is where the first word reads on as a definite
	// word: للجزيرة is ل + الجزيرة, the article's alef elided. The name
	// is then ال and the text from art on; the mention, the whole token.
	art int
}

// first returns the first word of n as the name has it: past a clitic, and
// with the article an elided one took (للجزيرة → الجزيرة).
func (n name) first(text string, toks []norm.Token) string {
	if n.art > 0 {
		return "ال" + text[n.art:toks[n.start].End]
	}
	return text[n.from:toks[n.start].End]
}

// typeOfTag maps the tagger's types onto entity types; MISC (events,
// nationalities, works) is not an actor and has none.
var typeOfTag = map[string]graph.EntityType{"PER": graph.Person, "ORG": graph.Organization, "LOC": graph.Location}

// jobTitles follow a person's name without being part of it: "كريم حداد
// مدير الدائرة", "Karim Haddad, director". Folded.
var jobTitles = foldSet(
	"مدير", "المدير", "مديرة", "رئيس", "رئيسة", "وزير", "وزيرة", "نائب", "نائبة", "الناطق", "ناطق", "المتحدث",
	"متحدث", "المتحدثة", "الامين", "امين", "عضو", "سائق", "مدرب", "لاعب", "محافظ", "قائد", "مستشار", "سفير",
	"مبعوث", "المبعوث", "الممثل", "ممثل", "زعيم", "الزعيم", "مساعد", "قاضي", "القاضي", "نجم", "مهاجم", "حارس",
	"director", "chairman", "chief", "head", "spokesman", "spokeswoman", "minister", "president", "secretary",
)

// leadingWords are capitalised at the start of an English sentence and
// are not the first word of a name: "Then Tueller left".
var leadingWords = foldSet("the", "then", "but", "and", "or", "so", "if", "when", "while", "after", "before",
	"as", "at", "in", "on", "by", "for", "from", "with", "this", "that", "these", "those", "his", "her",
	"their", "its", "our", "he", "she", "it", "they", "we", "i", "there", "here", "meanwhile", "also", "yet")

// isTitle reports whether a folded word is a title or job title a person's
// name does not include.
func isTitle(f string) bool {
	return titleWords[f] || personTitles[f] || englishPersonTitles[f] || jobTitles[f]
}

// segment is a run of tokens [start, end) tagged together by one model.
type segment struct {
	start, end int
	model      *tagger.Model
}

// tagNames returns the names the tagger finds in text, in text order, cut
// as the package comment above says. toks are text's tokens and sentences
// its sentences.
func (x *Extractor) tagNames(text string, toks []norm.Token, sentences []norm.Span) []name {
	var segs []segment
	k := 0
	for _, s := range sentences {
		lo := k
		for k < len(toks) && toks[k].Start < s.End {
			k++
		}
		if k == lo {
			continue
		}
		m := x.modelFor(toks[lo:k])
		if n := len(segs); n > 0 && segs[n-1].model == m && segs[n-1].end == lo &&
			!strings.Contains(text[toks[lo-1].End:toks[lo].Start], "\n") {
			segs[n-1].end = k
			continue
		}
		segs = append(segs, segment{lo, k, m})
	}
	var out []name
	var words []string
	var first []int // the first token of each word; -1 for punctuation
	var last []int
	for _, sg := range segs {
		words, first, last = words[:0], first[:0], last[:0]
		for i := sg.start; i < sg.end; {
			j := i + 1
			for j < sg.end && joinsWord(text[toks[j-1].End:toks[j].Start]) && !possessive(text, toks, j) {
				j++
			}
			end := toks[j-1].End
			if j-1 > i && strings.Contains(text[toks[i].Start:end], ".") && end < len(text) && text[end] == '.' {
				end++ // "U.S." keeps its last full stop
			}
			words, first, last = append(words, tagWord(text[toks[i].Start:end])), append(first, i), append(last, j)
			gapEnd := len(text)
			if j < sg.end {
				gapEnd = toks[j].Start
			} else if j < len(toks) {
				gapEnd = min(toks[j].Start, len(text))
			}
			if gapEnd-end > 64 {
				gapEnd = end + 64 // the words of a segment's tail; a long gap is markup
			}
			for p := end; p < gapEnd; {
				r, size := utf8.DecodeRuneInString(text[p:])
				if r == '\n' {
					break
				}
				switch {
				case r >= 0xFDF0 && r <= 0xFDFD: // a phrase ligature: ﷺ reads صلى الله عليه وسلم
					for _, w := range strings.Fields(norm.Clean(text[p : p+size])) {
						words, first, last = append(words, w), append(first, -1), append(last, -1)
					}
				case unicode.IsPunct(r) || unicode.IsSymbol(r):
					words, first, last = append(words, text[p:p+size]), append(first, -1), append(last, -1)
				}
				p += size
			}
			i = j
		}
		tags := sg.model.Tag(words)
		cur := name{start: -1}
		flush := func() {
			if cur.start >= 0 {
				if n, ok := x.cut(text, toks, cur); ok {
					out = append(out, n)
				}
			}
			cur = name{start: -1}
		}
		for w, t := range tags {
			switch {
			case t == "O":
				flush()
			case strings.HasPrefix(t, "B-"):
				flush()
				if first[w] >= 0 {
					cur = name{start: first[w], end: last[w], typ: t[2:]}
				}
			default: // I-X, which only follows B-X or I-X
				if cur.start >= 0 && first[w] >= 0 {
					cur.end = last[w]
				}
			}
		}
		flush()
	}
	return out
}

// tagWord returns a word as the tagger reads it: as written, but without
// invisible characters or tatweel, and with presentation forms and the
// Persian look-alikes of Arabic letters as standard text writes them
// (norm.Clean), as the text the models learnt from has them.
func tagWord(w string) string {
	for _, r := range w {
		if r < 0x80 || r >= 0x0621 && r <= 0x0652 && r != 0x0640 || r >= 0xC0 && r <= 0x24F {
			continue
		}
		// A zero-width space inside a token is a break opportunity in
		// one word (see Extractor.tokens), not a space; transliteration
		// signs are apostrophes (Asaʼib, Kataʿib), as the gold writes them.
		return norm.Clean(apostrophes.Replace(strings.ReplaceAll(w, "\u200b", "")))
	}
	return w
}

var apostrophes = strings.NewReplacer("ʼ", "'", "ʾ", "'", "ʿ", "'", "ʻ", "'")

// possessive reports whether token j is the s of "'s", which the English
// gold writes as a word of its own ("Kadhimi 's").
func possessive(text string, toks []norm.Token, j int) bool {
	return (toks[j].Text == "s" || toks[j].Text == "S") && j > 0 && toks[j].Start-toks[j-1].End <= 3 &&
		(text[toks[j-1].End:toks[j].Start] == "'" || text[toks[j-1].End:toks[j].Start] == "’")
}

// joinsWord reports whether gap, the text between two tokens, makes them one
// word for the tagger: hyphens, apostrophes, full stops and ampersands
// without a space ("al-Kadhimi", "U.S", "AT&T").
func joinsWord(gap string) bool {
	joins := false
	for _, r := range gap {
		switch {
		case r == '-', r == '\'', r == '’', r == '.', r == '&', r == '‐', r == '‑', r == 'ʼ', r == 'ʾ', r == 'ʿ', r == 'ʻ':
			joins = true
		case r != 0x200B && unicode.Is(unicode.Cf, r): // invisible: direction marks and the like
		default:
			return false
		}
	}
	return joins
}

// modelFor returns the model of a sentence's tokens: the Arabic one when
// more of its words begin with an Arabic letter than with a Latin one.
func (x *Extractor) modelFor(toks []norm.Token) *tagger.Model {
	ar, latin := 0, 0
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		switch {
		case unicode.Is(unicode.Arabic, r):
			ar++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	if ar > latin {
		return x.ar
	}
	return x.en
}

// cut returns n without what is not part of the name: particles at either
// end; for a person, titles before it (and a nationality adjective after
// them: الرئيس الإيراني) and job titles after it; and a proclitic on its
// first word (see clitic). ok is false when nothing is left.
func (x *Extractor) cut(text string, toks []norm.Token, n name) (name, bool) {
	per := n.typ == "PER"
	for n.start < n.end {
		f := toks[n.start].Fold
		if stopwords[f] || leadingWords[f] && isCapitalised(toks[n.start].Text) || per && (isTitle(f) || isTitle(x.stripped(f)) ||
			n.start > 0 && isTitle(toks[n.start-1].Fold) && strings.HasPrefix(f, "ال") && strings.HasSuffix(f, "ي")) {
			n.start++
			continue
		}
		break
	}
	if per {
		// A job title ends the name where it starts: "كريم حداد مدير الدائرة".
		for k := n.start + 1; k < n.end; k++ {
			if f := toks[k].Fold; jobTitles[f] || personTitles[f] {
				n.end = k
				break
			}
		}
	}
	for n.end > n.start {
		f := toks[n.end-1].Fold
		if stopwords[f] || nameLinks[f] || per && isTitle(f) {
			n.end--
			continue
		}
		break
	}
	if n.end <= n.start {
		return n, false
	}
	t := toks[n.start]
	n.from = t.Start
	if c := x.clitic(t, toks); c > 0 {
		n.from += c
	} else if f := t.Fold; !x.lex.Has(f) {
		// ل + ال, the alef elided, after و or ف or alone: للجزيرة, وللجزيرة.
		rest, ok := strings.CutPrefix(strings.TrimPrefix(strings.TrimPrefix(f, "و"), "ف"), "لل")
		if ok && utf8.RuneCountInString(rest) >= 2 {
			n.art = t.End - len(clip(t.Text, f, rest))
		}
	}
	return n, true
}

// stripped returns a folded word without the proclitics lexicon matching
// reads (و ف, then ب ك ل), or the word when it has none.
func (x *Extractor) stripped(f string) string {
	if cs := cliticForms(f); len(cs) > 0 {
		return cs[len(cs)-1]
	}
	return f
}

// cliticForms returns the readings of a folded Arabic word without its
// proclitics, shortest clitic first: و or ف, then ب ك or ل after either or
// alone. Each leaves at least three letters. The article ال is never
// removed, nor لل read as ل + ال.
func cliticForms(f string) []string { return appendCliticForms(nil, f) }

// appendCliticForms appends cliticForms(f) to out.
func appendCliticForms(out []string, f string) []string {
	if len(f) < 2 || f[0] < 0xD8 {
		return out
	}
	bases := [2]string{f}
	nb := 1
	for _, c := range [...]string{"و", "ف"} {
		if r, ok := strings.CutPrefix(f, c); ok && utf8.RuneCountInString(r) >= 3 {
			out = append(out, r)
			bases, nb = [2]string{r, f}, 2
			break
		}
	}
	for _, base := range bases[:nb] {
		for _, c := range [...]string{"ب", "ك", "ل"} {
			if r, ok := strings.CutPrefix(base, c); ok && utf8.RuneCountInString(r) >= 3 && !strings.HasPrefix(r, "ل") {
				out = append(out, r)
			}
		}
	}
	return out
}

// clitic returns the length in bytes of the proclitic t's text starts with,
// or 0: the first reading of t without its proclitics (cliticForms) that
// the lexicon has as a name word, that stands alone in the article, or that
// the tagger's clusters know, when t itself is neither a lexicon word nor
// known to the clusters; or that is a common first name when t is not
// ("واحمد", which the clusters know as a word: و + أحمد).
func (x *Extractor) clitic(t norm.Token, toks []norm.Token) int {
	forms := cliticForms(t.Fold)
	if len(forms) == 0 || x.lex.Has(t.Fold) {
		return 0
	}
	m := x.ar
	whole := m.Known(t.Fold)
	for _, c := range forms {
		alone := false
		for _, o := range toks {
			if o.Fold == c {
				alone = true
				break
			}
		}
		if alone || !whole && (x.lex.Has(c) || m.Known(c)) || firstNames[c] && !firstNames[t.Fold] {
			// The clitic is the letters t.Fold has before c; skip as many
			// letters of the text (marks and tatweel ride along).
			letters := utf8.RuneCountInString(t.Fold) - utf8.RuneCountInString(c)
			for i, r := range t.Text {
				if letters == 0 {
					return i
				}
				if unicode.IsLetter(r) {
					letters--
				}
			}
			return 0
		}
	}
	return 0
}

// nameEntry returns the entry of a name the tagger found, of entity type
// typ: its ID is the type and the name's key (the folded words of the name
// as cut, joined by hyphens), the same in every article, as ruleEntry's.
func nameEntry(typ graph.EntityType, text string, toks []norm.Token, n name) *lexicon.Entry {
	e := spanEntry(typ, text, toks[n.start:n.end], n.first(text, toks))
	e.Kind = "found by tagger"
	return e
}

// nameWords reports whether the words of tagged name n outside tokens
// [from, to), a lexicon name of n's type inside it, are name words: in
// English, capitalised words; in Arabic, which has no capitals, common
// first names, the links of names (بن, عبد, أبو) or words of lexicon
// names. A word the tagger took in by mistake (a verb: "يلتق الكاظمي") is
// then not taken for a first name.
func (x *Extractor) nameWords(toks []norm.Token, n name, from, to int) bool {
	for k := n.start; k < n.end; k++ {
		if k >= from && k < to {
			continue
		}
		t := toks[k]
		switch {
		case stopwords[t.Fold] || leadingWords[t.Fold]:
			return false
		case isArabicWord(t.Fold):
			if f := x.stripped(t.Fold); !firstNames[t.Fold] && !nameLinks[t.Fold] && !x.lex.Has(t.Fold) &&
				!firstNames[f] && !x.lex.Has(f) {
				return false
			}
		case !isCapitalised(t.Text):
			return false
		}
	}
	return true
}

// split returns the tagged names inside tokens [from, to), a lexicon
// name of type typ, when there are two or more, all of that type; else
// nil. Names of another type inside a lexicon name are its parts, not
// names of their own: Iraq in "Iraq's interior ministry".
func (x *Extractor) split(names []name, nameAt []int32, toks []norm.Token, from, to int, typ graph.EntityType) []name {
	if nameAt == nil {
		return nil
	}
	var out []name
	for k := from; k < to; k++ {
		if nameAt[k] == 0 {
			continue
		}
		n := names[nameAt[k]-1]
		if t, ok := typeOfTag[n.typ]; n.start < from || n.end > to || !ok || t != typ {
			return nil
		}
		if len(out) == 0 || out[len(out)-1].start != n.start {
			out = append(out, n)
		}
	}
	if len(out) < 2 {
		return nil
	}
	// Names joined by "bin", "ibn", بن are one name the tagger read as
	// two ("Mohammed | bin | Zayed"), not two names.
	joined := true
	for i := 1; i < len(out) && joined; i++ {
		for k := out[i-1].end; k < out[i].start; k++ {
			if f := toks[k].Fold; !nameLinks[f] && !latinNameLinks[f] {
				joined = false
				break
			}
		}
		joined = joined && out[i].start > out[i-1].end
	}
	if joined {
		return nil
	}
	return out
}

// latinNameLinks join the parts of an Arabic name written in Latin
// letters: "Mohammed bin Zayed", "Tamim bin Hamad".
var latinNameLinks = foldSet("bin", "ibn", "bint")

// retyped reports whether the tagger reads the words of a lexicon match
// group, all of them and no more, as a name of another type than every
// entry of the group has: a person called Jordan, a team called CHICAGO.
// Only places are retyped: a place's name is often a team's or a
// person's (metonymy), while the tagger's other type for an organisation
// or a person of the lexicon is the tagger's error (Jabhat al-Nusra
// tagged a person, "Bashar al-Assad" an organisation, Islamic State a
// place): there the lexicon's entry and type win. Nationality adjectives
// and role phrases are not names and are never retyped.
//
// Only in Latin script: on ANERcorp's development split retyping gained
// nothing, and the Arabic model takes a place after a title for a person
// ("محافظ ديالى": Diyala's governor) more often than the lexicon errs.
func (x *Extractor) retyped(names []name, nameAt []int32, group []lexicon.Match, toks []norm.Token) bool {
	if nameAt == nil || nameAt[group[0].Start] == 0 || isArabicWord(toks[group[0].Start].Fold) {
		return false
	}
	n := names[nameAt[group[0].Start]-1]
	typ, ok := typeOfTag[n.typ]
	if !ok || n.start != group[0].Start || n.end != group[0].End {
		return false
	}
	for _, m := range group {
		if m.Kind == lexicon.KindAdjective || m.Kind == lexicon.KindRole || graph.EntityType(m.Entry.Type) == typ ||
			m.Entry.Type != string(graph.Location) {
			return false
		}
	}
	return true
}

// taggedAs reports whether the tagger tags the words of lexicon match m,
// all of them and no more, as a name of m's entity type: the context a
// weak alias needs (الجزيرة tagged an organisation is Al Jazeera, not
// "the island"; جنين tagged a place is Jenin, not "a fetus"). The made
// node the tagger's name would otherwise become (organization:الجزيره)
// takes the same mentions, right or wrong, so resolving it to the entry
// only removes a duplicate. A clitic the lexicon read off the first word
// must be one the tagged name lost too (see cut).
//
// Not for people: a person's weak alias is a given name or a surname many
// share (حميد, المالكي), and the tagger's "a person" does not say which
// person; it needs a title or the full name before it.
func (x *Extractor) taggedAs(names []name, nameAt []int32, m lexicon.Match, toks []norm.Token) bool {
	if nameAt == nil || nameAt[m.Start] == 0 {
		return false
	}
	n := names[nameAt[m.Start]-1]
	typ, ok := typeOfTag[n.typ]
	if !ok || typ == graph.Person || n.start != m.Start || n.end != m.End || graph.EntityType(m.Entry.Type) != typ {
		return false
	}
	// The lexicon read the first word without a clitic: so must the
	// tagged name. وجدة tagged a place is Oujda, not و + جدة (Jeddah).
	t := toks[m.Start]
	return x.lex.Has(t.Fold) || n.from > t.Start || n.art > 0
}

// inner returns the lexicon names and nationality adjectives inside tokens
// [from, to), a lexicon phrase (a role phrase), shorter than it: the
// longest one at each token, left to right, without overlaps. Hezbollah
// in "Hezbollah leader"; حزب الله in "الأمين العام لحزب الله".
func (x *Extractor) inner(toks []norm.Token, from, to int) []lexicon.Match {
	var out []lexicon.Match
	for s := from; s < to; {
		next := s + 1
	ends:
		for e := to; e > s; e-- {
			if s == from && e == to {
				continue
			}
			found := false
			for _, m := range x.lex.Match(toks[s:e]) {
				if m.Start != 0 || m.End != e-s {
					continue
				}
				found = true // a shorter role phrase ("Iraqi prime minister") holds no more
				if m.Kind == lexicon.KindName || m.Kind == lexicon.KindAdjective {
					m.Start, m.End = s, e
					out = append(out, m)
				}
			}
			if found {
				next = e
				break ends
			}
		}
		s = next
	}
	return out
}

// possessives finds English possessives written without their apostrophe
// ("Syrias President", "Syrias Deir az-Zour", as some corpora print
// "Syria's"): a capitalised Latin word that is a one-word lexicon name of
// a place or an organisation plus "s", is itself no lexicon word, and
// either the tagger tags it alone as a person, organisation or place, not
// after "the" ("since Syrias conflict", which it tags an organisation),
// or it is followed on its line, with only a space between, by a word
// that is capitalised or that the tagger takes into a name: the head of
// the possessive. "the Americas grew" is not America's. The tagger's
// clusters are no guide: they know "syrias". It returns toks with
// such words folded as the name ("syria"), so that the lexicon matches
// them, or toks itself when there are none, and which words those are
// (nil for none); a tagged name that runs on from the possessive into the
// name after it starts after it instead. The lexicon's entry is not
// retyped there: "Iraqs" tagged an organisation is still Iraq.
func (x *Extractor) possessives(text string, toks []norm.Token, names []name, nameAt []int32) ([]norm.Token, []bool) {
	out := toks
	var poss []bool
	for k := range toks {
		t := toks[k]
		f, ok := strings.CutSuffix(t.Fold, "s")
		if !ok || !strings.HasSuffix(t.Text, "s") || !isCapitalised(t.Text) || utf8.RuneCountInString(f) < 3 ||
			isArabicWord(f) || x.lex.Has(t.Fold) || !x.lex.Has(f) {
			continue
		}
		probe := t
		probe.Fold = f
		var typ graph.EntityType
		for _, m := range x.lex.Match([]norm.Token{probe}) {
			if m.Kind == lexicon.KindName && (m.Entry.Type == string(graph.Location) || m.Entry.Type == string(graph.Organization)) {
				typ = graph.EntityType(m.Entry.Type)
			}
		}
		if typ == "" {
			continue
		}
		head := k+1 < len(toks) && norm.Blank(text[t.End:toks[k+1].Start]) && !strings.Contains(text[t.End:toks[k+1].Start], "\n") &&
			(isCapitalised(toks[k+1].Text) || nameAt != nil && nameAt[k+1] != 0)
		tagged := false
		if nameAt != nil && nameAt[k] != 0 && (k == 0 || toks[k-1].Fold != "the") {
			n := names[nameAt[k]-1]
			_, actor := typeOfTag[n.typ]
			tagged = actor && n.start == k && n.end == k+1
		}
		if !head && !tagged {
			continue
		}
		if poss == nil {
			out, poss = append([]norm.Token(nil), toks...), make([]bool, len(toks))
		}
		out[k].Fold, poss[k] = f, true
		if nameAt != nil && nameAt[k] != 0 {
			n := &names[nameAt[k]-1]
			if n.start == k && n.end > k+1 {
				n.start, n.from, n.art = k+1, toks[k+1].Start, 0
				nameAt[k] = 0
			}
		}
	}
	return out, poss
}
