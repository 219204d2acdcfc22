package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

// Relation extraction reads one sentence at a time. A trigger word
// (triggers.go) names the relation; the entities mentioned in the same
// sentence are its candidate arguments, and word order picks subject and
// object:
//
//   - an agent marked by a preposition ("by X", "دعوة من X") is the subject;
//   - a verb with a name just before it has that name as subject (SVO:
//     "الكاظمي يلتقي بايدن", "Kadhimi met Biden"), else, in Arabic, the
//     name just after it (VSO: "بحث الأعرجي ...");
//   - a noun takes its subject from the genitive right after it ("زيارة
//     الكاظمي إلى واشنطن"), or from the name before it when the genitive is
//     the object ("تسلم الكاظمي دعوة ... للقاء الرئيس بايدن");
//   - the object is the next name after the subject that is bare or marked
//     by with/to/on/against (مع، إلى، على، ل، ب); names marked by in/at (في)
//     are places where something happens and never arguments;
//   - two names joined by "and"/و after a symmetric trigger (meet, discuss),
//     or after "between"/بين, make an undirected relation.
//
// A negator just before the trigger (لم، لن، نفى، not, denied) marks the
// relation negated. STATEMENT links a speaker — the name right before
// "said" or right after قال — to the article.
//
// This is a pattern reader, not a parser: it prefers saying nothing to
// guessing, so a sentence it cannot read yields no relation.

// relArg is a candidate argument: a mention and the tokens it covers.
type relArg struct {
	m        *Mention
	from, to int    // token indexes
	mark     string // the preposition governing it: "", "with", "to", "by", "from", "between", "place"
	// agentive marks a nationality adjective that names who acts: right
	// after a noun trigger ("الهجوم الروسي").
	agentive bool
}

// symmetric relations hold both ways when their arguments are joined by
// "and": "بحث الأعرجي والسفير تولر" is a talk between the two.
func symmetric(t graph.RelationType) bool {
	return t == graph.Meets || t == graph.Discusses
}

// relations finds the typed relations stated in text, whose tokens,
// sentences and entity mentions (in text order) are given.
func relations(text string, toks []norm.Token, sentences []norm.Span, mentions []Mention, lex *lexicon.Lexicon) []graph.Relation {
	var out []graph.Relation
	tokAt := func(offset int) int {
		return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= offset })
	}
	mi := 0
	for si, s := range sentences {
		// The mentions of this sentence.
		for mi < len(mentions) && mentions[mi].Sentence < si {
			mi++
		}
		mj := mi
		for mj < len(mentions) && mentions[mj].Sentence == si {
			mj++
		}
		if mj-mi == 0 {
			continue
		}
		lo, hi := tokAt(s.Start), tokAt(s.End)
		r := sentenceReader{text: text, toks: toks, lo: lo, hi: hi, lex: lex, sentence: si, span: s}
		for k := mi; k < mj; k++ {
			m := &mentions[k]
			// A mention may start inside a token, past a clitic (بكريم):
			// its first token is the one holding its start.
			from := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
			r.args = append(r.args, relArg{m: m, from: from, to: tokAt(m.End)})
		}
		r.prepare()
		out = append(out, r.read()...)
		mi = mj
	}
	return out
}

type sentenceReader struct {
	text     string
	toks     []norm.Token
	lo, hi   int // the sentence's tokens
	lex      *lexicon.Lexicon
	sentence int
	span     norm.Span
	args     []relArg
}

// prepare drops arguments that do not stand for an actor of their own and
// finds the preposition governing each one that remains.
func (r *sentenceReader) prepare() {
	kept := r.args[:0]
	for i, a := range r.args {
		// An organisation after a leader's title, next to a person, is
		// part of the person's description ("زعيم التيار الصدري مقتدى
		// الصدر", "إبراهيم غالي، زعيم جبهة البوليساريو"): the person acts.
		if a.m.Type == graph.Organization && a.from > r.lo && leaderTitles[r.toks[a.from-1].Fold] {
			next := i+1 < len(r.args) && r.args[i+1].m.Type == graph.Person && r.args[i+1].from == a.to
			prev := len(kept) > 0 && kept[len(kept)-1].m.Type == graph.Person && kept[len(kept)-1].to == a.from-1
			if next || prev {
				continue
			}
		}
		// A nationality adjective qualifying a title before a name
		// ("السفير الأميركي في بغداد، ماثيو تولر") is not an argument.
		if a.m.Method == "adjective" {
			qualifies := false
			for _, b := range r.args[i+1:] {
				if b.from-a.to > 4 {
					break
				}
				if b.m.Method != "adjective" && b.m.Type == graph.Person {
					qualifies = true
				}
			}
			if qualifies {
				continue
			}
		}
		// A role phrase right before a name ("الرئيس الإيراني إبراهيم
		// رئيسي") gives way to the name.
		if a.m.Method == "role" && i+1 < len(r.args) && r.args[i+1].from == a.to && r.args[i+1].m.Type == graph.Person {
			continue
		}
		// A nationality adjective right after a name is that name's
		// ("فصائل المقاومة الفلسطينية"), not an actor of its own.
		if n := len(kept); n > 0 && a.m.Method == "adjective" && a.from == kept[n-1].to {
			continue
		}
		// The same entity named twice in a row ("رئيس الوزراء، مصطفى
		// الكاظمي") is one argument.
		if n := len(kept); n > 0 && kept[n-1].m.EntityID == a.m.EntityID && a.from-kept[n-1].to <= 2 {
			kept[n-1].to = a.to
			continue
		}
		kept = append(kept, a)
	}
	r.args = kept
	r.dropDescriptiveArgs()
	for i := range r.args {
		r.args[i].mark = r.markOf(&r.args[i], i)
	}
}

// clitic returns the proclitic letters of a folded token whose remainder is
// a word of the lexicon: "ب" for بالرئيس read as ب + الرئيس.
func (r *sentenceReader) clitic(fold string) string {
	form := r.lex.Form(fold)
	if form == fold {
		return ""
	}
	if rest, ok := strings.CutPrefix(form, "ال"); ok {
		if p, ok := strings.CutSuffix(fold, "ل"+rest); ok && strings.HasSuffix(p, "ل") {
			return p // ل + ال elided to لل
		}
	}
	p, _ := strings.CutSuffix(fold, form)
	return p
}

// titleLike reports whether a folded token may stand between a
// preposition or a trigger and the name it governs: a title, or a
// nationality adjective (الأمريكي، الإيرانية).
func titleLike(fold string) bool {
	if argTitles[fold] {
		return true
	}
	if strings.HasPrefix(fold, "ال") && (strings.HasSuffix(fold, "ي") || strings.HasSuffix(fold, "يه")) {
		return true
	}
	return false
}

// markOf finds the preposition governing argument i: a clitic on its first
// word, or a preposition before it across titles and adjectives.
func (r *sentenceReader) markOf(a *relArg, i int) string {
	floor := r.lo
	if i > 0 {
		floor = r.args[i-1].to
	}
	place := a.m.Type == graph.Location
	cliticMark := func(p string) string {
		switch {
		case strings.Contains(p, "ب"):
			if place {
				return "place" // ببغداد: in Baghdad
			}
			return "with"
		case strings.Contains(p, "ل"):
			return "to"
		}
		return ""
	}
	if m := cliticMark(r.clitic(r.toks[a.from].Fold)); m != "" {
		return m
	}
	for k := a.from - 1; k >= floor && k >= a.from-4; k-- {
		f := r.toks[k].Fold
		switch {
		case markWith[f]:
			return "with"
		case markTo[f]:
			return "to"
		case markBy[f]:
			return "by"
		case markFrom[f]:
			return "from"
		case markBetween[f]:
			return "between"
		case markPlace[f]:
			return "place"
		case titleLike(f):
			continue
		}
		// A title carrying a clitic: بالرئيس، للرئيس.
		if p, ok := cutConj(f); ok && titleLike(p) {
			return ""
		}
		for _, pre := range []string{"ب", "ل"} {
			if rest, ok := strings.CutPrefix(f, pre); ok && titleLike(rest) {
				return cliticMark(pre)
			}
		}
		if rest, ok := strings.CutPrefix(f, "لل"); ok && titleLike("ال"+rest) {
			return "to"
		}
		return ""
	}
	return ""
}

// cutConj strips a conjunction و from a folded token.
func cutConj(f string) (string, bool) {
	if rest, ok := strings.CutPrefix(f, "و"); ok && len(rest) >= 4 {
		return rest, true
	}
	return f, false
}

// joined reports whether "and" (و) joins arguments a and b: a conjunction
// between them, alone or on the first word after a.
func (r *sentenceReader) joined(a, b *relArg) bool {
	if b.from-a.to > 6 {
		return false
	}
	if strings.HasPrefix(r.clitic(r.toks[b.from].Fold), "و") { // وبايدن
		return true
	}
	for k := a.to; k < b.from; k++ {
		f := r.toks[k].Fold
		if markAnd[f] {
			return true
		}
		if rest, ok := cutConj(f); ok && (titleLike(rest) || strings.HasPrefix(rest, "ال")) {
			return true
		}
	}
	return false
}

// gap counts the words between token indexes from and to that are not
// titles or adjectives.
func (r *sentenceReader) gap(from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		if !titleLike(r.toks[k].Fold) {
			n++
		}
	}
	return n
}

func isActor(t graph.EntityType) bool { return t == graph.Person || t == graph.Organization }

// read finds the relations of the sentence.
func (r *sentenceReader) read() []graph.Relation {
	var out []graph.Relation
	seen := make(map[[4]string]bool)
	// emit records a relation. Arguments across another trigger, a
	// complementizer or (far apart) a clause break belong to different
	// clauses, unless the pattern that found them spans clauses itself:
	// names joined by "and", or a noun of purpose whose subject is the
	// main clause's.
	emit := func(pattern string, t int, typ graph.RelationType, subj, obj *relArg, directed bool, negated bool, acrossClauses ...bool) {
		if subj == nil || (obj == nil) != (typ == graph.Statement) || !r.arabicFits(pattern, t, typ, subj, obj) {
			return
		}
		// A nationality adjective describes a noun ("المقرات الأمريكية":
		// the American bases); it may be what is acted on, not who acts.
		if subj.m.Method == "adjective" && !subj.agentive && (directed || obj.m.Method == "adjective") {
			return
		}
		if obj != nil && len(acrossClauses) == 0 {
			from, to := min(subj.to, obj.to), max(subj.from, obj.from)
			if r.complementBetween(from, to) || r.triggerBetween(from, to, t) ||
				(r.gap(from, to) > 2 && r.clauseBreak(r.toks[from].Start, r.toks[to].Start)) {
				return
			}
		}
		rel := graph.Relation{
			Pattern: pattern + "/" + lang(r.toks[t].Fold), Type: typ, Subject: subj.m.EntityID, Directed: directed, Negated: negated, Sentence: r.sentence,
			Trigger:     graph.Offsets{Start: r.toks[t].Start, End: r.toks[t].End},
			SubjectSpan: graph.Offsets{Start: subj.m.Start, End: subj.m.End},
		}
		if obj != nil {
			if obj.m.EntityID == subj.m.EntityID {
				return
			}
			rel.Object = obj.m.EntityID
			rel.ObjectSpan = graph.Offsets{Start: obj.m.Start, End: obj.m.End}
			if !directed && rel.Subject > rel.Object {
				rel.Subject, rel.Object = rel.Object, rel.Subject
				rel.SubjectSpan, rel.ObjectSpan = rel.ObjectSpan, rel.SubjectSpan
			}
		}
		key := [4]string{string(typ), rel.Subject, rel.Object, boolKey(directed, negated)}
		if seen[key] {
			return
		}
		seen[key] = true
		rel.TextStart, rel.Text = r.window(rel)
		out = append(out, rel)
	}

	for t := r.lo; t < r.hi; t++ {
		trig, purpose, ok := lookupTrigger(r.toks[t].Fold)
		if !ok {
			continue
		}
		english := isASCII(r.toks[t].Fold)
		before, after := r.around(t)
		negated := r.negated(t, before)

		if trig.typ == graph.Statement {
			if b := before; b != nil && b.mark == "" && isActor(b.m.Type) && r.gap(b.to, t) <= 1 && !r.clauseBreak(b.m.End, r.toks[t].Start) {
				emit("statement-before", t, trig.typ, b, nil, true, negated)
			} else if len(after) > 0 && after[0].mark == "" && isActor(after[0].m.Type) && r.gap(t+1, after[0].from) == 0 {
				emit("statement-after", t, trig.typ, &after[0], nil, true, negated)
			}
			continue
		}

		// "between X and Y": undirected, for what both sides do.
		for i := 0; i+1 < len(after) && (symmetric(trig.typ) || trig.typ == graph.Attacks); i++ {
			if after[i].mark == "between" && r.gap(t+1, after[i].from) <= 4 && r.joined(&after[i], &after[i+1]) {
				emit("between-and", t, trig.typ, &after[i], &after[i+1], false, negated)
				break
			}
		}

		// An agent: "by X", "دعوة من X", "من قبل X".
		var agent *relArg
		for i := range after {
			a := &after[i]
			if r.gap(t+1, a.from) > 3 {
				break
			}
			if a.mark == "by" || (a.mark == "from" && (trig.noun || trig.typ == graph.Invites)) {
				agent = a
				break
			}
		}
		if agent == nil && english && !trig.noun && t > r.lo && passiveAux[r.toks[t-1].Fold] {
			continue // a passive without its agent names no subject
		}
		if agent != nil {
			var obj *relArg
			if before != nil && before.mark == "" && r.gap(before.to, t) <= 6 {
				obj = before
			} else {
				obj = firstObject(after, agent)
			}
			emit("agent", t, trig.typ, agent, obj, true, negated)
			continue
		}

		relative := t > r.lo && relatives[r.toks[t-1].Fold]
		bare := before != nil && before.mark == "" && !relative && !r.clauseBreak(before.m.End, r.toks[t].Start)
		// A relative clause ("الولايات المتحدة، التي انتقدت أوروبا", "X,
		// who met Y"): the antecedent is the subject.
		if relative && before != nil && before.mark == "" && r.gap(before.to, t) <= 2 && trig.pronoun && !trig.noun {
			// "المكسيك التي هاجمتها فرنسا": the pronoun on the verb is the
			// antecedent, the object; the name after is the subject.
			if len(after) > 0 && after[0].mark == "" && r.gap(t+1, after[0].from) <= 1 {
				emit("relative-object", t, trig.typ, &after[0], before, true, negated, true)
			}
			continue
		}
		if relative && before != nil && before.mark == "" && r.gap(before.to, t) <= 2 {
			if obj := firstObject(after, nil); obj != nil && (r.gap(t+1, obj.from) <= 2 || obj.mark != "" && r.gap(t+1, obj.from) <= 5) &&
				!r.clauseBreak(r.toks[t].End, obj.m.Start) {
				emit("relative-subject", t, trig.typ, before, obj, true, negated)
			}
			continue
		}
		// A noun with an attached pronoun ("اجتماعه بنظيره بلينكن"): the
		// pronoun is the subject, so a name after is the object and the
		// subject is the last actor named before.
		if trig.noun && (trig.pronoun || (english && t > r.lo && possessives[r.toks[t-1].Fold])) {
			if b := r.bareBefore(t, 8); b != nil {
				if obj := firstObject(after, nil); obj != nil && r.gap(t+1, obj.from) <= 2 {
					emit("noun-pronoun", t, trig.typ, b, obj, true, negated)
				}
			}
			continue
		}
		// A noun with a genitive right after it.
		if trig.noun && len(after) > 0 && after[0].mark == "" && after[0].m.Method == "adjective" && after[0].from == t+1 {
			// "الهجوم الروسي على أوكرانيا": the adjective names who acts.
			if obj := firstObject(after[1:], nil); obj != nil && obj.mark == "to" && r.gap(after[0].to, obj.from) <= 2 {
				subj := after[0]
				subj.agentive = true
				emit("noun-adjective", t, trig.typ, &subj, obj, true, negated, true)
			}
			continue
		}
		if trig.noun && len(after) > 0 && after[0].mark == "" && r.gap(t+1, after[0].from) <= 1 {
			a1 := &after[0]
			if !isActor(a1.m.Type) {
				// A place after a noun is where it happens or what it
				// targets ("اشتباكات طرابلس", "زيارة طهران"), not who acts.
				if b := r.bareBefore(t, 6); b != nil && purpose {
					emit("noun-place-purpose", t, trig.typ, b, a1, true, negated, true)
				} else if b != nil && !r.clauseBreak(b.m.End, r.toks[t].Start) {
					emit("noun-place", t, trig.typ, b, a1, true, negated)
				}
				continue
			}
			if len(after) > 1 && symmetric(trig.typ) && r.joined(a1, &after[1]) && after[1].mark == "" {
				emit("noun-genitive-and", t, trig.typ, a1, &after[1], false, negated, true)
				continue
			}
			if obj := firstObject(after[1:], nil); obj != nil && obj.from-a1.to <= 8 && (isActor(a1.m.Type) || trig.typ != graph.Visits) {
				emit("noun-genitive-object", t, trig.typ, a1, obj, true, negated)
				continue
			}
			// The genitive is the object: the subject is named before,
			// in the main clause when the noun is one of purpose ("لزيارة
			// طهران": in order to visit Tehran).
			if purpose {
				emit("noun-purpose-genitive", t, trig.typ, r.bareBefore(t, 8), a1, true, negated, true)
			} else if bare && r.gap(before.to, t) <= 6 && isActor(before.m.Type) {
				emit("noun-genitive-before", t, trig.typ, before, a1, true, negated)
			}
			continue
		}
		// SVO: a name just before the trigger. "X and Y met" is symmetric.
		if bare && (r.gap(before.to, t) <= 2 || (trig.noun && r.gap(before.to, t) <= 1)) {
			if trig.typ == graph.Visits && !isActor(before.m.Type) {
				continue
			}
			if obj := firstObject(after, nil); obj != nil && r.gap(t+1, obj.from) <= 4 {
				emit("svo", t, trig.typ, before, obj, true, negated)
			} else if symmetric(trig.typ) && !trig.noun {
				if prev := r.argBefore(before); prev != nil && prev.mark == "" && r.joined(prev, before) {
					emit("svo-and", t, trig.typ, prev, before, false, negated)
				}
			}
			continue
		}
		// A noun of purpose ("للقاء الرئيس بايدن") takes the main clause's
		// subject, the last bare name before it.
		if trig.noun && purpose && len(after) > 0 && after[0].mark == "" && r.gap(t+1, after[0].from) <= 1 {
			if b := r.bareBefore(t, 8); b != nil {
				emit("noun-purpose", t, trig.typ, b, &after[0], true, negated, true)
			}
			continue
		}
		// VSO (Arabic): the name right after the verb is the subject.
		if !english && !trig.noun && len(after) > 0 && after[0].mark == "" && r.gap(t+1, after[0].from) <= 1 {
			a1 := &after[0]
			if trig.typ == graph.Visits && !isActor(a1.m.Type) {
				continue
			}
			if len(after) > 1 && symmetric(trig.typ) && after[1].mark == "" && r.joined(a1, &after[1]) {
				emit("vso-and", t, trig.typ, a1, &after[1], false, negated, true)
				continue
			}
			if obj := firstObject(after[1:], nil); obj != nil && obj.from-a1.to <= 8 {
				emit("vso", t, trig.typ, a1, obj, true, negated)
			}
		}
	}
	return out
}

// lang names the language a trigger is written in, for Relation.Pattern:
// "en" for Latin script, "ar" for anything else (Arabic script).
func lang(fold string) string {
	if isASCII(fold) {
		return "en"
	}
	return "ar"
}

func boolKey(directed, negated bool) string {
	k := "u"
	if directed {
		k = "d"
	}
	if negated {
		k += "n"
	}
	return k
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// around returns the nearest argument ending before token t (nil when
// none) and the arguments starting after it, within ten words, places left
// out.
func (r *sentenceReader) around(t int) (*relArg, []relArg) {
	var before *relArg
	var after []relArg
	for i := range r.args {
		a := &r.args[i]
		switch {
		case a.to <= t:
			if a.mark != "place" {
				before = a
			}
		case a.from > t && a.from-t <= 12 && a.mark != "place":
			after = append(after, *a)
		}
	}
	return before, after
}

// argBefore returns the argument before a, or nil.
func (r *sentenceReader) argBefore(a *relArg) *relArg {
	for i := range r.args {
		if r.args[i].from == a.from && i > 0 {
			return &r.args[i-1]
		}
	}
	return nil
}

// bareBefore returns the last unmarked actor ending before token t within
// limit words.
func (r *sentenceReader) bareBefore(t, limit int) *relArg {
	for i := len(r.args) - 1; i >= 0; i-- {
		a := &r.args[i]
		if a.to > t {
			continue
		}
		if r.gap(a.to, t) > limit {
			return nil
		}
		if a.mark == "" && isActor(a.m.Type) {
			return a
		}
	}
	return nil
}

// firstObject returns the first argument of args that may be an object:
// bare or marked by with/to; not the agent.
func firstObject(args []relArg, agent *relArg) *relArg {
	for i := range args {
		a := &args[i]
		if agent != nil && a.from == agent.from {
			continue
		}
		switch a.mark {
		case "with", "to", "":
			return a
		case "from", "by", "between":
			continue
		}
	}
	return nil
}

// leaderTitles stand before the organisation a person leads.
var leaderTitles = foldSet("زعيم", "رئيس", "قائد", "أمين", "مؤسس", "الأمين", "زعيمة", "رئيسة", "leader", "head", "chief", "founder", "chairman")

// possessives before an English noun name its subject: "their fight
// against ISIL" is the fight of whoever "their" is.
var possessives = foldSet("their", "its", "his", "her", "our")

// relatives introduce a relative clause whose subject is the name before.
var relatives = foldSet("الذي", "التي", "الذين", "who", "which")

// complementizers open a subordinate clause: a name after one is not the
// object of a verb before it.
var complementizers = foldSet("أن", "ان", "إن", "بأن", "بان", "that", "whom", "whose", "while", "although", "because")

// complementBetween reports whether a complementizer stands among tokens
// [from, to).
func (r *sentenceReader) complementBetween(from, to int) bool {
	for k := max(from, r.lo); k < to && k < r.hi; k++ {
		if complementizers[r.toks[k].Fold] {
			return true
		}
	}
	return false
}

// triggerBetween reports whether a trigger other than the one at t stands
// among tokens [from, to): the arguments then belong to different
// relations.
func (r *sentenceReader) triggerBetween(from, to, t int) bool {
	for k := max(from, r.lo); k < to && k < r.hi; k++ {
		if k == t {
			continue
		}
		if _, _, ok := lookupTrigger(r.toks[k].Fold); ok {
			return true
		}
	}
	return false
}

// clauseBreak reports whether text[from:to] holds punctuation that ends a
// clause (a colon, a quotation mark, a bracket, a comma), so that a name
// before it is not the subject of a verb after it.
func (r *sentenceReader) clauseBreak(from, to int) bool {
	return from < to && strings.ContainsAny(r.text[from:to], ":؛,،\"«»“”()")
}

// negated reports whether a negator stands among the three words before
// trigger t, after the argument before it.
func (r *sentenceReader) negated(t int, before *relArg) bool {
	floor := max(r.lo, t-3)
	if before != nil && before.to > floor {
		floor = before.to
	}
	for k := t - 1; k >= floor; k-- {
		f := r.toks[k].Fold
		if negators[f] {
			if f == "لا" && k+1 < r.hi && r.toks[k+1].Fold == "سيما" {
				continue // لا سيما: "especially"
			}
			return true
		}
		if rest, ok := cutConj(f); ok && negators[rest] {
			return true
		}
	}
	return false
}

// window returns the text a relation keeps as evidence: its sentence, or
// when that is longer than graph.MaxRelationText, the part of it around
// the trigger and arguments.
func (r *sentenceReader) window(rel graph.Relation) (int, string) {
	s, e := r.span.Start, r.span.End
	if e-s <= graph.MaxRelationText {
		return s, r.text[s:e]
	}
	lo, hi := rel.Trigger.Start, rel.Trigger.End
	for _, o := range []graph.Offsets{rel.SubjectSpan, rel.ObjectSpan} {
		if o.End > o.Start {
			lo, hi = min(lo, o.Start), max(hi, o.End)
		}
	}
	if hi-lo > graph.MaxRelationText {
		lo, hi = rel.Trigger.Start, rel.Trigger.End
	}
	pad := (graph.MaxRelationText - (hi - lo)) / 2
	lo, hi = max(s, lo-pad), min(e, hi+pad)
	// Give the room one side could not use (it hit the sentence's edge)
	// to the other.
	if lo == s {
		hi = min(e, s+graph.MaxRelationText)
	} else if hi == e {
		lo = max(s, e-graph.MaxRelationText)
	}
	for lo < hi && !utf8.RuneStart(r.text[lo]) {
		lo++
	}
	for hi < len(r.text) && hi > lo && !utf8.RuneStart(r.text[hi]) {
		hi--
	}
	return lo, r.text[lo:hi]
}
