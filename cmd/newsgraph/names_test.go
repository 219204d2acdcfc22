package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneUnknownPerson ingests one person the lexicon does not know, named
// five ways (testdata/names/one-unknown-person.jsonl, a copy of
// ../shared/cases/inputs/names/): with a title, with a job title after the
// name, with a clitic (بكريم), by surname alone after the full name, and in
// English. Each script must give one node, named without the title, the
// job title or the clitic, with every mention counted.
func TestOneUnknownPerson(t *testing.T) {
	dir := t.TempDir()
	fixture, _ := filepath.Abs("testdata/names/one-unknown-person.jsonl")
	ng(t, dir, 0, "ingest", "--quiet", fixture)
	type row struct {
		ID, Name string
		NameAr   string `json:"name_ar"`
		Type     string
		Articles int
		Mentions int
	}
	people := func(args ...string) (map[string]row, string) {
		t.Helper()
		r := ng(t, dir, 0, append(args, "query", "centrality", "--metric", "articles", "--top", "0", "--format", "json")...)
		var rows []row
		if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
			t.Fatalf("centrality json: %v\n%s", err, r.stdout)
		}
		out := map[string]row{}
		for _, e := range rows {
			if e.Type == "person" {
				out[e.ID] = e
			}
		}
		return out, r.stdout
	}

	// As stored: one node in each script.
	stored, out := people("--no-cluster")
	// v1, v2, v4, v8; v8 names him twice (بكريم حداد, then حداد).
	if e := stored["person:كريم-حداد"]; e.NameAr != "كريم حداد" || e.Articles != 4 || e.Mentions != 5 {
		t.Errorf("Arabic node %+v, want كريم حداد in 4 articles, 5 mentions", e)
	}
	// v7: Karim Haddad, then Haddad.
	if e := stored["person:karim-haddad"]; e.Name != "Karim Haddad" || e.Articles != 1 || e.Mentions != 2 {
		t.Errorf("English node %+v, want Karim Haddad in 1 article, 2 mentions", e)
	}
	if len(stored) != 2 {
		t.Errorf("people %v, want one node in each script:\n%s", stored, out)
	}

	// Read (clustered, the default): the transliterations agree
	// (graph/translit), so the two are one node across scripts, the
	// Arabic one with more articles representing both: 5 articles, 7
	// mentions.
	merged, out := people()
	if e, ok := merged["person:كريم-حداد"]; len(merged) != 1 || !ok || e.Articles != 5 || e.Mentions != 7 {
		t.Errorf("people %v, want one node, person:كريم-حداد in 5 articles, 7 mentions:\n%s", merged, out)
	}
	r := ng(t, dir, 0, "query", "entity", "Karim Haddad")
	if want := "merges 2 IDs: person:karim-haddad, person:كريم-حداد"; !strings.Contains(r.stdout+r.stderr, want) {
		t.Errorf("query entity \"Karim Haddad\" lacks %q:\n%s%s", want, r.stderr, r.stdout)
	}
}
