package extract

import "strings"

// firstNames are common given names, Arabic and English, folded: a name
// that starts with one and goes on with name words is a person's
// ("محمد العبيدي", "John Smith"). The lists are newsgraph's own, from
// general knowledge of frequent names; one that is also an everyday word
// (أمل "hope", سلام "peace", باسم "in the name of", سعد "luck", عمر "age" as
// in "عن عمر يناهز", بان "became clear") is left out,
// and so is علي: folded it is على "on", and Egyptian spelling writes "on"
// with ي too.
var firstNames = foldSet(
	// Arabic
	"محمد", "أحمد", "محمود", "مصطفى", "عثمان", "حسن", "حسين", "خالد", "إبراهيم", "يوسف",
	"عبد", "عبدالله", "عبدالرحمن", "عبدالعزيز", "عبدالكريم", "عبدالرحيم", "عبدالحميد", "عبدالمجيد",
	"سعيد", "فهد", "فيصل", "سلمان", "ناصر", "طارق", "زياد", "وليد", "هشام", "هاني", "حازم",
	"ماجد", "رامي", "سامي", "سمير", "عادل", "عماد", "عصام", "إسماعيل", "موسى", "عيسى", "يحيى", "زكريا",
	"صالح", "صلاح", "جمال", "كمال", "نبيل", "منير", "أنور", "أيمن", "أسامة", "ياسر", "ياسين", "مهدي",
	"هادي", "جعفر", "كاظم", "قاسم", "عباس", "حيدر", "رضا", "نوري", "فالح", "قيس", "عمار", "مقتدى",
	"برهم", "مسعود", "نيجيرفان", "فؤاد", "جلال", "هوشيار", "إياد", "أسعد", "بشار", "حافظ", "رفيق",
	"نجيب", "ميشال", "ميشيل", "جورج", "جوزيف", "إيلي", "سليمان", "نعيم", "حسان", "رجب", "أردوغان",
	"تميم", "حمد", "زايد", "خليفة", "منصور", "راشد", "نايف", "بندر", "تركي", "مشعل", "إسماعيل",
	"فاطمة", "عائشة", "خديجة", "زينب", "مريم", "سارة", "ليلى", "هدى", "نادية", "رانيا", "سميرة", "منى",
	"جون", "جو", "دونالد", "باراك", "جورج", "فلاديمير", "إيمانويل", "أنجيلا", "بوريس", "ريشي", "أنتوني",
	"مايك", "مايكل", "ديفيد", "روبرت", "جيمس", "ويليام", "ريتشارد", "توماس", "بيتر", "بول", "مارك",
	"كوفي", "أنطونيو", "هيلاري", "كامالا", "نانسي", "جيك", "لويد", "ماثيو", "ألينا",
	// English
	"john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
	"christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
	"kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan",
	"jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon",
	"benjamin", "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry",
	"tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle", "walter",
	"ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl", "terry", "sean",
	"austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "jordan", "billy", "bruce", "albert",
	"willie", "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent",
	"russell", "elijah", "louis", "bobby", "philip", "johnny", "mary", "patricia", "jennifer", "linda",
	"elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret",
	"sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa",
	"deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley", "angela",
	"helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine", "debra",
	"rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie",
	"joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan",
	"vladimir", "boris", "emmanuel", "angela", "recep", "benjamin", "hillary", "barack", "kofi", "ban",
	"mohammed", "mohammad", "muhammad", "ahmed", "ahmad", "ali", "hassan", "hussein", "khaled", "omar",
	"abdullah", "ibrahim", "mahmoud", "mustafa", "youssef", "yusuf", "saeed", "salman", "faisal", "nasser",
	"hamid", "hamad", "mahmud", "abdel", "abdul", "ayman", "osama", "yasser", "jalal", "fouad", "nouri",
	"hans", "klaus", "jacques", "jean", "pierre", "francois", "nicolas", "helmut", "gerhard", "wolfgang",
	"giuseppe", "carlos", "luis", "miguel", "pedro", "antonio", "manuel", "sergei", "sergey", "dmitry",
	"viktor", "yuri", "nikolai", "ivan", "alexei", "mikhail", "igor", "andrei", "oleg", "wang", "li", "zhang",
)

// FirstName reports whether fold, a folded word (norm.Fold), is one of
// the common given names extraction knows. graph/cluster uses it to read
// "ومحمد" as و + محمد and to keep a lone first name from being taken for
// a surname.
func FirstName(fold string) bool { return firstNames[fold] }

// Version names the extractor's rules and word lists (FirstName's
// included): it changes with extractorVersion, so that what a reader derived
// with them (a store's cached clustering) is not reused by another release.
func Version() string { return extractorVersion }

// headNouns are the head nouns of organisations' names that name no
// organisation alone ("the institute", "an organisation"): orgKeywords,
// which begin names, and the heads of bodies' names that do not.
var headNouns = func() map[string]bool {
	m := foldSet("معهد", "مركز", "مؤسسة", "مكتب", "لجنة", "مجموعة", "نقابة", "وكالة", "دائرة", "مديرية", "محكمة", "هيئة", "منظمة")
	for k := range orgKeywords {
		m[k] = true
	}
	return m
}()

// HeadNoun reports whether a folded word, with or without the article ال,
// is the head noun of organisations' names that names none alone (حزب,
// منظمه, المعهد). graph/cluster hides an organisation node whose whole
// name is one.
func HeadNoun(fold string) bool {
	if headNouns[fold] {
		return true
	}
	rest, ok := strings.CutPrefix(fold, "ال")
	return ok && headNouns[rest]
}
