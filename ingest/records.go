package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/newsgraph/newsgraph/ingest/norm"
)

// defaultFields lists, per article field, the JSON keys and CSV columns
// it is looked for under, first match wins, compared case-insensitively.
var defaultFields = map[string][]string{
	"id":     {"id", "_id", "guid", "uuid", "article_id"},
	"url":    {"url", "link", "href", "canonical_url"},
	"source": {"source", "publisher", "site", "outlet", "domain"},
	"title":  {"title", "headline", "article_title"},
	"date":   {"date", "published", "publishedat", "published_at", "pubdate", "datetime", "date_published"},
	"body":   {"body", "text", "content", "article", "article_content", "article_body"},
	"lang":   {"lang", "language"},
}

// FieldNames are the article fields a --map can set.
var FieldNames = []string{"id", "url", "source", "title", "date", "body", "lang"}

// ParseFieldMap reads field=column pairs ("title=headline_ar") into the
// map ReadOptions.Fields takes.
func ParseFieldMap(pairs []string) (map[string]string, error) {
	m := make(map[string]string)
	for _, p := range pairs {
		for _, kv := range strings.Split(p, ",") {
			field, column, ok := strings.Cut(strings.TrimSpace(kv), "=")
			field = strings.ToLower(strings.TrimSpace(field))
			if !ok || column == "" {
				return nil, fmt.Errorf("--map %q: want FIELD=COLUMN, e.g. title=headline", kv)
			}
			if _, known := defaultFields[field]; !known {
				return nil, fmt.Errorf("--map %q: unknown field %q (want one of %s)", kv, field, strings.Join(FieldNames, ", "))
			}
			m[field] = strings.TrimSpace(column)
		}
	}
	return m, nil
}

// candidates returns the keys field is looked for under.
func (rd *reader) candidates(field string) []string {
	if c, ok := rd.opts.Fields[field]; ok {
		return []string{strings.ToLower(c)}
	}
	return defaultFields[field]
}

// ParseEncoding returns a decoder for a character encoding by its WHATWG
// name or alias (windows-1252, windows-1256, iso-8859-6, latin1, ...), or
// nil for UTF-8.
func ParseEncoding(name string) (func(io.Reader) io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "utf-8", "utf8":
		return nil, nil
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		return nil, fmt.Errorf("unknown encoding %q (want a name such as utf-8, windows-1252, windows-1256, iso-8859-6)", name)
	}
	return func(r io.Reader) io.Reader { return enc.NewDecoder().Reader(r) }, nil
}

// article builds an article from a record's fields, get returning the
// value under a lower-cased key.
func (rd *reader) article(get func(key string) string) (Article, error) {
	field := func(name string) string {
		for _, k := range rd.candidates(name) {
			if v := strings.TrimSpace(get(k)); v != "" {
				return v
			}
		}
		return ""
	}
	a := Article{
		Record:   field("id"),
		URL:      field("url"),
		Source:   field("source"),
		Title:    field("title"),
		DateText: field("date"),
		Body:     field("body"),
		Lang:     field("lang"),
	}
	if a.Body == "" && a.Title == "" {
		return Article{}, errors.New("record has neither title nor body")
	}
	if n := len(a.Title) + len(a.Body); n > rd.opts.MaxArticleBytes {
		return Article{}, fmt.Errorf("article of %d bytes, more than the limit of %d", n, rd.opts.MaxArticleBytes)
	}
	if a.DateText != "" {
		a.Published, a.dateNote = parseDate(a.DateText, rd.opts.DateOrder)
	}
	return a, nil
}

// invalidUTF8 is the reason given for text in another encoding.
const invalidUTF8 = "invalid UTF-8 (pass --encoding if the input is in another encoding, e.g. windows-1256 or windows-1252)"

// checkText validates b as UTF-8 text and drops a byte-order mark.
func checkText(b []byte) (string, error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if bytes.IndexByte(b, 0) >= 0 {
		return "", errors.New("binary data (NUL byte), not text")
	}
	if !utf8.Valid(b) {
		return "", errors.New(invalidUTF8)
	}
	return string(b), nil
}

// readText reads one article in the seed format: the title on the first
// line, the date on the second when it reads as one, then the body. Its
// record ID is the path below the folder the user named.
func (rd *reader) readText(r io.Reader, src source) error {
	b, err := io.ReadAll(io.LimitReader(r, int64(rd.opts.MaxArticleBytes)+1))
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return err
		}
		return rd.fail(Problem{File: src.name, Reason: reason(err)})
	}
	a, err := parseText(b, rd.opts.MaxArticleBytes)
	if err != nil {
		return rd.fail(Problem{File: src.name, Reason: err.Error()})
	}
	a.Source, a.Record, a.Origin = "file", src.rel, src.name
	line := 0
	if a.DateText != "" {
		line = 2
	}
	return rd.emit(a, &Problem{File: src.name, Line: line})
}

func parseText(b []byte, max int) (Article, error) {
	if len(b) > max {
		return Article{}, fmt.Errorf("article larger than %d bytes", max)
	}
	text, err := checkText(b)
	if err != nil {
		return Article{}, err
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) == 1 && lines[0] == "" {
		return Article{}, errors.New("empty file")
	}
	a := Article{Title: strings.TrimSpace(lines[0])}
	rest := lines[1:]
	if len(rest) > 0 {
		if t, note, err := ParseDateNote(rest[0], ""); err == nil {
			a.Published, a.DateText, a.dateNote = t, strings.TrimSpace(rest[0]), note
			rest = rest[1:]
		} else if looksLikeDate(rest[0]) {
			a.DateText = strings.TrimSpace(rest[0])
			a.dateNote = dateWarning(a.DateText, err)
			rest = rest[1:]
		}
	}
	a.Body = strings.TrimSpace(strings.Join(rest, "\n"))
	if a.Body == "" {
		return Article{}, errors.New("no body after the title line")
	}
	return a, nil
}

// looksLikeDate reports whether a line is short and mostly digits, so it is
// a date line we failed to read rather than the first line of the body.
func looksLikeDate(line string) bool {
	line = strings.TrimSpace(norm.Digits(line))
	if line == "" || utf8.RuneCountInString(line) > 40 {
		return false
	}
	digits := 0
	for _, r := range line {
		if '0' <= r && r <= '9' {
			digits++
		}
	}
	return digits >= 4
}

// readJSONL reads one JSON object a line, decoding lines on every core.
func (rd *reader) readJSONL(ctx context.Context, r io.Reader, src source) error {
	if n := jsonlWorkers(); n > 1 {
		return rd.readJSONLParallel(ctx, r, src, n)
	}
	return rd.readJSONLSequential(ctx, r, src)
}

// readJSONLSequential is readJSONL on one goroutine.
func (rd *reader) readJSONLSequential(ctx context.Context, r io.Reader, src source) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		if line%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		b, tooLong, err := readLine(br, rd.opts.MaxArticleBytes)
		if err != nil && err != io.EOF {
			if errors.Is(err, errTooLarge) {
				return err
			}
			return rd.fail(Problem{File: src.name, Line: line, Reason: reason(err)})
		}
		at := Problem{File: src.name, Line: line}
		if tooLong {
			at.Reason = fmt.Sprintf("line longer than %d bytes", rd.opts.MaxArticleBytes)
			rd.problem(at)
		} else if len(bytes.TrimSpace(b)) > 0 {
			if ferr := rd.jsonRecord(b, src, at); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// jsonRecord reads one JSON object and emits its article, or reports why
// it cannot.
func (rd *reader) jsonRecord(b []byte, src source, at Problem) error {
	text, err := checkText(b)
	if err != nil {
		at.Reason = err.Error()
		rd.problem(at)
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var rec map[string]any
	if err := dec.Decode(&rec); err != nil {
		at.Reason = "malformed JSON: " + err.Error()
		rd.problem(at)
		return nil
	}
	if dec.More() {
		at.Reason = "malformed JSON: more than one value on the line"
		rd.problem(at)
		return nil
	}
	return rd.record(rec, src, at)
}

// record emits the article of a decoded JSON object.
func (rd *reader) record(rec map[string]any, src source, at Problem) error {
	lower := make(map[string]string, len(rec))
	for k, v := range rec {
		switch v := v.(type) {
		case string:
			lower[strings.ToLower(k)] = v
		case json.Number:
			lower[strings.ToLower(k)] = v.String()
		}
	}
	a, err := rd.article(func(k string) string { return lower[k] })
	if err != nil {
		at.Reason = err.Error()
		rd.problem(at)
		return nil
	}
	a.Origin = at.Error()
	a.Origin = strings.TrimSuffix(a.Origin, ": ")
	return rd.emit(a, &at)
}

// readLine returns the next line without its newline. A line longer than max
// is consumed and reported with tooLong, its bytes dropped.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+1 { // +1: the newline
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == nil || err == io.EOF {
			if len(buf) == 0 && !tooLong && err == io.EOF {
				return nil, false, io.EOF
			}
			return bytes.TrimRight(buf, "\r\n"), tooLong, err
		}
		return nil, false, err
	}
}

// readJSON reads a JSON array of objects, or objects one after another,
// streaming: one object is decoded at a time.
func (rd *reader) readJSON(ctx context.Context, r io.Reader, src source) error {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	tok, err := dec.Token()
	if err == io.EOF {
		return rd.fail(Problem{File: src.name, Reason: "empty file"})
	}
	array := tok == json.Delim('[')
	if err != nil || (!array && tok != json.Delim('{')) {
		return rd.fail(Problem{File: src.name, Reason: "not a JSON array or object"})
	}
	// Not an array: rewind by decoding the first object from its opening
	// brace, which Token consumed.
	first := !array
	for n := 1; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		at := Problem{File: src.name, Record: n}
		var rec map[string]any
		switch {
		case first:
			first = false
			rec, err = decodeRestOfObject(dec)
		case array && !dec.More():
			return nil
		default:
			if !array && !dec.More() {
				return nil
			}
			err = dec.Decode(&rec)
		}
		if errors.Is(err, errTooLarge) {
			return err
		}
		if err != nil {
			// A syntax error leaves the decoder lost: report and stop
			// reading this input.
			at.Reason = "malformed JSON: " + err.Error() + "; the rest of the file is skipped"
			return rd.fail(at)
		}
		if ferr := rd.checkedRecord(rec, src, at); ferr != nil {
			return ferr
		}
	}
}

// checkedRecord validates a decoded object's strings and emits it.
func (rd *reader) checkedRecord(rec map[string]any, src source, at Problem) error {
	for _, v := range rec {
		if s, ok := v.(string); ok && !utf8.ValidString(s) {
			at.Reason = invalidUTF8
			rd.problem(at)
			return nil
		}
	}
	return rd.record(rec, src, at)
}

// decodeRestOfObject decodes the members of an object whose '{' the
// decoder's Token has consumed.
func decodeRestOfObject(dec *json.Decoder) (map[string]any, error) {
	rec := make(map[string]any)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, ok := tok.(string)
		if !ok {
			return nil, fmt.Errorf("object key %v is not a string", tok)
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		rec[key] = v
	}
	_, err := dec.Token() // '}'
	return rec, err
}

// readCSV reads a CSV or TSV file with a header row naming its columns.
func (rd *reader) readCSV(ctx context.Context, r io.Reader, src source, sep rune) error {
	cr := csv.NewReader(r)
	cr.Comma = sep
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err == io.EOF {
		return rd.fail(Problem{File: src.name, Reason: "empty file"})
	}
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return err
		}
		return rd.fail(Problem{File: src.name, Line: 1, Reason: "header: " + err.Error()})
	}
	cols := make(map[string]int, len(header))
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		if !utf8.ValidString(h) {
			return rd.fail(Problem{File: src.name, Line: 1, Reason: "header: " + invalidUTF8})
		}
		cols[strings.ToLower(strings.TrimSpace(h))] = i
	}
	found := false
	for _, f := range []string{"title", "body"} {
		for _, c := range rd.candidates(f) {
			if _, ok := cols[c]; ok {
				found = true
			}
		}
	}
	if !found {
		return rd.fail(Problem{File: src.name, Line: 1, Reason: fmt.Sprintf("no title or body column among %q (name them with --map title=COLUMN,body=COLUMN)", header)})
	}
	cr.FieldsPerRecord = len(header)
	for n := 1; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		at := Problem{File: src.name}
		if err == nil {
			at.Line, _ = cr.FieldPos(0) // only valid for a record read without error
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			at.Line = pe.StartLine
			if errors.Is(err, csv.ErrFieldCount) {
				at.Reason = fmt.Sprintf("%d fields, the header has %d", len(rec), len(header))
			} else {
				at.Reason = "malformed CSV: " + pe.Err.Error()
			}
			rd.problem(at)
			continue
		}
		if err != nil {
			if errors.Is(err, errTooLarge) {
				return err
			}
			at.Reason = reason(err)
			return rd.fail(at)
		}
		valid := true
		for _, f := range rec {
			if !utf8.ValidString(f) {
				valid = false
				break
			}
		}
		if !valid {
			at.Reason = invalidUTF8
			rd.problem(at)
			continue
		}
		a, aerr := rd.article(func(k string) string {
			if i, ok := cols[k]; ok {
				return rec[i]
			}
			return ""
		})
		if aerr != nil {
			at.Reason = aerr.Error()
			rd.problem(at)
			continue
		}
		a.Origin = fmt.Sprintf("%s:%d", src.name, at.Line)
		if ferr := rd.emit(a, &at); ferr != nil {
			return ferr
		}
	}
}
