package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
)

// TestUnicodeLookups ingests the unicode cases' inputs and their standard
// texts, each into its own SQLite store: an input and its standard text
// give the same entities, and in every store a name finds its entity
// however it is typed — Persian letters, decomposed, presentation forms,
// invisible characters.
func TestUnicodeLookups(t *testing.T) {
	cases, err := filepath.Abs("../../ingest/testdata/cases/unicode")
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
