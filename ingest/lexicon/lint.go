package lexicon

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph/norm"
)

// Lint checks.
const (
	// LintCommonWord: a name or strong alias that is a common word or
	// phrase in either language ("West", "Organization", القاعدة "the
	// base", الجيل الجديد "the new generation"); it must be weak, or go.
	LintCommonWord = "common-word"
	// LintPersonAsOrg: an organisation whose canonical name reads as a
	// person's: a kunya (Abu …, أبو …), a patronymic (… bin …, … بن …) or
	// a common given name first, and no organisation word.
	LintPersonAsOrg = "person-as-organization"
	// LintTitleInName: a person's canonical name (name or name_ar) that
	// holds a title or office (President, Minister, الرئيس, وزير, الشيخ …);
	// titled forms belong among the aliases.
	LintTitleInName = "title-in-name"
	// LintGivenNameOnly: a person whose canonical name is a given name
	// alone — one frequent given name (محمد, Ahmed) or عبد/Abdul with the
	// word after it (عبد المجيد) — which names no one for sure, unless
	// the name is weak too (the converter's "Abdul Rahim").
	LintGivenNameOnly = "given-name-only"
)

// LintProblem is one finding of Lint: the entry, the check it fails and
// the offending name.
type LintProblem struct {
	ID, Check, Name string
}

func (p LintProblem) String() string { return fmt.Sprintf("%s: %s %q", p.ID, p.Check, p.Name) }

// Lint checks entries for the kind errors an import or a hand edit makes
// (issue 14): common words as names, people typed as organisations, titles
// inside names. common is the stop-list of common words and phrases, in
// either script, compared by norm.Key; weak aliases and adjectives are
// exempt from it, since being common is what makes a name weak. Problems
// come sorted by ID, then check, then name.
func Lint(entries []*Entry, common []string) []LintProblem {
	stop := make(map[string]bool, len(common))
	for _, w := range common {
		stop[norm.Key(w)] = true
	}
	var out []LintProblem
	for _, e := range entries {
		weak := make(map[string]bool, len(e.Weak))
		for _, w := range e.Weak {
			weak[norm.Key(w)] = true
		}
		for _, n := range e.names() {
			if k := norm.Key(n); n != "" && stop[k] && !weak[k] {
				out = append(out, LintProblem{e.ID, LintCommonWord, n})
			}
		}
		switch e.Type {
		case "organization":
			for _, n := range []string{e.Name, e.NameAr} {
				if personalName(n) {
					out = append(out, LintProblem{e.ID, LintPersonAsOrg, n})
				}
			}
		case "person":
			for _, n := range []string{e.Name, e.NameAr} {
				if titled(n) {
					out = append(out, LintProblem{e.ID, LintTitleInName, n})
				}
				if givenNameOnly(n) && !weak[norm.Key(n)] {
					out = append(out, LintProblem{e.ID, LintGivenNameOnly, n})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		return a.Name < b.Name
	})
	return out
}

// words returns the folded words of a name, "al-" and "ال" kept.
func words(name string) []string {
	var out []string
	for _, t := range norm.Tokens(name) {
		out = append(out, t.Fold)
	}
	return out
}

func keySet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[norm.Fold(w)] = true
	}
	return m
}

// orgWords make a name an organisation's whatever else it holds.
var orgWords = keySet("party", "army", "brigade", "brigades", "battalion", "battalions", "front", "movement",
	"organization", "organisation", "group", "council", "union", "ministry", "company", "corporation", "bank",
	"agency", "forces", "force", "network", "foundation", "committee", "league", "association", "center",
	"centre", "institute", "university", "office", "authority", "commission", "court", "observatory",
	"news", "press", "media", "tv", "radio", "times", "post", "airlines", "airways", "club", "fund", "school",
	"museum", "airport", "stadium", "mosque", "hospital", "متحف", "مطار", "ملعب", "مسجد", "مستشفى",
	"حزب", "حركة", "جبهة", "كتائب", "لواء", "سرايا", "جيش", "قوات", "منظمة", "مجلس", "اتحاد", "وزارة", "شركة",
	"مؤسسة", "جمعية", "هيئة", "جامعة", "مرصد", "وكالة", "قناة", "صحيفة", "مركز", "تنظيم", "جماعة", "تيار",
	"ائتلاف", "تحالف", "مصرف", "بنك", "مكتب", "مديرية", "محكمة", "عصائب", "فيلق", "فرقة", "مفوضية")

// givenNames are frequent given names, in Latin and Arabic letters.
var givenNames = keySet("mohammed", "mohammad", "muhammad", "mohamed", "ahmed", "ahmad", "ali", "hassan",
	"hussein", "omar", "osama", "usama", "ayman", "khalid", "khaled", "abdullah", "abdul", "abdel", "ibrahim",
	"yusuf", "youssef", "mustafa", "mahmoud", "jamal", "aftab", "saad", "salem", "sami", "tariq", "yahya",
	"محمد", "أحمد", "علي", "حسن", "حسين", "عمر", "أسامة", "أيمن", "خالد", "عبدالله", "إبراهيم", "يوسف",
	"مصطفى", "محمود", "جمال", "سعد", "سالم", "طارق", "يحيى", "عبد")

// abdWords begin a compound given name: عبد المجيد, Abdul Majid.
var abdWords = keySet("عبد", "abd", "abdul", "abdel", "abdal")

// givenNameOnly reports whether a person's name is one given name and
// nothing else.
func givenNameOnly(name string) bool {
	ws := words(name)
	switch len(ws) {
	case 1:
		return givenNames[ws[0]]
	case 2:
		return abdWords[ws[0]]
	}
	return false
}

// kunya and patronymic words.
var kunyas, patronyms = keySet("abu", "abou", "أبو", "ابو"), keySet("bin", "ibn", "bint", "بن", "ابن", "بنت")

// personalName reports whether an organisation's name reads as a person's.
func personalName(name string) bool {
	ws := words(name)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if orgWords[w] || orgWords[strings.TrimPrefix(w, "ال")] {
			return false
		}
	}
	if kunyas[ws[0]] || givenNames[ws[0]] {
		return true
	}
	for _, w := range ws[1 : len(ws)-1] {
		if patronyms[w] {
			return true
		}
	}
	return false
}

// offices are words for an office, never part of a name; titleWords are
// titles that are, in a name's middle (Khalid Sheikh Mohammed, عبد الأمير,
// أمير عبد اللهيان), so they count only first, or after a nationality
// ("Russian President Yeltsin").
var (
	offices = keySet("president", "minister", "premier", "secretary", "chairman", "spokesman", "ambassador",
		"senator", "governor", "mayor", "رئيس", "الرئيس", "وزير", "الوزير", "العاهل", "السفير", "النائب")
	titleWords = keySet("king", "queen", "prince", "emir", "sheikh", "general", "gen", "colonel", "dr", "mr",
		"mrs", "ayatollah", "acting", "الملك", "ملك", "الأمير", "الشيخ", "الدكتور", "السيد", "العميد", "اللواء",
		"الفريق", "المشير", "العقيد", "آية", "سماحة", "فخامة", "جلالة")
	nationalities = keySet("russian", "iraqi", "iranian", "american", "syrian", "egyptian", "israeli", "saudi",
		"turkish", "french", "british", "us", "u.s.")
)

// titled reports whether a person's name holds a title or an office.
func titled(name string) bool {
	ws := words(name)
	for i, w := range ws {
		if offices[w] || titleWords[w] && (i == 0 || i == 1 && nationalities[ws[0]]) {
			return true
		}
	}
	return false
}
