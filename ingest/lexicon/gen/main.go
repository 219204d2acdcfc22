// Command gen converts the PETRARCH2/Phoenix English actor dictionaries and
// the UniversalPetrarch Arabic actor dictionary into newsgraph lexicon
// entries (ingest/lexicon/data/05-petrarch-persons.jsonl and
// 06-petrarch-organizations.jsonl, two files so that neither passes 1 MB),
// keeping the Middle East
// and North Africa, the international organisations and militant groups
// active there, and the leaders of the major powers.
//
//	go run ./ingest/lexicon/gen [-shared ../shared/dictionaries] [-out ingest/lexicon/data]
//
// Only facts are taken from the dictionaries: names, aliases and dated
// CAMEO role codes. The curated files (every data file but the two written
// here: 10-core.jsonl, 12-mena.jsonl, 13-corpora.jsonl, 15-world.jsonl, 20-iraq.jsonl) win:
// a converted entry sharing a name with a curated one is skipped, so the
// same entity is never defined twice.
//
// Person or organisation. The Phoenix country file is generated from
// CountryInfo.txt: persons there carry date-restricted role codes
// ("\t[IRQGOV 20060520-20140908]") or a "# CountryInfo.txt" comment, while
// institutions, parties and forces carry undated codes ("PESHMERGA [IRQMIL]").
// The rule used here: an entry is a person when one of its codes is
// date-restricted, or its line cites CountryInfo.txt, or its only codes are
// elite codes (…ELI, the code Phoenix gives individuals outside office) —
// unless its name contains an organisation word (ministry, party, army,
// council, …), which makes it an organisation whatever its codes; and a
// name that reads as a person's — a kunya (Abu …), a patronymic (… bin …)
// or a common given name first — is a person's, since the militant-group
// file codes its people like its groups (Osama bin Laden, Ayman
// al-Zawahiri, Abu Mohammad al-Jawlani). An organisation takes no alias
// that is a person's name (its leader's) or a bare organisation word
// ("Organization"), and no parenthesised gloss as an acronym ("(WEST
// BANK/GAZA)"). A CountryInfo person's unmarked variant lines before its
// codes are its synonyms, so "Russian President Yeltsin" is an alias of
// Boris Yeltsin rather than his name. Entries
// whose codes are all bare country codes ("[IRQ]", "[IRQOCC …]") are the
// countries themselves (curated) and are skipped. In the Arabic dictionary
// dates are unreliable (copied ranges, 18000101 as "open"), so there a person
// is a name of two or more words none of which is a common noun (حكومة، وزير،
// جيش …) and which carries a country-sector code; the Arabic dictionary's
// other entries are lemmatised descriptions ("حكومة_عراقي_") that do not
// match running text and are left out.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

// code is one CAMEO code of an entry, with its date restriction.
type code struct {
	Code     string
	From, To string // YYYY-MM-DD or ""
	Dated    bool
}

// raw is one dictionary record: its primary phrase, its '+' synonyms and
// its codes.
type raw struct {
	File        string
	Line        int
	Phrase      string
	Aliases     []string
	Codes       []code
	CountryInfo bool // the primary line cites CountryInfo.txt
	coded       bool // a code line, even "[---]", has been read
}

// parseDict reads a PETRARCH actor dictionary.
func parseDict(r io.Reader, file string) ([]*raw, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var out []*raw
	var cur *raw
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		body, comment, _ := strings.Cut(text, "#")
		indented := strings.HasPrefix(text, "\t")
		t := strings.TrimSpace(body)
		if t == "" {
			if strings.TrimSpace(text) == "" {
				cur = nil // a blank line ends a record
			}
			continue
		}
		phrase, codes := splitCodes(t)
		switch {
		case strings.HasPrefix(t, "+"):
			if cur == nil {
				continue
			}
			for _, p := range strings.Split(strings.TrimPrefix(phrase, "+"), "+") {
				if p = strings.TrimSpace(p); p != "" {
					cur.Aliases = append(cur.Aliases, p)
				}
			}
			cur.Codes = append(cur.Codes, codes...)
		case strings.HasPrefix(t, "[") || (indented && phrase == ""):
			if cur != nil {
				cur.Codes = append(cur.Codes, codes...)
				cur.coded = true
			}
		case cur != nil && cur.CountryInfo && !cur.coded && !indented && !strings.Contains(strings.ToLower(comment), "countryinfo"):
			// A CountryInfo person's name variants on the lines after
			// its primary phrase, before its codes, are its synonyms
			// written without '+': "BORIS_YELTSIN_  # CountryInfo.txt",
			// "PRESIDENT_BORIS_YELTSIN", …, "RUSSIAN_PRESIDENT_YELTSIN",
			// then the codes of all. Read as separate records, the last
			// variant took the codes and became the name. Elsewhere
			// consecutive code-less lines are separate actors sharing a
			// code block (MUHAJIRIN_WA-ANSAR_ALLIANCE, SARAYAT_AL-QUDS …).
			cur.Aliases = append(cur.Aliases, phrase)
			cur.Codes = append(cur.Codes, codes...)
			cur.coded = cur.coded || strings.Contains(t, "[")
		default:
			cur = &raw{File: file, Line: line, Phrase: phrase, Codes: codes, coded: strings.Contains(t, "["),
				CountryInfo: strings.Contains(strings.ToLower(comment), "countryinfo")}
			out = append(out, cur)
		}
	}
	return out, sc.Err()
}

// splitCodes splits a line into its phrase (before the first '[') and the
// codes of its bracket groups.
func splitCodes(t string) (string, []code) {
	i := strings.IndexByte(t, '[')
	if i < 0 {
		return strings.TrimSpace(t), nil
	}
	phrase := strings.TrimSpace(t[:i])
	var codes []code
	rest := t[i:]
	for {
		a := strings.IndexByte(rest, '[')
		if a < 0 {
			break
		}
		b := strings.IndexByte(rest[a:], ']')
		if b < 0 {
			break
		}
		if c, ok := parseCode(rest[a+1 : a+b]); ok {
			codes = append(codes, c)
		}
		rest = rest[a+b+1:]
	}
	return phrase, codes
}

// parseCode parses "IRQGOV 20060520-20140908", "IRNGOV >19890604",
// "IRQ <20030320" or "IRQGOV".
func parseCode(s string) (code, bool) {
	f := strings.Fields(s)
	if len(f) == 0 || f[0] == "---" {
		return code{}, false
	}
	c := code{Code: strings.Trim(f[0], "~")}
	if c.Code == "" {
		return code{}, false
	}
	if len(f) < 2 {
		return c, true
	}
	d := strings.Join(f[1:], "")
	c.Dated = true
	switch {
	case strings.HasPrefix(d, ">"):
		c.From = parseDate(d[1:])
	case strings.HasPrefix(d, "<"):
		c.To = parseDate(d[1:])
	default:
		a, b, _ := strings.Cut(d, "-")
		c.From, c.To = parseDate(a), parseDate(b)
	}
	if b := strings.TrimSpace(strings.SplitN(d, "-", 2)[len(strings.SplitN(d, "-", 2))-1]); b == "18000101" {
		c.To = "" // the Arabic dictionary's "open" end
	}
	if c.From != "" && c.To != "" && c.To < c.From {
		c.To = ""
	}
	return c, true
}

// parseDate reads YYYYMMDD or YYMMDD (YY below 20 is 20YY, else 19YY, the
// dictionaries having been written in 2014–2018) and returns YYYY-MM-DD, or
// "" when the date is malformed.
func parseDate(s string) string {
	switch len(s) {
	case 6:
		if s[:2] < "20" {
			s = "20" + s
		} else {
			s = "19" + s
		}
	case 8:
	default:
		return ""
	}
	if s == "18000101" {
		return ""
	}
	t, err := time.Parse("20060102", s)
	if err != nil {
		return ""
	}
	return t.Format("2006-01-02")
}

// Regions.

// mena maps the CAMEO country codes kept to the curated lexicon ID of the
// country ("" when the country has no curated entry).
var mena = map[string]string{
	"IRQ": "iraq", "IRN": "iran", "SYR": "syria", "TUR": "turkey", "SAU": "saudi-arabia",
	"KWT": "kuwait", "JOR": "jordan", "LBN": "lebanon", "ISR": "israel", "PSE": "palestine",
	"EGY": "egypt", "YEM": "yemen", "QAT": "qatar", "ARE": "united-arab-emirates",
	"BHR": "bahrain", "OMN": "oman", "LBY": "libya", "TUN": "tunisia", "DZA": "algeria",
	"MAR": "morocco", "SDN": "sudan", "AFG": "afghanistan", "PAK": "pakistan",
}

// powers are the major powers whose government members are kept.
var powers = map[string]string{
	"USA": "united-states", "RUS": "russia", "CHN": "china", "GBR": "united-kingdom", "FRA": "france",
}

var countryNames = map[string]string{
	"IRQ": "Iraq", "IRN": "Iran", "SYR": "Syria", "TUR": "Turkey", "SAU": "Saudi Arabia",
	"KWT": "Kuwait", "JOR": "Jordan", "LBN": "Lebanon", "ISR": "Israel", "PSE": "Palestine",
	"EGY": "Egypt", "YEM": "Yemen", "QAT": "Qatar", "ARE": "the United Arab Emirates",
	"BHR": "Bahrain", "OMN": "Oman", "LBY": "Libya", "TUN": "Tunisia", "DZA": "Algeria",
	"MAR": "Morocco", "SDN": "Sudan", "AFG": "Afghanistan", "PAK": "Pakistan",
	"USA": "the United States", "RUS": "Russia", "CHN": "China", "GBR": "the United Kingdom", "FRA": "France",
}

var regionNames = map[string]string{
	"MEA": "the Middle East", "ARB": "the Arab world", "AFR": "Africa", "WST": "the West",
	"EUR": "Europe", "INT": "the world", "ASA": "Asia", "SAS": "South Asia",
}

var sectors = map[string]string{
	"GOV": "Government", "MIL": "Military", "COP": "Police", "REB": "Rebels", "OPP": "Opposition",
	"ELI": "Elite", "PTY": "Political party", "JUD": "Judiciary", "LEG": "Legislature",
	"BUS": "Business", "MED": "Media", "CVL": "Civilians", "EDU": "Education", "HLH": "Health",
	"AGR": "Agriculture", "LAB": "Labour", "REF": "Refugees", "SPY": "Intelligence",
	"HRI": "Human rights", "ENV": "Environment", "DEV": "Development", "UAF": "Armed forces (unaligned)",
	"INS": "Insurgents", "SEP": "Separatists", "MUS": "Muslim", "SHI": "Shia", "SUN": "Sunni",
	"CHR": "Christian", "JEW": "Jewish", "MOD": "Moderate", "RAD": "Radical", "IGO": "Intergovernmental",
	"NGO": "Non-governmental", "MNC": "Multinational", "REL": "Religious", "CRM": "Criminal",
	"IMG": "International militant group", "UNO": "United Nations", "ALQ": "al-Qaeda",
	"OCC": "Occupation authority", "ATH": "Atheist", "LEF": "Left", "RIG": "Right",
}

// sectorCodes splits a code into its 3-letter parts.
func sectorCodes(c string) []string {
	var out []string
	for i := 0; i+3 <= len(c); i += 3 {
		out = append(out, c[i:i+3])
	}
	return out
}

// roleTitle names a CAMEO code: "Government of Iraq (IRQGOV)".
func roleTitle(c string) string {
	parts := sectorCodes(c)
	if len(parts) == 0 {
		return c
	}
	var country string
	if n, ok := countryNames[parts[0]]; ok {
		country, parts = n, parts[1:]
	} else if n, ok := regionNames[parts[0]]; ok {
		country, parts = n, parts[1:]
	}
	var words []string
	for _, p := range parts {
		if s, ok := sectors[p]; ok {
			words = append(words, s)
		} else {
			words = append(words, p)
		}
	}
	var title string
	switch {
	case len(words) == 0:
		title = country
	case country == "":
		title = words[0]
	default:
		title = words[0] + " of " + country
	}
	if len(words) > 1 {
		title += " — " + strings.ToLower(strings.Join(words[1:], ", "))
	}
	return title + " (" + c + ")"
}

// Names.

var honorifics = map[string]bool{
	"AYATOLLAH": true, "GRAND": true, "HOJATOLISLAM": true, "HOJJATOLESLAM": true, "SHEIKH": true,
	"SHAIKH": true, "SHEIK": true, "SAYYED": true, "SAYYID": true, "SAYED": true, "SAYEED": true,
	"PRESIDENT": true, "KING": true, "EMIR": true, "AMIR": true, "PRINCE": true, "GENERAL": true, "GEN": true,
	"GEN.": true, "COLONEL": true, "COL.": true, "DR": true, "DR.": true, "MR": true, "MR.": true, "MRS": true,
	"MS": true, "PM": true, "MINISTER": true, "PRIME": true, "FOREIGN": true, "SECRETARY": true,
	"SECRETARY-GENERAL": true, "MULLAH": true, "IMAM": true, "CLERIC": true, "SULTAN": false,
	"LT.": true, "MAJOR": true, "MAJ.": true, "BRIG.": true, "ADMIRAL": true, "CROWN": true,
	"SIR": true, "LORD": true, "SENATOR": true, "SEN.": true, "VICE": true, "DEPUTY": true,
	"SPEAKER": true, "CHAIRMAN": true, "MARSHAL": true, "FIELD": true, "QUEEN": true, "HAJJ": true,
	"UN": true, "U.N.": true, "UNITED": false, "ACTING": true, "RESIDENT": true, "COORDINATOR": true,
}

// orgWords make an entry an organisation.
var orgWords = map[string]bool{
	"MINISTRY": true, "PARTY": true, "ARMY": true, "COUNCIL": true, "FRONT": true, "MOVEMENT": true,
	"BRIGADE": true, "BRIGADES": true, "ORGANIZATION": true, "ORGANISATION": true, "FORCES": true,
	"FORCE": true, "GOVERNMENT": true, "COMMITTEE": true, "BANK": true, "UNION": true, "LEAGUE": true,
	"ALLIANCE": true, "ASSOCIATION": true, "AGENCY": true, "COMPANY": true, "CORPORATION": true,
	"GROUP": true, "COURT": true, "PARLIAMENT": true, "ASSEMBLY": true, "SERVICE": true, "GUARD": true,
	"GUARDS": true, "POLICE": true, "MILITARY": true, "NAVY": true, "OFFICE": true, "DEPARTMENT": true,
	"AUTHORITY": true, "COMMISSION": true, "INSTITUTE": true, "UNIVERSITY": true, "FOUNDATION": true,
	"NEWS": true, "TELEVISION": true, "RADIO": true, "AIRWAYS": true, "AIRLINES": true, "CONGRESS": true,
	"CABINET": true, "KNESSET": true, "SOCIETY": true, "CENTER": true, "CENTRE": true, "FUND": true,
	"PROGRAMME": true, "PROGRAM": true, "BUREAU": true, "DIRECTORATE": true, "TRIBUNAL": true,
	"COALITION": true, "BLOC": true, "LIST": true, "JUNTA": true, "REGIME": true, "MILITIA": true,
	"MILITIAS": true, "REBELS": true, "INSURGENTS": true, "NETWORK": true, "CELLS": true, "STATE": true,
	"REPUBLIC": true, "KINGDOM": true, "EMIRATE": true, "JIHAD": true, "HEZBOLLAH": true, "HIZBALLAH": true,
	"TALIBAN": true, "QAEDA": true, "AL-QAEDA": true, "AL-QAIDA": true, "SECURITY": true, "TROOPS": true,
	"EMBASSY": true, "CHAMBER": true, "FEDERATION": true, "CONFERENCE": true, "NATIONS": true,
	"ADMINISTRATION": true, "ISLAMIC": true, "REVOLUTIONARY": true, "LIBERATION": true, "RESISTANCE": true, "MARTYRS": true,
	"SOLDIERS": true, "COMMAND": true, "JAMAAT": true, "JAISH": true, "JAYSH": true, "ANSAR": true,
	"OBSERVATORY": true, "BATTALION": true, "BATTALIONS": true, "WATCH": true, "MISSION": true, "DIVISION": true,
	"SQUAD": true, "CORPS": true, "RIGHTS": true, "TRIBE": true, "CLAN": true,
}

// stop are aliases too common to name anything (compared by norm.Key).
var stop = keys(
	"president", "minister", "prime minister", "government", "army", "police", "king", "emir",
	"sheikh", "leader", "council", "ministry", "party", "front", "movement", "cabinet", "military",
	"the government", "parliament", "security forces", "rebels", "militants", "insurgents",
	"opposition", "regime", "prince", "general", "colonel", "secretary general", "spokesman",
	"court", "supreme court", "foreign minister", "defense minister", "interior minister",
	"national guard", "republican guard", "state", "islamic", "the state", "army of god",
	"al qaeda", "state of law", "the league", "the council", "the front", "the movement",
	"popular resistance", "the base", "the organization", "the party", "the army",
	"رئيس", "وزير", "حكومة", "الحكومة", "جيش", "الجيش", "شرطة", "الشرطة", "ملك", "أمير", "شيخ",
	"زعيم", "مجلس", "وزارة", "حزب", "جبهة", "حركة", "قوة", "قوات", "رئيس الوزراء", "صدر", "عبد",
	"أبو", "ابن", "بن", "ال", "فتح", "سلام", "أمل", "حماس",
)

// commonNames are given names and words that, alone, are weak aliases.
var commonNames = keys(
	"Ali", "Hassan", "Hasan", "Hussein", "Husain", "Hussain", "Mohammed", "Mohammad", "Muhammad",
	"Mohamed", "Ahmed", "Ahmad", "Abbas", "Omar", "Umar", "Khalid", "Khaled", "Saleh", "Salih",
	"Hamid", "Haidar", "Haider", "Abdullah", "Abdallah", "Mahmoud", "Mahmud", "Mustafa", "Ibrahim",
	"Ismail", "Yusuf", "Youssef", "Said", "Saeed", "Saad", "Salem", "Nasser", "Nasr", "Karim",
	"Jamal", "Adel", "Aziz", "Faisal", "Fahd", "Sultan", "Hamad", "Zayed", "Rashid", "Talal",
	"Abdel", "Abdul", "Osman", "Othman", "Jaber", "Jabir", "Nawaf", "Sabah", "Salman", "Nayef",
	"Khalifa", "Qasim", "Qassem", "Kassem", "Hadi", "Mahdi", "Jafar", "Jaafar", "Bakr", "Yasin",
	"Yassin", "Amin", "Amir", "Majid", "Hamza", "Tariq", "Tarek", "Walid", "Nabil", "Samir",
	"Sami", "Fadel", "Fadhil", "Kamal", "Jalal", "Anwar", "Musa", "Moussa", "Isa", "Issa",
	"Yahya", "Zaid", "Zayd", "Ayman", "Hisham", "Hashem", "Hashim", "Naji", "Rami", "Bassam",
	"Hosni", "Sadiq", "Sadegh", "Reza", "Javad", "Hassanein", "Khan", "Shah", "Malik", "Baker",
	"Mansour", "Mansur", "Christopher", "Salauddin", "Hussain", "Hassan", "Qadir", "Abdul", "Daoud", "Dawood",
	"Young", "White", "Brown", "King", "Price", "Rice", "Hope", "Bush", "Gates", "Ban", "Power",
	"Clinton", "Kerry", "Rice", "Powell", "Major", "Blair", "Brown", "May", "Cameron",
	"علي", "حسن", "حسين", "محمد", "أحمد", "عباس", "عمر", "خالد", "صالح", "حميد", "حيدر",
	"عبدالله", "محمود", "مصطفى", "إبراهيم", "إسماعيل", "يوسف", "سعيد", "سعد", "سالم", "ناصر",
	"كريم", "جمال", "عادل", "عزيز", "فيصل", "فهد", "سلطان", "حمد", "راشد", "طلال", "مالك",
)

func keys(ss ...string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[norm.Key(s)] = true
	}
	return m
}

// words splits a dictionary phrase into its upper-cased words.
func words(phrase string) []string {
	f := strings.FieldsFunc(phrase, func(r rune) bool { return r == '_' || unicode.IsSpace(r) })
	for i := range f {
		f[i] = strings.ToUpper(f[i])
	}
	return f
}

// stripParens removes parenthesised groups ("(AAIA)", "(WEST BANK/GAZA)")
// and returns them, each group's words joined by a space: a group of
// several words is a gloss, not an acronym ("BLACK_PANTHERS_(WEST_BANK/
// GAZA)" once gave the Black Panthers the alias "WEST").
func stripParens(ws []string) (rest, paren []string) {
	in := false
	var group []string
	for _, w := range ws {
		open := strings.HasPrefix(w, "(")
		if open {
			in = true
		}
		if in {
			if p := strings.Trim(w, "()"); p != "" {
				group = append(group, p)
			}
			if strings.HasSuffix(w, ")") || !open && strings.Contains(w, ")") {
				in = false
			}
			if open && strings.HasSuffix(w, ")") {
				in = false
			}
			if !in && len(group) > 0 {
				paren = append(paren, strings.Join(group, " "))
				group = nil
			}
			continue
		}
		rest = append(rest, w)
	}
	if len(group) > 0 {
		paren = append(paren, strings.Join(group, " "))
	}
	return rest, paren
}

// stripHonorifics drops leading titles ("AYATOLLAH", "PRIME_MINISTER").
func stripHonorifics(ws []string) []string {
	for len(ws) > 2 && honorifics[ws[0]] {
		ws = ws[1:]
	}
	if len(ws) == 2 && honorifics[ws[0]] && !orgWords[ws[1]] {
		// "PRESIDENT_ASSAD": a surname alone.
		ws = ws[1:]
	}
	return ws
}

var lowerWords = map[string]bool{
	"OF": true, "THE": true, "AND": true, "FOR": true, "IN": true, "ON": true, "BY": true, "TO": true,
	"BIN": true, "IBN": true, "BINT": true, "DE": true, "DU": true, "LA": true, "LE": true, "DES": true,
	"VON": true, "VAN": true, "DA": true, "DI": true, "AT": true, "WITH": true, "FROM": true, "AGAINST": true,
}

// pretty renders upper-case dictionary words readably: "NURI AL MALIKI" →
// "Nuri al-Maliki". Organisations keep acronyms upper-case.
func pretty(ws []string, org bool) string {
	singleOrg = org && len(ws) == 1
	defer func() { singleOrg = false }()
	var out []string
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if (w == "AL" || w == "EL") && i+1 < len(ws) {
			out = append(out, strings.ToLower(w)+"-"+titleWord(ws[i+1], org))
			i++
			continue
		}
		if i > 0 && lowerWords[w] {
			out = append(out, strings.ToLower(w))
			continue
		}
		out = append(out, titleWord(w, org))
	}
	s := strings.Join(out, " ")
	if len(s) > 0 && s[0] >= 'a' && s[0] <= 'z' && !strings.HasPrefix(s, "al-") && !strings.HasPrefix(s, "el-") {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

// singleOrg is set while pretty renders a one-word organisation name,
// which keeps up to five letters upper-case ("UNMIN", "ICC").
var singleOrg bool

var knownAcronyms = map[string]bool{"US": true, "U.S.": true, "UK": true, "U.K.": true, "UN": true, "U.N.": true,
	"EU": true, "USA": true, "NATO": true, "OPEC": true, "PLO": true, "PKK": true, "KDP": true, "PUK": true}

func vowels(w string) int {
	n := 0
	for _, r := range w {
		if strings.ContainsRune("AEIOUaeiou", r) {
			n++
		}
	}
	return n
}

func isAcronym(w string) bool {
	letters := 0
	vowels := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if strings.ContainsRune("AEIOU", r) {
				vowels++
			}
		}
	}
	return strings.Contains(w, ".") || letters >= 2 && letters <= 5 && vowels == 0 || letters == 2
}

// parenAcronym reports whether a parenthesised word is an acronym:
// "(AAIA)", "(IAAA)"; not "(COLOMBIA)".
func parenAcronym(p string) bool {
	n := letterCount(p)
	return !strings.ContainsAny(p, " /") && n >= 3 && n <= 5 && strings.ToUpper(p) == p && !countryWord[p]
}

var countryWord = map[string]bool{"IRAQ": true, "IRAN": true, "SYRIA": true, "YEMEN": true, "OMAN": true, "EGYPT": true, "LIBYA": true, "SUDAN": true, "QATAR": true, "CHILE": true, "PERU": true, "INDIA": true, "JAPAN": true, "CHINA": true, "ITALY": true, "SPAIN": true, "NEPAL": true}

func titleWord(w string, org bool) string {
	if knownAcronyms[w] || org && (isAcronym(w) || singleOrg && (letterCount(w) <= 4 || letterCount(w) == 5 && vowels(w) < 2)) {
		return w
	}
	segs := strings.Split(w, "-")
	for i, s := range segs {
		if (s == "AL" || s == "EL") && i+1 < len(segs) {
			segs[i] = strings.ToLower(s)
			continue
		}
		segs[i] = titleSeg(s)
	}
	return strings.Join(segs, "-")
}

func titleSeg(s string) string {
	var b strings.Builder
	first := true
	for _, r := range s {
		if first && unicode.IsLetter(r) {
			b.WriteRune(unicode.ToUpper(r))
			first = false
			continue
		}
		b.WriteRune(unicode.ToLower(r))
		if r == '\'' || r == '.' {
			// "O'BRIEN" → "O'Brien"? Keep Arabic "Tal'afar" lower: only
			// capitalise after a one-letter prefix.
			if b.Len() == 2 {
				first = true
			}
		}
	}
	return b.String()
}

var asciiFold = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ā': "a", 'é': "e", 'è': "e",
	'ê': "e", 'ë': "e", 'ē': "e", 'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ó': "o",
	'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ō': "o", 'ú': "u", 'ù': "u", 'û': "u", 'ü': "u",
	'ū': "u", 'ç': "c", 'ş': "s", 'ğ': "g", 'ı': "i", 'ñ': "n", 'ß': "ss", 'ø': "o", 'ž': "z",
	'š': "s", 'č': "c",
}

// slug makes an ID: lower-case ASCII words joined by hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if f, ok := asciiFold[r]; ok {
			b.WriteString(f)
			dash = false
			continue
		}
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
			continue
		}
		if r == '\'' {
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// Conversion of English records.

// region classifies a record's codes: whether it is kept, the country code
// it belongs to ("" for international ones), and whether all its codes are
// bare country codes.
func region(r *raw, person bool) (keep bool, country string, bare bool) {
	if len(r.Codes) == 0 {
		return false, "", false
	}
	bare = true
	for _, c := range r.Codes {
		p := sectorCodes(c.Code)
		if len(p) > 1 && territories[p[1]] {
			return true, p[0], true // Gaza, South Sudan: places, not actors
		}
		if len(p) == 0 || nonCountry[p[0]] || len(p) > 1 && !(len(p) == 2 && p[1] == "OCC") {
			bare = false
		}
	}
	for _, c := range r.Codes {
		p := sectorCodes(c.Code)
		if len(p) == 0 {
			continue
		}
		if _, ok := mena[p[0]]; ok {
			return true, p[0], bare
		}
	}
	for _, c := range r.Codes {
		p := sectorCodes(c.Code)
		if len(p) == 0 {
			continue
		}
		switch p[0] {
		case "MEA": // Middle East regional
			return true, "", bare
		case "IMG": // international militant groups: the Muslim ones outside SE/South Asia
			if strings.Contains(c.Code, "MUS") && !strings.Contains(c.Code, "SEA") && !strings.Contains(c.Code, "KAS") &&
				!strings.Contains(c.Code, "RUSCNY") || strings.Contains(c.Code, "ALQ") || c.Code == "IMG" {
				return true, "", bare
			}
		case "IGO":
			rest := c.Code[3:]
			if person && !igoPerson(c.Code) {
				continue
			}
			for _, far := range []string{"LAM", "SAM", "NAM", "CAM", "CRB", "SEA", "ASA", "OCE", "PAC", "EEU", "SAS", "WAF", "EAF", "SAF", "CAS"} {
				if strings.HasPrefix(rest, far) {
					return false, "", false
				}
			}
			return true, "", bare
		case "NGO":
			// Regional NGOs, and international ones working on rights,
			// health, refugees and the press.
			if len(p) > 1 {
				if _, m := mena[p[1]]; m {
					return true, p[1], bare
				}
				if p[1] == "PAL" || p[1] == "MEA" || p[1] == "ARB" {
					return true, "", bare
				}
				if p[1] == "HRI" || p[1] == "HLH" || p[1] == "REF" || p[1] == "MED" {
					return true, "", bare
				}
			}
			return false, "", false
		case "MNC":
			if len(p) > 1 {
				if _, m := mena[p[1]]; m {
					return true, p[1], bare
				}
			}
			return false, "", false
		}
	}
	return false, "", bare
}

// territories are the codes Phoenix gives places inside a country.
var territories = map[string]bool{"GZA": true, "SSD": true, "WBK": true, "FLK": true}

// nonCountry are the first parts of codes that are not countries.
var nonCountry = map[string]bool{"IGO": true, "NGO": true, "MNC": true, "IMG": true, "MEA": true, "INT": true,
	"ELI": true, "GOV": true, "MIL": true, "COP": true, "REB": true, "---": true, "MED": true, "HIN": true}

// igoPerson reports whether an official of an IGO is kept: officials of
// the UN itself, the Arab and Middle Eastern bodies, OPEC and NATO.
func igoPerson(c string) bool {
	return c == "IGOUNO" || strings.HasPrefix(c, "IGOMEA") || strings.HasPrefix(c, "IGOARB") ||
		strings.HasPrefix(c, "IGOBUSOPC") || strings.HasPrefix(c, "IGOWSTNAT")
}

// isPower reports whether a person held a government office of a major
// power since 1990.
func isPower(r *raw) (string, bool) {
	for _, c := range r.Codes {
		p := sectorCodes(c.Code)
		if len(p) < 2 || p[1] != "GOV" {
			continue
		}
		if _, ok := powers[p[0]]; !ok {
			continue
		}
		if c.Dated && (c.To == "" || c.To >= "1990-01-01") && (c.From != "" || c.To != "") {
			return p[0], true
		}
	}
	return "", false
}

func isPerson(r *raw, ws []string) bool {
	for _, w := range ws {
		if orgWords[w] || qaeda(w) {
			return false
		}
	}
	if r.CountryInfo || personalName(ws) {
		return true
	}
	onlyEli := true
	for _, c := range r.Codes {
		if c.Dated && (c.From != "" || c.To != "") {
			return true
		}
		if !strings.HasSuffix(c.Code, "ELI") {
			onlyEli = false
		}
	}
	return onlyEli && len(ws) >= 2
}

// personalName reports whether words without an organisation word read as
// a person's name: a kunya (ABU_MOHAMMAD_AL_JAWLANI), a patronymic
// (OSAMA_BIN_LADEN) or a common given name first (AYMAN_AL_ZAWAHIRI). The
// militant-group file gives its people undated group codes, the same as
// its groups, so the codes cannot tell them apart.
func personalName(ws []string) bool {
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if orgWords[w] || qaeda(w) {
			return false
		}
	}
	for _, w := range ws[1 : len(ws)-1] {
		if w == "BIN" || w == "IBN" || w == "BINT" {
			return true
		}
	}
	first := strings.Trim(ws[0], ".,'")
	return first == "ABU" || first == "ABOU" || givenNames[norm.Key(first)]
}

// qaeda reports whether a word names al-Qaeda (AL-QAEDA, AL-QAIDA,
// AL-QA'IDA), not a nisba such as AL-QATARI.
func qaeda(w string) bool {
	for _, p := range []string{"AL-QAED", "AL-QAID", "AL-QA'I", "AL-QA'E"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// onlyTitles reports whether every word is a title or "UN".
func onlyTitles(ws []string) bool {
	for _, w := range ws {
		if !honorifics[w] {
			return false
		}
	}
	return len(ws) > 0
}

// abdWord reports whether a word begins a compound given name: Abdul,
// Abdel, Abd.
func abdWord(w string) bool {
	switch strings.ToUpper(strings.Trim(w, ".,'")) {
	case "ABD", "ABDUL", "ABDEL", "ABDAL", "ABDOL":
		return true
	}
	return false
}

// onlyGivenNames reports whether every word is a common given name.
func onlyGivenNames(ws []string) bool {
	for _, w := range ws {
		if !givenNames[norm.Key(w)] && !commonNames[norm.Key(w)] {
			return false
		}
	}
	return len(ws) > 0
}

// arabicGivenOnly reports whether an Arabic name is one given name and
// nothing else: عبد with the word after it (عبد المجيد, عبد الله), which
// names no one for sure (issue 14: "عبد المجيد" was a person node of 20
// articles in ar-news-2022).
func arabicGivenOnly(ws []string) bool {
	return len(ws) == 2 && norm.Key(ws[0]) == norm.Key("عبد")
}

// givenNames are common Arabic and Muslim given names in Latin letters.
var givenNames = keys("Ali", "Hassan", "Hasan", "Hussein", "Husain", "Hussain", "Mohammed", "Mohammad",
	"Muhammad", "Mohamed", "Muhammed", "Ahmed", "Ahmad", "Abbas", "Omar", "Umar", "Khalid", "Khaled", "Saleh",
	"Salih", "Hamid", "Haidar", "Haider", "Abdullah", "Abdallah", "Abdul", "Abdel", "Abd", "Mahmoud", "Mahmud",
	"Mustafa", "Mostafa", "Ibrahim", "Ismail", "Yusuf", "Youssef", "Yousef", "Said", "Saeed", "Saad", "Salem",
	"Nasser", "Karim", "Jamal", "Adel", "Aziz", "Faisal", "Fahd", "Hamad", "Rashid", "Talal", "Osman", "Othman",
	"Jaber", "Nawaf", "Salman", "Nayef", "Khalifa", "Qasim", "Qassem", "Hadi", "Mahdi", "Jafar", "Jaafar",
	"Yasin", "Yassin", "Amin", "Majid", "Hamza", "Tariq", "Tarek", "Walid", "Nabil", "Samir", "Sami", "Kamal",
	"Jalal", "Anwar", "Musa", "Moussa", "Yahya", "Zaid", "Ayman", "Hisham", "Hashem", "Naji", "Rami", "Bassam",
	"Osama", "Usama", "Ayyub", "Rahim", "Rahman", "Karim", "Latif", "Majeed", "Hamid", "Ayoub", "Bilal", "Anas", "Suleiman", "Sulaiman", "Mullah", "Aftab", "Iqbal")

// personKind and orgKind derive an entry's kind from its main code.
func kindOf(person bool, codes []code) string {
	// The latest dated code decides, else the first.
	best := ""
	bestTo := ""
	for _, c := range codes {
		to := c.To
		if to == "" && c.Dated {
			to = "9999"
		}
		if best == "" || to > bestTo {
			best, bestTo = c.Code, to
		}
	}
	p := sectorCodes(best)
	var sec string
	for _, s := range p {
		if _, isC := countryNames[s]; isC {
			continue
		}
		if s == "MEA" || s == "ARB" || s == "WST" || s == "EUR" {
			continue
		}
		sec = s
		break
	}
	if person {
		switch sec {
		case "GOV", "LEG", "PTY":
			return "politician"
		case "MIL":
			return "military"
		case "COP", "SPY":
			return "official"
		case "REB", "INS", "UAF", "IMG", "SEP", "RAD":
			return "militant"
		case "JUD":
			return "judge"
		case "BUS", "MNC":
			return "businessperson"
		case "MED":
			return "journalist"
		case "IGO":
			return "international official"
		case "REL", "MUS", "SHI", "SUN", "CHR", "JEW":
			return "cleric"
		case "OPP":
			return "opposition figure"
		case "HRI", "NGO":
			return "activist"
		}
		return "public figure"
	}
	switch sec {
	case "GOV":
		return "government"
	case "MIL":
		return "military"
	case "COP":
		return "police"
	case "SPY":
		return "intelligence agency"
	case "PTY":
		return "party"
	case "REB", "INS", "UAF", "IMG", "SEP", "RAD":
		return "armed faction"
	case "IGO":
		return "international organization"
	case "NGO":
		return "non-governmental organization"
	case "MNC", "BUS":
		return "company"
	case "MED":
		return "media"
	case "JUD":
		return "court"
	case "LEG":
		return "legislature"
	case "OPP":
		return "opposition group"
	case "EDU":
		return "educational institution"
	}
	return "organization"
}

// rolesOf converts codes to roles: the dated ones, or the undated ones when
// there are none (a default code is a fallback, not an office).
func rolesOf(codes []code) []lexicon.Role {
	dated := false
	for _, c := range codes {
		if c.Dated && (c.From != "" || c.To != "") {
			dated = true
		}
	}
	var out []lexicon.Role
	seen := map[string]bool{}
	for _, c := range codes {
		if dated != (c.Dated && (c.From != "" || c.To != "")) {
			continue
		}
		if len(c.Code) < 3 {
			continue
		}
		k := c.Code + "|" + c.From + "|" + c.To
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, lexicon.Role{Title: roleTitle(c.Code), From: c.From, To: c.To})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].From != out[j].From {
			return out[i].From < out[j].From
		}
		return out[i].Title < out[j].Title
	})
	return out
}

// candidate is a converted entry before the collision and clash rules.
type candidate struct {
	e       *lexicon.Entry
	country string
	order   string // file:line, for deterministic tie-breaking
	// arKey/skeleton support pairing with the Arabic dictionary.
	skel  string
	codes []code
}

type counts struct {
	read, kept, region, country, noName, old, curated, ambiguous, paired int
}

// convertEnglish converts the Phoenix records of one file.
func convertEnglish(recs []*raw, src string, c *counts) []*candidate {
	var out []*candidate
	for _, r := range recs {
		c.read++
		ws, _ := stripParens(words(r.Phrase))
		person := isPerson(r, ws)
		keep, country, bare := region(r, person)
		powerCountry, power := "", false
		if !keep {
			powerCountry, power = isPower(r)
			if !power {
				c.region++
				continue
			}
			country = powerCountry
		}
		if bare {
			c.country++
			continue
		}
		if power && !person {
			c.region++
			continue
		}
		if person {
			ws = stripHonorifics(ws)
		}
		if len(ws) == 0 || letterCount(strings.Join(ws, "")) < 3 {
			c.noName++
			continue
		}
		if person && !recent(r.Codes) {
			c.old++
			continue
		}
		// Militant-group "persons" known by a bare kunya ("ABU_ABDULLAH")
		// are too ambiguous to keep.
		if person && len(ws) <= 2 && (ws[0] == "ABU" || ws[0] == "ABOU") {
			c.noName++
			continue
		}
		if person && len(ws) == 1 {
			c.noName++
			continue
		}
		if !person && len(ws) > 1 && ws[0] == "THE" {
			ws = ws[1:]
		}
		if !person && onlyTitles(ws) {
			// "UN_SECRETARY_GENERAL": an office, which role phrases
			// name, not an organisation.
			c.noName++
			continue
		}
		name := pretty(ws, !person)
		e := &lexicon.Entry{ID: slug(name), Name: name, Source: "petrarch2"}
		if person && len(ws) == 2 && (onlyGivenNames(ws) || abdWord(ws[0])) {
			// "Abdul Rahim", left once "Acting Minister" goes: two
			// given names name many people, so the name is weak; so
			// does Abdul with any word after it ("Abdul Zahir"), one
			// compound given name (lexicon.Lint: given-name-only).
			e.Weak = append(e.Weak, name)
		}
		if person {
			e.Type = "person"
		} else {
			e.Type = "organization"
		}
		e.Kind = kindOf(person, r.Codes)
		e.Roles = rolesOf(r.Codes)
		if !person && country != "" {
			if id := parentOf(country); id != "" {
				e.Parent = id
			}
		}
		// Aliases: every phrase as written (titles included: "Prime
		// Minister Haidar al-Abadi" is a longer, safe match) and without its
		// titles, plus parenthesised acronyms.
		for _, a := range append([]string{r.Phrase}, r.Aliases...) {
			aws, ap := stripParens(words(a))
			if len(aws) > 0 {
				addAlias(e, pretty(aws, !person), person)
			}
			if person {
				if s := stripHonorifics(aws); len(s) > 0 {
					addAlias(e, pretty(s, false), person)
				}
			}
			for _, p := range ap {
				if parenAcronym(p) {
					addAlias(e, p, person)
				}
			}
		}
		out = append(out, &candidate{e: e, country: country, order: fmt.Sprintf("%s:%07d", src, r.Line),
			skel: skeleton(e.Name), codes: r.Codes})
	}
	return out
}

// recent reports whether a person was active since 1980: a role ending
// then or later, or an open or undated one.
func recent(codes []code) bool {
	for _, c := range codes {
		if !c.Dated || c.To == "" || c.To >= "1980-01-01" {
			return true
		}
	}
	return false
}

// curatedCountries are set from the curated files: the country IDs a
// converted organisation may name as its parent.
var curatedIDs = map[string]bool{}

// curatedType is the type of each curated entry.
var curatedType = map[string]string{}

func parentOf(country string) string {
	id := mena[country]
	if id == "" {
		id = powers[country]
	}
	if curatedIDs[id] {
		return id
	}
	return ""
}

// addAlias adds a name to e: as an alias, as a weak alias when it is a
// common name alone, or not at all when it is too short or a stop word.
func addAlias(e *lexicon.Entry, a string, person bool) {
	a = strings.TrimSpace(a)
	k := norm.Key(a)
	if k == "" || letterCount(a) < 3 || stop[k] {
		return
	}
	if k == norm.Key(e.Name) || k == norm.Key(e.NameAr) {
		return
	}
	for _, x := range e.Aliases {
		if norm.Key(x) == k {
			return
		}
	}
	for _, x := range e.Weak {
		if norm.Key(x) == k {
			return
		}
	}
	if person && hasOrgWord(a) {
		return // "ASSAD_REGIME_", "SYRIA'S_GOVERNMENT" name the state, not the man
	}
	if !person {
		ws := words(a)
		if len(ws) == 1 && orgWords[ws[0]] {
			return // "TANZIM_" +"ORGANIZATION_": a common noun, not a name
		}
		if personalName(ws) {
			return // "SYRIAN_OBSERVATORY_…" +"RAMI_ABDULRAHMAN_": its director, not the body
		}
	}
	if commonNames[k] || person && !strings.Contains(k, " ") && isArabic(a) {
		e.Weak = append(e.Weak, a)
		return
	}
	e.Aliases = append(e.Aliases, a)
}

func hasOrgWord(a string) bool {
	for _, w := range words(a) {
		if orgWords[w] || strings.HasSuffix(w, "'S") {
			return true
		}
	}
	return false
}

func isArabic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
	}
	return false
}

// Arabic.

// arabicNouns are words that make an Arabic phrase a description rather
// than a name.
var arabicNouns = keys(
	"حكومة", "وزارة", "وزير", "رئيس", "جيش", "قوة", "قوات", "شرطة", "مجلس", "حزب", "حركة", "جبهة",
	"منظمة", "اتحاد", "جامعة", "سفير", "سفارة", "أمين", "عام", "نائب", "عاهل", "ملك", "جنرال", "قائد",
	"متحدث", "مسؤول", "مكتب", "بنك", "شركة", "تنظيم", "كتائب", "كتيبة", "سرايا", "جماعة", "هيئة",
	"لجنة", "ديوان", "الديوان", "محكمة", "برلمان", "دولة", "ولاية", "مخابرات", "سلطة", "سجن", "مجتمع",
	"ل", "في", "من", "على", "إلى", "عن", "مع", "و", "مسلح", "مسلحون", "متمرد", "متمردون", "نظام", "أمن",
	"أمم", "أمة", "متحد", "متحدة", "عسكري", "ثوري", "إسلامي", "عربي", "دولي", "وطني", "شعبي", "أمير",
	"إمارة", "مملكة", "جمهورية", "مقاتل", "ميليشيا", "مليشيا", "فصيل", "لواء", "فيلق", "شعب", "رئاسة",
	"عراقي", "إيراني", "سوري", "أمريكي", "أميركي", "إسرائيلي", "فلسطيني", "لبناني", "تركي", "مصري",
	"سعودي", "كردي", "أردني", "كويتي", "قطري", "يمني", "ليبي", "تونسي", "جزائري", "مغربي", "سوداني",
	"أفغاني", "باكستاني", "بريطاني", "فرنسي", "روسي", "صيني", "أوروبي", "مدير", "محافظ", "قاضي",
	"رئيسة", "وزيرة", "صحيفة", "وكالة", "قناة", "تلفزيون", "إذاعة", "مركز", "معهد", "مؤسسة", "منظمات",
	"عشيرة", "قبيلة", "مجموعة", "شبكة", "خلية", "تحالف", "ائتلاف", "كتلة", "قائمة", "تيار",
)

var arabicHonorifics = keys("عقيد", "العقيد", "أدميرال", "الأدميرال", "لواء", "فريق", "الفريق", "مشير", "المشير", "شيخ", "الشيخ", "سيد", "السيد", "آية", "اللٰه", "الله", "دكتور", "الدكتور", "حاج", "الحاج", "أمير", "ملك", "رئيس", "جنرال", "اللواء", "العقيد", "مولا", "ملا")

// arabicFunction are pronouns and particles a name never contains; the
// lemmatiser split some names into them.
var arabicFunction = keys("هو", "هي", "هم", "في", "من", "على", "إلى", "عن", "مع", "أن", "إن", "لا", "ما", "كان", "قد", "ذلك", "هذا", "التي", "الذي")

// arabicGiven are common given names: an Arabic-only name must start with
// one or carry a surname with the article.
var arabicGiven = keys(
	"محمد", "أحمد", "علي", "حسن", "حسين", "عمر", "عثمان", "خالد", "سعد", "سعيد", "صالح", "عبد", "عبدالله",
	"عبد الله", "إبراهيم", "إسماعيل", "يوسف", "موسى", "عيسى", "يحيى", "زكريا", "سليمان", "داود", "محمود",
	"مصطفى", "كمال", "جمال", "عادل", "عزيز", "فيصل", "فهد", "سلطان", "سلمان", "نايف", "حمد", "حمدي", "راشد",
	"طلال", "بشار", "حافظ", "رفيق", "سعد", "نبيه", "ميشال", "ميشيل", "أمين", "إميل", "سمير", "سامي", "نبيل",
	"وليد", "طارق", "هشام", "هاشم", "ناجي", "رامي", "بسام", "حسني", "صادق", "رضا", "جواد", "جعفر", "باقر",
	"مهدي", "هادي", "قاسم", "عباس", "نوري", "إياد", "أياد", "جلال", "مسعود", "مسرور", "نيجيرفان", "برهم",
	"فؤاد", "طه", "ياسين", "ياسر", "محسن", "مرتضى", "مقتدى", "عمار", "همام", "حيدر", "حميد", "كريم",
	"رئيس", "نجيب", "نصر", "ناصر", "منصور", "أنور", "حسام", "عصام", "عماد", "زياد", "زيد", "غازي", "ضياء",
	"صباح", "صبحي", "فاروق", "فارس", "فتحي", "فايز", "ماجد", "مجيد", "مالك", "مروان", "معمر", "منير",
	"نادر", "نزار", "هاني", "وائل", "يونس", "أيمن", "أسامة", "أشرف", "أكرم", "توفيق", "جميل", "حازم",
	"حمزة", "خليل", "خليفة", "رشيد", "زهير", "سالم", "سليم", "شريف", "صلاح", "ضاري", "عامر", "عدنان",
	"عزت", "عمرو", "عوض", "غسان", "فاضل", "فالح", "فريد", "قيس", "لطيف", "ماهر", "مازن", "محي", "مراد",
	"مهند", "نعيم", "هيثم", "وزير", "ياسين", "أبو", "ابو", "بن", "حنان", "ليلى", "سهى", "تميم", "قابوس",
	"حسني", "أنور", "عبد العزيز", "عبد الرحمن", "ساجد", "حامد", "نجاد", "محمود", "أكبر", "آصف", "نواز",
	"بي نظير", "برويز", "شوكت", "يوسف", "جورج", "جون", "باراك", "هيلاري", "كوندوليزا", "ديك", "دونالد",
	"روبرت", "كولن", "جيمس", "توني", "غوردن", "ديفيد", "نيكولا", "فرانسوا", "جاك", "فلاديمير", "ديمتري",
	"سيرغي", "وين", "شي", "بنيامين", "إيهود", "أرييل", "شمعون", "إسحاق", "تسيبي", "أفيغدور", "موشيه",
	"رجب", "عبد الله", "أحمد داود", "رفسنجاني", "محمود", "علي أكبر", "منوشهر", "حسن", "هنري", "ألبرتو",
)

// convertArabic converts the Arabic records to person candidates.
func convertArabic(recs []*raw, c *counts) []*candidate {
	var out []*candidate
	for _, r := range recs {
		c.read++
		keep, country, bare := region(r, true)
		if !keep {
			if pc, ok := isPower(r); ok {
				country, keep = pc, true
			}
		}
		if !keep {
			c.region++
			continue
		}
		if bare {
			c.country++
			continue
		}
		ws := strings.FieldsFunc(r.Phrase, func(r rune) bool { return r == '_' || unicode.IsSpace(r) })
		// Drop honorific prefixes: "شيخ_خالد_العطية_", "آية_الله_…".
		for len(ws) > 2 && arabicHonorifics[norm.Key(ws[0])] {
			ws = ws[1:]
		}
		if len(ws) > 2 && norm.Key(ws[0]) == "الله" { // آية الله
			ws = ws[1:]
		}
		if len(ws) < 2 || arabicGivenOnly(ws) {
			c.noName++
			continue
		}
		desc := false
		for _, w := range ws {
			if arabicNouns[norm.Key(w)] || letterCount(w) < 2 && w != "ل" {
				desc = true
			}
			if !isArabic(w) {
				desc = true
			}
		}
		// Lemmatisation mangles some names ("فيصل طويل" became "فصل طويل",
		// "برهم صالح" "بر هو صالح"): keep a name only when it starts with a
		// known given name or carries a surname with the article.
		if !desc && !arabicGiven[norm.Key(ws[0])] {
			desc = true
			for _, w := range ws[1:] {
				if strings.HasPrefix(norm.Key(w), "ال") && letterCount(w) >= 5 && !arabicNouns[norm.Key(strings.TrimPrefix(norm.Key(w), "ال"))] {
					desc = false
				}
			}
		}
		for _, w := range ws {
			if arabicFunction[norm.Key(w)] {
				desc = true
			}
		}
		if desc {
			c.noName++
			continue
		}
		if !recent(r.Codes) {
			c.old++
			continue
		}
		name := strings.Join(ws, " ")
		// U+0670 (superscript alef, "اللٰه") is folded away by norm; write
		// the common spelling.
		name = strings.ReplaceAll(name, "\u0670", "")
		h := sha256.Sum256([]byte(norm.Key(name)))
		e := &lexicon.Entry{ID: "up-" + hex.EncodeToString(h[:])[:10], Type: "person", NameAr: name,
			Kind: kindOf(true, r.Codes), Roles: rolesOf(r.Codes), Source: "universalpetrarch"}
		out = append(out, &candidate{e: e, country: country, order: fmt.Sprintf("ar:%07d", r.Line),
			skel: skeleton(name), codes: r.Codes})
	}
	return out
}

// skeleton reduces a name in either script to coarse consonant classes
// (article, vowels, w, y, hamza and ʿayn dropped; emphatic and plain
// consonants merged), so "Nuri al-Maliki" and "نوري المالكي" share one.
func skeleton(s string) string {
	var b []byte
	add := func(c byte) {
		if len(b) == 0 || b[len(b)-1] != c {
			b = append(b, c)
		}
	}
	for _, tok := range norm.Tokens(s) {
		w := tok.Fold
		if w == "al" || w == "el" || w == "ال" {
			continue
		}
		if isArabic(w) {
			w = strings.TrimPrefix(w, "ال")
			for _, r := range w {
				switch r {
				case 'ب':
					add('B')
				case 'ت', 'ث', 'ط':
					add('T')
				case 'ج':
					add('J')
				case 'ح', 'ه':
					add('H')
				case 'خ', 'ق', 'ك':
					add('K')
				case 'د', 'ذ', 'ض', 'ظ', 'ز':
					add('D')
				case 'ر':
					add('R')
				case 'س', 'ص', 'ش':
					add('S')
				case 'غ':
					add('G')
				case 'ف':
					add('F')
				case 'ل':
					add('L')
				case 'م':
					add('M')
				case 'ن':
					add('N')
				}
			}
			continue
		}
		w = strings.TrimPrefix(strings.TrimPrefix(w, "al-"), "el-")
		for i := 0; i < len(w); i++ {
			ch := w[i]
			next := byte(0)
			if i+1 < len(w) {
				next = w[i+1]
			}
			switch {
			case next == 'h' && strings.IndexByte("kstdgcz", ch) >= 0:
				add(map[byte]byte{'k': 'K', 's': 'S', 't': 'T', 'd': 'D', 'g': 'G', 'c': 'S', 'z': 'D'}[ch])
				i++
			case ch == 'b' || ch == 'p':
				add('B')
			case ch == 't':
				add('T')
			case ch == 'j' || ch == 'g':
				add('J')
			case ch == 'h':
				add('H')
			case ch == 'k' || ch == 'q' || ch == 'c':
				add('K')
			case ch == 'd' || ch == 'z':
				add('D')
			case ch == 'r':
				add('R')
			case ch == 's':
				add('S')
			case ch == 'f' || ch == 'v':
				add('F')
			case ch == 'l':
				add('L')
			case ch == 'm':
				add('M')
			case ch == 'n':
				add('N')
			case ch == 'x':
				add('K')
				add('S')
			}
		}
	}
	return string(b)
}

// pair attaches Arabic candidates to English ones of the same skeleton and
// country-sector code; it returns the Arabic candidates left over.
func pair(en, ar []*candidate, c *counts) []*candidate {
	idx := map[string][]*candidate{}
	for _, e := range en {
		if e.e.Type != "person" || len(e.skel) < 4 {
			continue
		}
		idx[e.skel] = append(idx[e.skel], e)
	}
	var rest []*candidate
	for _, a := range ar {
		var match []*candidate
		for _, e := range idx[a.skel] {
			if shareCode(e.codes, a.codes) {
				match = append(match, e)
			}
		}
		if len(match) != 1 || len(a.skel) < 4 {
			rest = append(rest, a)
			continue
		}
		e := match[0].e
		if e.NameAr != "" {
			addAlias(e, a.e.NameAr, true)
		} else {
			e.NameAr = a.e.NameAr
		}
		e.Source = "petrarch2,universalpetrarch"
		c.paired++
	}
	return rest
}

func shareCode(a, b []code) bool {
	for _, x := range a {
		for _, y := range b {
			px, py := sectorCodes(x.Code), sectorCodes(y.Code)
			if len(px) >= 2 && len(py) >= 2 && px[0] == py[0] && px[1] == py[1] {
				return true
			}
		}
	}
	return false
}

// Output.

func main() {
	shared := flag.String("shared", "../shared/dictionaries", "directory of the shared dictionaries")
	dataDir := flag.String("data", "ingest/lexicon/data", "directory of the curated lexicon files")
	outDir := flag.String("out", "ingest/lexicon/data", "directory to write 05-petrarch-persons.jsonl and 06-petrarch-organizations.jsonl to")
	flag.Parse()
	if err := run(*shared, *dataDir, *outDir, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func readDict(path string) ([]*raw, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseDict(f, filepath.Base(path))
}

// curatedKeys reads the curated files — every data file but the two this
// command writes — and returns every name key with its owner's ID.
func curatedKeys(dataDir string) (map[string]string, error) {
	keyOwner := map[string]string{}
	files, err := filepath.Glob(filepath.Join(dataDir, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, path := range files {
		name := filepath.Base(path)
		if name == "05-petrarch-persons.jsonl" || name == "06-petrarch-organizations.jsonl" {
			continue // this command's own output
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		es, err := lexicon.Read(f, name)
		f.Close()
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			curatedIDs[e.ID] = true
			curatedType[e.ID] = e.Type
			for _, n := range append(append([]string{e.Name, e.NameAr}, e.Aliases...), e.Weak...) {
				if k := norm.Key(n); k != "" {
					keyOwner[k] = e.ID
				}
			}
		}
	}
	return keyOwner, nil
}

func names(e *lexicon.Entry) []string {
	var out []string
	for _, n := range append([]string{e.Name, e.NameAr}, e.Aliases...) {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

func run(shared, dataDir, outDir string, log io.Writer) error {
	curated, err := curatedKeys(dataDir)
	if err != nil {
		return err
	}
	var en []*candidate
	stats := map[string]*counts{}
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		recs, err := readDict(filepath.Join(shared, "petrarch2-en", f))
		if err != nil {
			return err
		}
		c := &counts{}
		stats[f] = c
		cs := convertEnglish(recs, f, c)
		en = append(en, cs...)
	}
	arFile := "actor_dict_ar_v4.txt"
	arRecs, err := readDict(filepath.Join(shared, "universalpetrarch-ar", arFile))
	if err != nil {
		return err
	}
	arc := &counts{}
	stats[arFile] = arc
	ar := convertArabic(arRecs, arc)
	// Duplicates within the Arabic dictionary (same name listed twice).
	ar = dedupe(ar)
	en = mergeSame(en)
	ar = pair(en, ar, arc)
	all := append(en, ar...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].order < all[j].order })

	srcOf := func(cd *candidate) *counts {
		if strings.HasPrefix(cd.order, "ar:") {
			return arc
		}
		f, _, _ := strings.Cut(cd.order, ":")
		return stats[f]
	}
	// Rule 1: a converted entry sharing a name with a curated entry of its
	// type is skipped; a name it shares with a curated entry of another
	// type is dropped from it (Jabhat al-Nusra keeps its names but not
	// "Joulani", its leader's, which the curated person has).
	var kept []*candidate
	for _, cd := range all {
		hit := false
		other := func(n string) bool {
			owner, ok := curated[norm.Key(n)]
			return ok && curatedType[owner] != cd.e.Type
		}
		cd.e.Aliases = slices.DeleteFunc(cd.e.Aliases, other)
		cd.e.Weak = slices.DeleteFunc(cd.e.Weak, other)
		for _, n := range append(names(cd.e), cd.e.Weak...) {
			if _, ok := curated[norm.Key(n)]; ok {
				hit = true
				break
			}
		}
		if hit || curatedIDs[cd.e.ID] {
			srcOf(cd).curated++
			continue
		}
		kept = append(kept, cd)
	}
	// Rule 2: a name several converted entries share names none of them
	// for sure: it is dropped from all; an entry left without a name is
	// skipped.
	owners := map[string]map[*candidate]bool{}
	for _, cd := range kept {
		for _, n := range names(cd.e) {
			k := norm.Key(n)
			if owners[k] == nil {
				owners[k] = map[*candidate]bool{}
			}
			owners[k][cd] = true
		}
	}
	var final []*candidate
	for _, cd := range kept {
		e := cd.e
		var al []string
		for _, a := range e.Aliases {
			if len(owners[norm.Key(a)]) == 1 {
				al = append(al, a)
			}
		}
		e.Aliases = al
		if e.Name != "" && len(owners[norm.Key(e.Name)]) > 1 {
			e.Name = ""
		}
		if e.NameAr != "" && len(owners[norm.Key(e.NameAr)]) > 1 {
			e.NameAr = ""
		}
		if e.Name == "" && e.NameAr == "" {
			srcOf(cd).ambiguous++
			continue
		}
		final = append(final, cd)
	}
	// IDs: the slug, or slug-country, or slug-N.
	used := map[string]bool{}
	for id := range curatedIDs {
		used[id] = true
	}
	for _, cd := range final {
		e := cd.e
		if e.Name == "" && strings.HasPrefix(e.ID, "up-") {
			// keep its hash ID
		} else if e.Name == "" {
			h := sha256.Sum256([]byte(norm.Key(e.NameAr)))
			e.ID = "up-" + hex.EncodeToString(h[:])[:10]
		}
		id := e.ID
		if used[id] && cd.country != "" {
			id = e.ID + "-" + strings.ToLower(cd.country)
		}
		for n := 2; used[id]; n++ {
			id = fmt.Sprintf("%s-%d", e.ID, n)
		}
		e.ID = id
		used[id] = true
		srcOf(cd).kept++
	}
	sort.Slice(final, func(i, j int) bool { return final[i].e.ID < final[j].e.ID })

	var persons, others strings.Builder
	persons.WriteString(header)
	others.WriteString(header)
	for _, cd := range final {
		j, err := json.Marshal(cd.e)
		if err != nil {
			return err
		}
		b := &others
		if cd.e.Type == "person" {
			b = &persons
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	for name, b := range map[string]*strings.Builder{"05-petrarch-persons.jsonl": &persons, "06-petrarch-organizations.jsonl": &others} {
		if err := os.WriteFile(filepath.Join(outDir, name), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	total := 0
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", arFile} {
		c := stats[f]
		total += c.kept
		fmt.Fprintf(log, "%-34s read %5d  kept %5d  skipped: region %5d, country %3d, no usable name %4d, inactive before 1980 %4d, curated name %3d, ambiguous name %3d",
			f, c.read, c.kept, c.region, c.country, c.noName, c.old, c.curated, c.ambiguous)
		if f == arFile {
			fmt.Fprintf(log, ", paired with English %d", c.paired)
		}
		fmt.Fprintln(log)
	}
	fmt.Fprintf(log, "wrote %d entries to %s\n", total, filepath.Join(outDir, "0[56]-petrarch-*.jsonl"))
	return nil
}

// mergeSame merges English records of one name, type and country: the
// dictionaries list some actors twice ("GHAZI_AL_YAWER" and
// "GHAZI_AL_YAWER_").
func mergeSame(cs []*candidate) []*candidate {
	seen := map[string]*candidate{}
	var out []*candidate
	for _, c := range cs {
		k := norm.Key(c.e.Name)
		p, ok := seen[k]
		if !ok {
			seen[k] = c
			out = append(out, c)
			continue
		}
		if p.e.Type != "person" && c.e.Type == "person" {
			// "BASHAR_AL-ASSAD [SYRGOV]" listed again as the regime: the
			// person wins.
			p.e.Type, p.e.Kind, p.e.Parent = "person", c.e.Kind, ""
			aliases := p.e.Aliases
			p.e.Aliases = nil
			for _, a := range aliases {
				addAlias(p.e, pretty(words(a), false), true)
			}
		}
		for _, a := range c.e.Aliases {
			addAlias(p.e, a, p.e.Type == "person")
		}
		for _, a := range c.e.Weak {
			addAlias(p.e, a, p.e.Type == "person")
		}
		p.e.Roles = mergeRoles(p.e.Roles, c.e.Roles)
		p.codes = append(p.codes, c.codes...)
	}
	return out
}

func dedupe(cs []*candidate) []*candidate {
	seen := map[string]*candidate{}
	var out []*candidate
	for _, c := range cs {
		k := norm.Key(c.e.NameAr)
		if p, ok := seen[k]; ok {
			p.e.Roles = mergeRoles(p.e.Roles, c.e.Roles)
			p.codes = append(p.codes, c.codes...)
			continue
		}
		seen[k] = c
		out = append(out, c)
	}
	return out
}

func mergeRoles(a, b []lexicon.Role) []lexicon.Role {
	seen := map[string]bool{}
	var out []lexicon.Role
	for _, r := range append(a, b...) {
		k := r.Title + "|" + r.From + "|" + r.To
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

const header = `# newsgraph actor lexicon: entries converted by ingest/lexicon/gen (go run ./ingest/lexicon/gen) — do not edit by hand.
# Converted from the PETRARCH2/Phoenix actor dictionaries (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
# Phoenix.MilNonState.actors.txt; MIT License, Copyright (c) 2014 Open Event Data / Open Event Data Alliance) and the
# UniversalPetrarch Arabic actor dictionary (actor_dict_ar_v4.txt; MIT License, Copyright (c) 2016 Open Event Data Alliance).
# See ../shared/dictionaries/*/LICENSE* and ../shared/dictionaries/PROVENANCE.md. Only facts are taken: names, aliases and
# dated CAMEO role codes (kept in role titles). Middle East and North Africa, international organisations and militant
# groups active there, and government members of the major powers since 1990. Curated files (10-core, 20-iraq) win.
`
