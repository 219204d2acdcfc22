package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

// TestUnicodeLookups ingests the unicode cases' inputs and their standard
// texts, each into its own SQLite store: an input and its standard text
// give the same entities, and in every store a name finds its entity
// however it is typed — Persian letters, decomposed, presentation forms,
// invisible characters.
func TestUnicodeLookups(t *testing.T) {
	cases, err := filepath.Abs("../../ingest/extract/testdata/cases/unicode")
	if err != nil {
		t.Fatal(err)
	}
	more := map[string][]struct{ name, id string }{
		"persian-keyboard-letters": {{"کرکوک", "kirkuk"}, {"ﻛﺮﻛﻮﻙ", "kirkuk"}, {"محافظۀ کرکوک", "kirkuk-governorate"}},
		"decomposed-nfd":           {{"ا\u0655سرا\u0626يل", "israel"}, {"ﺍﻟﺠﺰﺍﺋﺮ", "algeria"}, {"الكاظمی", "mustafa-al-kadhimi"}},
	}
	for _, name := range []string{"persian-keyboard-letters", "decomposed-nfd"} {
		var ids [][]string
		for _, file := range []string{name + ".txt", name + ".standard.txt"} {
			dir := t.TempDir()
			ng(t, dir, 0, "ingest", filepath.Join(cases, file))
			ids = append(ids, csvColumn(t, dir, "id", "query", "centrality"))
			lookups := []struct{ name, id string }{
				{"رئیسی", "ebrahim-raisi"},                   // Persian yeh
				{"رئيسي", "ebrahim-raisi"},                   // Arabic ya
				{"ري\u0654يسي", "ebrahim-raisi"},             // hamza as a mark
				{"ﺭﺋﻴﺴﻲ", "ebrahim-raisi"},                   // presentation forms
				{"\u200fرئي\u200cسي\u200f", "ebrahim-raisi"}, // direction marks, ZWNJ
				{"ابراهیم\u200bرئیسی", "ebrahim-raisi"},      // a zero-width space between the names
				{"ر\ufbfe\u0654يسي", "ebrahim-raisi"},        // Persian yeh in presentation form, hamza mark
				{"رۓيسي", "ebrahim-raisi"},                   // yeh barree with hamza
				{"رٸيسي", "ebrahim-raisi"},                   // high hamza yeh
				{"ر\u034fئيسي\ufe0f", "ebrahim-raisi"},       // grapheme joiner, variation selector
			}
			for _, tc := range append(lookups, more[name]...) {
				r := ng(t, dir, 0, "query", "entity", tc.name, "--format", "json")
				var e struct{ ID string }
				if err := json.Unmarshal([]byte(r.stdout), &e); err != nil || e.ID != tc.id {
					t.Errorf("%s: query entity %q: %v\n%s", file, tc.name, err, r.stdout)
				}
			}
		}
		if !reflect.DeepEqual(ids[0], ids[1]) || len(ids[0]) == 0 {
			t.Errorf("%s: entities %q, from the standard text %q", name, ids[0], ids[1])
		}
	}
}

// TestUnicodeBrokenWords ingests texts as users paste them — zero-width
// spaces inside words (HTML break opportunities, PDF copies), a phrase
// ligature after a name, hamza on a Persian yeh, transliteration
// apostrophes, tatweel in a Latin word — and wants the entities their
// standard spelling gives, no more and no fewer.
func TestUnicodeBrokenWords(t *testing.T) {
	const head = "زيارة\n2021-07-20\n"
	for _, tc := range []struct{ name, text, standard string }{
		{"zwsp inside words",
			"التقى الرئيس جو بايد\u200bن في واشن\u200bطن وفدا من ك\u200bتائب حزب الله.",
			"التقى الرئيس جو بايدن في واشنطن وفدا من كتائب حزب الله."},
		{"zwsp for spaces",
			"التقى\u200bالرئيس\u200bجو\u200bبايدن\u200bفي\u200bواشنطن\u200bوفدا\u200bمن\u200bكتائب\u200bحزب\u200bالله.",
			"التقى الرئيس جو بايدن في واشنطن وفدا من كتائب حزب الله."},
		{"zwsp between English names",
			"Prime Minister Mustafa\u200bal-Kadhimi met Joe\u200bBiden in Bagh\u200bdad.",
			"Prime Minister Mustafa al-Kadhimi met Joe Biden in Baghdad."},
		{"phrase ligature",
			"احتفل العراقيون بمولد النبي محمد ﷺ في كربلاء.",
			"احتفل العراقيون بمولد النبي محمد صلى الله عليه وسلم في كربلاء."},
		{"hamza on persian yeh",
			"التقى الرئيس الإيراني إبراهيم ر\ufbfe\u0654يسي وفدا من كتا\u06d3ب حزب الله.",
			"التقى الرئيس الإيراني إبراهيم رئيسي وفدا من كتائب حزب الله."},
		{"transliteration apostrophes",
			"Kata\u02bcib Hezbollah and Asa\u02bfib Ahl al-Haq attacked U\u0640S forces.",
			"Kata'ib Hezbollah and Asa'ib Ahl al-Haq attacked US forces."},
	} {
		var ids [][]string
		for i, text := range []string{tc.text, tc.standard} {
			dir := t.TempDir()
			file := filepath.Join(dir, fmt.Sprintf("article%d.txt", i))
			if err := os.WriteFile(file, []byte(head+text+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			ng(t, dir, 0, "ingest", file)
			ids = append(ids, csvColumn(t, dir, "id", "query", "centrality"))
		}
		sort.Strings(ids[0])
		sort.Strings(ids[1])
		if !reflect.DeepEqual(ids[0], ids[1]) || len(ids[1]) == 0 {
			t.Errorf("%s: entities %q, from the standard text %q", tc.name, ids[0], ids[1])
		}
	}
}
