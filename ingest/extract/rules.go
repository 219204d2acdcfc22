package extract

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

// Rules find names the lexicon does not know, from the words around them:
// a title before a person's name (الدكتور حيدر حميد, President Emmanuel
// Macron), a keyword before an organisation's (حزب الدعوة, وزارة الخارجية)
// or a place's (محافظة ذي قار). A name found by a rule becomes an entity
// whose ID comes from its folded form, so the same unknown person named in
// two articles is one node.

// personTitles precede a person's name. Folded; multi-word titles are
// matched by their last word (رئيس الوزراء → الوزراء is not a title, but
// "رئيس الوزراء X" ends with الوزراء followed by the name, so the phrase
// list below covers them).
var personTitles = foldSet(
	"الرئيس", "السيد", "السيدة", "الدكتور", "الدكتورة", "الشيخ", "النائب", "النائبة", "الوزير", "الوزيرة",
	"السفير", "السفيرة", "العميد", "اللواء", "الفريق", "العقيد", "المقدم", "الرائد", "القائد", "الحاج",
	"الأمير", "الملك", "المستشار", "الأستاذ", "المهندس", "المحامي", "الإمام", "المرجع", "القاضي",
	"النقيب", "الجنرال", "المبعوث", "الناشط", "الكاتب", "الصحفي", "الباحث", "المحلل", "الخبير", "زميلنا",
)

// personTitlePhrases end in a word that is not a title on its own.
var personTitlePhrases = [][]string{
	foldAll("رئيس", "الوزراء"), foldAll("رئيس", "الحكومة"), foldAll("رئيس", "البرلمان"), foldAll("رئيس", "الجمهورية"),
	foldAll("وزير", "الخارجية"), foldAll("وزير", "الدفاع"), foldAll("وزير", "الداخلية"), foldAll("وزير", "المالية"),
	foldAll("آية", "الله"), foldAll("مستشار", "الأمن", "القومي"),
}

// orgKeywords begin an organisation's name, which they are part of.
var orgKeywords = foldSet(
	"وزارة", "حزب", "تنظيم", "كتائب", "حركة", "فصائل", "مجلس", "جيش", "قوات", "هيئة", "منظمة", "جبهة",
	"ائتلاف", "تيار", "تحالف", "اتحاد", "جامعة", "شركة", "بنك", "مصرف", "لواء", "سرايا", "عصائب", "جمعية",
)

// placeKeywords precede a place's name, which they are not part of.
var placeKeywords = foldSet("محافظة", "مدينة", "قضاء", "ناحية", "بلدة", "قرية", "مخيم", "منطقة", "حي", "ولاية", "إقليم", "عاصمة")

// notPlaces follow place keywords without being names: "مدن أخرى",
// "منطقة الشرق".
var notPlaces = foldSet("أخرى", "اخرى", "الشرق", "الغرب", "الشمال", "الجنوب", "شمال", "جنوب", "شرق", "غرب", "وسط",
	"الوسط", "عدة", "كبيرة", "صغيرة", "واحدة", "جديدة", "الحدود", "العاصمة", "المدينة", "المنطقة", "الساحل", "مختلفة",
	"الصناعية", "العازلة", "المحتلة", "الجنوبية", "الشمالية", "الشرقية", "الغربية", "الخضراء")

// nameLinks join the parts of an Arabic name and cannot end one: "محمد بن
// راشد", "عبد الله", "أبو مهدي".
var nameLinks = foldSet("بن", "بنت", "ابن", "عبد", "أبو", "ابو", "آل", "ال")

// stopwords end a name: particles, prepositions, pronouns and frequent
// verbs that follow names in news prose.
var stopwords = foldSet(
	"في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "إن", "ان", "أنه", "انه", "قد", "لا", "ما", "لم", "لن",
	"الذي", "التي", "الذين", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "كان", "كانت", "قال", "وقال",
	"أكد", "وأكد", "أعلن", "وأعلن", "أشار", "وأشار", "أضاف", "وأضاف", "بين", "حول", "خلال", "بعد", "قبل",
	"عند", "منذ", "حتى", "أو", "او", "ثم", "كما", "لكن", "بأن", "بان", "إنه", "يوم", "أمس", "اليوم", "عام",
	"صلى", "عليه", "وسلم", "رضي", "يناهز", "ناهز",
	"the", "of", "and", "in", "on", "at", "to", "for", "said", "says", "a", "an", "by", "with", "from",
)

// englishOrgEnds end an organisation's name: "Bharatiya Janata Party".
var englishOrgEnds = foldSet("party", "ministry", "council", "union", "bank", "group", "corp", "corporation",
	"inc", "ltd", "co", "company", "association", "federation", "committee", "agency", "army", "forces",
	"front", "movement", "organisation", "organization", "university", "club", "league", "commission",
	"institute", "airlines", "airways", "assembly", "parliament", "congress", "court", "police", "guard",
	"brigades", "brigade", "network", "foundation", "fund", "exchange", "authority", "office", "department")

// englishNotNames are capitalised words that start sentences or headlines
// rather than names.
var englishNotNames = foldSet("the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "we", "i", "but",
	"and", "or", "if", "as", "for", "of", "to", "by", "with", "from", "this", "that", "these", "those", "his",
	"her", "their", "its", "our", "after", "before", "when", "while", "there", "here", "some", "many", "new",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
	"march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	// Qualifiers of an office, never the start of a name: "Ex-Nusra Front", "Former Envoy said".
	"ex", "former", "late", "then")

// speechVerbsEN follow a speaker's name: "Lebed said".
var speechVerbsEN = foldSet("said", "says", "told", "added", "warned", "insisted", "stressed", "wrote", "argued")

// englishPersonTitles precede a capitalised name.
var englishPersonTitles = foldSet("president", "mr", "mrs", "ms", "dr", "minister", "ambassador", "general",
	"gen", "col", "colonel", "sheikh", "senator", "sen", "rep", "prime", "king", "prince", "ayatollah", "cleric",
	"commander", "spokesman", "spokeswoman", "chancellor", "secretary", "premier", "judge", "lieutenant", "captain")

func foldSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[norm.Fold(w)] = true
	}
	return m
}

func foldAll(words ...string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = norm.Fold(w)
	}
	return out
}

// ruleMatch is a name a rule found: tokens [start, end).
type ruleMatch struct {
	start, end int
	typ        graph.EntityType
}

// isArabicWord reports whether a token is Arabic letters.
func isArabicWord(s string) bool {
	for _, r := range s {
		return unicode.Is(unicode.Arabic, r)
	}
	return false
}

// nameLike reports whether an Arabic token can be part of a person's name.
func nameLike(fold string) bool {
	return isArabicWord(fold) && !stopwords[fold] && len([]rune(fold)) >= 2 &&
		!personTitles[fold] && !orgKeywords[fold] && !placeKeywords[fold] &&
		!strings.HasSuffix(fold, "ات") // feminine plurals (تداعيات، المستجدات) are not names
}

// applyRules finds names in the tokens no lexicon mention covers.
func applyRules(text string, toks []norm.Token, covered []bool) []ruleMatch {
	var out []ruleMatch
	free := func(i int) bool { return i < len(toks) && !covered[i] }
	// adjacent reports whether nothing but spaces separates tokens i and j:
	// invisible ones (U+200B) and format characters count as spaces.
	adjacent := func(i, j int) bool {
		return norm.Blank(text[toks[i].End:toks[j].Start])
	}
	for i := 0; i < len(toks); i++ {
		f := toks[i].Fold
		switch {
		case isArabicWord(f):
			// A person after a title (and any nationality adjective).
			titleEnd := -1
			if personTitles[f] {
				titleEnd = i + 1
			}
			for _, ph := range personTitlePhrases {
				if i+len(ph) <= len(toks) {
					ok := true
					for k, w := range ph {
						if toks[i+k].Fold != w {
							ok = false
							break
						}
					}
					if ok {
						titleEnd = i + len(ph)
					}
				}
			}
			if titleEnd > 0 {
				j := titleEnd
				// Skip nationality adjectives: definite words ending in ي.
				for j < len(toks) && strings.HasPrefix(toks[j].Fold, "ال") && strings.HasSuffix(toks[j].Fold, "ي") && adjacent(j-1, j) {
					j++
				}
				if j < len(toks) && !adjacent(j-1, j) {
					continue // punctuation between title and words: not a name that follows it
				}
				k := j
				for k < len(toks) && k-j < 3 && free(k) && nameLike(toks[k].Fold) && (k == j || adjacent(k-1, k)) {
					k++
				}
				// Two or three words: a first name alone is too often a
				// common noun ("الوزير الجديد").
				if k-j >= 2 && !strings.HasPrefix(toks[j].Fold, "ال") {
					out = append(out, ruleMatch{j, k, graph.Person})
					i = k - 1
				}
				continue
			}
			// A common first name and the name words after it.
			if isFirstName(toks[i]) && free(i) {
				k := i + 1
				for k < len(toks) && (k-i < 3 || nameLinks[toks[k-1].Fold]) && k-i < 5 && free(k) &&
					nameLike(toks[k].Fold) && adjacent(k-1, k) {
					k++
				}
				for k-i > 1 && nameLinks[toks[k-1].Fold] { // never end on "بن" or "عبد"
					k--
				}
				if k-i >= 2 {
					out = append(out, ruleMatch{i, k, graph.Person})
					i = k - 1
					continue
				}
			}
			// An organisation: keyword plus its definite complement.
			if orgKeywords[f] && free(i) {
				k := i + 1
				definite := func(w string) bool { return strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "وال") && k > i+1 }
				for k < len(toks) && k-i <= 4 && free(k) && adjacent(k-1, k) && !stopwords[toks[k].Fold] &&
					isArabicWord(toks[k].Fold) && (definite(toks[k].Fold) || k == i+1) {
					k++
					if !definite(toks[k-1].Fold) { // a proper name ends it: "حركة حماس"
						break
					}
				}
				if k > i+1 {
					out = append(out, ruleMatch{i, k, graph.Organization})
					i = k - 1
				}
				continue
			}
			// A place after its keyword.
			if placeKeywords[f] && free(i+1) && i+1 < len(toks) && adjacent(i, i+1) && nameLike(toks[i+1].Fold) && !notPlaces[toks[i+1].Fold] {
				out = append(out, ruleMatch{i + 1, i + 2, graph.Location})
				i++
			}
		default:
			// English: a common first name and the capitalised words after it.
			if firstNames[f] && isCapitalised(toks[i].Text) && free(i) {
				k := i + 1
				for k < len(toks) && k-i < 3 && free(k) && isCapitalised(toks[k].Text) && adjacent(k-1, k) &&
					!englishPersonTitles[toks[k].Fold] {
					k++
				}
				if k-i >= 2 {
					out = append(out, ruleMatch{i, k, graph.Person})
					i = k - 1
					continue
				}
			}
			// English: capitalised words ending in an organisation word.
			if isCapitalised(toks[i].Text) && free(i) && !englishNotNames[f] && !isAllCaps(toks[i].Text) {
				k := i + 1
				for k < len(toks) && k-i < 5 && free(k) && isCapitalised(toks[k].Text) && adjacent(k-1, k) {
					k++
				}
				if k-i >= 2 && englishOrgEnds[toks[k-1].Fold] {
					out = append(out, ruleMatch{i, k, graph.Organization})
					i = k - 1
					continue
				}
			}
			// English: a speaker, capitalised words right before "said".
			if isCapitalised(toks[i].Text) && free(i) && !englishNotNames[f] && !isAllCaps(toks[i].Text) {
				k := i + 1
				for k < len(toks) && k-i < 3 && free(k) && isCapitalised(toks[k].Text) && adjacent(k-1, k) {
					k++
				}
				if k < len(toks) && adjacent(k-1, k) && speechVerbsEN[toks[k].Fold] && !englishOrgEnds[toks[k-1].Fold] {
					out = append(out, ruleMatch{i, k, graph.Person})
					i = k - 1
					continue
				}
			}
			// English: a capitalised name after a title word.
			if englishPersonTitles[f] && i+1 < len(toks) {
				j := i + 1
				if toks[j].Text == "." && j+1 < len(toks) {
					j++
				}
				k := j
				for k < len(toks) && k-j < 3 && free(k) && isCapitalised(toks[k].Text) && (k == j || adjacent(k-1, k)) {
					k++
				}
				if k-j >= 2 || (k-j == 1 && f != "prime" && f != "secretary") {
					out = append(out, ruleMatch{j, k, graph.Person})
					i = k - 1
				}
			}
		}
	}
	return out
}

func isCapitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// ruleEntry returns the entry of a name found by a rule in toks, tokens of
// text: its ID is the type and the folded name, the same in every article.
// Its name is the text cleaned (norm.Clean), so the same name typed on a
// Persian keyboard, decomposed or in presentation forms is displayed as
// standard text has it; a zero-width space inside a token is a break in
// the word, not a space, and goes.
func ruleEntry(typ graph.EntityType, text string, toks []norm.Token) *lexicon.Entry {
	folds := make([]string, len(toks))
	var b strings.Builder
	for i, t := range toks {
		folds[i] = t.Fold
		if i > 0 {
			b.WriteString(text[toks[i-1].End:t.Start])
		}
		b.WriteString(strings.ReplaceAll(t.Text, "\u200b", ""))
	}
	key := strings.Join(folds, " ")
	surface := norm.Clean(b.String())
	e := &lexicon.Entry{ID: string(typ) + ":" + strings.ReplaceAll(key, " ", "-"), Type: string(typ), Kind: "found by rule"}
	if isArabicWord(key) {
		e.NameAr = surface
	} else {
		e.Name = surface
	}
	return e
}

// isAllCaps reports whether s has no lower-case letter: headlines and
// sports tables in capitals say nothing about names.
func isAllCaps(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}
