package main

import (
	"database/sql"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestCredentialsRedacted ingests feeds and a page from URLs that carry a
// user name and password, one of them failing, and checks that the password
// reaches no output: not stderr, stdout, the --errors file, the run history
// (runs), query output, nor any byte of the store's files (issue 22, item 3).
func TestCredentialsRedacted(t *testing.T) {
	const secret = "s3cr3t-PASS"
	feed, err := os.ReadFile("../../ingest/read/testdata/feeds/arabic-rss2.xml")
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("../../ingest/read/testdata/html/english-jsonld.html")
	if err != nil {
		t.Fatal(err)
	}
	var authorized atomic.Int64 // the server's goroutines count, the test reads
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pass, ok := r.BasicAuth(); ok && pass == secret {
			authorized.Add(1)
		}
		switch r.URL.Path {
		case "/feed.rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(feed)
		case "/page.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	base := strings.Replace(srv.URL, "http://", "http://reader:"+secret+"@", 1)

	dir := t.TempDir()
	errs := filepath.Join(dir, "errors.jsonl")
	var runs []run
	runs = append(runs, newsgraph(t, dir, "ingest", "--errors", errs, base+"/feed.rss", base+"/page.html", base+"/missing.rss"))
	if runs[0].code != 3 {
		t.Fatalf("ingest exit %d, want 3 (one URL failed)\n%s", runs[0].code, runs[0].stderr)
	}
	if n := authorized.Load(); n != 3 {
		t.Errorf("server saw the password %d times, want 3: the fetch must still send it", n)
	}
	runs = append(runs,
		newsgraph(t, dir, "ingest", "--json", "--errors", errs+"2", base+"/missing.rss"),
		newsgraph(t, dir, "runs"),
		newsgraph(t, dir, "runs", "--json"),
		newsgraph(t, dir, "query", "timeline", "--format", "json"),
		newsgraph(t, dir, "export", "--format", "json"),
	)
	for i, r := range runs {
		if strings.Contains(r.stdout+r.stderr, secret) {
			t.Errorf("run %d leaks the password:\nstdout: %s\nstderr: %s", i, r.stdout, r.stderr)
		}
	}
	if !strings.Contains(runs[0].stderr, "reader:xxxxx@127.0.0.1") {
		t.Errorf("ingest stderr does not name the failed URL redacted:\n%s", runs[0].stderr)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), secret) {
			t.Errorf("%s holds the password", e.Name())
		}
	}
	if b, _ := os.ReadFile(errs); !strings.Contains(string(b), "reader:xxxxx@") {
		t.Errorf("--errors file does not name the failed URL redacted:\n%s", b)
	}
}

func TestPrintable(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Biden and Kadhimi", "Biden and Kadhimi"},
		{"بايدن والكاظمي", "بايدن والكاظمي"},
		{"\x1b]0;pwn\x07title", `\x1b]0;pwn\x07title`},
		{"a\nskipped: forged", `a\nskipped: forged`},
		{"cr\rtab\tdel\x7f", `cr\rtab\tdel\x7f`},
		{"c1 \u009b31m", `c1 \u009b31m`},
		{"\u200fRLM kept", "\u200fRLM kept"}, // a right-to-left mark is text, not control
	} {
		if got := printable(tc.in); got != tc.want {
			t.Errorf("printable(%q) = %q, want %q", tc.in, got, tc.want)
		}
		// A table cell keeps its line breaks, and only those.
		want := strings.ReplaceAll(tc.want, `\n`, "\n")
		if got := printableCell(tc.in); got != want {
			t.Errorf("printableCell(%q) = %q, want %q", tc.in, got, want)
		}
	}
}

// TestControlCharactersEscaped ingests an article whose title retitles a
// terminal (ESC ]0;pwn BEL) and a file whose name holds a newline that would
// forge a "skipped:" line, and checks that tables, markdown and messages
// show them escaped while CSV and JSON keep the data (issue 22, item 6).
func TestControlCharactersEscaped(t *testing.T) {
	dir := t.TempDir()
	const evil = "\x1b]0;pwn\x07"
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"1","source":"s","title":"`+`\u001b]0;pwn\u0007 Biden meets Kadhimi","body":"Joe Biden met Mustafa al-Kadhimi in Baghdad."}
{"id":"2","source":"s","title":"Biden and Kadhimi again","body":"Joe Biden met Mustafa al-Kadhimi in Washington."}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	forged := filepath.Join(dir, "x\nskipped: forged.txt")
	if err := os.WriteFile(forged, nil, 0o644); err != nil { // empty: a problem names it
		t.Fatal(err)
	}
	r := newsgraph(t, dir, "ingest", in, forged)
	if strings.ContainsAny(r.stderr, "\x1b\x07") {
		t.Errorf("ingest stderr holds raw control characters: %q", r.stderr)
	}
	for _, line := range strings.Split(r.stdout+r.stderr, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "skipped: forged") {
			t.Errorf("a file name forged a line: %q\n%s%s", line, r.stdout, r.stderr)
		}
	}
	if !strings.Contains(r.stdout+r.stderr, `x\nskipped: forged.txt`) {
		t.Errorf("the empty file is not reported by its escaped name:\n%s%s", r.stdout, r.stderr)
	}
	for _, format := range []string{"table", "markdown"} {
		r := newsgraph(t, dir, "query", "path", "--format", format, "Biden", "Kadhimi")
		if r.code != 0 {
			t.Fatalf("path --format %s: exit %d\n%s", format, r.code, r.stderr)
		}
		if strings.ContainsAny(r.stdout, "\x1b\x07") {
			t.Errorf("path --format %s prints raw control characters:\n%q", format, r.stdout)
		}
		if !strings.Contains(strings.ReplaceAll(r.stdout, `\`, ""), `x1b]0;pwnx07`) { // markdown escapes "\" and "]"
			t.Errorf("path --format %s does not show the title escaped:\n%s", format, r.stdout)
		}
	}
	for _, format := range []string{"csv", "json"} {
		r := newsgraph(t, dir, "query", "path", "--format", format, "Biden", "Kadhimi")
		out := r.stdout
		if format == "json" {
			out = strings.ReplaceAll(strings.ReplaceAll(out, `\u001b`, "\x1b"), `\u0007`, "\x07")
		}
		if !strings.Contains(out, evil) {
			t.Errorf("path --format %s does not keep the title as it is:\n%q", format, r.stdout)
		}
	}
}

// TestTimelineImplausibleStoredDate queries the timeline of a store that an
// older newsgraph wrote with an article dated 9999-12-31: the timeline spans
// the plausible dates only and a note says what was left out (issue 22,
// item 7: 416,301 weekly lines).
func TestTimelineImplausibleStoredDate(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"1","source":"s","title":"Biden and Kadhimi","body":"Joe Biden met Mustafa al-Kadhimi.","date":"2021-07-05"}
{"id":"2","source":"s","title":"Biden and Kadhimi again","body":"Joe Biden met Mustafa al-Kadhimi again.","date":"2021-07-26"}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := newsgraph(t, dir, "ingest", in); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "graph.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE articles SET published = '9999-12-31T00:00:00Z' WHERE id = 's:2'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	r := newsgraph(t, dir, "query", "timeline", "--per", "week", "--format", "csv", "Biden")
	if r.code != 0 {
		t.Fatalf("timeline: exit %d\n%s", r.code, r.stderr)
	}
	// Header and the one plausible week, 2021-W27.
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "2021-W27,") {
		t.Errorf("timeline of a store holding 9999-12-31: %d lines, want the header and 2021-W27\n%.500s", len(lines), r.stdout)
	}
	if !strings.Contains(r.stderr, "1 article of Joe Biden dated before 1900 or over a year after today") {
		t.Errorf("no note on the implausible date:\n%s", r.stderr)
	}
}
