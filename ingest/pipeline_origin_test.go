package ingest

import "testing"

// TestOriginProblem checks that each reader's Origin is split into the
// problem's file and line or record.
func TestOriginProblem(t *testing.T) {
	for _, tc := range []struct {
		origin, file string
		line, record int
	}{
		{"/c/a.jsonl:3", "/c/a.jsonl", 3, 0},       // a JSON line, a CSV row
		{"/c/a.json: record 2", "/c/a.json", 0, 2}, // a JSON array's record
		{"/c/feed.xml#4", "/c/feed.xml", 0, 4},     // a feed's item
		{"/c/page.html", "/c/page.html", 0, 0},     // a page, a text file
		{"https://example.org/a.jsonl:7", "https://example.org/a.jsonl", 7, 0},
		{"https://example.org:8080", "https://example.org:8080", 0, 0}, // a port, not a line
		{"/c/a:b.txt", "/c/a:b.txt", 0, 0},
		{"/c/x.jsonl:+3", "/c/x.jsonl:+3", 0, 0},
		{"stdin:5", "stdin", 5, 0},
	} {
		p := originProblem(tc.origin, "r", false)
		if p.File != tc.file || p.Line != tc.line || p.Record != tc.record || p.Reason != "r" {
			t.Errorf("%q: %+v, want file %q line %d record %d", tc.origin, p, tc.file, tc.line, tc.record)
		}
	}
}
