package main

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

const phoenixSnippet = `# comment
IRAQ_
+IRAQI_
	[IRQ <20030320]
	[IRQ >20060520]
PESHMERGA  # Kurdistan stuff
+PESH_MERGA
	[IRQMIL]
NURI_AL_MALIKI_  # CountryInfo.txt
+NOURI_AL-MALIKI
+PRIME_MINISTER_MALIKI
	[IRQELI 680101-000101]
	[IRQGOV 20060520-20140908]
	[IRQELI]
KOFI_ANNAN_	
	[IGOUNO 970101-061231] 
ABDALLAH_SALEM_EL-BADRI_	[IGOBUSOPC 940701-941231][IGOBUSOPC >070101]	# OPEC
ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB] #  kkl 21 Mar 13
+JAYSH_ADAN_+ISLAMIC_ADEN_ARMY_
`

func TestParseDict(t *testing.T) {
	recs, err := parseDict(strings.NewReader(phoenixSnippet), "x")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, r.Phrase)
	}
	want := []string{"IRAQ_", "PESHMERGA", "NURI_AL_MALIKI_", "KOFI_ANNAN_", "ABDALLAH_SALEM_EL-BADRI_", "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("phrases %q, want %q", got, want)
	}
	m := recs[2]
	if !m.CountryInfo || !reflect.DeepEqual(m.Aliases, []string{"NOURI_AL-MALIKI", "PRIME_MINISTER_MALIKI"}) {
		t.Errorf("Maliki record: %+v", m)
	}
	wantCodes := []code{
		{Code: "IRQELI", From: "1968-01-01", To: "2000-01-01", Dated: true},
		{Code: "IRQGOV", From: "2006-05-20", To: "2014-09-08", Dated: true},
		{Code: "IRQELI"},
	}
	if !reflect.DeepEqual(m.Codes, wantCodes) {
		t.Errorf("Maliki codes %+v, want %+v", m.Codes, wantCodes)
	}
	if c := recs[4].Codes; len(c) != 2 || c[1].From != "2007-01-01" || c[1].To != "" {
		t.Errorf("inline codes: %+v", c)
	}
	if a := recs[5].Aliases; !reflect.DeepEqual(a, []string{"JAYSH_ADAN_", "ISLAMIC_ADEN_ARMY_"}) {
		t.Errorf("run-together aliases: %q", a)
	}
}

func TestConvertEnglish(t *testing.T) {
	recs, _ := parseDict(strings.NewReader(phoenixSnippet), "x")
	c := &counts{}
	cs := convertEnglish(recs, "x", c)
	byName := map[string]*lexicon.Entry{}
	for _, cd := range cs {
		byName[cd.e.ID] = cd.e
	}
	if _, ok := byName["iraq"]; ok || c.country != 1 {
		t.Errorf("the country record is kept (country skips %d)", c.country)
	}
	m := byName["nuri-al-maliki"]
	if m == nil || m.Type != "person" || m.Kind != "politician" {
		t.Fatalf("Maliki: %+v", m)
	}
	if !reflect.DeepEqual(m.Aliases, []string{"Nouri al-Maliki", "Prime Minister Maliki", "Maliki"}) {
		t.Errorf("Maliki aliases %q", m.Aliases)
	}
	if len(m.Roles) != 2 || m.Roles[1].Title != "Government of Iraq (IRQGOV)" || m.Roles[1].From != "2006-05-20" {
		t.Errorf("Maliki roles %+v", m.Roles)
	}
	if p := byName["peshmerga"]; p == nil || p.Type != "organization" || p.Kind != "military" {
		t.Errorf("Peshmerga: %+v", p)
	}
	if k := byName["kofi-annan"]; k == nil || k.Type != "person" {
		t.Errorf("Annan: %+v", k)
	}
	if a := byName["aden-abyan-islamic-army"]; a == nil || !contains(a.Aliases, "AAIA") || a.Kind != "armed faction" {
		t.Errorf("Aden-Abyan Islamic Army: %+v", a)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestNames(t *testing.T) {
	for _, tc := range []struct {
		in   string
		org  bool
		want string
	}{
		{"NURI_AL_MALIKI_", false, "Nuri al-Maliki"},
		{"HAIDER_JAWAD_KADHIM_AL-ABADI", false, "Haider Jawad Kadhim al-Abadi"},
		{"POPULAR_FRONT_FOR_THE_LIBERATION_OF_PALESTINE", true, "Popular Front for the Liberation of Palestine"},
		{"ICC_", true, "ICC"},
		{"HAMAS", true, "Hamas"},
		{"US_PRESIDENT_GEORGE_W._BUSH", false, "US President George W. Bush"},
	} {
		if got := pretty(words(tc.in), tc.org); got != tc.want {
			t.Errorf("pretty(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := pretty(stripHonorifics(words("HOJATOLISLAM_SAYYED_ALI_KHAMENEI_")), false); got != "Ali Khamenei" {
		t.Errorf("honorifics: %q", got)
	}
	if got := slug("Recep Tayyip Erdoğan"); got != "recep-tayyip-erdogan" {
		t.Errorf("slug %q", got)
	}
	for in, want := range map[string]string{"680101": "1968-01-01", "050901": "2005-09-01", "370722": "1937-07-22", "20140908": "2014-09-08", "2004017": "", "18000101": ""} {
		if got := parseDate(in); got != want {
			t.Errorf("parseDate(%q) = %q, want %q", in, got, want)
		}
	}
	if got := roleTitle("IRQGOVBUS"); got != "Government of Iraq — business (IRQGOVBUS)" {
		t.Errorf("roleTitle: %q", got)
	}
}

const arabicSnippet = `نوري_المالكي_
	[IRQGOV 20101221-20140908]
حكومة_عراقي_  [IRQGOV]
فصل_طويل_
	[EGYELI 20090331-18000101]
شيخ_خالد_العطية_
	[QATGOV 20110911-18000101]
عبد_المجيد_
	[MARGOV 20110911-18000101]
`

func TestConvertArabic(t *testing.T) {
	recs, err := parseDict(strings.NewReader(arabicSnippet), "ar")
	if err != nil {
		t.Fatal(err)
	}
	cs := convertArabic(recs, &counts{})
	var got []string
	for _, c := range cs {
		got = append(got, c.e.NameAr)
	}
	// The description (حكومة عراقي), the mangled lemma (فصل طويل) and the
	// bare given name (عبد المجيد) go.
	if want := []string{"نوري المالكي", "خالد العطية"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Arabic names %q, want %q", got, want)
	}
	if r := cs[1].e.Roles; len(r) != 1 || r[0].From != "2011-09-11" || r[0].To != "" {
		t.Errorf("open-ended role: %+v", r)
	}
	// Pairing: the English record of the same skeleton and code gets the
	// Arabic name.
	en, _ := parseDict(strings.NewReader(phoenixSnippet), "x")
	ecs := convertEnglish(en, "x", &counts{})
	c := &counts{}
	rest := pair(ecs, cs, c)
	if c.paired != 1 || len(rest) != 1 {
		t.Fatalf("paired %d, left %d", c.paired, len(rest))
	}
	for _, e := range ecs {
		if e.e.ID == "nuri-al-maliki" && e.e.NameAr != "نوري المالكي" {
			t.Errorf("Maliki name_ar %q", e.e.NameAr)
		}
	}
}

// TestDataFiles checks the data files as the binary embeds them.
func TestDataFiles(t *testing.T) {
	l, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	owner := map[string][]string{}
	ids := map[string]bool{}
	for _, e := range l.Entries() {
		ids[e.ID] = true
	}
	for _, e := range l.Entries() {
		if e.Type == "" {
			t.Errorf("%s: no type", e.ID)
		}
		if e.Parent != "" && !ids[e.Parent] {
			t.Errorf("%s: parent %q is not an entry", e.ID, e.Parent)
		}
		seen := map[string]bool{}
		for _, n := range append(e.Weak, e.Generic...) {
			seen[norm.Key(n)] = true // a weak or generic name is shared by design (عمّان, مجلس النواب)
		}
		for _, n := range append([]string{e.Name, e.NameAr}, e.Aliases...) {
			k := norm.Key(n)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			owner[k] = append(owner[k], e.ID)
		}
		for _, r := range e.Roles {
			for _, d := range []string{r.From, r.To} {
				if d != "" && parseDate(strings.ReplaceAll(d, "-", "")) != d {
					t.Errorf("%s: role %q date %q", e.ID, r.Title, d)
				}
			}
		}
	}
	var clashes []string
	for k, ids := range owner {
		if len(ids) > 1 {
			sort.Strings(ids)
			clashes = append(clashes, k+": "+strings.Join(ids, ", "))
		}
	}
	sort.Strings(clashes)
	for _, c := range clashes {
		t.Errorf("name shared by different entries: %s", c)
	}

	text := "مصطفى الكاظمي قاسم الأعرجي ماثيو تولر حيدر حميد إبراهيم رئيسي جو بايدن دونالد ترامب الحشد الشعبي تنظيم داعش كتائب حزب الله عصائب أهل الحق"
	found := map[string]bool{}
	for _, m := range l.Match(norm.Tokens(text)) {
		found[m.Entry.ID] = true
	}
	for _, id := range []string{"mustafa-al-kadhimi", "qasim-al-araji", "matthew-tueller", "haidar-hamid", "ebrahim-raisi",
		"joe-biden", "donald-trump", "popular-mobilization-forces", "islamic-state", "kataib-hezbollah", "asaib-ahl-al-haq"} {
		if !found[id] {
			t.Errorf("%s not found in the seed text (found %v)", id, found)
		}
	}
	for _, tc := range []struct{ text, id string }{
		{"رئيس الوزراء محمد شياع السوداني", "mohammed-shia-al-sudani"},
		{"محافظة نينوى", "nineveh-governorate"},
		{"في الناصرية", "nasiriyah"},
		{"Prime Minister Haider al-Abadi", "haider-al-abadi"},
		{"الحرس الثوري الإيراني", "irgc"},
		{"Bashar al-Assad", "bashar-al-assad"},
		{"Hoshyar Zebari", "hoshyar-zebari"},
	} {
		ms := l.Match(norm.Tokens(tc.text))
		ok := false
		for _, m := range ms {
			ok = ok || m.Entry.ID == tc.id
		}
		if !ok {
			t.Errorf("%q: %s not found", tc.text, tc.id)
		}
	}
}

// TestCuratedReplacementsKeepCore checks that 20-iraq entries replacing
// 10-core ones keep the core's names and aliases (adjectives aside).
func TestCuratedReplacementsKeepCore(t *testing.T) {
	core, err := readData("10-core.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	iraq, err := readData("20-iraq.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*lexicon.Entry{}
	for _, e := range iraq {
		byID[e.ID] = e
	}
	for _, c := range core {
		e := byID[c.ID]
		if e == nil {
			continue
		}
		if e.Name != c.Name || e.NameAr != c.NameAr || e.Wikidata != c.Wikidata || e.Type != c.Type {
			t.Errorf("%s: names changed", c.ID)
		}
		kept := map[string]bool{}
		for _, a := range append(e.Aliases, e.Adjectives...) {
			kept[a] = true
		}
		for _, a := range c.Aliases {
			if !kept[a] {
				t.Errorf("%s: core alias %q dropped", c.ID, a)
			}
		}
	}
}

func readData(name string) ([]*lexicon.Entry, error) {
	f, err := os.Open(filepath.Join("..", "data", name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return lexicon.Read(f, name)
}

// importErrors are records, abridged from the Phoenix files, that the
// converter once got wrong (issue 14): a gloss read as an acronym, a common
// noun as an alias, people typed as organisations, a title inside a name,
// a director's name on his organisation.
const importErrors = `BLACK_PANTHERS_(WEST_BANK/GAZA)_ [MEAREB] #  kkl 21 Mar 13

TANZIM_ [MEAREB] #  kkl 21 Mar 13
+ORGANIZATION_

OSAMA_BIN_LADEN_
+USAMA_BIN_LADEN
+BIN_LADEN
	[IMGMUSALQ] # Date range to limit historical articles?
AYMAN_AL_ZAWAHIRI
+AL_ZAWAHIRI
	[IMGMUSALQ]

ABU_MOHAMMAD_AL_JAWLANI_  # 
+ABU_MOHAMMAD_AL-GOLANI_
	[SYRREBMUS]
ABU_TALHA [IMGMUSALQ]

BORIS_YELTSIN_  # CountryInfo.txt
BORIS_N._YELTSIN
PRESIDENT_YELTSIN
RUSSIAN_PRESIDENT_YELTSIN
	[RUSELI 490101-910710]
	[RUSGOV 910710-991231]
AHMED_DARWISH_  # the soccer player's more famous
	[---]
AHMED_EL_AMAWY_  # CountryInfo.txt
	[EGYGOVLAB 030101-060131]
MUHAJIRIN_WA-ANSAR_ALLIANCE
SARAYAT_AL-QUDS
ABU_ABDUL_'AZIZ_AL-QATARI
	[SYRREBMUS]
SYRIAN_OBSERVATORY_FOR_HUMAN_RIGHTS_ # 
+RAMI_ABDULRAHMAN_
	[SYROPPHRI >20120101]

UN_SECRETARY_GENERAL [IGOUNO]
ABDUL_TURQ__ [IMGMUS] # MleH 10 Aug 2009
UN_RESIDENT_	[IGOUNO] #MleH 22 Jul 2009# NGO_Actors
`

func TestImportErrors(t *testing.T) {
	recs, err := parseDict(strings.NewReader(importErrors), "x")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*lexicon.Entry{}
	for _, cd := range convertEnglish(recs, "x", &counts{}) {
		byID[cd.e.ID] = cd.e
	}
	typ := func(id string) string {
		if e := byID[id]; e != nil {
			return e.Type
		}
		return "absent"
	}
	for id, want := range map[string]string{
		"osama-bin-laden": "person", "ayman-al-zawahiri": "person", "abu-mohammad-al-jawlani": "person",
		"abu-talha":                           "absent", // a bare kunya names no one for sure
		"boris-yeltsin":                       "person",
		"russian-president-yeltsin":           "absent",
		"ahmed-el-amawy":                      "person", // not merged into the code-less record before it
		"abu-abdul-aziz-al-qatari":            "person", // the last of a code block shared by separate actors
		"muhajirin-wa-ansar-alliance":         "absent",
		"syrian-observatory-for-human-rights": "organization",
		"black-panthers":                      "organization",
		"tanzim":                              "organization",
		"un-secretary-general":                "absent", // an office, not an organisation
		"un-resident":                         "absent", // an office too (the UN resident coordinator)
	} {
		if got := typ(id); got != want {
			t.Errorf("%s: %s, want %s", id, got, want)
		}
	}
	for id, bad := range map[string]string{
		"black-panthers": "WEST", "tanzim": "Organization", "syrian-observatory-for-human-rights": "Rami Abdulrahman",
	} {
		if e := byID[id]; e != nil && contains(e.Aliases, bad) {
			t.Errorf("%s has the alias %q", id, bad)
		}
	}
	// A compound given name alone names no one for sure: weak.
	if a := byID["abdul-turq"]; a == nil || !contains(a.Weak, "Abdul Turq") {
		t.Errorf("Abdul Turq: %+v, want the name weak", a)
	}
	if y := byID["boris-yeltsin"]; y == nil || !contains(y.Aliases, "Boris N. Yeltsin") || len(y.Roles) != 2 {
		t.Errorf("Yeltsin: %+v", y)
	}
}
