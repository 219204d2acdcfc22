package read

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestArticleIDs checks how each kind of input names its articles: by URL,
// by source and record ID, by record ID scoped to the input, by path, by
// text.
func TestArticleIDs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		file  string // its name, under a temporary folder; "-" for stdin
		data  string
		whole bool // read the folder rather than the file
		want  []string
	}{
		{name: "text file", file: "a.txt", data: "Title\nBody text.\n", want: []string{"file:a.txt"}},
		{name: "text file in a folder", file: "sub/a.txt", data: "Title\nBody text.\n", whole: true, want: []string{"file:sub/a.txt"}},
		{
			name: "jsonl: url, source and id, bare id, nothing",
			file: "export.jsonl",
			data: `{"id":"1","url":"https://www.x.example/a/1/?utm_source=t","title":"t1"}
{"id":"1","source":"web","title":"t2"}
{"id":"1","title":"t3"}
{"title":"t4"}
`,
			want: []string{"x.example/a/1", "web:1", "{dir}/export.jsonl#1", "sha256:" + TextFingerprint(&Article{Title: "t4"})[:32]},
		},
		{
			// a relative URL is unique only within its export, like a bare id
			name: "jsonl: relative URLs",
			file: "export.jsonl",
			data: `{"url":"/news/1","title":"t1"}
{"url":"news/2?id=7","source":"web","title":"t2"}
{"id":"3","url":"/news/3","title":"t3"}
{"url":"example.org/news/4","title":"t4"}
{"url":"//cdn.example.org/news/5","title":"t5"}
`,
			want: []string{"{dir}/export.jsonl#/news/1", "web:news/2?id=7", "{dir}/export.jsonl#3", "example.org/news/4", "cdn.example.org/news/5"},
		},
		{name: "jsonl in a folder", file: "2021/export.jsonl", data: `{"id":7,"title":"t"}` + "\n", whole: true, want: []string{"{dir}/2021/export.jsonl#7"}},
		{name: "csv bare id", file: "export.csv", data: "id,title\n1,t1\n2,t2\n", want: []string{"{dir}/export.csv#1", "{dir}/export.csv#2"}},
		// Standard input has no identity across runs to scope a bare
		// record ID to: the text identifies the article.
		{name: "stdin", file: "-", data: `{"id":"1","title":"t"}` + "\n", want: []string{"sha256:" + TextFingerprint(&Article{Title: "t"})[:32]}},
		{name: "stdin with source", file: "-", data: `{"id":"1","source":"web","title":"t"}` + "\n", want: []string{"web:1"}},
		{
			// a host written without its scheme is the same page as with it
			name: "jsonl: URLs without a scheme",
			file: "noscheme.jsonl",
			data: `{"url":"www.site-a.example.com/news/1","title":"t1"}
{"url":"https://site-a.example.com/news/1/","title":"t2"}
{"url":"site-a.example.com/news/1?utm_source=x","title":"t3"}
{"url":"//site-a.example.com/news/1","title":"t4"}
{"url":"report.pdf","title":"t5"}
`,
			want: []string{"site-a.example.com/news/1", "site-a.example.com/news/1", "site-a.example.com/news/1", "site-a.example.com/news/1", "{dir}/noscheme.jsonl#report.pdf"},
		},
		{
			// An unresolvable link is no ID: the GUID is, scoped to the
			// input, as a feed's title does not tell its site.
			name: "feed without a base",
			file: "f.rss",
			data: `<rss version="2.0"><channel><title>Site</title>
<item><title>t1</title><link>/news/1</link><guid isPermaLink="false">n1</guid></item></channel></rss>`,
			want: []string{"{dir}/f.rss#n1"},
		},
		{
			name: "feed without a base or title",
			file: "f.rss",
			data: `<rss version="2.0"><channel>
<item><title>t1</title><link>/news/1</link><guid isPermaLink="false">n1</guid></item></channel></rss>`,
			want: []string{"{dir}/f.rss#n1"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			opts := ReadOptions{}
			in := "-"
			if tc.file == "-" {
				opts.Stdin = strings.NewReader(tc.data)
			} else {
				path := filepath.Join(dir, tc.file)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
					t.Fatal(err)
				}
				in = path
				if tc.whole {
					in = dir
				}
			}
			arts, probs := readAll(t, opts, in)
			for _, p := range probs {
				if !p.Warning {
					t.Errorf("problem: %v", p)
				}
			}
			var ids []string
			for _, a := range arts {
				ids = append(ids, a.ID)
			}
			want := make([]string, len(tc.want))
			for i, w := range tc.want {
				want[i] = strings.ReplaceAll(w, "{dir}", dir)
			}
			if !reflect.DeepEqual(ids, want) {
				t.Errorf("IDs\n got %q\nwant %q", ids, want)
			}
		})
	}
}

// TestAssignIDPriorIDs checks the ID each kind of article gets from
// assignID and the one releases before input-scoped IDs gave it, kept in
// PriorIDs only where the two differ.
func TestAssignIDPriorIDs(t *testing.T) {
	long := strings.Repeat("Mustafa al-Kadhimi met Ebrahim Raisi in Tehran. ", 5)
	for _, tc := range []struct {
		name  string
		a     Article
		input string
		id    string
		prior []string
	}{
		{name: "absolute URL", a: Article{URL: "https://www.x.example/a/1/", Record: "1"}, input: "/d/e.jsonl", id: "x.example/a/1"},
		{name: "URL without a scheme", a: Article{URL: "www.x.example/a/1"}, input: "/d/e.jsonl", id: "x.example/a/1", prior: []string{"www.x.example/a/1"}},
		{name: "protocol-relative URL", a: Article{URL: "//x.example/a/1"}, input: "/d/e.jsonl", id: "x.example/a/1", prior: []string{"//x.example/a/1"}},
		{name: "source and record", a: Article{Source: "web", Record: "7"}, input: "/d/e.jsonl", id: "web:7"},
		{name: "bare record", a: Article{Record: "7"}, input: "/d/e.jsonl", id: "/d/e.jsonl#7", prior: []string{"7"}},
		{name: "bare record, URL input", a: Article{Record: "7"}, input: "https://x.example/e.json", id: "https://x.example/e.json#7", prior: []string{"7"}},
		{name: "relative URL", a: Article{URL: "/news/1"}, input: "/d/e.jsonl", id: "/d/e.jsonl#/news/1", prior: []string{"/news/1"}},
		{name: "feed GUID, title for source", a: Article{Source: "Top Stories", Record: "1", localRecord: true}, input: "/d/top.rss", id: "/d/top.rss#1", prior: []string{"Top Stories:1"}},
		// A bare ID from stdin named whatever the last piped export held
		// under it: nothing says it is this article, so no prior ID.
		{name: "bare record on stdin", a: Article{Record: "7", Title: "t", Body: "b"}, input: "stdin",
			id: "sha256:" + oldTextFingerprint(&Article{Title: "t", Body: "b"})[:32]},
		{name: "short text", a: Article{Title: "t", Body: "b"}, input: "/d/e.jsonl", id: "sha256:" + oldTextFingerprint(&Article{Title: "t", Body: "b"})[:32]},
		{name: "long text", a: Article{Title: "t", Body: long}, input: "/d/e.jsonl",
			id: "sha256:" + TextFingerprint(&Article{Body: long})[:32], prior: []string{"sha256:" + oldTextFingerprint(&Article{Title: "t", Body: long})[:32]}},
		{name: "prior ID set by a reader kept", a: Article{Record: "7", PriorIDs: []string{"7"}}, input: "/d/e.jsonl", id: "/d/e.jsonl#7", prior: []string{"7"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.a
			assignID(&a, tc.input)
			if a.ID != tc.id || !reflect.DeepEqual(a.PriorIDs, tc.prior) {
				t.Errorf("ID %q, prior %q; want %q, %q", a.ID, a.PriorIDs, tc.id, tc.prior)
			}
		})
	}
}

// TestTextFingerprint checks which articles TextFingerprint takes for the
// same text: a substantial body alone, whatever the title and line breaks;
// a short one only with the same title.
func TestTextFingerprint(t *testing.T) {
	long := strings.Repeat("Mustafa al-Kadhimi met Ebrahim Raisi in Tehran. ", 5) // 240 characters
	short := "Muqtada al-Sadr spoke in Najaf."
	for _, tc := range []struct {
		name string
		a, b Article
		same bool
	}{
		{"long body, other title", Article{Title: "Kadhimi in Tehran", Body: long}, Article{Title: "KADHIMI IN TEHRAN - Site", Body: long}, true},
		{"long body, other white space", Article{Body: long}, Article{Body: "\n  " + strings.ReplaceAll(long, ". ", ".\n\n")}, true},
		{"long body, one word changed", Article{Body: long}, Article{Body: strings.Replace(long, "Tehran", "Baghdad", 1)}, false},
		{"short body, other title", Article{Title: "Sadr", Body: short}, Article{Title: "Sadr in Najaf", Body: short}, false},
		{"short body, same title, trimmed", Article{Title: "Sadr", Body: short}, Article{Title: " Sadr ", Body: short + "\n"}, true},
		{"short body, headline in capitals", Article{Title: "SADR IN NAJAF!!", Body: short}, Article{Title: "Sadr in Najaf", Body: short}, true},
		{"short body, vowelled headline", Article{Title: "الصَّدْرُ في النجف", Body: short}, Article{Title: "الصدر في النجف.", Body: short}, true},
		{"title only vs body only", Article{Title: "x"}, Article{Body: "x"}, false},
		// 199 Arabic letters are 398 bytes: the threshold counts characters
		{"199 characters", Article{Title: "a", Body: strings.Repeat("ب", 199)}, Article{Title: "b", Body: strings.Repeat("ب", 199)}, false},
		{"200 characters", Article{Title: "a", Body: strings.Repeat("ب", 200)}, Article{Title: "b", Body: strings.Repeat("ب", 200)}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TextFingerprint(&tc.a) == TextFingerprint(&tc.b); got != tc.same {
				t.Errorf("same fingerprint: %v, want %v", got, tc.same)
			}
		})
	}
}

// TestTextFingerprintNFC: a text and its decomposed copy (hamza above typed
// as U+0654 after alef, as the decomposed-nfd case input does) are one
// text, so the second is a duplicate, not a second article.
func TestTextFingerprintNFC(t *testing.T) {
	std := Article{Title: "إسرائيل والجزائر", Body: "قال رئيس الوزراء مصطفى الكاظمي إن العراق يرفض أي هجوم من إسرائيل."}
	nfd := Article{Title: "\u0627\u0655سرائيل والجزائر", Body: "قال رئيس الوزراء مصطفى الكاظمي إن العراق يرفض \u0627\u0654ي هجوم من \u0627\u0655سرائيل."}
	if std.Body == nfd.Body {
		t.Fatal("the variant is the same bytes: nothing is tested")
	}
	if a, b := TextFingerprint(&std), TextFingerprint(&nfd); a != b {
		t.Errorf("fingerprints differ: %s (NFC) and %s (NFD)", a, b)
	}
	other := Article{Title: std.Title, Body: std.Body + " وأضاف"}
	if TextFingerprint(&std) == TextFingerprint(&other) {
		t.Error("a longer text has the same fingerprint")
	}
}

// TestPlaceholderURLs: values exports write for "no URL" are no URL, so
// records carrying them keep their own IDs (a tester's case: ten records
// with "#", "N/A" … became five, the rest conflicting).
func TestPlaceholderURLs(t *testing.T) {
	for _, raw := range []string{"#", "#top", "about:blank", "javascript:void(0)", "https://", "http:///", "null", "NULL", "N/A", "-", "mailto:desk@example.org"} {
		if !placeholderURL(raw) {
			t.Errorf("placeholderURL(%q) = false, want true", raw)
		}
	}
	for _, raw := range []string{"", "https://a.example.org/n/1", "/news/1", "news/2?id=7", "www.example.org/a", "//cdn.example.org/x", "report.pdf"} {
		if placeholderURL(raw) {
			t.Errorf("placeholderURL(%q) = true, want false", raw)
		}
	}
	arts, probs := readAllFrom(t, ReadOptions{}, "junk.jsonl", `{"url": "#", "title": "A", "body": "Muqtada al-Sadr spoke in Najaf."}
{"url": "N/A", "title": "B", "body": "Hadi al-Amiri met commanders in Baghdad."}
{"url": "javascript:void(0)", "link": "https://a.example.org/n/3", "title": "C", "body": "Barham Salih visited Basra."}
`)
	if len(probs) != 0 || len(arts) != 3 {
		t.Fatalf("%d articles, problems %v; want 3, none", len(arts), probs)
	}
	if arts[0].URL != "" || arts[1].URL != "" || arts[0].ID == arts[1].ID {
		t.Errorf("placeholder URLs kept: %q %q, IDs %q %q", arts[0].URL, arts[1].URL, arts[0].ID, arts[1].ID)
	}
	if arts[2].URL != "https://a.example.org/n/3" {
		t.Errorf("URL %q, want the link after the placeholder url", arts[2].URL)
	}
}
