package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
)

// Trigger words name a typed relation. Each list holds the forms as
// written in news prose; they are folded when the table is built, so
// hamza, alef and ta-marbuta variants need no entries of their own, and
// Arabic proclitics (و ف ب ل س) are stripped when a word is looked up.
// Nouns — the Arabic masdar and English nominalisations — take their
// subject from the genitive after them ("زيارة الكاظمي", "the visit of")
// or the words before them ("Kadhimi's visit"); verbs from the words
// before (SVO) or after (Arabic VSO) them.
//
// The lists were written for this project from the verb forms used in
// Arabic and English news; they are ours, not copied from a dictionary.
type triggerList struct {
	typ                                graph.RelationType
	arVerbs, arNouns, enVerbs, enNouns string
}

var triggerLists = []triggerList{
	{typ: graph.Meets,
		arVerbs: "التقى التقت يلتقي تلتقي يلتق تلتق نلتقي التقيا التقوا يلتقيان يلتقون استقبل استقبلت يستقبل تستقبل استقبلا اجتمع اجتمعت يجتمع تجتمع اجتمعا يجتمعان",
		arNouns: "لقاء اللقاء لقاءه لقاءات اجتماع الاجتماع اجتماعا اجتماعات استقبال الاستقبال التقاء",
		enVerbs: "met meet meets meeting received receives hosted hosts",
		enNouns: "meeting meetings summit"},
	{typ: graph.Visits,
		arVerbs: "زار زارت يزور تزور يزر تزر يزوران زاروا",
		arNouns: "زيارة الزيارة زيارات",
		enVerbs: "visited visit visits visiting toured",
		enNouns: "visit trip"},
	{typ: graph.Invites,
		arVerbs: "دعا دعت يدعو تدعو يدع تدع",
		arNouns: "دعوة الدعوة",
		enVerbs: "invited invite invites inviting",
		enNouns: "invitation"},
	{typ: graph.Discusses,
		arVerbs: "بحث بحثت يبحث تبحث بحثا يبحثان ناقش ناقشت يناقش تناقش ناقشا تباحث يتباحث تباحثا",
		arNouns: "مناقشة المناقشة محادثات المحادثات مباحثات المباحثات حوار الحوار",
		enVerbs: "discussed discuss discusses discussing negotiated negotiate negotiates spoke speaks talked",
		enNouns: "talks negotiations discussions agreement conversation"},
	{typ: graph.Attacks,
		arVerbs: "قصف قصفت يقصف تقصف استهدف استهدفت يستهدف تستهدف هاجم هاجمت يهاجم تهاجم يهاجمان تهاجمان يهاجمون قاتل يقاتل تقاتل اشتبك اشتبكت حارب حاربت يحارب تحارب",
		arNouns: "استهداف الاستهداف هجوم الهجوم هجوما هجمات الهجمات غارة غارات الغارات اشتباكات محاربة قتال",
		enVerbs: "attacked attack attacks attacking struck strike strikes striking targeted target targets targeting bombed bombing bombarded bombarding shelled shelling raided fought fight fights fighting clashed defeat defeated defeating killed kill kills killing invaded invade ambushed",
		enNouns: "attack attacks strike strikes airstrike airstrikes offensive assault raid war battle fight bombardment"},
	{typ: graph.Supports,
		arVerbs: "دعم دعمت يدعم تدعم يدعمان تدعمان يدعمون أيد أيدت يؤيد تؤيد ساند ساندت يساند تساند رحب رحبت يرحب ترحب أشاد أشادت يشيد تشيد",
		arNouns: "الدعم تأييد التأييد مساندة المساندة ترحيب إشادة",
		enVerbs: "backed backs backing supported support supports supporting endorsed endorses allied welcomed welcomes praised praises commended commends assisted assists aided",
		enNouns: "support backing alliance assistance"},
	{typ: graph.Criticizes,
		arVerbs: "انتقد انتقدت ينتقد تنتقد ينتقدان ينتقدون اتهم اتهمت يتهم تتهم أدان أدانت يدين تدين استنكر استنكرت يستنكر تستنكر",
		arNouns: "انتقاد انتقادات اتهام اتهامات إدانة الإدانة استنكار",
		enVerbs: "criticised criticized criticises criticizes criticise criticize accused accuses accuse condemned condemns condemn blamed blames denounced denounces",
		enNouns: "criticism condemnation"},
	{typ: graph.Threatens,
		arVerbs: "هدد هددت يهدد تهدد توعد توعدت يتوعد تتوعد",
		arNouns: "تهديد تهديدات التهديد",
		enVerbs: "threatened threatens threaten warned warns",
		enNouns: "threat threats"},
	{typ: graph.Statement,
		arVerbs: "قال قالت يقول تقول أكد أكدت يؤكد تؤكد صرح صرحت يصرح أضاف أضافت يضيف ذكر ذكرت أوضح أوضحت أشار أشارت أعلن أعلنت يعلن",
		enVerbs: "said says told stated added announced"},
}

// trigger is what a folded word names.
type trigger struct {
	typ  graph.RelationType
	noun bool
	// pronoun marks a form carrying an attached pronoun (زيارته "his
	// visit", استقبله "received him"): the pronoun is an argument, so the
	// name after the word is not its genitive subject.
	pronoun bool
}

// notTriggers are words that read as a trigger once a clitic is stripped
// or a pronoun attached, but are far more often something else: وزارة
// (ministry) is not و + زاره (and visited him), دعاة (preachers) is not
// دعاه (invited him).
var notTriggers = foldSet("وزارة", "وزارات", "دعاة", "الدعاة", "لدعاة", "ودعاة", "بحثا", "وزارته", "وزارتها", "back",
	// Nouns in ة that fold like a verb with the pronoun ه: إشارة (a sign) is
	// not أشار + ه, إضافة (an addition) not أضاف + ه, قاتلة (a killer) not
	// قاتل + ه.
	"إشارة", "إضافة", "قاتلة")

// triggers maps folded trigger forms to what they name. Arabic forms also
// appear with the attached pronouns ه ها هم (زيارته، استقبله), which the
// lookup cannot strip without eating the ة of the masdar.
var triggers = func() map[string]trigger {
	m := make(map[string]trigger)
	add := func(words string, t trigger, arabic bool) {
		for _, w := range strings.Fields(words) {
			f := norm.Fold(w)
			m[f] = t
			if !arabic {
				continue
			}
			stem := f
			if s, ok := strings.CutSuffix(f, "ه"); ok && t.noun {
				stem = s + "ت" // زياره → زيارته
			}
			for _, suf := range []string{"ه", "ها", "هم", "هما"} {
				if _, taken := m[stem+suf]; !taken {
					p := t
					p.pronoun = true
					m[stem+suf] = p
				}
			}
		}
	}
	for _, l := range triggerLists {
		add(l.arVerbs, trigger{typ: l.typ}, true)
		add(l.arNouns, trigger{typ: l.typ, noun: true}, true)
		add(l.enVerbs, trigger{typ: l.typ}, false)
		add(l.enNouns, trigger{typ: l.typ, noun: true}, false)
	}
	return m
}()

// lookupTrigger finds what a folded token names: as written, without a
// conjunction (و ف), then without a preposition or the future prefix (ب ل
// س), "لل" read as ل + ال. It also reports whether the token carried the
// preposition ل, which makes a masdar a purpose clause ("للقاء": in order
// to meet), whose subject is the main clause's.
func lookupTrigger(fold string) (t trigger, purpose, ok bool) {
	if notTriggers[fold] {
		return trigger{}, false, false
	}
	if t, ok := triggers[fold]; ok {
		return t, false, true
	}
	bases := [3]string{fold}
	nb := 1
	for _, conj := range [...]string{"و", "ف"} {
		if r, cut := strings.CutPrefix(fold, conj); cut && len(r) >= 4 {
			if t, ok := triggers[r]; ok {
				return t, false, true
			}
			bases[nb] = r
			nb++
		}
	}
	for _, b := range bases[:nb] {
		if r, cut := strings.CutPrefix(b, "لل"); cut && len(r) >= 4 {
			if t, ok := triggers["ال"+r]; ok {
				return t, true, true
			}
		}
		for _, p := range [...]string{"ل", "س", "ب"} {
			if r, cut := strings.CutPrefix(b, p); cut && len(r) >= 4 {
				if t, ok := triggers[r]; ok {
					return t, p == "ل", true
				}
			}
		}
	}
	return trigger{}, false, false
}

// negators deny the relation a trigger names when they stand just before
// it: "لم يلتق", "did not meet", "نفى ... لقاء".
var negators = foldSet("لم", "لن", "لا", "ليس", "ليست", "عدم", "نفى", "ينفي", "نفت", "تنفي", "نفي", "رفض", "رفضت", "يرفض",
	"not", "never", "no", "didn", "doesn", "don", "won", "wasn", "weren", "isn", "aren", "denied", "denies", "deny", "refused", "refuses")

// Prepositions that mark the role of the name after them.
var (
	markWith = foldSet("مع", "with", "بمعية")
	markTo   = foldSet("الى", "إلى", "على", "ضد", "to", "on", "against", "into", "toward", "towards", "for")
	markBy   = foldSet("by")
	markFrom = foldSet("من", "from", "قبل")
	// agentNouns after من make an agent's preposition: من قبل، من جانب
	// ("by").
	agentNouns  = foldSet("قبل", "جانب")
	markBetween = foldSet("بين", "between")
	markPlace   = foldSet("في", "فى", "داخل", "قرب", "أمام", "خلال", "in", "at", "near", "inside", "outside", "during", "across", "about", "عن", "حول", "over")
	markAnd     = foldSet("and", "و")
	// passiveAux before an English past participle makes it passive:
	// "was attacked by".
	passiveAux = foldSet("was", "were", "been", "being", "be", "is", "are", "got")
	// lightVerbs take a trigger noun as their object and lend it their
	// subject: "launched strikes against", "held talks with".
	lightVerbs = foldSet("launched", "launch", "launches", "launching", "conducted", "conduct", "conducts", "conducting",
		"carried", "carry", "carries", "carrying", "waged", "wage", "wages", "waging", "staged", "mounted", "held", "hold",
		"holds", "holding", "fought", "fight", "fights", "fighting", "began", "begin", "begins", "continued", "stepped",
		// "leads the fight against", "joined the campaign against".
		"lead", "leads", "led", "leading", "joined", "joins", "join")
	// determiners may open the noun phrase of a name: "an ISIL group", "at
	// least 50 ISIL fighters".
	determiners = foldSet("a", "an", "some", "several", "dozens", "hundreds", "thousands", "at", "least", "more", "than", "about", "nearly", "over", "all")
	// undergo are verbs of undergoing before a trigger noun: "تعرض X
	// لهجوم" (X came under attack).
	undergo = foldSet("تعرض", "تعرضت", "يتعرض", "تتعرض", "تعرضه", "تعرضها", "under", "suffered", "faced", "faces", "facing")
	// partyHeads head the phrase a name or nationality adjective begins
	// ("the Assad regime", "Russian forces", "القوات الروسية"): the name
	// stands for the whole phrase.
	partyHeads = foldSet("regime", "forces", "force", "troops", "army", "government", "militias", "militia", "fighters",
		"jets", "warplanes", "aircraft", "navy", "military", "authorities", "officials", "administration",
		"قوات", "القوات", "الجيش", "جيش", "الحكومة", "حكومة", "النظام", "نظام", "الطائرات", "طائرات", "السلطات", "المقاتلات",
		"إدارة", "الإدارة")
	// argTitles may stand between a preposition and the name it governs
	// ("مع الرئيس الأمريكي جو بايدن", "with President Biden").
	argTitles = func() map[string]bool {
		m := foldSet("رئيس", "وزير", "سفير", "قائد", "زعيم", "مستشار", "أمين", "نائب", "ممثل", "مبعوث", "الأمن", "القومي",
			"الوزراء", "الخارجية", "الدفاع", "الداخلية", "مجلس", "الجمهورية", "العام", "the", "us", "u", "s", "prime", "foreign",
			"defense", "defence", "secretary", "state", "vice", "former", "new", "iraqi", "iranian", "american", "his", "her", "their")
		for w := range personTitles {
			m[w] = true
		}
		for w := range titleWords {
			m[w] = true
		}
		return m
	}()
)
