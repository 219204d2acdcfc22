package brown

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// JSONFields are the fields of a JSON-lines article that AddJSONL reads,
// in this order: ar-news-2022 has title and body, ar-newspapers-2012 has
// text (its title_guess is text's first line, so it is not read twice).
var JSONFields = []string{"title", "body", "text", "content"}

// AddJSONL adds the JSONFields of each JSON object in r, one a line, as
// text (AddText). Blank lines are skipped; a line that is not a JSON
// object is an error naming its line.
func (c *Counter) AddJSONL(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal(b, &rec); err != nil {
			return fmt.Errorf("brown: jsonl line %d: %w", line, err)
		}
		for _, f := range JSONFields {
			if s, ok := rec[f].(string); ok {
				c.AddText(s)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("brown: read jsonl: %w", err)
	}
	return nil
}

// AddCoNLL adds the tokens of a CoNLL file: the first space- or
// tab-separated column of each line is a token, a blank line ends a
// sentence, and -DOCSTART- lines end one too. Tokens are folded with
// Tokens, so one CoNLL token may give several words ("U.S." → "u" "s")
// — the words the tagger looks up. A file without blank lines
// (ANERcorp) is one long sentence per "." token, as newsgraph eval
// reads it.
func (c *Counter) AddCoNLL(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var sent []string
	flush := func() {
		c.AddWords(sent)
		sent = sent[:0]
	}
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "-DOCSTART-") {
			flush()
			continue
		}
		tok, _, _ := strings.Cut(line, " ")
		tok, _, _ = strings.Cut(tok, "\t")
		sent = append(sent, Tokens(tok)...)
		if tok == "." {
			flush()
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return fmt.Errorf("brown: read conll: %w", err)
	}
	return nil
}

// CSVColumns are the header names of the columns AddCSV reads when
// given none (FA-KES: article_title, article_content).
var CSVColumns = []string{"title", "body", "text", "content", "article_title", "article_content"}

// AddCSV adds the named columns of a CSV file with a header row as text.
// A file that is not valid UTF-8 is read as Windows-1252 (FA-KES is).
// It is an error if none of the columns is in the header.
func (c *Counter) AddCSV(r io.Reader, columns []string) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("brown: read csv: %w", err)
	}
	if !utf8.Valid(data) {
		data = decodeWindows1252(data)
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("brown: csv header: %w", err)
	}
	if len(columns) == 0 {
		columns = CSVColumns
	}
	var idx []int
	for _, want := range columns {
		for i, h := range header {
			if strings.EqualFold(strings.TrimSpace(h), want) {
				idx = append(idx, i)
			}
		}
	}
	if len(idx) == 0 {
		return fmt.Errorf("brown: csv has none of the columns %s", strings.Join(columns, ", "))
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("brown: csv: %w", err)
		}
		for _, i := range idx {
			if i < len(rec) {
				c.AddText(rec[i])
			}
		}
	}
}

// AddPlain adds plain UTF-8 text, read whole.
func (c *Counter) AddPlain(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("brown: read text: %w", err)
	}
	c.AddText(string(data))
	return nil
}

// cp1252 maps bytes 0x80–0x9F of Windows-1252 to their runes (0 where
// the code page leaves the byte undefined; it is then read as Latin-1).
var cp1252 = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

func decodeWindows1252(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		r := rune(c)
		if c >= 0x80 && c < 0xA0 && cp1252[c-0x80] != 0 {
			r = cp1252[c-0x80]
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}
