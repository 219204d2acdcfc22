package main

import (
	"encoding/json"
	"path/filepath"
	"sort"
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
	r := ng(t, dir, 0, "query", "centrality", "--metric", "articles", "--top", "0", "--format", "json")
	var rows []struct {
		ID, Name string
		NameAr   string `json:"name_ar"`
		Type     string
		Articles int
		Mentions int
	}
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("centrality json: %v\n%s", err, r.stdout)
	}
	var people []string
	for _, e := range rows {
		if e.Type == "person" {
			people = append(people, e.ID)
		}
		switch e.ID {
		case "person:كريم-حداد":
			// v1, v2, v4, v8; v8 names him twice (بكريم حداد, then حداد).
			if e.NameAr != "كريم حداد" || e.Articles != 4 || e.Mentions != 5 {
				t.Errorf("Arabic node %+v, want كريم حداد in 4 articles, 5 mentions", e)
			}
		case "person:karim-haddad":
			// v7: Karim Haddad, then Haddad.
			if e.Name != "Karim Haddad" || e.Articles != 1 || e.Mentions != 2 {
				t.Errorf("English node %+v, want Karim Haddad in 1 article, 2 mentions", e)
			}
		}
	}
	sort.Strings(people)
	if strings.Join(people, " ") != "person:karim-haddad person:كريم-حداد" {
		t.Errorf("people %q, want one node in each script:\n%s", people, r.stdout)
	}
}
