package read

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestReadHTML(t *testing.T) {
	for _, tc := range []struct {
		name    string
		file    string // under testdata/html
		data    string // when file is ""
		pageURL string
		max     int
		want    Article
		absent  []string // boilerplate that must not be in the body
		err     string
	}{
		{
			name: "arabic page",
			file: "arabic-news.html",
			want: Article{
				// canonical, not og:url with its tracking parameter
				URL:    "https://www.akhbar-alyawm.example/news/2024/7/3/yemen-unsc",
				Source: "www.akhbar-alyawm.example",
				// og:title, without the <title>'s " | site" suffix
				Title:     "مجلس الأمن يبحث الوضع الإنساني في اليمن",
				DateText:  "2024-07-03T18:45:00+03:00",
				Published: time.Date(2024, 7, 3, 18, 45, 0, 0, time.UTC), // as written, at +03:00
				Body: "عقد مجلس الأمن الدولي، مساء الأربعاء، جلسة طارئة لبحث الأوضاع الإنسانية المتدهورة في اليمن، بعد تحذيرات أممية من تفشي الكوليرا في عدد من المحافظات.\n" +
					"وقال المبعوث الأممي إلى اليمن هانس غروندبرغ، في إحاطته أمام المجلس، إن أكثر من سبعة عشر مليون يمني يعانون من انعدام الأمن الغذائي، وإن تمويل خطة الاستجابة الإنسانية لم يتجاوز ربع المطلوب.\n" +
					"ودعا غروندبرغ الأطراف اليمنية إلى الإفراج عن المحتجزين وفتح الطرق بين المحافظات، مؤكداً أن الحل السياسي الشامل هو السبيل الوحيد لإنهاء معاناة اليمنيين.\n" +
					"من جهتها، أعلنت منظمة الصحة العالمية عن إرسال شحنة جديدة من الأدوية والمستلزمات الطبية إلى مدينة الحديدة، في إطار جهودها لاحتواء انتشار الوباء.",
			},
			absent: []string{"الرئيسية", "عاجل", "الأكثر قراءة", "ارتفاع أسعار الذهب", "جميع الحقوق محفوظة", "سياسة الخصوصية", "واتساب", "dataLayer"},
		},
		{
			name:    "english page, json-ld date, url given",
			file:    "english-jsonld.html",
			pageURL: "https://levanttimes.example/world/2024/02/19/jordan-syria-border",
			want: Article{
				URL:    "https://levanttimes.example/world/2024/02/19/jordan-syria-border",
				Source: "levanttimes.example",
				// no og:title: readability takes the JSON-LD headline
				Title:     "Jordan reopens border crossing with Syria",
				DateText:  "2024-02-19T07:10:00Z",
				Published: time.Date(2024, 2, 19, 7, 10, 0, 0, time.UTC),
				Body: "AMMAN — Jordan reopened the Jaber-Nassib border crossing with Syria to cargo traffic on Monday, officials said, ending a closure that had lasted nearly three weeks.\n" +
					"The Jordanian interior ministry said trucks carrying fruit, vegetables and building materials would be allowed through, while passenger traffic would resume at a later date.\n" +
					"Traders on both sides of the border had complained of heavy losses during the closure, which followed clashes near the Syrian city of Daraa.",
			},
			absent: []string{"Subscribe", "Business", "Copyright", "Terms"},
		},
		{
			// The header's <time> is today's date; the article's own comes
			// first even though ParseDate cannot read it.
			name: "time element in the article, unreadable date kept as text",
			data: `<html><head><title>Short note</title></head><body>
<div class="site-header">Today is <time datetime="2024-08-01">1 August</time></div>
<article><p>Posted <time datetime="منتصف الليل">at midnight</time>.</p>
<p>A short note with a date no one can read, and enough words to be an article body.</p>
</article></body></html>`,
			want: Article{
				Title:    "Short note",
				DateText: "منتصف الليل",
				dateNote: `date "منتصف الليل" not understood; stored as unknown`,
				Body:     "Posted at midnight.\nA short note with a date no one can read, and enough words to be an article body.",
			},
		},
		{
			name: "og:url when there is no canonical link",
			data: `<html><head><meta property="og:url" content="https://x.example/a/1"><meta property="og:title" content="  Two
lines  "></head><body><p>Body text of the article.</p></body></html>`,
			want: Article{URL: "https://x.example/a/1", Source: "x.example", Title: "Two lines", Body: "Body text of the article."},
		},
		{
			// a date only readability looks for: taken as it parsed it
			name: "parse.ly date",
			data: `<html><head><meta name="parsely-pub-date" content="March 5, 2024 12:00 UTC"></head><body><p>Body text of the article.</p></body></html>`,
			want: Article{DateText: "2024-03-05T12:00:00Z", Published: time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC), Body: "Body text of the article."},
		},
		{name: "no text", file: "no-text.html", err: "no article text found"},
		{name: "empty", data: "", err: "no article text found"},
		{name: "oversized", file: "arabic-news.html", max: 1000, err: "page larger than 1000 bytes"},
		{name: "invalid utf-8", data: "<html><body><p>caf\xe9</p></body></html>", err: "invalid UTF-8 and no declared encoding (pass --encoding if the input is in another encoding, e.g. windows-1256 or windows-1252)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.data)
			if tc.file != "" {
				var err error
				if data, err = os.ReadFile(filepath.Join("testdata", "html", tc.file)); err != nil {
					t.Fatal(err)
				}
			}
			max := tc.max
			if max == 0 {
				max = DefaultMaxArticleBytes
			}
			got, _, err := readHTML(bytes.NewReader(data), "page.html", pageOptions{url: tc.pageURL, max: max})
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("got error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			sameArticles(t, []Article{got}, []Article{tc.want})
			for _, s := range tc.absent {
				if strings.Contains(got.Body, s) {
					t.Errorf("body contains boilerplate %q", s)
				}
			}
		})
	}
}

func TestSniffHTML(t *testing.T) {
	for _, tc := range []struct {
		head string
		want bool
	}{
		{"<!DOCTYPE html>\n<html>", true},
		{"<!doctype HTML>", true},
		{"\ufeff\r\n  <html lang=\"ar\" dir=\"rtl\">", true},
		{"<HTML>", true},
		{"<!-- saved from url=(0042)https://www.akhbar-alyawm.example/ -->\n<html>", true},
		{"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">", true},
		{"<htmlx>", false},
		{"<?xml version=\"1.0\"?><rss>", false},
		{"<body><p>fragment</p>", false},
		{"<!-- unterminated <html>", false},
		{"plain text", false},
		{"", false},
	} {
		if got := sniffHTML([]byte(tc.head)); got != tc.want {
			t.Errorf("sniffHTML(%q) = %v, want %v", tc.head, got, tc.want)
		}
	}
}

func FuzzReadHTML(f *testing.F) {
	for _, name := range []string{"arabic-news.html", "english-jsonld.html", "no-text.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", "html", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<p>text</p><script type="application/ld+json">[{"datePublished": 5}, {"@graph": [{"datePublished": "2024-01-01"}]}]</script>`))
	f.Add([]byte(`<html><head><link rel="canonical" href="::bad"><time datetime="x">`))
	f.Add(append([]byte(`<html><head><meta charset="windows-1256"><base href="/b/"><link rel="canonical" href="a/1"></head><body><p>`), 0xc7, 0xe1, 0xd5, 0xcf, 0xd1))
	f.Fuzz(func(t *testing.T, data []byte) {
		const max = 1 << 16
		a, _, err := readHTML(bytes.NewReader(data), "fuzz.html", pageOptions{max: max})
		if err != nil {
			if err.Error() == "" {
				t.Error("error without a message")
			}
			return
		}
		if a.Title == "" && a.Body == "" {
			t.Error("article has neither title nor body")
		}
		if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body) {
			t.Error("article text is not UTF-8")
		}
		if strings.Contains(a.Body, "\n\n") {
			t.Error("body has blank lines")
		}
		if u, err := url.Parse(a.URL); a.URL != "" && (err != nil || !u.IsAbs() || u.Host == "") {
			t.Errorf("URL %q is not absolute", a.URL)
		}
	})
}

// TestHTMLLinks checks that a page's canonical link or og:url is resolved
// against its <base href> or its URL, and is not its URL when relative
// with nothing to resolve it against.
func TestHTMLLinks(t *testing.T) {
	page := func(head string) string {
		return `<html><head>` + head + `</head><body><p>Body text of the article.</p></body></html>`
	}
	const relCanonical = `canonical link "/a/b" is relative and the page has no URL or <base href> to resolve it against; not used as its URL`
	for _, tc := range []struct {
		name, data, pageURL string
		wantURL, wantSource string
		notes               []string
	}{
		{name: "absolute canonical", data: page(`<link rel="canonical" href="https://x.example/a/b">`), wantURL: "https://x.example/a/b", wantSource: "x.example"},
		{name: "relative canonical, no URL", data: page(`<link rel="canonical" href="/a/b">`), notes: []string{relCanonical}},
		{
			name:    "relative og:url, no URL",
			data:    page(`<meta property="og:url" content="a/b">`),
			notes:   []string{`og:url "a/b" is relative and the page has no URL or <base href> to resolve it against; not used as its URL`},
			wantURL: "",
		},
		{
			name: "relative canonical, absolute og:url",
			data: page(`<link rel="canonical" href="/a/b"><meta property="og:url" content="https://y.example/c">`),
			// the canonical link cannot be placed; og:url can
			wantURL: "https://y.example/c", wantSource: "y.example", notes: []string{relCanonical},
		},
		{name: "relative canonical, base href", data: page(`<base href="https://z.example/ar/"><link rel="canonical" href="a/b">`), wantURL: "https://z.example/ar/a/b", wantSource: "z.example"},
		{name: "rooted canonical, base href", data: page(`<base href="https://z.example/ar/index.html"><link rel="canonical" href="/a/b">`), wantURL: "https://z.example/a/b", wantSource: "z.example"},
		{name: "relative base href, no URL", data: page(`<base href="/ar/"><link rel="canonical" href="/a/b">`), notes: []string{relCanonical}},
		// "//host/path" is absolute but for its scheme: https when no base
		// gives one.
		{name: "protocol-relative canonical, no URL", data: page(`<link rel="canonical" href="//w.example/a">`), wantURL: "https://w.example/a", wantSource: "w.example"},
		{name: "protocol-relative og:url, http base href", data: page(`<base href="http://b.example/x/"><meta property="og:url" content="//w.example/a">`), wantURL: "http://w.example/a", wantSource: "w.example"},
		// A fetched page is named by the URL it came from.
		{name: "relative canonical, fetched", data: page(`<link rel="canonical" href="/a/b">`), pageURL: "https://v.example/a/b?utm_source=x", wantURL: "https://v.example/a/b?utm_source=x", wantSource: "v.example"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, notes, err := readHTML(strings.NewReader(tc.data), "p.html", pageOptions{url: tc.pageURL, max: DefaultMaxArticleBytes})
			if err != nil {
				t.Fatal(err)
			}
			if a.URL != tc.wantURL || a.Source != tc.wantSource {
				t.Errorf("URL %q, source %q; want %q, %q", a.URL, a.Source, tc.wantURL, tc.wantSource)
			}
			if !reflect.DeepEqual(notes, tc.notes) {
				t.Errorf("notes\n got %q\nwant %q", notes, tc.notes)
			}
		})
	}
}

// TestHTMLEncoding checks that a page is decoded by the encoding it
// declares, --encoding applying to pages that declare none (or a wrong
// one), and that what still reads as mojibake is reported.
func TestHTMLEncoding(t *testing.T) {
	const (
		arTitle = "الصدر يخطب في النجف"
		arBody  = "ألقى زعيم التيار الصدري مقتدى الصدر خطبة في مدينة النجف دعا فيها إلى الإصلاح."
	)
	ar := func(meta string) string {
		return `<html><head>` + meta + `<title>` + arTitle + `</title></head><body><article><p>` + arBody + `</p></article></body></html>`
	}
	cp1256 := func(s string) string {
		b, err := charmap.Windows1256.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	iso88596 := func(s string) string {
		b, err := charmap.ISO8859_6.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16le := func(s string) string {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	file := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", "cases", "html", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	const mojibake = "text looks like mojibake (100% of its letters are Latin-1 letters such as Ø, Ù, Ç): it reads like windows-1256 read as windows-1252 or Latin-1; ingest this input on its own with --encoding windows-1256 (--encoding applies to every page and feed of a run that declares no encoding or a wrong one)"
	for _, tc := range []struct {
		name        string
		data        string
		contentType string
		encoding    string // --encoding
		title       string // the title it must have; "" for arTitle
		body        string // a word the body must have; "" for the first of arBody
		notes       []string
		err         string
	}{
		{name: "case: meta http-equiv windows-1256", data: file("declared-windows-1256.html"), body: "الإصلاح"},
		{name: "case: meta http-equiv windows-1256, --encoding windows-1256", data: file("declared-windows-1256.html"), encoding: "windows-1256", body: "الإصلاح"},
		{name: "case: meta http-equiv windows-1256, --encoding windows-1252", data: file("declared-windows-1256.html"), encoding: "windows-1252", body: "الإصلاح"},
		{name: "case: meta charset utf-8", data: file("declared-utf8.html"), title: "الكاظمي يستقبل وفدا في بغداد", body: "نينوى"},
		{name: "case: meta charset utf-8, --encoding windows-1256", data: file("declared-utf8.html"), encoding: "windows-1256", title: "الكاظمي يستقبل وفدا في بغداد", body: "نينوى"},
		{name: "meta charset windows-1256", data: cp1256(ar(`<meta charset="windows-1256">`))},
		{name: "meta charset iso-8859-6", data: iso88596(ar(`<meta charset="ISO-8859-6">`))},
		{name: "meta charset past the first 1024 bytes", data: cp1256(ar(`<script>` + strings.Repeat("var x = 1;\n", 120) + `</script><meta charset="windows-1256">`))},
		{name: "header charset", data: cp1256(ar(``)), contentType: "text/html; charset=windows-1256"},
		{name: "header wins over meta", data: cp1256(ar(`<meta charset="utf-8">`)), contentType: "text/html; charset=cp1256"},
		{name: "undeclared, --encoding", data: cp1256(ar(``)), encoding: "windows-1256"},
		{name: "undeclared UTF-16 without a byte-order mark, --encoding", data: utf16le(`<html><head><title>Kadhimi in Tehran</title></head><body><p>Mustafa al-Kadhimi arrived in Tehran.</p></body></html>`),
			encoding: "utf-16le", title: "Kadhimi in Tehran", body: "Mustafa"},
		{
			name: "undeclared, no --encoding",
			data: cp1256(ar(``)),
			err:  "invalid UTF-8 and no declared encoding (pass --encoding if the input is in another encoding, e.g. windows-1256 or windows-1252)",
		},
		{
			name:     "undeclared UTF-8, --encoding for another page",
			data:     ar(``),
			encoding: "windows-1256",
			notes:    []string{"is UTF-8 and declares no encoding; read as UTF-8, not as --encoding windows-1256"},
		},
		{
			name:  "declares windows-1256, is UTF-8",
			data:  ar(`<meta charset="windows-1256">`),
			notes: []string{"declares windows-1256 but is UTF-8; read as UTF-8"},
		},
		{
			name:  "ISO-8859-6 alias, is UTF-8",
			data:  ar(`<meta charset="ISO-8859-6">`),
			notes: []string{"declares iso-8859-6 but is UTF-8; read as UTF-8"},
		},
		{
			name: "declares utf-8, is not, no --encoding",
			data: cp1256(ar(`<meta charset="utf-8">`)),
			err:  "declares utf-8 but is not valid UTF-8 (pass --encoding if you know its encoding, e.g. windows-1256 or windows-1252)",
		},
		{
			name:     "declares utf-8, is not, --encoding",
			data:     cp1256(ar(`<meta charset="utf-8">`)),
			encoding: "windows-1256",
			notes:    []string{"declares utf-8 but is not valid UTF-8; read as windows-1256 as --encoding says"},
		},
		{
			// What an Arabic page that declares Latin-1 looks like: the
			// declaration is followed, and the result reported.
			name:  "declares iso-8859-1, is windows-1256",
			data:  cp1256(ar(`<meta http-equiv="content-type" content="text/html; charset=iso-8859-1">`)),
			title: "ÇáÕÏÑ íÎØÈ Ýí ÇáäÌÝ", body: "ÃáÞì",
			notes: []string{mojibake},
		},
		{
			name:     "declares iso-8859-1, is windows-1256, --encoding",
			data:     cp1256(ar(`<meta http-equiv="content-type" content="text/html; charset=iso-8859-1">`)),
			encoding: "windows-1256",
			notes:    []string{"declares windows-1252 but reads as mojibake that way; read as windows-1256 as --encoding says"},
		},
		{
			name: "unknown declaration",
			data: ar(`<meta charset="x-klingon">`),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, notes, err := readHTML(strings.NewReader(tc.data), "p.html", pageOptions{contentType: tc.contentType, encoding: tc.encoding, max: DefaultMaxArticleBytes})
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			title, body := tc.title, tc.body
			if title == "" {
				title = arTitle
			}
			if body == "" {
				body = strings.Fields(arBody)[0]
			}
			if a.Title != title {
				t.Errorf("title %q, want %q", a.Title, title)
			}
			if !strings.Contains(a.Body, body) {
				t.Errorf("body %q lacks %q", a.Body, body)
			}
			if !reflect.DeepEqual(notes, tc.notes) {
				t.Errorf("notes\n got %q\nwant %q", notes, tc.notes)
			}
		})
	}
}

// TestPageDates checks which of a page's dates is its publication date:
// article:published_time, then the other <meta> dates most specific first,
// then <time itemprop="datePublished">, a <time> in the article, any
// <time>, JSON-LD; and that a page with none has none.
func TestPageDates(t *testing.T) {
	for _, tc := range []struct {
		name, head, body, want string
	}{
		{"article:published_time first", `<meta name="date" content="2021-01-02"><meta property="article:published_time" content="2021-01-01">`, ``, "2021-01-01"},
		{"itemprop meta", `<meta itemprop="datePublished" content="2021-07-11T01:30:00+03:00">`, ``, "2021-07-11T01:30:00+03:00"},
		{"Dublin Core", `<meta name="DC.date.issued" content="2021-07-11">`, ``, "2021-07-11"},
		{"dc.date", `<meta name="dc.date" content="2021-07-12">`, ``, "2021-07-12"},
		{"dcterms.created", `<meta name="dcterms.created" content="2021-07-13">`, ``, "2021-07-13"},
		{"pubdate", `<meta name="pubdate" content="11 يوليو 2021م">`, ``, "11 يوليو 2021م"},
		{"publishdate", `<meta name="publishdate" content="2021-07-14">`, ``, "2021-07-14"},
		{"article:published", `<meta property="article:published" content="2021-07-15">`, ``, "2021-07-15"},
		{"sailthru.date", `<meta name="sailthru.date" content="2021-07-16 10:00:00">`, ``, "2021-07-16 10:00:00"},
		// left to readability, which parses it itself (TestReadHTML)
		{"parsely-pub-date", `<meta name="parsely-pub-date" content="2021-07-10T22:00:00-05:00">`, ``, ""},
		// the order of trust, not of the page, decides
		{"date after the specific names", `<meta name="date" content="2021-02-02"><meta name="pubdate" content="2021-02-01">`, ``, "2021-02-01"},
		{"meta before time", `<meta name="date" content="2021-03-01">`, `<article><time datetime="2021-03-02">x</time></article>`, "2021-03-01"},
		{"itemprop time before other times", ``, `<time datetime="2021-04-02">today</time><article><time datetime="2021-04-03">x</time><time itemprop="datePublished" datetime="2021-04-01">y</time></article>`, "2021-04-01"},
		{"empty content skipped", `<meta name="pubdate" content=" "><meta name="date" content="2021-05-01">`, ``, "2021-05-01"},
		{"none", `<meta name="description" content="2021-06-01"><meta name="last-modified" content="2021-06-02">`, ``, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><head>" + tc.head + "</head><body>" + tc.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := pageMeta(doc).date; got != tc.want {
				t.Errorf("date %q, want %q", got, tc.want)
			}
		})
	}

	// The tester's pages, read whole: each dated, at the wall clock written.
	for file, want := range map[string]time.Time{
		"itemprop.html":   time.Date(2021, 7, 11, 1, 30, 0, 0, time.UTC),
		"dc.html":         time.Date(2021, 7, 11, 1, 30, 0, 0, time.UTC),
		"pubdate-ar.html": time.Date(2021, 7, 11, 0, 0, 0, 0, time.UTC),
	} {
		f, err := os.Open(filepath.Join("testdata", "cases", "dates", "html", file))
		if err != nil {
			t.Fatal(err)
		}
		a, notes, err := readHTML(f, file, pageOptions{max: DefaultMaxArticleBytes})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !a.Published.Equal(want) || a.dateNote != "" || len(notes) != 0 {
			t.Errorf("%s: published %v (date %q, note %q, notes %q), want %v", file, a.Published, a.DateText, a.dateNote, notes, want)
		}
	}
}
