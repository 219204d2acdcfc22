package read

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// describe writes an article as "title | source | date | body" (date "-"
// when unknown), for tests that compare what was read.
func describe(a Article) string {
	date := "-"
	if !a.Published.IsZero() {
		date = a.Published.Format("2006-01-02")
	}
	return fmt.Sprintf("%s | %s | %s | %s", a.Title, a.Source, date, a.Body)
}

// checkRead compares the articles and problems a read gave, as describe
// and problems write them, with those wanted.
func checkRead(t *testing.T, got, probs, articles, problems []string) {
	t.Helper()
	if !reflect.DeepEqual(got, articles) {
		t.Errorf("articles\n%q\nwant\n%q", got, articles)
	}
	if !reflect.DeepEqual(probs, problems) {
		t.Errorf("problems\n%q\nwant\n%q", probs, problems)
	}
}

// readCase reads one input, given as the name of a file under
// testdata/cases or as content written to a file of that name (so that its
// extension tells the format).
func readCase(t *testing.T, opts ReadOptions, name, content string) ([]string, []string) {
	t.Helper()
	arts, probs := readAllFrom(t, opts, name, content)
	var got []string
	for _, a := range arts {
		got = append(got, describe(a))
	}
	return got, problems(probs)
}

func TestReadCSVQuotesAndDelimiters(t *testing.T) {
	for _, tc := range []struct {
		name, file, content string
		opts                ReadOptions
		articles, problems  []string
	}{
		{
			// A bare quote in an unquoted field is a character, as
			// spreadsheets read it; a quote never closed costs its own
			// row only, the rows after it are read.
			name: "stray and unterminated quotes", file: "csv/stray-and-unterminated-quotes.csv",
			articles: []string{
				`Row one |  | 2021-07-12 | Muqtada al-Sadr called the deal a "betrayal" in Najaf.`,
				"Row two |  | 2021-07-12 | Hadi al-Amiri met Badr Organization commanders in Baghdad.",
				"Row four |  | 2021-07-14 | Barham Salih visited Basra.",
				"Row five |  | 2021-07-15 | Qais al-Khazali spoke in Baghdad.",
			},
			problems: []string{"stray-and-unterminated-quotes.csv:4: unterminated quote: the quote opened on this line runs to the end of the file; the row is skipped and lines 5–6 (2 lines) are read as rows of their own warning=false"},
		},
		{
			name: "semicolons detected", file: "csv/semicolon-delimited.csv",
			articles: []string{
				"Kadhimi in Tehran |  | 2021-07-12 | Prime Minister Mustafa al-Kadhimi arrived in Tehran, Iran.",
				"Sadr in Najaf |  | 2021-07-13 | Muqtada al-Sadr addressed supporters in Najaf.",
			},
		},
		{
			name: "semicolons named", file: "csv/semicolon-delimited.csv", opts: ReadOptions{Delimiter: ';'},
			articles: []string{
				"Kadhimi in Tehran |  | 2021-07-12 | Prime Minister Mustafa al-Kadhimi arrived in Tehran, Iran.",
				"Sadr in Najaf |  | 2021-07-13 | Muqtada al-Sadr addressed supporters in Najaf.",
			},
		},
		{
			// The error names the flag that helps, not --map.
			name: "wrong delimiter named", file: "csv/semicolon-delimited.csv", opts: ReadOptions{Delimiter: ','},
			problems: []string{`semicolon-delimited.csv:1: no title or body column: the header "title;date;body" looks delimited by semicolons, not commas (pass --delimiter ';') warning=false`},
		},
		{
			// Excel's "CSV UTF-8" with every name quoted: the byte-order
			// mark once hid the first column ("source") without a word.
			name: "byte-order mark before a quoted header", file: "bom.csv",
			content:  "\ufeff\"source\",\"title\",\"body\"\r\n\"wire\",\"Sadr in Najaf\",\"Muqtada al-Sadr spoke.\"\r\n",
			articles: []string{"Sadr in Najaf | wire | - | Muqtada al-Sadr spoke."},
		},
		{
			// Titles alone are articles; a text column under a name we do
			// not know is named in a warning, not lost without a word.
			name: "no body column", file: "story.csv",
			content:  "unit_id,headline,published,story\n1,Sadr in Najaf,12/07/2021,Muqtada al-Sadr spoke.\n",
			articles: []string{"Sadr in Najaf |  | 2021-07-12 | "},
			problems: []string{"story.csv:1: no body column: articles are their titles alone; if one of unit_id, story holds the text, name it with --map body=COLUMN warning=true"},
		},
		{
			name: "tabs detected in a .csv", file: "tabs.csv", content: "title\tbody\nA\tSadr, in Najaf; spoke.\n",
			articles: []string{"A |  | - | Sadr, in Najaf; spoke."},
		},
		{
			name: "pipes detected", file: "pipes.csv", content: "title|source|body\nA|wire|b, c; d\nB|wire|e\n",
			articles: []string{"A | wire | - | b, c; d", "B | wire | - | e"},
		},
		{
			// Semicolons in the text do not outvote the header's commas.
			name: "commas with semicolons in the text", file: "commas.csv",
			content:  "title,body\nA,x; y; z\nB,\"p; q\"\n",
			articles: []string{"A |  | - | x; y; z", "B |  | - | p; q"},
		},
		{
			name: "a tsv stays tab-separated", file: "semi.tsv", content: "title;body\nA;b\n",
			problems: []string{`semi.tsv:1: no title or body column: the header "title;body" looks delimited by semicolons, not tabs (pass --delimiter ';') warning=false`},
		},
		{
			name: "a header that names nothing known", file: "other.csv", content: "headline_ar,text_ar\nA,b\n",
			problems: []string{`other.csv:1: no title or body column among ["headline_ar" "text_ar"] (name them with --map title=COLUMN,body=COLUMN) warning=false`},
		},
		{
			// A quote that closes on a later line that reads as a row
			// of its own swallowed the rows between: they are read.
			name: "a quote closing on a later row", file: "closes-later.csv",
			content: "title,date,body\n" +
				"Row one,12/07/2021,\"Masoud Barzani received a delegation in Erbil.\n" +
				"Row two,14/07/2021,Barham Salih visited Basra.\n" +
				"Row three,15/07/2021,\"Qais al-Khazali spoke in Baghdad.\"\n" +
				"Row four,16/07/2021,Hadi al-Amiri spoke.\n",
			articles: []string{
				"Row two |  | 2021-07-14 | Barham Salih visited Basra.",
				"Row three |  | 2021-07-15 | Qais al-Khazali spoke in Baghdad.",
				"Row four |  | 2021-07-16 | Hadi al-Amiri spoke.",
			},
			problems: []string{"closes-later.csv:2: unterminated quote: the quote opened on this line closes only on line 4, which reads as a row of its own; the row is skipped and lines 3–4 (2 lines) are read as rows of their own warning=false"},
		},
		{
			// Fields with line breaks and doubled quotes, as CSV
			// libraries write them, are one row.
			name: "quoted line breaks", file: "multiline.csv",
			content:  "title,body\r\n\"A \"\"quoted\"\" title\",\"para one, with a comma\r\npara two \"\"x\"\", more\r\nend.\"\r\nB,b\r\n",
			articles: []string{"A \"quoted\" title |  | - | para one, with a comma\npara two \"x\", more\nend.", "B |  | - | b"},
		},
		{
			name: "stray quote inside a quoted field", file: "inner.csv",
			content:  "title,body\r\nA,\"he said \"no\" today\"\r\nB,he said \"no\"\r\n",
			articles: []string{`A |  | - | he said "no" today`, `B |  | - | he said "no"`},
		},
		{
			// The report names the lines a wrong record runs over.
			name: "field count over lines", file: "count.csv", content: "title,body\nA,\"x\ny\",extra\nB,b\n",
			articles: []string{"B |  | - | b"},
			problems: []string{"count.csv:2: 3 fields, the header has 2 (a quoted field runs over lines 2–3) warning=false"},
		},
		{
			// A second unterminated quote among the swallowed lines is
			// its row's only.
			name: "two unterminated quotes", file: "two.csv", content: "title,body\nA,\"x\nB,\"y\nC,c\n",
			articles: []string{"C |  | - | c"},
			problems: []string{
				"two.csv:2: unterminated quote: the quote opened on this line runs to the end of the file; the row is skipped and lines 3–4 (2 lines) are read as rows of their own warning=false",
				"two.csv:3: unterminated quote: the row is skipped warning=false",
			},
		},
		{
			name: "one line swallowed", file: "one.csv", content: "title,body\nA,\"x\nB,b",
			articles: []string{"B |  | - | b"},
			problems: []string{"one.csv:2: unterminated quote: the quote opened on this line runs to the end of the file; the row is skipped and line 3 is read as a row of its own warning=false"},
		},
		{
			name: "unterminated quote on the last line", file: "last.csv", content: "title,body\nA,a\nB,\"b",
			articles: []string{"A |  | - | a"},
			problems: []string{"last.csv:3: unterminated quote: the quote opened on this line runs to the end of the file; the row is skipped warning=false"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, probs := readCase(t, tc.opts, tc.file, tc.content)
			checkRead(t, got, probs, tc.articles, tc.problems)
		})
	}
}

// TestReadCSVQuoteOpenPastLimit checks that a quote open for more than the
// article limit costs one row: the lines after it are rows again.
func TestReadCSVQuoteOpenPastLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("title,body\nBroken,\"x\n")
	var want []string
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&b, "R%02d,Kadhimi spoke in Baghdad.\n", i)
		want = append(want, fmt.Sprintf("R%02d |  | - | Kadhimi spoke in Baghdad.", i))
	}
	got, probs := readCase(t, ReadOptions{MaxArticleBytes: 100}, "long.csv", b.String())
	if !reflect.DeepEqual(got, want) {
		t.Errorf("articles\n%q\nwant\n%q", got, want)
	}
	wantProbs := []string{"long.csv:2: unterminated quote: the quote opened on this line is still open after 100 bytes; the row is skipped and lines 3–5 (3 lines) are read as rows of their own warning=false"}
	if !reflect.DeepEqual(probs, wantProbs) {
		t.Errorf("problems\n%q\nwant\n%q", probs, wantProbs)
	}
}

func TestDetectDelimiter(t *testing.T) {
	for _, tc := range []struct {
		head string
		want rune
	}{
		{"title,date,body\na,b,c\n", ','},
		{"title;date;body\na;b;c\n", ';'},
		{"\ufefftitle;date;body\r\na;b, c;d\r\n", ';'},
		{"title\tbody\na\tb, c\n", '\t'},
		{"title|body\na|b\n", '|'},
		{"title\nonly one column\n", ','},
		{"", ','},
		{"\"a;b\",c\nx,y\n", ','},             // a semicolon inside quotes does not count
		{"title,body;x\na,b;c\nd,e;f\n", ','}, // a tie goes to the comma
		{"title;body,x\na;b,c,d\ne;f,g,h\n", ';'},
		{"title;body\na;b\nc;d\nlast line cut short by the pe", ';'},
	} {
		if got := detectDelimiter([]byte(tc.head)); got != tc.want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", tc.head, got, tc.want)
		}
	}
}

func TestParseDelimiter(t *testing.T) {
	for in, want := range map[string]rune{",": ',', ";": ';', "tab": '\t', `\t`: '\t', "\t": '\t', "TAB": '\t', "|": '|', "semicolon": ';'} {
		if got, err := ParseDelimiter(in); err != nil || got != want {
			t.Errorf("ParseDelimiter(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", ":", "\"", "\n", ",,"} {
		if _, err := ParseDelimiter(in); err == nil {
			t.Errorf("ParseDelimiter(%q) accepted", in)
		}
	}
}

func TestReadJSONShapes(t *testing.T) {
	const api1 = `{"source": {"id": null, "name": "Example Wire"}, "title": "Kadhimi arrives in Tehran", "description": "Kadhimi arrived in Tehran.", "publishedAt": "2021-09-12T08:00:00Z", "content": null}`
	for _, tc := range []struct {
		name, file, content string
		articles, problems  []string
	}{
		{
			// Source from source.name; the description is kept when
			// the content is cut ("… [+2210 chars]") or missing.
			name: "news API response", file: "json/news-api-response.json",
			articles: []string{
				"Kadhimi arrives in Tehran | Example Wire | 2021-09-12 | Prime Minister Mustafa al-Kadhimi arrived in Tehran to meet Ebrahim Raisi.\n\n" +
					"Iraqi Prime Minister Mustafa al-Kadhimi landed in Tehran on Sunday for talks with Ebrahim Raisi on border securi…",
				"Sadr rally in Najaf | Example Daily | 2021-09-13 | Muqtada al-Sadr addressed a rally in Najaf.",
			},
		},
		{
			name: "byte-order mark", file: "bom.json", content: "\ufeff[{\"title\":\"a\",\"body\":\"b\",\"source\":\"s\"}]",
			articles: []string{"a | s | - | b"},
		},
		{
			name: "byte-order mark, one object", file: "bom-object.json", content: "\ufeff{\"title\":\"a\",\"body\":\"b\"}",
			articles: []string{"a |  | - | b"},
		},
		{
			name: "byte-order mark, JSON lines", file: "bom.jsonl", content: "\ufeff{\"title\":\"a\",\"body\":\"b\"}\n{\"title\":\"c\",\"body\":\"d\"}\n",
			articles: []string{"a |  | - | b", "c |  | - | d"},
		},
		{
			name: "data envelope", file: "data.json", content: `{"data": [{"headline": "a", "text": "b"}, {"headline": "c", "text": "d"}], "meta": {"page": 1}}`,
			articles: []string{"a |  | - | b", "c |  | - | d"},
		},
		{
			name: "items after other members", file: "items.json", content: `{"kind": "list", "count": 1, "items": [` + api1 + `]}`,
			articles: []string{"Kadhimi arrives in Tehran | Example Wire | 2021-09-12 | Kadhimi arrived in Tehran."},
		},
		{
			name: "wrapped results", file: "guardian.json", content: `{"response": {"status": "ok", "results": [{"webTitle": "x", "title": "a", "body": "b"}]}}`,
			articles: []string{"a |  | - | b"},
		},
		{
			name: "wrapped docs", file: "nyt.json", content: `{"status": "OK", "response": {"meta": {"hits": 1}, "docs": [{"headline": {"main": "Raisi"}, "abstract": "Raisi spoke."}]}}`,
			articles: []string{"Raisi |  | - | Raisi spoke."},
		},
		{
			name: "empty results", file: "empty.json", content: `{"status": "ok", "totalResults": 0, "articles": []}`,
		},
		{
			// An article's own array of objects is no envelope once its
			// title came.
			name: "an article with items", file: "article.json", content: `{"title": "a", "body": "b", "items": [{"x": 1}]}`,
			articles: []string{"a |  | - | b"},
		},
		{
			name: "envelopes one after another", file: "pages.json",
			content:  `{"articles": [{"title": "a", "body": "b"}]} {"articles": [{"title": "c", "body": "d"}]} {"title": "e", "body": "f"}`,
			articles: []string{"a |  | - | b", "c |  | - | d", "e |  | - | f"},
		},
		{
			name: "an envelope a line", file: "pages.jsonl",
			content:  `{"status": "ok", "articles": [{"title": "a", "body": "b"}, {"title": "c", "content": "d… [+10 chars]"}]}` + "\n",
			articles: []string{"a |  | - | b", "c |  | - | d…"},
		},
		{
			name: "not objects in an array", file: "mixed.json", content: `[1, {"title": "a", "body": "b"}, "x"]`,
			articles: []string{"a |  | - | b"},
			problems: []string{
				"mixed.json: record 1: a JSON number, not an object warning=false",
				"mixed.json: record 3: a JSON string, not an object warning=false",
			},
		},
		{
			name: "records before an object's own body", file: "both.json", content: `{"items": [{"title": "a", "body": "b"}], "title": "t", "body": "u"}`,
			articles: []string{"a |  | - | b"},
			problems: []string{"both.json: record 1: an object with records in a member (read) and a body of its own (not read) warning=false"},
		},
		{
			name: "malformed inside an envelope", file: "broken.json", content: `{"articles": [{"title": "a", "body": "b"}, {"title": }]}`,
			articles: []string{"a |  | - | b"},
			problems: []string{"broken.json: record 2: malformed JSON: invalid character '}' looking for beginning of value; the rest of the file is skipped warning=false"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, probs := readCase(t, ReadOptions{}, tc.file, tc.content)
			checkRead(t, got, probs, tc.articles, tc.problems)
		})
	}
}

func TestWithDescription(t *testing.T) {
	const desc = "Prime Minister Mustafa al-Kadhimi arrived in Tehran."
	for _, tc := range []struct{ body, desc, want string }{
		{"", desc, desc},
		{"The whole text.", desc, "The whole text."},
		{"Talks on border securi… [+2210 chars]", desc, desc + "\n\nTalks on border securi…"},
		{"Talks on border securi...[+2210 chars]", desc, desc + "\n\nTalks on border securi…"},
		{"Talks on border securi [+2210 chars]", "", "Talks on border securi…"},
		{"[+2210 chars]", desc, desc},
		// One repeating the other: the longer only.
		{"Prime Minister Mustafa al-Kadhimi arrived… [+40 chars]", desc, desc},
		{desc + " He met Raisi and… [+40 chars]", desc, desc + " He met Raisi and…"},
		{"Costs [+5] rose.", desc, "Costs [+5] rose."},
	} {
		if got := withDescription(tc.body, tc.desc); got != tc.want {
			t.Errorf("withDescription(%q, %q) = %q, want %q", tc.body, tc.desc, got, tc.want)
		}
	}
}

// scanAll reads every record sc gives, split into fields, up to the first
// problem it reports (returned, nil when none).
func scanAll(t *testing.T, sc *csvScanner) ([][]string, *csvProblem) {
	t.Helper()
	var got [][]string
	for {
		rec, p, err := sc.next()
		if err == io.EOF {
			return got, nil
		}
		if err != nil {
			t.Fatal(err)
		}
		if p != nil {
			return got, p
		}
		fields, err := parseRecord(rec, sc.comma)
		if err != nil {
			t.Fatalf("record at line %d: %v", rec[0].n, err)
		}
		got = append(got, fields)
	}
}

// FuzzCSVScanner checks that the scanner splits a file into the records
// encoding/csv reads with LazyQuotes, up to a quote never closed, which
// encoding/csv reads to the end of the file and the scanner reports.
func FuzzCSVScanner(f *testing.F) {
	f.Add([]byte("a,b\n\"x\ny\",z\n\"q\"\"\",\"w\"x\"\r\n\r\nlast"), uint8(0))
	f.Add([]byte("a;b\r\n;\"\r\r\n\"\n"), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, pick uint8) {
		comma := Delimiters[int(pick)%len(Delimiters)]
		cr := csv.NewReader(bytes.NewReader(data))
		cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord = comma, true, -1
		want, err := cr.ReadAll()
		if err != nil {
			t.Skip()
		}
		got, p := scanAll(t, &csvScanner{br: bufio.NewReader(bytes.NewReader(data)), comma: comma, max: 1 << 20})
		if p != nil {
			// encoding/csv read the rest as the last record.
			want = want[:len(got)]
		}
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("scanner read\n%q\nencoding/csv\n%q", got, want)
		}
	})
}

// FuzzCSVScannerWritten checks that what a CSV library writes is read as
// written: the check for quotes that swallow rows never fires on fields
// whose quotes are doubled, whatever they hold.
func FuzzCSVScannerWritten(f *testing.F) {
	f.Add("a\x01\"quoted\" text\x01x\x01line one\nline two, \"quoted\"\n\x01\"\x01,\"\"\n", uint8(0))
	f.Add("p\x01\"\"\"\x01q\x01\",x,\"y\"", uint8(1))
	f.Fuzz(func(t *testing.T, s string, pick uint8) {
		comma := Delimiters[int(pick)%len(Delimiters)]
		cells := strings.Split(s, "\x01")
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.Comma = comma
		for i := 0; i+1 < len(cells); i += 2 {
			if err := w.Write([]string{cells[i], cells[i+1]}); err != nil {
				t.Skip()
			}
		}
		w.Flush()
		cr := csv.NewReader(bytes.NewReader(buf.Bytes()))
		cr.Comma, cr.FieldsPerRecord = comma, -1
		want, err := cr.ReadAll()
		if err != nil {
			t.Fatalf("encoding/csv cannot read what it wrote: %v", err)
		}
		got, p := scanAll(t, &csvScanner{br: bufio.NewReader(bytes.NewReader(buf.Bytes())), comma: comma, max: 1 << 20, fields: 2})
		if p != nil {
			t.Fatalf("line %d: %s\n%q", p.line, p.reason, buf.String())
		}
		if len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("scanner read\n%q\nencoding/csv\n%q", got, want)
		}
	})
}
