package read

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// feedItems reads a feed with readFeed and returns what it handed on and
// reported.
func feedItems(t *testing.T, data []byte, src string, max int) ([]Article, []Problem) {
	t.Helper()
	var arts []Article
	var probs []Problem
	opts := ReadOptions{MaxArticleBytes: max, Problem: func(p Problem) { probs = append(probs, p) }}
	err := readFeed(context.Background(), bytes.NewReader(data), src, "", "", opts, func(a Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatalf("readFeed(%s): %v", src, err)
	}
	return arts, probs
}

// sameArticles compares articles field by field, times by instant.
func sameArticles(t *testing.T, got, want []Article) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d articles, want %d:\n%+v", len(got), len(want), got)
		return
	}
	for i := range got {
		g, w := got[i], want[i]
		if !g.Published.Equal(w.Published) {
			t.Errorf("article %d: published %v, want %v", i+1, g.Published, w.Published)
		}
		g.Published, w.Published = time.Time{}, time.Time{}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("article %d:\n got %+v\nwant %+v", i+1, g, w)
		}
	}
}

func TestReadFeed(t *testing.T) {
	const site = "https://www.akhbar-alyawm.example/news/2024/5/"
	item1 := Article{
		URL:       site + "12/1001",
		Source:    "www.akhbar-alyawm.example",
		Title:     "وزير الخارجية المصري يلتقي نظيره الأردني في عمّان",
		Published: time.Date(2024, 5, 12, 9, 30, 0, 0, time.UTC), // as written, at +0300
		// gofeed reads no Arabic-Indic digits; ParseDate does.
		DateText: "Sun, ١٢ May ٢٠٢٤ ٠٩:٣٠:٠٠ +0300",
		// The description is escaped HTML: the <b> goes, its text stays.
		Body:   "بحث وزير الخارجية المصري سامح شكري مع نظيره الأردني أيمن الصفدي في عمّان تطورات الأوضاع في قطاع غزة.",
		Record: site + "12/1001",
		Origin: "arabic-rss2.xml#1",
	}
	item2 := Article{
		URL:       site + "13/1002",
		Source:    "www.akhbar-alyawm.example",
		Title:     "الأمم المتحدة تحذّر من أزمة غذاء في السودان",
		Published: time.Date(2024, 5, 13, 14, 5, 0, 0, time.UTC),
		DateText:  "Mon, 13 May 2024 14:05:00 GMT",
		// content:encoded wins over the teaser in <description>; one line a
		// paragraph, no script, &nbsp; made a space, the caption kept.
		Body: "حذّر برنامج الأغذية العالمي التابع لـالأمم المتحدة من أن ملايين الأشخاص في السودان يواجهون خطر المجاعة.\n" +
			"وقال المتحدث باسم البرنامج في جنيف إن القتال في دارفور يعيق وصول المساعدات.\n" +
			"قافلة مساعدات قرب الحدود التشادية",
		Record: "ar-1002",
		Origin: "arabic-rss2.xml#2",
	}
	for _, tc := range []struct {
		name  string
		file  string // under testdata/feeds
		data  string // when file is ""
		max   int
		want  []Article
		probs []Problem
	}{
		{
			name:  "arabic rss 2.0",
			file:  "arabic-rss2.xml",
			want:  []Article{item1, item2},
			probs: []Problem{{File: "arabic-rss2.xml", Record: 3, Reason: "feed item has neither title nor body"}},
		},
		{
			name: "english atom",
			file: "english-atom.xml",
			want: []Article{{
				URL:    "https://news.gulfwire.example/2024/06/oman-talks",
				Source: "news.gulfwire.example",
				// type="html": the escaped &amp; is one ampersand.
				Title:     "Oman hosts talks between Iran & the US",
				Published: time.Date(2024, 6, 1, 19, 30, 0, 0, time.UTC), // as written, at +04:00
				DateText:  "2024-06-01T19:30:00+04:00",
				Body: "Muscat hosted a new round of indirect talks between Iranian and American negotiators on Saturday.\n" +
					"Oman's foreign minister, Badr Albusaidi, carried messages between the delegations.",
				Record: "tag:gulfwire.example,2024:oman-talks",
				Origin: "english-atom.xml#1",
			}, {
				URL:       "https://news.gulfwire.example/2024/06/ceasefire-plan",
				Source:    "news.gulfwire.example",
				Title:     "Qatar and Egypt propose a new ceasefire plan",
				Published: time.Date(2024, 6, 2, 7, 0, 0, 0, time.UTC),
				DateText:  "2024-06-02T07:00:00Z", // no <published>: <updated> stands in
				Body:      "Mediators in Doha and Cairo sent a revised proposal to both sides.",
				Record:    "tag:gulfwire.example,2024:ceasefire-plan",
				Origin:    "english-atom.xml#2",
			}},
		},
		{
			name: "declared windows-1256",
			file: "windows-1256.xml",
			want: []Article{{
				URL:       "http://www.alsharq-daily.example/article/55",
				Source:    "www.alsharq-daily.example",
				Title:     "افتتاح معرض الكتاب في الرياض",
				Published: time.Date(2024, 9, 26, 0, 0, 0, 0, time.UTC),
				DateText:  "الخميس، 26 سبتمبر 2024",
				Body:      "افتتح معرض الرياض الدولي للكتاب أبوابه للزوار بمشاركة أكثر من ألفي دار نشر.",
				Record:    "55",
				Origin:    "windows-1256.xml#1",
			}},
		},
		{
			name: "Arabic month with a time of day; unreadable Hijri date kept as text",
			file: "unreadable-date.xml",
			want: []Article{{
				Source:    "نشرة المساء", // no channel link
				Title:     "ارتفاع أسعار النفط بعد قرار أوبك+",
				DateText:  "الأحد، 12 مايو 2024 09:30:00 +0300",
				Published: time.Date(2024, 5, 12, 9, 30, 0, 0, time.UTC), // as written
				// plain text: its line break is a paragraph break
				Body:   "ارتفعت أسعار خام برنت بنسبة اثنين في المئة.\nوقال محللون إن القرار كان متوقعاً.",
				Origin: "unreadable-date.xml#1",
				// its GUID would be scoped to the input: a title is no site
				localRecord: true,
			}, {
				Source:      "نشرة المساء",
				Title:       "Hijri-dated item",
				DateText:    "4 ذو القعدة 1445 هـ",
				Body:        "A date this reader refuses to convert.",
				Origin:      "unreadable-date.xml#2",
				localRecord: true,
			}},
			probs: []Problem{
				{File: "unreadable-date.xml", Record: 2, Reason: `date "4 ذو القعدة 1445 هـ" is a Hijri date (year 1445), not converted; stored as unknown`, Warning: true},
			},
		},
		{
			name:  "not a feed",
			file:  "not-a-feed.xml",
			probs: []Problem{{File: "not-a-feed.xml", Reason: "not an RSS or Atom feed: no <rss>, <rdf:RDF> or <feed> root element"}},
		},
		{
			name:  "html page",
			data:  "<!DOCTYPE html><html><body><p>hello</p></body></html>",
			probs: []Problem{{File: "inline", Reason: "not an RSS or Atom feed: no <rss>, <rdf:RDF> or <feed> root element"}},
		},
		{
			name:  "json feed",
			data:  `{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [{"id": "1", "content_text": "hi"}]}`,
			probs: []Problem{{File: "inline", Reason: "not an RSS or Atom feed: no <rss>, <rdf:RDF> or <feed> root element"}},
		},
		{
			name:  "empty",
			data:  "",
			probs: []Problem{{File: "inline", Reason: "not an RSS or Atom feed: no <rss>, <rdf:RDF> or <feed> root element"}},
		},
		{
			name:  "invalid utf-8",
			file:  "invalid-utf8.xml",
			probs: []Problem{{File: "invalid-utf8.xml", Reason: "declares utf-8 but is not valid UTF-8 (pass --encoding if you know its encoding, e.g. windows-1256 or windows-1252)"}},
		},
		{
			// item 1 is 273 bytes of title and body, item 2 is 470
			name:  "oversized item",
			file:  "arabic-rss2.xml",
			max:   400,
			want:  []Article{item1},
			probs: []Problem{{File: "arabic-rss2.xml", Record: 2, Reason: "item larger than 400 bytes"}, {File: "arabic-rss2.xml", Record: 3, Reason: "feed item has neither title nor body"}},
		},
		{
			name: "rss 1.0 (rdf)",
			data: `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF site</title><link>https://rdf.example/</link></channel>
  <item rdf:about="https://rdf.example/a"><title>First</title><link>https://rdf.example/a</link><dc:date>2024-03-01T10:00:00Z</dc:date></item>
</rdf:RDF>`,
			want: []Article{{
				URL: "https://rdf.example/a", Source: "rdf.example", Title: "First",
				Published: time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), DateText: "2024-03-01T10:00:00Z",
				Origin: "inline#1",
			}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, src := []byte(tc.data), "inline"
			if tc.file != "" {
				var err error
				if data, err = os.ReadFile(filepath.Join("testdata", "feeds", tc.file)); err != nil {
					t.Fatal(err)
				}
				src = tc.file
			}
			arts, probs := feedItems(t, data, src, tc.max)
			sameArticles(t, arts, tc.want)
			if !reflect.DeepEqual(probs, tc.probs) {
				t.Errorf("problems\n got %q\nwant %q", probs, tc.probs)
			}
		})
	}
}

func TestReadFeedStops(t *testing.T) {
	data, err := os.ReadFile("testdata/feeds/arabic-rss2.xml")
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	n := 0
	err = readFeed(context.Background(), bytes.NewReader(data), "f", "", "", ReadOptions{}, func(Article) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("fn's error: got %v after %d items, want stop after 1", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = readFeed(ctx, bytes.NewReader(data), "f", "", "", ReadOptions{}, func(Article) error {
		t.Error("fn called with ctx done")
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v, want context.Canceled", err)
	}
}

func TestHTMLToText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"two\n\nparagraphs  of   text\n", "two\nparagraphs of text"},
		{"AT&amp;T &lt;3", "AT&T <3"},
		{"5 < 6 and 7 > 2", "5 < 6 and 7 > 2"},
		{"<p>one</p><p>two<br>three</p>", "one\ntwo\nthree"},
		{"<div>قال <a href='/x'>الوزير</a> إن</div>", "قال الوزير إن"},
		{"a<style>p{color:red}</style>b<script>x()</script>c", "abc"},
		{"<ul><li>أ</li><li>ب</li></ul>", "أ\nب"},
		{"word<img src=x>word", "word word"},
		{"<p>unclosed", "unclosed"},
	} {
		if got := htmlToText(tc.in); got != tc.want {
			t.Errorf("htmlToText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSniffFeed(t *testing.T) {
	for _, tc := range []struct {
		head string
		want bool
	}{
		{`<rss version="2.0">`, true},
		{"\ufeff  \n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss>", true},
		{`<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><!-- generated --><feed xmlns="http://www.w3.org/2005/Atom">`, true},
		{`<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd"><rss version="0.91">`, true},
		{`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, true},
		{`<feed>`, true},
		{`<rss`, true},
		{`<feedback>`, false},
		{`<rsss>`, false},
		{`<?xml version="1.0"?><urlset>`, false},
		{`<!DOCTYPE html><html>`, false},
		{`<html><body><rss>`, false},
		{`<!-- unterminated comment <rss>`, false},
		{`{"items": []}`, false},
		{``, false},
	} {
		if got := sniffFeed([]byte(tc.head)); got != tc.want {
			t.Errorf("sniffFeed(%q) = %v, want %v", tc.head, got, tc.want)
		}
	}
	// Every feed fixture is sniffed as one.
	for _, name := range []string{"arabic-rss2.xml", "english-atom.xml", "windows-1256.xml", "unreadable-date.xml"} {
		b, err := os.ReadFile(filepath.Join("testdata", "feeds", name))
		if err != nil {
			t.Fatal(err)
		}
		if !sniffFeed(b[:min(len(b), 512)]) {
			t.Errorf("sniffFeed(%s) = false", name)
		}
	}
}

func FuzzReadFeed(f *testing.F) {
	for _, name := range []string{"arabic-rss2.xml", "english-atom.xml", "windows-1256.xml", "unreadable-date.xml", "not-a-feed.xml"} {
		b, err := os.ReadFile(filepath.Join("testdata", "feeds", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<rss><channel><item><title>t</title></item></channel></rss>`))
	f.Add([]byte(`<feed><entry><content type="html">&lt;p&gt;x</content></entry></feed>`))
	f.Add([]byte(`<rss xml:base="https://x.example/a.xml"><channel><link>/</link><item xml:base="b/"><title>t</title><link xml:base="c">d</link><guid>/g</guid></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/f/"><entry xml:base="https://y.example/e"><title>t</title><link href="a/1"/></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := ReadOptions{MaxArticleBytes: 1 << 16, Problem: func(p Problem) {
			if p.Reason == "" || p.File != "fuzz" {
				t.Errorf("problem %+v: want a reason and the file", p)
			}
		}}
		n := 0
		err := readFeed(context.Background(), bytes.NewReader(data), "fuzz", "", "", opts, func(a Article) error {
			n++
			if a.Title == "" && a.Body == "" {
				t.Errorf("article %d has neither title nor body", n)
			}
			if len(a.Title)+len(a.Body) > opts.MaxArticleBytes {
				t.Errorf("article %d is %d bytes, more than %d", n, len(a.Title)+len(a.Body), opts.MaxArticleBytes)
			}
			if !strings.HasPrefix(a.Origin, "fuzz#") {
				t.Errorf("article %d origin %q", n, a.Origin)
			}
			// A relative link names no page of its own: it is resolved
			// or left out.
			if u, err := url.Parse(a.URL); a.URL != "" && (err != nil || !u.IsAbs() || u.Host == "") {
				t.Errorf("article %d has the URL %q, which is not absolute", n, a.URL)
			}
			return nil
		})
		if err != nil {
			t.Errorf("readFeed returned %v; only fn and ctx may stop it", err)
		}
	})
}

// TestFeedLinks checks that relative item links and permalink GUIDs are
// resolved against xml:base, the feed's link or the URL it was fetched
// from, as RFC 3986 resolves them, and that one with nothing to resolve
// against is not taken for the article's URL.
func TestFeedLinks(t *testing.T) {
	rss := func(channel, items string) string {
		return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel ` + channel + `><title>Site</title>` + items + `</channel></rss>`
	}
	atom := func(feed, entries string) string {
		return `<feed xmlns="http://www.w3.org/2005/Atom" ` + feed + `><title>Site</title>` + entries + `</feed>`
	}
	const noBase = `link "/news/1" is relative and the feed names no base to resolve it against (xml:base, a channel link, the URL it was fetched from, a self link); not used as the article's URL`
	for _, tc := range []struct {
		name    string
		data    string
		feedURL string
		want    []string // the articles' URLs
		records []string // their Record, when it matters
		warn    []string // warnings, "record: reason"
	}{
		{
			// "#" is no link: resolved, it would be the channel's own
			// URL, one ID for every such item.
			name: "placeholder links",
			data: rss("", `<link>https://a.example.org/</link>
<item><title>t</title><link>#</link></item>
<item><title>t</title><link>javascript:void(0)</link></item>`),
			want: []string{"", ""},
		},
		{
			name: "channel link",
			data: rss("", `<link>https://a.example.org/</link>
<item><title>t</title><link>/news/1</link></item>
<item><title>t</title><link>news/2?id=7</link></item>
<item><title>t</title><link>https://other.example/x</link></item>`),
			want: []string{"https://a.example.org/news/1", "https://a.example.org/news/2?id=7", "https://other.example/x"},
		},
		{
			name: "channel link with a path",
			data: rss("", `<link>https://a.example.org/ar/index.html</link>
<item><title>t</title><link>news/1</link></item><item><title>t</title><link>/news/2</link></item>`),
			want: []string{"https://a.example.org/ar/news/1", "https://a.example.org/news/2"},
		},
		{
			name: "xml:base on the channel wins over its link",
			data: rss(`xml:base="https://c.example.com/blog/"`, `<link>https://a.example.org/</link>
<item><title>t</title><link>posts/1</link></item>`),
			want: []string{"https://c.example.com/blog/posts/1"},
		},
		{
			// A base names a document, not a folder: its last segment goes.
			name: "xml:base naming a file",
			data: rss(`xml:base="https://c.example.com/feeds/all.xml"`, `<item><title>t</title><link>news/1</link></item>`),
			want: []string{"https://c.example.com/feeds/news/1"},
		},
		{
			name: "xml:base on item and link, nested",
			data: rss(`xml:base="https://d.example.com/"`, `<item xml:base="sec/"><title>t</title><link xml:base="deeper/">1</link></item>
<item xml:base="https://e.example.com/x/"><title>t</title><link>2</link></item>
<item><title>t</title><link xml:base="/y/z">3</link></item>`),
			want: []string{"https://d.example.com/sec/deeper/1", "https://e.example.com/x/2", "https://d.example.com/y/3"},
		},
		{
			name:    "fetched feed without a channel link",
			data:    rss("", `<item><title>t</title><link>/news/1</link></item><item><title>t</title><link>news/2</link></item>`),
			feedURL: "https://f.example.net/rss/all.xml",
			want:    []string{"https://f.example.net/news/1", "https://f.example.net/rss/news/2"},
		},
		{
			name:    "relative channel link, fetched",
			data:    rss("", `<link>/ar/</link><item><title>t</title><link>news/1</link></item>`),
			feedURL: "https://f.example.net/rss/all.xml",
			want:    []string{"https://f.example.net/ar/news/1"},
		},
		{
			name:    "no base: neither URL nor ID",
			data:    rss("", `<item><title>t</title><link>/news/1</link><guid isPermaLink="false">n-1</guid></item>`),
			want:    []string{""},
			records: []string{"n-1"},
			warn:    []string{"1: " + noBase},
		},
		{
			name: "relative permalink GUID without a link",
			data: rss("", `<link>https://g.example.org/</link>
<item><title>t</title><guid>/news/3</guid></item>
<item><title>t</title><guid isPermaLink="true">https://g.example.org/news/4</guid></item>
<item><title>t</title><guid isPermaLink="false">/news/5</guid></item>
<item><title>t</title><guid>12345</guid></item>`),
			want:    []string{"https://g.example.org/news/3", "https://g.example.org/news/4", "", ""},
			records: []string{"https://g.example.org/news/3", "https://g.example.org/news/4", "/news/5", "12345"},
		},
		{
			name: "permalink GUID under xml:base",
			data: rss(`xml:base="https://h.example.org/a/"`, `<item><title>t</title><link>1</link><guid>/g/1</guid></item>`),
			want: []string{"https://h.example.org/a/1"}, records: []string{"https://h.example.org/g/1"},
		},
		{
			name: "atom: xml:base on the feed and on an entry",
			data: atom(`xml:base="https://i.example.com/feed.atom"`, `
<entry><title>t</title><id>urn:1</id><link href="a/1"/></entry>
<entry xml:base="/sec/"><title>t</title><id>urn:2</id><link rel="alternate" href="a/2"/></entry>`),
			want: []string{"https://i.example.com/a/1", "https://i.example.com/sec/a/2"},
		},
		{
			name: "atom: the feed's alternate link",
			data: atom(``, `<link rel="self" href="https://j.example.com/feed"/><link rel="alternate" href="https://j.example.com/ar/"/>
<entry><title>t</title><id>urn:1</id><link href="a/1"/></entry>`),
			want: []string{"https://j.example.com/ar/a/1"},
		},
		{
			// The feed's own URL is a base when nothing else is (RFC 3986
			// 5.1.3): its host names the site, an enclosure is no link.
			name: "atom: self link only",
			data: atom(``, `<link rel="self" href="https://self.example.org/feeds/all.atom"/>
<entry><title>t</title><id>urn:z:1</id><link rel="enclosure" href="/img/1.jpg"/><link rel="alternate" href="/news/1"/></entry>
<entry><title>t</title><id>urn:z:2</id><link href="2"/></entry>`),
			want: []string{"https://self.example.org/news/1", "https://self.example.org/feeds/2"},
		},
		{
			name: "rss: atom:link self only",
			data: `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Top Stories</title>
<atom:link href="https://atomself.example.org/rss" rel="self" type="application/rss+xml"/>
<item><title>t</title><link>/news/1</link></item></channel></rss>`,
			want: []string{"https://atomself.example.org/news/1"},
		},
		{
			name:    "self link after the URL fetched",
			data:    atom(``, `<link rel="self" href="https://old.example.org/feed"/><entry><title>t</title><id>urn:1</id><link href="/a/1"/></entry>`),
			feedURL: "https://k.example.com/feed.atom",
			want:    []string{"https://k.example.com/a/1"},
		},
		{
			name: "relative self link is no base",
			data: atom(``, `<link rel="self" href="/feed"/><entry><title>t</title><id>urn:1</id><link href="/news/1"/></entry>`),
			want: []string{""},
			warn: []string{"1: " + noBase},
		},
		{
			// "//host/path" is absolute but for its scheme: the base's, or https.
			name: "protocol-relative links",
			data: rss("", `<item><title>t</title><link>//pr2.example.org/news/9</link></item>
<item><title>t</title><guid>//pr2.example.org/news/10</guid></item>`),
			want:    []string{"https://pr2.example.org/news/9", "https://pr2.example.org/news/10"},
			records: []string{"", "https://pr2.example.org/news/10"},
		},
		{
			name: "protocol-relative link, http channel link",
			data: rss("", `<link>http://h.example.org/</link><item><title>t</title><link>//pr.example.org/news/9</link></item>`),
			want: []string{"http://pr.example.org/news/9"},
		},
		{
			name:    "atom: fetched",
			data:    atom(``, `<entry><title>t</title><id>urn:1</id><link href="/a/1"/></entry>`),
			feedURL: "https://k.example.com/feed.atom",
			want:    []string{"https://k.example.com/a/1"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var arts []Article
			var warn []string
			opts := ReadOptions{Problem: func(p Problem) {
				if !p.Warning {
					t.Errorf("problem %v", p)
				}
				warn = append(warn, fmt.Sprintf("%d: %s", p.Record, p.Reason))
			}}
			err := readFeed(context.Background(), strings.NewReader(tc.data), "f.rss", tc.feedURL, "", opts, func(a Article) error {
				arts = append(arts, a)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			var urls, records []string
			for _, a := range arts {
				urls = append(urls, a.URL)
				records = append(records, a.Record)
			}
			if !reflect.DeepEqual(urls, tc.want) {
				t.Errorf("URLs\n got %q\nwant %q", urls, tc.want)
			}
			if tc.records != nil && !reflect.DeepEqual(records, tc.records) {
				t.Errorf("records\n got %q\nwant %q", records, tc.records)
			}
			if !reflect.DeepEqual(warn, tc.warn) {
				t.Errorf("warnings\n got %q\nwant %q", warn, tc.warn)
			}
		})
	}
}

// TestFeedEncoding checks that a feed is decoded by the encoding it
// declares, whatever --encoding says for other inputs, and by --encoding
// when it declares none.
func TestFeedEncoding(t *testing.T) {
	const title = "افتتاح معرض الكتاب في الرياض"
	declared, err := os.ReadFile(filepath.Join("testdata", "feeds", "windows-1256.xml"))
	if err != nil {
		t.Fatal(err)
	}
	// The same feed without its declaration, and in UTF-8 declaring so.
	undeclared := dropXMLDecl(declared)
	text, err := charmap.Windows1256.NewDecoder().Bytes(undeclared)
	if err != nil {
		t.Fatal(err)
	}
	utf8Feed := append([]byte(`<?xml version="1.0" encoding="utf-8"?>`), text...)
	for _, tc := range []struct {
		name        string
		data        []byte
		contentType string
		encoding    string
		warn        []string
		err         string
	}{
		{name: "declared windows-1256", data: declared},
		// --encoding used to decode the bytes once more after the
		// declaration had: mojibake.
		{name: "declared windows-1256, --encoding windows-1256", data: declared, encoding: "windows-1256"},
		{name: "declared windows-1256, --encoding windows-1252", data: declared, encoding: "windows-1252"},
		{name: "declared utf-8, --encoding windows-1256", data: utf8Feed, encoding: "windows-1256"},
		{name: "undeclared, --encoding", data: undeclared, encoding: "windows-1256"},
		{name: "undeclared, Content-Type charset", data: undeclared, contentType: "application/rss+xml; charset=windows-1256"},
		{
			name:     "undeclared UTF-8, --encoding",
			data:     text,
			encoding: "windows-1256",
			warn:     []string{"is UTF-8 and declares no encoding; read as UTF-8, not as --encoding windows-1256"},
		},
		{name: "undeclared, no --encoding", data: undeclared, err: "invalid UTF-8 and no declared encoding (pass --encoding if the input is in another encoding, e.g. windows-1256 or windows-1252)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var arts []Article
			var warn, errs []string
			opts := ReadOptions{Encoding: tc.encoding, Problem: func(p Problem) {
				if p.Warning {
					warn = append(warn, p.Reason)
				} else {
					errs = append(errs, p.Reason)
				}
			}}
			err := readFeed(context.Background(), bytes.NewReader(tc.data), "f.xml", "", tc.contentType, opts, func(a Article) error {
				arts = append(arts, a)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if tc.err != "" {
				if len(errs) != 1 || errs[0] != tc.err || len(arts) != 0 {
					t.Errorf("problems %q and %d articles, want only %q", errs, len(arts), tc.err)
				}
				return
			}
			if len(errs) > 0 || len(arts) != 1 || arts[0].Title != title {
				t.Fatalf("problems %q, articles %+v; want one titled %q", errs, arts, title)
			}
			if !reflect.DeepEqual(warn, tc.warn) {
				t.Errorf("warnings\n got %q\nwant %q", warn, tc.warn)
			}
		})
	}
}
