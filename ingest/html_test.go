package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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
				Published: time.Date(2024, 7, 3, 15, 45, 0, 0, time.UTC),
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
	})
}
