package extract

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

// Word lists. Until extractor version 8, hand rules found names the
// lexicon did not know from the words around them (a title before a
// person's name, a keyword before an organisation's or a place's, a common
// first name, an English speaker before "said"). The tagger replaced them:
// measured on the development data with the tagger in place, none reached
// the 0.8 precision the project keeps a rule at (docs/eval.md). The lists
// remain for what still reads them: the words names are cut at (cut,
// jobTitles), the weak-alias title test, and the words a zero-width space
// may not join (knownWord).

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

// orgKeywords begin an organisation's name, which they are part of.
var orgKeywords = foldSet(
	"وزارة", "حزب", "تنظيم", "كتائب", "حركة", "فصائل", "مجلس", "جيش", "قوات", "هيئة", "منظمة", "جبهة",
	"ائتلاف", "تيار", "تحالف", "اتحاد", "جامعة", "شركة", "بنك", "مصرف", "لواء", "سرايا", "عصائب", "جمعية",
)

// placeKeywords precede a place's name, which they are not part of.
var placeKeywords = foldSet("محافظة", "مدينة", "قضاء", "ناحية", "بلدة", "قرية", "مخيم", "منطقة", "حي", "ولاية", "إقليم", "عاصمة")

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

// isArabicWord reports whether a token is Arabic letters.
func isArabicWord(s string) bool {
	for _, r := range s {
		return unicode.Is(unicode.Arabic, r)
	}
	return false
}

func isCapitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// spanEntry returns the entry of the name toks of text make, its first
// token read as first (without a clitic): its ID is the type and the
// folded words of the name joined by hyphens, the same in every article.
func spanEntry(typ graph.EntityType, text string, toks []norm.Token, first string) *lexicon.Entry {
	folds := make([]string, len(toks))
	var b strings.Builder
	for i, t := range toks {
		folds[i] = t.Fold
		w := t.Text
		if i == 0 && first != t.Text {
			w = first
			folds[0] = norm.Fold(w)
		}
		if i > 0 {
			b.WriteString(text[toks[i-1].End:t.Start])
		}
		b.WriteString(strings.ReplaceAll(w, "\u200b", ""))
	}
	key := strings.Join(folds, " ")
	surface := norm.Clean(b.String())
	e := &lexicon.Entry{ID: string(typ) + ":" + strings.ReplaceAll(key, " ", "-"), Type: string(typ)}
	if isArabicWord(key) {
		e.NameAr = surface
	} else {
		e.Name = surface
	}
	return e
}
