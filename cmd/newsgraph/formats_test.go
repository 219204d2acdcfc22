package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestCSVAndAPICases ingests the CSV and JSON inputs of issue 12 as
// a user would: every CSV row is ingested or reported with its line, a
// semicolon-separated file is read, a news API's response gives its
// articles with the text of their descriptions.
func TestIngestCSVAndAPICases(t *testing.T) {
	cases, err := filepath.Abs("../../ingest/read/testdata/cases")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	quotes := filepath.Join(cases, "csv", "stray-and-unterminated-quotes.csv")
	r := ng(t, dir, 3, "ingest", "--quiet", quotes)
	if !strings.Contains(r.stdout, "4 read — 4 new") ||
		!strings.Contains(r.stderr, quotes+":4: unterminated quote") || !strings.Contains(r.stderr, "lines 5–6 (2 lines) are read as rows") {
		t.Errorf("ingest %s:\nstdout %s\nstderr %s", quotes, r.stdout, r.stderr)
	}

	semi := filepath.Join(cases, "csv", "semicolon-delimited.csv")
	r = ng(t, dir, 1, "ingest", "--quiet", "--delimiter", ",", semi)
	if !strings.Contains(r.stderr, "looks delimited by semicolons, not commas (pass --delimiter ';')") {
		t.Errorf("ingest --delimiter , of a semicolon file: stderr\n%s", r.stderr)
	}
	for _, args := range [][]string{{semi}, {"--delimiter", ";", semi}} {
		r = ng(t, dir, 0, append([]string{"ingest", "--quiet"}, args...)...)
		if !strings.Contains(r.stdout, "2 read") {
			t.Errorf("ingest %v: stdout\n%s", args, r.stdout)
		}
	}
	r = newsgraph(t, dir, "ingest", "--delimiter", ":", semi)
	if r.code != 2 || !strings.Contains(r.stderr, `--delimiter: unknown delimiter ":"`) {
		t.Errorf("--delimiter ':': exit %d, stderr %s", r.code, r.stderr)
	}

	dir = t.TempDir() // the API's articles alone
	api := filepath.Join(cases, "json", "news-api-response.json")
	r = ng(t, dir, 0, "ingest", "--quiet", api)
	if !strings.Contains(r.stdout, "2 read — 2 new") {
		t.Errorf("ingest %s: stdout\n%s", api, r.stdout)
	}
	r = ng(t, dir, 0, "stats")
	for _, source := range []string{"Example Wire", "Example Daily"} {
		if !strings.Contains(r.stdout, source) {
			t.Errorf("stats lacks the source %q:\n%s", source, r.stdout)
		}
	}
	// Raisi is named in the first article's description and cut content,
	// Sadr and Najaf only in the second's description.
	ng(t, dir, 0, "query", "path", "Kadhimi", "Raisi")
	ng(t, dir, 0, "query", "path", "Muqtada al-Sadr", "Najaf")
}
