package read

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// describeAll writes an article as "title | source | url | date | lang |
// body" (date "-" when unknown, else the wall-clock time as written).
func describeAll(a Article) string {
	date := "-"
	if !a.Published.IsZero() {
		date = a.Published.Format("2006-01-02T15:04")
	}
	return fmt.Sprintf("%s | %s | %s | %s | %s | %s", a.Title, a.Source, a.URL, date, a.Lang, a.Body)
}

// readShape reads one input as readCase does, describing articles with
// describeAll.
func readShape(t *testing.T, opts ReadOptions, name, content string) ([]string, []string) {
	t.Helper()
	arts, probs := readAllFrom(t, opts, name, content)
	var got []string
	for _, a := range arts {
		got = append(got, describeAll(a))
	}
	return got, problems(probs)
}

// TestReadJSONShapesAPIs reads the responses of news APIs and JSON Feed
// without --map: the fields are found under their dotted paths.
func TestReadJSONShapesAPIs(t *testing.T) {
	const (
		kadhimi = "Mustafa al-Kadhimi met Ebrahim Raisi in Tehran."
		sadr    = "Muqtada al-Sadr spoke in Najaf."
	)
	for _, tc := range []struct {
		name, file, content string
		articles, problems  []string
	}{
		{
			// A search answer with a title of its own is an envelope:
			// its records look like articles and it has no body.
			name: "envelope with a title", file: "json/envelope-with-title.json",
			articles: []string{
				"Kadhimi in Tehran |  | https://et.example.com/1 | - | en | " + kadhimi,
				"Sadr in Najaf |  | https://et.example.com/2 | - | en | " + sadr,
			},
		},
		{
			name: "envelope with a title, one a line", file: "titled.jsonl",
			content: `{"title": "results", "articles": [{"title": "a", "body": "Raisi spoke."}]}` + "\n" +
				`{"articles": [{"title": "b", "body": "Sadr spoke."}], "title": "results"}` + "\n",
			articles: []string{"a |  |  | - | en | Raisi spoke.", "b |  |  | - | en | Sadr spoke."},
		},
		{
			// A body of its own makes an article, which says what it
			// leaves unread.
			name: "article holding records", file: "held.json",
			content:  `{"title": "t", "body": "Amiri spoke.", "articles": [{"title": "a", "url": "https://x.example/1"}, {"title": "b"}]}`,
			articles: []string{"t |  |  | - | en | Amiri spoke."},
			problems: []string{`held.json: record 1: an object with a body of its own is read as one article; the 2 records in its member "articles" are not read warning=true`},
		},
		{
			name: "article holding records, one a line", file: "held.jsonl",
			content:  `{"title": "t", "body": "Amiri spoke.", "items": [{"title": "a"}]}` + "\n",
			articles: []string{"t |  |  | - | en | Amiri spoke."},
			problems: []string{`held.jsonl:1: an object with a body of its own is read as one article; the 1 records in its member "items" are not read warning=true`},
		},
		{
			// Objects that do not look like articles are no records.
			name: "titled object with other items", file: "other.json",
			content:  `{"title": "Amiri in Baghdad", "items": [{"x": 1}, {"y": 2}]}`,
			articles: []string{"Amiri in Baghdad |  |  | - | en | "},
		},
		{
			// JSON Feed: the source is the home page's host, HTML content
			// is text.
			name: "json feed", file: "json/jsonfeed.json",
			articles: []string{
				"Kadhimi in Tehran | jf.example.org | https://jf.example.org/news/1 | 2021-07-11T01:30 | en | " + kadhimi,
				"Sadr in Najaf | jf.example.org | https://jf.example.org/news/2 | 2021-07-12T10:00 | en | " + sadr,
			},
		},
		{
			name: "json feed with relative urls", file: "feed.json",
			content: `{"version": "https://jsonfeed.org/version/1", "title": "Example News", "home_page_url": "https://jf.example.org/ar/", "language": "ar-IQ",
				"items": [{"id": "7", "url": "news/7", "title": "Raisi", "content_html": "<p>Raisi &amp; Kadhimi met.</p><p>Talks went on.</p>", "summary": "s"},
				          {"id": "8", "url": "/en/8", "title": "Sadr", "source": "Wire", "content_text": "Sadr spoke.", "content_html": "<b>ignored</b>"}]}`,
			articles: []string{
				"Raisi | jf.example.org | https://jf.example.org/ar/news/7 | - | ar | Raisi & Kadhimi met.\nTalks went on.",
				"Sadr | Wire | https://jf.example.org/en/8 | - | ar | Sadr spoke.",
			},
		},
		{
			name: "json feed without a home page", file: "feed2.json",
			content:  `{"version": "https://jsonfeed.org/version/1.1", "title": "Example News", "items": [{"id": "1", "title": "t", "content_text": "Amiri spoke."}]}`,
			articles: []string{"t | Example News |  | - | en | Amiri spoke."},
		},
		{
			name: "bing news", file: "json/bing.json",
			articles: []string{
				"Kadhimi meets Raisi in Tehran | Bing Source | https://bing-src.example.com/a/1 | 2021-07-11T01:30 | en | " + kadhimi,
				"Sadr in Najaf | Bing Source | https://bing-src.example.com/a/2 | 2021-07-12T10:00 | en | " + sadr,
			},
		},
		{
			name: "the guardian", file: "json/guardian.json",
			articles: []string{
				"Kadhimi visits Tehran |  | https://www.theguardian.example/world/2021/jul/11/kadhimi | 2021-07-10T22:30 | en | Mustafa al-Kadhimi met Ebrahim Raisi in Tehran on Sunday.",
				"Sadr speaks |  | https://www.theguardian.example/world/2021/jul/12/sadr | 2021-07-12T10:00 | en | " + sadr,
			},
		},
		{
			// The lead paragraph is the text; the abstract would be,
			// without one.
			name: "new york times", file: "json/response-docs.json",
			articles: []string{
				// pub_date "2021-07-12T22:30:00+0000": the time is read since the round-2 date fix
				"Kadhimi Visits Tehran | The Example Times | https://www.example-times.com/2021/07/12/world/kadhimi.html | 2021-07-12T22:30 | en | Prime Minister Mustafa al-Kadhimi of Iraq met Ebrahim Raisi on Monday.",
				"Sadr Speaks | The Example Times | https://www.example-times.com/2021/07/13/world/sadr.html | 2021-07-13T10:00 | en | Muqtada al-Sadr spoke in Najaf on Tuesday.",
			},
		},
		{
			name: "gdelt", file: "json/gdelt.json",
			articles: []string{
				"Kadhimi meets Raisi in Tehran | gd.example.com | https://gd.example.com/1 | 2021-07-11T01:30 | en | ",
				"Sadr addresses supporters in Najaf | gd.example.com | https://gd.example.com/2 | 2021-07-12T10:00 | en | ",
			},
		},
		{
			name: "neither title nor body", file: "none.jsonl",
			content:  `{"id": "1", "meta": {"headline_text": "x"}}` + "\n",
			problems: []string{"none.jsonl:1: record has neither title nor body (its keys: id, meta.headline_text; name them with --map title=KEY,body=KEY) warning=false"},
		},
		{
			name: "title and body empty or null", file: "empty.jsonl",
			content: `{"id": "1", "title": "", "body": null}` + "\n" + `{"id": "2", "title": " ", "source": "s"}` + "\n",
			problems: []string{"empty.jsonl:1: record's title and body are empty warning=false",
				"empty.jsonl:2: record's title is empty and it has no body (its keys: id, source, title; name them with --map title=KEY,body=KEY) warning=false"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, probs := readShape(t, ReadOptions{}, tc.file, tc.content)
			checkRead(t, got, probs, tc.articles, tc.problems)
		})
	}
}

// TestReadMapDottedPaths checks --map with dotted paths, and the warning
// for a --map key that no record has.
func TestReadMapDottedPaths(t *testing.T) {
	for _, tc := range []struct {
		name, file, content string
		fields              map[string]string
		articles, problems  []string
	}{
		{
			name: "dotted paths", file: "json/response-docs.json",
			fields: map[string]string{"title": "headline.print_headline", "body": "abstract"},
			articles: []string{
				"Iraqi Leader in Iran | Mustafa al-Kadhimi met Ebrahim Raisi in Tehran.",
				"Cleric Speaks | Muqtada al-Sadr spoke in Najaf.",
			},
		},
		{
			name: "case does not matter", file: "json/guardian.json",
			fields: map[string]string{"body": "FIELDS.BODYTEXT"},
			articles: []string{
				"Kadhimi visits Tehran | Mustafa al-Kadhimi met Ebrahim Raisi in Tehran on Sunday.",
				"Sadr speaks | Muqtada al-Sadr spoke in Najaf.",
			},
		},
		{
			// A misspelt key takes nothing, and is reported once.
			name: "no record has the key", file: "json/guardian.json",
			fields:   map[string]string{"body": "fields.body_text", "date": "webDate"},
			articles: []string{"Kadhimi visits Tehran | ", "Sadr speaks | "},
			problems: []string{
				"guardian.json: --map body=fields.body_text matched no key; records have: fields.bodyText, id, type, webPublicationDate, webTitle, webUrl warning=true",
				"guardian.json: --map date=webDate matched no key; records have: fields.bodyText, id, type, webPublicationDate, webTitle, webUrl warning=true",
			},
		},
		{
			name: "one a line, on every core", file: "lines.jsonl",
			content:  `{"a": {"t": "x", "b": "Amiri spoke."}}` + "\n" + `{"a": {"t": "y"}}` + "\n",
			fields:   map[string]string{"title": "a.t", "body": "a.body"},
			articles: []string{"x | ", "y | "},
			problems: []string{"lines.jsonl: --map body=a.body matched no key; records have: a.b, a.t warning=true"},
		},
		{
			// ar-newspapers-2012's date_guess is null in every record
			// (issue 15): the key is there, its value never.
			name: "present but null in every record", file: "null.jsonl",
			content:  `{"title": "x", "date_guess": null}` + "\n" + `{"title": "y", "date_guess": ""}` + "\n",
			fields:   map[string]string{"date": "date_guess"},
			articles: []string{"x | ", "y | "},
			problems: []string{"null.jsonl: --map date=date_guess: the key is present but empty or null in every record warning=true"},
		},
		{
			name: "null in some records only", file: "some.jsonl",
			content:  `{"title": "x", "d": null}` + "\n" + `{"title": "y", "d": "2021-07-11"}` + "\n",
			fields:   map[string]string{"date": "d"},
			articles: []string{"x | ", "y | "},
		},
		{
			name: "csv column", file: "m.csv", content: "Headline,Text\nt,Amiri spoke.\n",
			fields:   map[string]string{"title": "headline", "body": "story"},
			articles: []string{"t | "},
			problems: []string{"m.csv: --map body=story matched no key; records have: Headline, Text warning=true"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts, probs := readAllFrom(t, ReadOptions{Fields: tc.fields}, tc.file, tc.content)
			var got []string
			for _, a := range arts {
				got = append(got, a.Title+" | "+a.Body)
			}
			if !reflect.DeepEqual(got, tc.articles) {
				t.Errorf("articles\n%q\nwant\n%q", got, tc.articles)
			}
			if p := problems(probs); !reflect.DeepEqual(p, tc.problems) {
				t.Errorf("problems\n%q\nwant\n%q", p, tc.problems)
			}
		})
	}
}

// readAllFrom reads a case file, or content written to a file of that name.
func readAllFrom(t *testing.T, opts ReadOptions, name, content string) ([]Article, []Problem) {
	t.Helper()
	path := filepath.Join("testdata", "cases", name)
	if content != "" {
		path = filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return readAll(t, opts, path)
}

func TestNormLang(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"ar", "ar", true}, {"ar-SA", "ar", true}, {"Arabic", "ar", true}, {"ARABIC", "ar", true},
		{"ara", "ar", true}, {"العربية", "ar", true}, {"EN", "en", true}, {"en-US", "en", true},
		{"en_GB", "en", true}, {"eng", "en", true}, {"English", "en", true}, {"الإنجليزية", "en", true},
		{"fa-IR", "fa", true}, {"Persian", "fa", true}, {" fr ", "fr", true},
		{"und", "", false}, {"Klingonese", "", false}, {"xx", "", false}, {"12", "", false},
	} {
		got, ok := normLang(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("normLang(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestReadLangValues reads languages as records write them: tags, codes
// and names become ISO 639-1 codes; what is no language is reported and
// the language told from the script.
func TestReadLangValues(t *testing.T) {
	arts, probs := readAll(t, ReadOptions{}, "testdata/cases/json/lang-values.jsonl")
	var got []string
	for _, a := range arts {
		got = append(got, a.Record+" "+a.Lang)
	}
	if want := []string{"l1 ar", "l2 ar", "l3 en", "l4 en", "l5 ar"}; !reflect.DeepEqual(got, want) {
		t.Errorf("langs %q, want %q", got, want)
	}
	if len(probs) != 0 {
		t.Errorf("problems %v", problems(probs))
	}

	content := `{"id": "u1", "lang": "Klingonese", "title": "t", "body": "Sadr spoke in Najaf."}
{"id": "u2", "language": "العربية", "title": "t", "body": "Sadr spoke in Najaf."}
{"id": "u3", "lang": "??", "title": "الصدر", "body": "تحدث الصدر في النجف."}
`
	arts, probs = readAllFrom(t, ReadOptions{}, "unknown.jsonl", content)
	got = nil
	for _, a := range arts {
		got = append(got, a.Record+" "+a.Lang)
	}
	// u2 says Arabic of an English text: the record is believed.
	if want := []string{"u1 en", "u2 ar", "u3 ar"}; !reflect.DeepEqual(got, want) {
		t.Errorf("langs %q, want %q", got, want)
	}
	wantProbs := []string{
		`unknown.jsonl:1: language "Klingonese" not understood; the language is detected from the script instead warning=true`,
		`unknown.jsonl:3: language "??" not understood; the language is detected from the script instead warning=true`,
	}
	if p := problems(probs); !reflect.DeepEqual(p, wantProbs) {
		t.Errorf("problems\n%q\nwant\n%q", p, wantProbs)
	}

	// --lang sets every language: nothing to warn of.
	arts, probs = readAllFrom(t, ReadOptions{Lang: "en"}, "unknown.jsonl", content)
	if len(arts) != 3 || len(probs) != 0 {
		t.Errorf("--lang en: %d articles, problems %v", len(arts), problems(probs))
	}
}

// TestReadCSVSpreadsheetQuotes reads a field that begins with a quoted part
// and goes on after it as spreadsheets do, the quoted part and the rest,
// and checks that every row is stored or reported.
func TestReadCSVSpreadsheetQuotes(t *testing.T) {
	for _, tc := range []struct {
		name, file, content string
		rows                int
		articles, problems  []string
	}{
		{
			name: "stray leading quote", file: "csv/stray-leading-quote.csv", rows: 4,
			articles: []string{
				"T1 |  | 2021-07-12 | Sadr said the deal was a betrayal in Najaf.",
				"T2 |  | 2021-07-12 | Hadi al-Amiri spoke in Baghdad.",
				`T3 |  | 2021-07-13 | 5" rockets hit Baghdad airport.`,
				"T4 |  | 2021-07-13 | Barham Salih spoke in Basra.",
			},
			problems: []string{`stray-leading-quote.csv:2: field 3 begins with a quoted part and goes on after it ("Sadr said the deal was a betrayal in Naj…"); read as spreadsheets read it, the quoted part and the rest, without the quotes warning=true`},
		},
		{
			// The quote of line 2 would close on line 3, a row of its own.
			name: "closes on a row of its own", file: "q.csv", rows: 3,
			content: "title,body\n" +
				`"Sadr" speaks,Muqtada al-Sadr spoke.` + "\n" +
				`Amiri,Hadi al-Amiri said "no".` + "\n" +
				"Salih,Barham Salih spoke.\n",
			articles: []string{
				"Sadr speaks |  | - | Muqtada al-Sadr spoke.",
				`Amiri |  | - | Hadi al-Amiri said "no".`,
				"Salih |  | - | Barham Salih spoke.",
			},
			problems: []string{`q.csv:2: field 1 begins with a quoted part and goes on after it ("Sadr speaks"); read as spreadsheets read it, the quoted part and the rest, without the quotes warning=true`},
		},
		{
			// Read so, the line has too many fields: reported as before.
			name: "no row either way", file: "r.csv", rows: 2,
			content:  "title,body\n" + `"a" b,c,d` + "\n" + "Salih,Barham Salih spoke.\n",
			articles: []string{"Salih |  | - | Barham Salih spoke."},
			problems: []string{"r.csv:2: unterminated quote: the quote opened on this line runs to the end of the file; the row is skipped and line 3 is read as a row of its own warning=false"},
		},
		{
			// A quoted field over lines is no stray quote.
			name: "quoted line breaks", file: "m.csv", rows: 2,
			content:  "title,body\n" + `t,"Line one` + "\n" + `line ""two"""` + "\n" + "u,Amiri spoke.\n",
			articles: []string{"t |  | - | Line one\nline \"two\"", "u |  | - | Amiri spoke."},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, probs := readCase(t, ReadOptions{}, tc.file, tc.content)
			checkRead(t, got, probs, tc.articles, tc.problems)
			skipped := 0
			for _, p := range probs {
				if strings.HasSuffix(p, "warning=false") {
					skipped++
				}
			}
			if len(got)+skipped != tc.rows {
				t.Errorf("%d rows in, %d stored + %d reported", tc.rows, len(got), skipped)
			}
		})
	}
}

func TestSpreadsheetFields(t *testing.T) {
	for _, tc := range []struct {
		line   string
		fields []string
		mid    int
	}{
		{`a,"b" c,d`, []string{"a", "b c", "d"}, 2},
		{`"a""b" c "d",e`, []string{`a"b c "d"`, "e"}, 1},
		{`"a",b`, []string{"a", "b"}, 0},
		{`a,"b`, []string{"a", "b"}, 0},
		{`"x" y`, []string{"x y"}, 1},
		{`,`, []string{"", ""}, 0},
	} {
		fields, mid := spreadsheetFields(tc.line, ',')
		if !reflect.DeepEqual(fields, tc.fields) || mid != tc.mid {
			t.Errorf("spreadsheetFields(%q) = %q, %d; want %q, %d", tc.line, fields, mid, tc.fields, tc.mid)
		}
	}
}

// TestReadUTF16 reads inputs that begin with a UTF-16 byte-order mark in
// every format, and tells of UTF-16 without one.
func TestReadUTF16(t *testing.T) {
	enc := func(s string, e unicode.Endianness, bom unicode.BOMPolicy) string {
		b, err := unicode.UTF16(e, bom).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	le, be := unicode.LittleEndian, unicode.BigEndian
	for _, tc := range []struct {
		name, file, content string
		opts                ReadOptions
		articles, problems  []string
	}{
		{
			name: "csv, the tester's", file: "csv/utf16.csv",
			articles: []string{"الكاظمي في طهران |  | 2021-07-12 | التقى مصطفى الكاظمي إبراهيم رئيسي في طهران."},
		},
		{
			// The mark wins over an --encoding meant for other inputs.
			name: "csv little-endian with --encoding", file: "le.csv", opts: ReadOptions{Encoding: "windows-1256"},
			content:  enc("title,body\r\nالصدر,تحدث الصدر في النجف.\r\n", le, unicode.UseBOM),
			articles: []string{"الصدر |  | - | تحدث الصدر في النجف."},
		},
		{
			name: "jsonl big-endian", file: "be.jsonl",
			content:  enc(`{"title": "Sadr", "body": "Sadr spoke."}`+"\n"+`{"title": "Amiri", "body": "Amiri spoke."}`+"\n", be, unicode.UseBOM),
			articles: []string{"Sadr |  | - | Sadr spoke.", "Amiri |  | - | Amiri spoke."},
		},
		{
			name: "json little-endian", file: "le.json",
			content:  enc(`[{"title": "Sadr", "body": "Sadr spoke."}]`, le, unicode.UseBOM),
			articles: []string{"Sadr |  | - | Sadr spoke."},
		},
		{
			name: "text big-endian", file: "be.txt",
			content:  enc("الصدر في النجف\n\nتحدث الصدر في النجف.\n", be, unicode.UseBOM),
			articles: []string{"الصدر في النجف | file | - | تحدث الصدر في النجف."},
		},
		{
			name: "text without a mark", file: "nobom.txt",
			content:  enc("Sadr in Najaf\n\nSadr spoke.\n", le, unicode.IgnoreBOM),
			problems: []string{"nobom.txt: NUL bytes: text in UTF-16 without a byte-order mark? (pass --encoding utf-16le or --encoding utf-16be) warning=false"},
		},
		{
			name: "csv without a mark", file: "nobom.csv",
			content:  enc("title,body\nt,Sadr spoke.\n", le, unicode.IgnoreBOM),
			problems: []string{"nobom.csv:1: no title or body column: NUL bytes in the header: text in UTF-16 without a byte-order mark? (pass --encoding utf-16le or --encoding utf-16be) warning=false"},
		},
		{
			name: "json without a mark", file: "nobom.json",
			content:  enc(`[{"title": "t", "body": "Sadr spoke."}]`, be, unicode.IgnoreBOM),
			problems: []string{"nobom.json: not a JSON array or object: NUL bytes: text in UTF-16 without a byte-order mark? (pass --encoding utf-16le or --encoding utf-16be) warning=false"},
		},
		{
			name: "jsonl without a mark", file: "nobom.jsonl",
			content: enc(`{"title": "t", "body": "Sadr spoke."}`+"\n", le, unicode.IgnoreBOM),
			// Line 2 is the NUL of the line break.
			problems: []string{
				"nobom.jsonl:1: NUL bytes: text in UTF-16 without a byte-order mark? (pass --encoding utf-16le or --encoding utf-16be) warning=false",
				"nobom.jsonl:2: NUL bytes: text in UTF-16 without a byte-order mark? (pass --encoding utf-16le or --encoding utf-16be) warning=false",
			},
		},
		{
			name: "csv without a mark, named", file: "nobom2.csv", opts: ReadOptions{Encoding: "utf-16le"},
			content:  enc("title,body\nt,Sadr spoke.\n", le, unicode.IgnoreBOM),
			articles: []string{"t |  | - | Sadr spoke."},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, probs := readCase(t, tc.opts, tc.file, tc.content)
			checkRead(t, got, probs, tc.articles, tc.problems)
		})
	}
	if !isUTF16([]byte{0xfe, 0xff, 0, 'a'}) || isUTF16([]byte("\ufeffa")) || !manyNULs(bytes.Repeat([]byte("a\x00"), 4)) {
		t.Error("isUTF16 or manyNULs is wrong")
	}
}

// TestReadArabicColumns reads CSV columns and JSON keys named in Arabic.
func TestReadArabicColumns(t *testing.T) {
	for _, tc := range []struct {
		name, file, content string
		articles            []string
	}{
		{
			name: "the tester's", file: "csv/ar-headers-utf8.csv",
			articles: []string{
				"الكاظمي في طهران |  |  | 2021-07-12T00:00 | ar | التقى مصطفى الكاظمي إبراهيم رئيسي في طهران.",
				"الصدر في النجف |  |  | 2021-07-13T00:00 | ar | تحدث مقتدى الصدر في النجف.",
			},
		},
		{
			name: "every column", file: "ar.csv",
			content: "المعرف,العنوان,المتن,المصدر,الرابط,اللغة\n" +
				"7,الصدر في النجف,تحدث مقتدى الصدر.,وكالة,https://w.example/7,العربية\n",
			articles: []string{"الصدر في النجف | وكالة | https://w.example/7 | - | ar | تحدث مقتدى الصدر."},
		},
		{
			name: "json keys", file: "ar.jsonl",
			content:  `{"العنوان": "العامري", "المحتوى": "تحدث هادي العامري.", "التاريخ": "2021-07-12"}` + "\n",
			articles: []string{"العامري |  |  | 2021-07-12T00:00 | ar | تحدث هادي العامري."},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, probs := readShape(t, ReadOptions{}, tc.file, tc.content)
			if !reflect.DeepEqual(got, tc.articles) {
				t.Errorf("articles\n%q\nwant\n%q", got, tc.articles)
			}
			if len(probs) != 0 {
				t.Errorf("problems %q", probs)
			}
		})
	}
}
