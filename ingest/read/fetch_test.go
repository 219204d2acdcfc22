package read

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
)

func TestRedirectPolicy(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		target   string
		hops     int
		internal bool // the URL given was internal
		refused  bool
	}{
		{"http://203.0.113.7/feed", 0, false, false},
		{"https://203.0.113.7/feed", 9, false, false},
		{"https://203.0.113.7/feed", 10, false, true}, // MaxRedirects
		{"ftp://203.0.113.7/feed", 0, false, true},
		{"file:///etc/passwd", 0, true, true},
		{"http://127.0.0.1:8080/admin", 0, false, true},
		{"http://localhost/", 0, false, true},
		{"http://169.254.169.254/latest/meta-data/", 0, false, true}, // link-local: cloud metadata
		{"http://10.1.2.3/", 0, false, true},
		{"http://192.168.0.1/", 0, false, true},
		{"http://172.16.0.1/", 0, false, true},
		{"http://[::1]/", 0, false, true},
		{"http://[fd00::1]/", 0, false, true},
		{"http://[::ffff:127.0.0.1]/", 0, false, true},
		{"http://0.0.0.0/", 0, false, true},
		{"http://127.0.0.1:8080/next", 0, true, false}, // the URL given was internal
		{"http://10.1.2.3/", 3, true, false},
	} {
		u, err := url.Parse(tc.target)
		if err != nil {
			t.Fatal(err)
		}
		err = redirectPolicy(ctx, u, tc.hops, tc.internal)
		if refused := errors.Is(err, errRedirect); refused != tc.refused {
			t.Errorf("redirect to %s (hop %d, internal start %v): %v, want refused=%v", tc.target, tc.hops, tc.internal, err, tc.refused)
		}
	}
}

// TestFetchRedirects fetches from a local server: redirects among its own
// paths are followed (the URL given is loopback, so loopback targets are
// allowed), a redirect loop stops at MaxRedirects and a redirect to another
// scheme is refused, each with a problem naming the URL.
func TestFetchRedirects(t *testing.T) {
	feed, err := os.ReadFile("testdata/feeds/arabic-rss2.xml")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.Handle("/moved", http.RedirectHandler("/feed.rss", http.StatusMovedPermanently))
	mux.Handle("/loop", http.RedirectHandler("/loop", http.StatusFound))
	mux.Handle("/ftp", http.RedirectHandler("ftp://127.0.0.1/feed.rss", http.StatusFound))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, tc := range []struct {
		path     string
		articles int    // the feed's 2 readable items
		problem  string // "" for none
	}{
		{"/moved", 2, ""},
		{"/loop", 0, "stopped after 10 redirects"},
		{"/ftp", 0, "only http and https"},
	} {
		var problems []string
		n := 0
		err := Read(context.Background(), []string{srv.URL + tc.path}, ReadOptions{
			Problem: func(p Problem) {
				if !p.Warning && strings.HasPrefix(p.Reason, "fetch:") { // not the feed's empty item
					problems = append(problems, p.File+": "+p.Reason)
				}
			},
		}, func(Article) error { n++; return nil })
		if err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		if n != tc.articles {
			t.Errorf("%s: %d articles, want %d", tc.path, n, tc.articles)
		}
		joined := strings.Join(problems, "\n")
		switch {
		case tc.problem == "" && joined != "":
			t.Errorf("%s: problems %q, want none", tc.path, joined)
		case tc.problem != "" && (len(problems) != 1 || !strings.Contains(joined, tc.problem) || !strings.HasPrefix(joined, srv.URL+tc.path)):
			t.Errorf("%s: problems %q, want one for the URL saying %q", tc.path, joined, tc.problem)
		}
	}
}
