package read

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestReadCaseEncodings reads the two saved pages of the encoding case
// together, with and without an --encoding meant for other inputs: each
// is decoded by what it declares.
func TestReadCaseEncodings(t *testing.T) {
	want := map[string]string{
		"declared-utf8.html":         "الكاظمي يستقبل وفدا في بغداد",
		"declared-windows-1256.html": "الصدر يخطب في النجف",
	}
	for _, enc := range []string{"", "windows-1256", "windows-1252"} {
		arts, probs := readAll(t, ReadOptions{Encoding: enc}, "testdata/cases/html")
		if len(probs) != 0 {
			t.Errorf("--encoding %q: problems %v", enc, probs)
		}
		got := map[string]string{}
		for _, a := range arts {
			got[filepath.Base(a.Origin)] = a.Title
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("--encoding %q: titles %q, want %q", enc, got, want)
		}
	}
}

// TestReadFetched reads a feed and a page over HTTP: relative links resolve
// against the URL they were fetched from, and the Content-Type's charset
// decodes the page.
func TestReadFetched(t *testing.T) {
	page, err := charmap.Windows1256.NewEncoder().String(`<html><head><title>الصدر يخطب في النجف</title><link rel="canonical" href="/ar/1"></head>
<body><article><p>ألقى زعيم التيار الصدري مقتدى الصدر خطبة في مدينة النجف.</p></article></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	feed, err := os.ReadFile("testdata/cases/ids/site-b.rss")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1256")
		w.Write([]byte(page))
	})
	mux.HandleFunc("/rss/no-link.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<rss version="2.0"><channel><title>No link</title><item><title>t</title><link>news/1</link></item></channel></rss>`))
	})
	mux.HandleFunc("/rss/relative-link.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<rss version="2.0"><channel><title>Relative link</title><link>/ar/</link><item><title>t2</title><link>news/2</link></item></channel></rss>`))
	})
	mux.HandleFunc("/site-b.rss", func(w http.ResponseWriter, r *http.Request) { w.Write(feed) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	arts, probs := readAll(t, ReadOptions{}, srv.URL+"/page", srv.URL+"/rss/no-link.xml", srv.URL+"/rss/relative-link.xml", srv.URL+"/site-b.rss")
	// site-b.rss, served here, links to b.example.net: its links are
	// no IDs (issue 22, item 5).
	if len(probs) != 1 || !strings.HasSuffix(fmt.Sprint(probs[0]), "site-b.rss: 2 articles link to another site than 127.0.0.1: their links are kept as URLs, not as IDs (which would replace that site's articles); IDs are the links scoped to this input") {
		t.Errorf("problems %v, want the warning about site-b.rss's links", probs)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	var got, ids []string
	for _, a := range arts {
		got = append(got, a.URL+" "+a.Title+" "+strings.ReplaceAll(a.Source, host, "HOST"))
		ids = append(ids, strings.ReplaceAll(a.ID, host, "HOST"))
	}
	wantIDs := []string{"HOST/page", "HOST/rss/news/1", "HOST/ar/news/2",
		"http://HOST/site-b.rss#b.example.net/news/1", "http://HOST/site-b.rss#b.example.net/news/2?id=7"}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("IDs\n got %q\nwant %q", ids, wantIDs)
	}
	want := []string{
		// a fetched page is named by its URL, not its canonical link
		srv.URL + "/page الصدر يخطب في النجف HOST",
		// a feed without a link is named by its title
		srv.URL + "/rss/news/1 t No link",
		// a relative channel link is resolved against the feed's URL
		srv.URL + "/ar/news/2 t2 HOST",
		// the channel link wins over the URL the feed came from
		"https://b.example.net/news/1 Erdogan meets Salih b.example.net",
		"https://b.example.net/news/2?id=7 Basra protests b.example.net",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("articles\n got %q\nwant %q", got, want)
	}
}
