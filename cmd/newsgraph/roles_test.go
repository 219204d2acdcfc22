package main

import (
	"encoding/csv"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestFormerOfficeHolders ingests testdata/cases/roles (copied from
// ../shared/cases/inputs/roles) into a fresh store: "Former Iranian
// President Hassan Rouhani" and "رئيس الوزراء الأسبق نوري المالكي" name
// Rouhani and al-Maliki only — never Raisi or al-Kadhimi, who held the
// offices on the articles' date (2021-09-01) — and the places beside them.
func TestFormerOfficeHolders(t *testing.T) {
	dir := t.TempDir()
	in, err := filepath.Abs("testdata/cases/roles/former-office-holder.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	ng(t, dir, 0, "ingest", in)
	r := ng(t, dir, 0, "query", "centrality", "--top", "0", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range rows[1:] {
		got = append(got, row[1]+" "+row[4])
	}
	sort.Strings(got)
	// r1: Rouhani, Iran (the adjective Iranian), Tehran; r4: al-Maliki,
	// Baghdad, and the government (الحكومة is no name: nothing).
	want := []string{"baghdad location", "hassan-rouhani person", "iran location", "nouri-al-maliki person", "tehran location"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entities:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
