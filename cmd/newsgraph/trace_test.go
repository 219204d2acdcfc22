package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// The seed article as the store keeps it: no URL, so its ID is how a
// person finds it; "file" is the source the txt reader records.
const (
	seedArticle = "file:000_1959643b4c841efe.txt"
	seedTitle   = "تسلّم دعوة من الولايات المتحدة ...الكاظمي يلتقي بايدن قريباً: بحث إبعاد العراق عن الصراعات"
	// The seed's one sentence naming both Iraq and Raisi ("… between the
	// United States and Iraq … the Iranian Ebrahim Raisi …"), its start.
	iraqRaisiSentence = "ويرى مراقبون ومختصون أن الزيارة تأتي في سياق استكمال المشاورات بين الولايات المتحدة والعراق"
	kadhimiResolved   = "resolved: Kadhimi → Mustafa al-Kadhimi (مصطفى الكاظمي) [person, id mustafa-al-kadhimi]\n"
)

// TestEvidenceTraces checks that path, neighbors, relations and entity
// trace each answer to its article — date, source, URL or ID, and at the
// sentence level the sentence rather than the title — and say what the
// names resolved to without breaking piped output.
func TestEvidenceTraces(t *testing.T) {
	dir := t.TempDir()
	ng(t, dir, 0, "ingest", seedDir(t))

	// path, json: resolved names and every evidence field; at the sentence
	// level (Kadhimi → Iraq → Raisi) the sentence naming both ends.
	r := ng(t, dir, 0, "query", "path", "Kadhimi", "Raisi", "--edges", "sentence", "--format", "json")
	var pj struct {
		Resolved []resolvedName
		Hops     []struct {
			From, To string
			Evidence []struct {
				ArticleID                     string `json:"article_id"`
				Title, Date, Source, Sentence string
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &pj); err != nil {
		t.Fatalf("path json: %v\n%s", err, r.stdout)
	}
	if len(pj.Resolved) != 2 || pj.Resolved[0] != (resolvedName{"Kadhimi", "mustafa-al-kadhimi", "Mustafa al-Kadhimi", "مصطفى الكاظمي", "person"}) ||
		pj.Resolved[1].ID != "ebrahim-raisi" || r.stderr != "" {
		t.Errorf("path json resolved %+v, stderr %q", pj.Resolved, r.stderr)
	}
	if len(pj.Hops) != 2 || pj.Hops[1].From != "iraq" || len(pj.Hops[1].Evidence) != 1 {
		t.Fatalf("path json hops %+v", pj.Hops)
	}
	ev := pj.Hops[1].Evidence[0]
	if ev.ArticleID != seedArticle || ev.Date != "2021-07-11" || ev.Source != "file" || ev.Title != seedTitle ||
		!strings.HasPrefix(ev.Sentence, iraqRaisiSentence) || !strings.Contains(ev.Sentence, "إبراهيم رئيسي") {
		t.Errorf("path json evidence %+v", ev)
	}
	// path, table: the sentence, not the title; the ID, as there is no URL.
	r = ng(t, dir, 0, "query", "path", "Kadhimi", "Raisi", "--edges", "sentence", "--format", "table", "--width", "400")
	if !strings.HasPrefix(r.stdout, kadhimiResolved) || !strings.Contains(r.stdout, iraqRaisiSentence) ||
		!strings.Contains(r.stdout, "│ file   │ "+seedArticle+" │") || strings.Contains(r.stdout, seedTitle) {
		t.Errorf("path table at the sentence level:\n%s", r.stdout)
	}

	// neighbors, csv: the newest article of each link; resolved on stderr.
	r = ng(t, dir, 0, "query", "neighbors", "Raisi", "--edges", "sentence", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "rank,id,name,name_ar,type,articles,first,last,source,article_id,url,evidence" {
		t.Errorf("neighbors csv header %q", got)
	}
	found := false
	for _, row := range rows[1:] {
		if row[1] == "iraq" {
			found = true
			if row[8] != "file" || row[9] != seedArticle || row[10] != "" || !strings.HasPrefix(row[11], iraqRaisiSentence) {
				t.Errorf("neighbors csv row %q", row)
			}
		}
	}
	if !found || r.stderr != "resolved: Raisi → Ebrahim Raisi (إبراهيم رئيسي) [person, id ebrahim-raisi]\n" {
		t.Errorf("neighbors csv:\n%s\nstderr %q", r.stdout, r.stderr)
	}
	// neighbors, json: still an array; resolved on stderr.
	r = ng(t, dir, 0, "query", "neighbors", "Kadhimi", "--top", "2", "--format", "json")
	var nj []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &nj); err != nil || len(nj) != 2 || nj[0]["article_id"] != seedArticle || nj[0]["source"] != "file" ||
		r.stderr != kadhimiResolved {
		t.Errorf("neighbors json: %v\n%s\nstderr %q", err, r.stdout, r.stderr)
	}

	// relations --evidence: the other party's name, the source; the ID in
	// csv, not in the table.
	r = ng(t, dir, 0, "query", "relations", "Kadhimi", "--evidence", "--type", "meets", "--format", "csv")
	rows, err = csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "date,type,direction,other_id,other_name,article_id,source,url,title,sentence,trigger,trigger_start,confidence,pattern,text" {
		t.Errorf("relations --evidence csv header %q", got)
	}
	if len(rows) < 2 || rows[1][3] != "joe-biden" || rows[1][4] != "Joe Biden (جو بايدن)" || rows[1][5] != seedArticle || rows[1][6] != "file" {
		t.Errorf("relations --evidence csv:\n%s", r.stdout)
	}
	r = ng(t, dir, 0, "query", "relations", "Kadhimi", "--evidence", "--format", "table", "--width", "400")
	if strings.Contains(r.stdout, "joe-biden") || !strings.Contains(r.stdout, "Joe Biden (جو بايدن)") || !strings.HasPrefix(r.stdout, kadhimiResolved) {
		t.Errorf("relations --evidence table:\n%s", r.stdout)
	}

	// entity: names in the relation rows, IDs with --wide and in json.
	r = ng(t, dir, 0, "query", "entity", "Kadhimi", "--format", "table", "--width", "400")
	_, rels, _ := strings.Cut(r.stdout, "Typed relations")
	if !strings.HasPrefix(r.stdout, kadhimiResolved) || strings.Contains(rels, "joe-biden") || !strings.Contains(rels, "Joe Biden (جو بايدن)") ||
		!strings.Contains(rels, seedArticle) {
		t.Errorf("entity table:\n%s", r.stdout)
	}
	r = ng(t, dir, 0, "query", "entity", "Kadhimi", "--format", "table", "--width", "400", "--wide")
	if _, rels, _ = strings.Cut(r.stdout, "Typed relations"); !strings.Contains(rels, "│ joe-biden ") {
		t.Errorf("entity table --wide:\n%s", r.stdout)
	}
	r = ng(t, dir, 0, "query", "entity", "الكاظمي", "--format", "json")
	var ej struct {
		Resolved  resolvedName
		Relations []struct {
			OtherID     string `json:"other_id"`
			OtherName   string `json:"other_name"`
			OtherNameAr string `json:"other_name_ar"`
			ArticleID   string `json:"article_id"`
			Source      string
			Evidence    string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &ej); err != nil {
		t.Fatalf("entity json: %v\n%s", err, r.stdout)
	}
	if ej.Resolved != (resolvedName{"الكاظمي", "mustafa-al-kadhimi", "Mustafa al-Kadhimi", "مصطفى الكاظمي", "person"}) || len(ej.Relations) == 0 {
		t.Fatalf("entity json: %+v", ej)
	}
	// The seed's first relation row: Kadhimi meets Biden, in the title's
	// second sentence (see relations-seed.golden).
	if rel := ej.Relations[0]; rel.OtherID != "joe-biden" || rel.OtherName != "Joe Biden" || rel.OtherNameAr != "جو بايدن" ||
		rel.ArticleID != seedArticle || rel.Source != "file" || !strings.HasPrefix(rel.Evidence, "الكاظمي يلتقي بايدن") {
		t.Errorf("entity json relation %+v", rel)
	}
	// csv: one row of counts; resolved on stderr.
	r = ng(t, dir, 0, "query", "entity", "Kadhimi", "--format", "csv")
	if !strings.HasPrefix(r.stdout, "id,name,") || r.stderr != kadhimiResolved {
		t.Errorf("entity csv:\n%s\nstderr %q", r.stdout, r.stderr)
	}
}
