package read

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestFetchTrickleCutInTotal serves each format a byte at a time, a byte
// every few milliseconds and never an end (issue 17, item 4: "a URL that
// trickles is cut at --timeout in total, not per read"). No read ever
// waits long, so only a deadline on the whole fetch ends it: the test
// returning at all is the check, and each URL is reported once as cut
// short, with what was read before kept.
func TestFetchTrickleCutInTotal(t *testing.T) {
	heads := map[string]string{
		"/feed.rss":  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>`,
		"/a.jsonl":   `{"id":"1","source":"s","title":"one","body":"Body one."}` + "\n" + `{"id":"2","title":"`,
		"/page.html": `<html><head><title>t</title></head><body><article><p>`,
		"/a.csv":     "title,body\none,Body one.\ntwo,\"",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(heads[r.URL.Path]))
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			w.Write([]byte("x"))
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-tick.C:
			}
		}
	}))
	defer srv.Close()

	for _, tc := range []struct {
		path     string
		articles int
		at       string // where the reader says it stopped
	}{
		{"/feed.rss", 0, ""},
		{"/a.jsonl", 1, ":2"},
		{"/page.html", 0, ""},
		{"/a.csv", 1, ":3"},
	} {
		path := tc.path
		var articles int
		var probs []string
		var incomplete []string
		err := Read(context.Background(), []string{srv.URL + path}, ReadOptions{
			Timeout:    200 * time.Millisecond,
			Problem:    func(p Problem) { probs = append(probs, p.Error()) },
			Incomplete: func(in string) { incomplete = append(incomplete, in) },
		}, func(Article) error { articles++; return nil })
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		want := srv.URL + path + tc.at + ": fetch: body not read within 200ms"
		if articles != tc.articles || len(probs) != 1 || probs[0] != want || len(incomplete) != 1 {
			t.Errorf("%s: %d articles, problems %q, incomplete %q; want %d, [%q], the URL", path, articles, probs, incomplete, tc.articles, want)
		}
	}
}
