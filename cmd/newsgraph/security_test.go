package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
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
	authorized := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pass, ok := r.BasicAuth(); ok && pass == secret {
			authorized++
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
	if authorized != 3 {
		t.Errorf("server saw the password %d times, want 3: the fetch must still send it", authorized)
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
