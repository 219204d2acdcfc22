package read

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
)

func readAll(t *testing.T, opts ReadOptions, paths ...string) ([]Article, []Problem) {
	t.Helper()
	var arts []Article
	var probs []Problem
	opts.Problem = func(p Problem) { probs = append(probs, p) }
	if err := Read(context.Background(), paths, opts, func(a Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		t.Fatalf("Read: %v", err)
	}
	return arts, probs
}

func TestReadSeedArticle(t *testing.T) {
	arts, probs := readAll(t, ReadOptions{}, "../../testdata/000_1959643b4c841efe.txt")
	if len(probs) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles and problems %v, want one article", len(arts), probs)
	}
	a := arts[0]
	if a.ID != "file:000_1959643b4c841efe.txt" || a.Source != "file" || a.Lang != "ar" {
		t.Errorf("identity: ID %q, source %q, lang %q", a.ID, a.Source, a.Lang)
	}
	if !strings.HasPrefix(a.Title, "تسلّم دعوة من الولايات المتحدة") {
		t.Errorf("title %q", a.Title)
	}
	if !a.Published.Equal(time.Date(2021, 7, 11, 0, 0, 0, 0, time.UTC)) || a.DateText != "11-يوليو-2021" {
		t.Errorf("date %v from %q, want 2021-07-11", a.Published, a.DateText)
	}
	if !strings.HasPrefix(a.Body, "كشف مصدر مقرب") || strings.Contains(a.Body, "يوليو-2021") {
		t.Errorf("body starts %q", a.Body[:40])
	}
}

func TestReadCorpusFolder(t *testing.T) {
	arts, probs := readAll(t, ReadOptions{}, "testdata/corpus")
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	// Walk order is lexical; hidden folders and unknown extensions are skipped.
	// IDs: source:record when there is no URL; the normalised URL when there is.
	wantIDs := []string{"test:t/1", "test:t/4", "example.org/5", "example.org/no-id", "file:no-date.txt", "file:sub/english.txt"}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("articles %q, want %q", ids, wantIDs)
	}
	var got []string
	for _, p := range probs {
		got = append(got, fmt.Sprintf("%s:%d warning=%v %s", filepath.Base(p.File), p.Line, p.Warning, p.Reason))
	}
	sort.Strings(got)
	want := []string{
		`articles.jsonl:2 warning=false malformed JSON: unexpected EOF`,
		`articles.jsonl:3 warning=false record's title and body are empty`,
		`articles.jsonl:5 warning=true date "قبل ساعتين" not understood; stored as unknown`,
		`bad-utf8.txt:0 warning=false invalid UTF-8 (pass --encoding if the input is in another encoding, e.g. windows-1256 or windows-1252)`,
		`empty.txt:0 warning=false empty file`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	byID := map[string]Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	if a := byID["example.org/5"]; a.Title != "Raisi visits Baghdad" || a.URL != "https://example.org/5" || a.Lang != "en" || !a.Published.IsZero() {
		t.Errorf("record 5 read as %+v", a)
	}
	if a := byID["file:no-date.txt"]; !a.Published.IsZero() || a.DateText != "" || !strings.HasPrefix(a.Body, "زار الكاظمي") {
		t.Errorf("text file without a date line read as %+v", a)
	}
	if a := byID["test:t/1"]; a.Origin != "testdata/corpus/articles.jsonl:1" {
		t.Errorf("origin %q", a.Origin)
	}
}

func TestReadBounds(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.jsonl")
	var b bytes.Buffer
	b.WriteString(`{"id":"small","title":"t","body":"b"}` + "\n")
	b.WriteString(`{"id":"big","title":"t","body":"` + strings.Repeat("x", 5000) + `"}` + "\n")
	b.WriteString(`{"id":"after","title":"t","body":"b"}`) // no final newline
	if err := os.WriteFile(big, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "binary.txt")
	if err := os.WriteFile(bin, []byte("title\n\x00\x01\x02"), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, probs := readAll(t, ReadOptions{MaxArticleBytes: 1000}, big, bin, filepath.Join(dir, "missing.txt"))
	if len(arts) != 2 || arts[0].ID != big+"#small" || arts[1].ID != big+"#after" {
		t.Errorf("articles %+v, want %[2]s#small and %[2]s#after", arts, big)
	}
	var reasons []string
	for _, p := range probs {
		reasons = append(reasons, fmt.Sprintf("%s:%d %s", filepath.Base(p.File), p.Line, p.Reason))
	}
	want := []string{
		"big.jsonl:2 line longer than 1000 bytes",
		"binary.txt:0 binary data (NUL byte), not text",
		"missing.txt:0 stat: no such file or directory",
	}
	if !reflect.DeepEqual(reasons, want) {
		t.Errorf("problems %q, want %q", reasons, want)
	}
}

func TestReadStopsWhenCallbackFails(t *testing.T) {
	stop := fmt.Errorf("stop")
	n := 0
	err := Read(context.Background(), []string{"testdata/corpus"}, ReadOptions{}, func(Article) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("Read returned %v after %d articles, want the callback's error after 1", err, n)
	}
}

func TestContentHash(t *testing.T) {
	a := Article{ID: "x", Title: "t", Body: "b", Origin: "here"}
	b := a
	b.Origin = "elsewhere"
	if a.ContentHash() != b.ContentHash() {
		t.Error("hash depends on where the article was read")
	}
	b.Body = "b2"
	if a.ContentHash() == b.ContentHash() {
		t.Error("hash ignores the body")
	}
	// Field boundaries count: moving text from title to body is a change.
	c := Article{ID: "x", Title: "tb", Body: ""}
	d := Article{ID: "x", Title: "t", Body: "b"}
	if c.ContentHash() == d.ContentHash() {
		t.Error("hash ignores field boundaries")
	}
}

func TestDetectLang(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"الكاظمي يلتقي بايدن", "ar"},
		{"Kadhimi meets Biden", "en"},
		{"الكاظمي (Kadhimi) يلتقي بايدن في واشنطن", "ar"},
		{"Путин", ""},
		{"2021 ...", ""},
	} {
		if got := DetectLang(tc.in); got != tc.want {
			t.Errorf("DetectLang(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestDetectLangFastPaths checks, rune by rune, that DetectLang's fast
// paths class every character as the general Unicode test does: a change
// would change the language, and so the hash, of stored articles.
func TestDetectLangFastPaths(t *testing.T) {
	class := func(r rune) string {
		switch {
		case !unicode.IsLetter(r):
			return "none"
		case unicode.Is(unicode.Arabic, r):
			return "arabic"
		case unicode.Is(unicode.Latin, r):
			return "latin"
		}
		return "other"
	}
	// What DetectLang says of r alone and of r beside one Arabic letter
	// tells the class it gave r.
	seen := map[[2]string]string{
		{"", "ar"}: "none", {"ar", "ar"}: "arabic", {"en", ""}: "latin", {"", ""}: "other",
	}
	for r := rune(0); r < 0x0800; r++ {
		got := seen[[2]string{DetectLang(string(r)), DetectLang(string(r) + "ب")}]
		if want := class(r); got != want {
			t.Errorf("DetectLang classes %U %q as %s, want %s", r, r, got, want)
		}
	}
}

// fuzzFormat reads b as one input of format and checks what every reader
// promises: no panic, every article has an ID and a title or body, and
// every problem names the input.
func fuzzFormat(t *testing.T, format Format, b []byte) {
	opts := ReadOptions{Format: format, Stdin: bytes.NewReader(b), MaxArticleBytes: 1 << 16,
		Problem: func(p Problem) {
			if p.File != "stdin" || p.Reason == "" {
				t.Fatalf("problem %+v does not say where and why", p)
			}
		}}
	err := Read(context.Background(), []string{"-"}, opts, func(a Article) error {
		if a.ID == "" || (a.Title == "" && a.Body == "") {
			t.Fatalf("article %+v without ID or text", a)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"t/1","title":"الكاظمي","date":"2021-07-26","body":"نص"}` + "\n" + `{"id": 5, "text": "x"}`))
	f.Add([]byte("{\"title\":\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzFormat(t, FormatJSONL, b)
		if got, want := jsonlEvents(t, b, 3, 64), jsonlEvents(t, b, 1, 64); !reflect.DeepEqual(got, want) {
			t.Fatalf("parallel JSONL reader:\n%q\nsequential:\n%q", got, want)
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`[{"id":"t/1","title":"الكاظمي","body":"نص"}, {"text": "x"}]`))
	f.Add([]byte(`{"title":"a","body":"b"} {"title":"c"}`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"t","home_page_url":"https://x.example/","items":[{"url":"a","content_html":"<p>b</p>","language":"ar-IQ"}]}`))
	f.Add([]byte("\xff\xfe[\x00{\x00}\x00]\x00"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzFormat(t, FormatJSON, b) })
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("id,title,body,date\n1,الكاظمي,نص,2021-07-26\n2,\"a \"\"b\"\"\",c\n"))
	f.Add([]byte("title,body\n\"a\" b,c\nd,\"e\" f\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzFormat(t, FormatCSV, b) })
}

func FuzzReadText(f *testing.F) {
	f.Add([]byte("title\n11-يوليو-2021\nbody"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzFormat(t, FormatText, b) })
}

// TestSourceNamesCleaned: one source written three ways — standard letters,
// PDF presentation forms, a Persian keyboard with a ZWNJ — is one source
// as stats and --source see it (a tester's input, issue 12).
func TestSourceNamesCleaned(t *testing.T) {
	content := `{"id": "s1", "source": "السومرية نيوز", "title": "لقاء", "body": "التقى مصطفى الكاظمي هادي العامري في بغداد."}
{"id": "s2", "source": "ﺍﻟﺴﻮﻣﺮﻳﺔ ﻧﻴﻮﺯ", "title": "لقاء", "body": "التقى مصطفى الكاظمي قيس الخزعلي في بغداد."}
{"id": "s3", "source": "السومریة` + "\u200c" + ` نیوز", "title": "لقاء", "body": "التقى مصطفى الكاظمي مقتدى الصدر في بغداد."}
`
	arts, probs := readAllFrom(t, ReadOptions{}, "src.jsonl", content)
	if len(probs) != 0 || len(arts) != 3 {
		t.Fatalf("%d articles, problems %v; want 3 and none", len(arts), probs)
	}
	for _, a := range arts {
		if a.Source != "السومرية نيوز" {
			t.Errorf("%s: source %q, want %q", a.Record, a.Source, "السومرية نيوز")
		}
	}
}
