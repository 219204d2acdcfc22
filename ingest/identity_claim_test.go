package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// TestRunLinkCannotClaimAnotherSource checks issue 22's item 5: an
// article's link becomes its ID only where its input speaks for the link's
// site. A feed served from one site keeps an item's link to another site as
// its URL but scopes its ID to the feed; a saved page (a file, which speaks
// for no site) whose canonical link names an article fetched from that
// link's site does not replace it; and a file that replaces an article
// stored from another file is reported with both inputs.
func TestRunLinkCannotClaimAnotherSource(t *testing.T) {
	const body = "Mustafa al-Kadhimi met Joe Biden in Washington on Monday to discuss the future of the coalition."
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><link>%[1]s/</link>
<item><title>Own</title><link>%[1]s/news/1</link><description>%[2]s</description></item>
<item><title>Claimed</title><link>https://www.bbc.co.uk/news/2</link><description>Ebrahim Raisi visited Baghdad.</description></item>
</channel></rss>`, srv.URL, body)
	}))
	defer srv.Close()
	feed := srv.URL + "/rss.xml"
	own := read.NormalizeURL(srv.URL + "/news/1") // 127.0.0.1:PORT/news/1

	s := newStore(t)
	var p problems
	st := run(t, s, ingest.Options{Read: read.ReadOptions{Problem: p.add}}, feed)
	claimed := feed + "#bbc.co.uk/news/2"
	if got, want := storedIDs(t, s), []string{own, claimed}; !slices.Equal(got, want) {
		t.Errorf("feed stored %q, want %q: the other site's link scoped to the feed", got, want)
	}
	if st.New != 2 || len(p.list) != 1 || !p.list[0].Warning ||
		!strings.Contains(p.list[0].Error(), "1 articles link to another site than 127.0.0.1") {
		t.Errorf("feed: new %d, problems %q; want 2 and one warning naming the feed's site", st.New, p.list)
	}

	// A saved page claiming the feed's own article: kept apart.
	dir := t.TempDir()
	page := writeCorpus(t, dir, "page.html", `<html><head><title>Forged</title><link rel="canonical" href="`+srv.URL+`/news/1"></head>
<body><article><p>Forged text that claims to be the article of another site, long enough for readability to keep it as the main text of the page.</p></article></body></html>`)
	p = problems{}
	st = run(t, s, ingest.Options{Read: read.ReadOptions{Problem: p.add}}, page)
	scoped := page + "#" + own // sorts first: the temporary folder is an absolute path
	if got, want := storedIDs(t, s), []string{scoped, own, claimed}; !slices.Equal(got, want) {
		t.Errorf("after the page, stored %q, want %q", got, want)
	}
	wantWarn := page + ": link " + own + " is the ID of an article fetched from " + feed + ", which this input cannot replace; stored under " + scoped
	if st.New != 1 || st.Changed != 0 || len(p.list) != 1 || p.list[0].Error() != wantWarn {
		t.Errorf("page: new %d changed %d, problems %q; want 1, 0, %q", st.New, st.Changed, p.list, wantWarn)
	}

	// Two files claiming one link replace each other, with a word, even
	// when only the title differs (a body this long is the text's
	// fingerprint alone, read.TextFingerprint).
	long := strings.Repeat(body+" ", 3)
	a := writeCorpus(t, dir, "a.jsonl", `{"url":"https://example.org/n/3","title":"three","body":"`+long+`"}`)
	b := writeCorpus(t, dir, "b.jsonl", `{"url":"https://example.org/n/3","title":"three, updated","body":"`+long+`"}`)
	run(t, s, ingest.Options{}, a)
	p = problems{}
	st = run(t, s, ingest.Options{Read: read.ReadOptions{Problem: p.add}}, b)
	wantWarn = b + ":1: article ID example.org/n/3 was stored from " + a + " with other content; replaced by this one"
	if st.Changed != 1 || len(p.list) != 1 || p.list[0].Error() != wantWarn {
		t.Errorf("replace: changed %d, problems %q; want 1, %q", st.Changed, p.list, wantWarn)
	}
}

// TestRunForeignLinkRenamesEarlierID checks the upgrade of a store that an
// earlier release wrote, where a fetched feed's item linking to another
// site had that link as its ID: the next run moves it to the scoped ID
// (Stats.Renamed) rather than keeping both.
func TestRunForeignLinkRenamesEarlierID(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Agg</title>
<item><title>Claimed</title><link>https://www.bbc.co.uk/news/2</link><description>Ebrahim Raisi visited Baghdad.</description></item>
</channel></rss>`)
	}))
	defer srv.Close()
	feed := srv.URL + "/rss.xml"
	s := newStore(t)
	// As an earlier release stored it: the link as its ID, read from the feed.
	if err := s.Apply(context.Background(), []graph.Document{{Article: graph.Article{ID: "bbc.co.uk/news/2", Hash: "old", Input: feed}}}); err != nil {
		t.Fatal(err)
	}
	st := run(t, s, ingest.Options{}, feed)
	if got, want := storedIDs(t, s), []string{feed + "#bbc.co.uk/news/2"}; !slices.Equal(got, want) || st.Renamed != 1 {
		t.Errorf("stored %q, renamed %d; want %q, 1", got, st.Renamed, want)
	}
}
