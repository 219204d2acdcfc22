package read

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/newsgraph/newsgraph/graph/norm"
)

// defaultFields lists, per article field, the JSON keys and CSV columns
// it is looked for under, first match wins, compared case-insensitively.
// A key into a nested JSON object is its dotted path, an element of an
// array its index: "fields.bodytext", "provider.0.name" (see flatten).
// After the common names come, at low priority, those of news APIs — Bing
// News (name, datePublished, provider.0.name), The Guardian (webTitle,
// webUrl, webPublicationDate, fields.bodyText), the New York Times
// (headline.main, web_url, pub_date, lead_paragraph), GDELT (seendate),
// JSON Feed (content_text, content_html) — and the Arabic names of
// columns.
var defaultFields = map[string][]string{
	"id":  {"id", "_id", "guid", "uuid", "article_id", "المعرف", "المعرّف"},
	"url": {"url", "link", "href", "canonical_url", "weburl", "web_url", "الرابط"},
	"source": {"source", "publisher", "site", "outlet", "domain", "provider.0.name", "provider",
		"المصدر"},
	"title": {"title", "headline", "article_title", "webtitle", "headline.main", "name", "العنوان"},
	"date": {"date", "published", "publishedat", "published_at", "pubdate", "datetime", "date_published",
		"datepublished", "webpublicationdate", "pub_date", "seendate", "التاريخ"},
	"body": {"body", "text", "content", "article", "article_content", "article_body",
		"content_text", "content_html", "fields.bodytext", "lead_paragraph", "النص", "المتن", "المحتوى"},
	"lang": {"lang", "language", "اللغة"},
	// A summary, the text when the body is missing or cut short.
	"description": {"description", "summary", "abstract", "الملخص"},
}

// FieldNames are the article fields a --map can set.
var FieldNames = []string{"id", "url", "source", "title", "date", "body", "description", "lang"}

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

// knownColumn reports whether a lower-cased column name is one a field is
// looked for under.
func (rd *reader) knownColumn(col string) bool {
	for _, f := range FieldNames {
		if slices.Contains(rd.candidates(f), col) {
			return true
		}
	}
	return false
}

// candidates returns the keys field is looked for under.
func (rd *reader) candidates(field string) []string {
	if c, ok := rd.opts.Fields[field]; ok {
		return []string{strings.ToLower(c)}
	}
	return defaultFields[field]
}

// noText is the error for a record with no title and no body: that the
// keys it has for them are empty, else that it has none (naming its keys
// for --map). what names the keys ("key", "column").
func (rd *reader) noText(vals map[string]string, keys []string, what string) error {
	has := func(field string) bool {
		for _, k := range rd.candidates(field) {
			if _, ok := vals[k]; ok {
				return true
			}
		}
		return false
	}
	title, body := has("title"), has("body") || has("description")
	hint := fmt.Sprintf("its %ss: %s; name them with --map title=%s,body=%[3]s", what, keyList(keys), strings.ToUpper(what))
	switch {
	case title && body:
		return errors.New("record's title and body are empty")
	case title:
		return fmt.Errorf("record's title is empty and it has no body (%s)", hint)
	case body:
		return fmt.Errorf("record's body is empty and it has no title (%s)", hint)
	}
	return fmt.Errorf("record has neither title nor body (%s)", hint)
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

// article builds an article from a record's values by lower-cased key;
// keys are the record's keys as written, for messages, and what names
// them ("key", "column"). warning, when not
// "", is a caveat to report with the article: its language was not
// understood.
func (rd *reader) article(vals map[string]string, keys []string, what string) (a Article, warning string, err error) {
	rd.maps.saw(vals, keys)
	field := func(name string) string {
		for _, k := range rd.candidates(name) {
			v := strings.TrimSpace(vals[k])
			if name == "url" && placeholderURL(v) {
				continue // "#", "N/A": no URL, not one URL shared by every such record
			}
			if v != "" {
				return v
			}
		}
		return ""
	}
	a = Article{
		Record:   field("id"),
		URL:      field("url"),
		Source:   field("source"),
		Title:    field("title"),
		DateText: field("date"),
		Body:     withDescription(field("body"), field("description")),
	}
	if a.Body == "" && a.Title == "" {
		return Article{}, "", rd.noText(vals, keys, what)
	}
	if n := len(a.Title) + len(a.Body); n > rd.opts.MaxArticleBytes {
		return Article{}, "", fmt.Errorf("article of %d bytes, more than the limit of %d", n, rd.opts.MaxArticleBytes)
	}
	if raw := field("lang"); raw != "" {
		var ok bool
		if a.Lang, ok = normLang(raw); !ok && rd.opts.Lang == "" {
			warning = langWarning(raw)
		}
	}
	if a.DateText != "" {
		a.Published, a.dateNote = parseDate(basicISO(a.DateText), rd.opts.DateOrder)
	}
	return a, warning, nil
}

// basicISO rewrites a UTC time in the ISO 8601 basic format GDELT writes,
// "20210711T013000Z", in the extended one, "2021-07-11T01:30:00Z"; other
// text it returns as it is.
func basicISO(s string) string {
	if len(s) != 16 || s[8] != 'T' || s[15] != 'Z' {
		return s
	}
	for i, c := range s {
		if i != 8 && i != 15 && (c < '0' || c > '9') {
			return s
		}
	}
	return s[0:4] + "-" + s[4:6] + "-" + s[6:8] + "T" + s[9:11] + ":" + s[11:13] + ":" + s[13:15] + "Z"
}

// truncated matches the marker news APIs (NewsAPI and its kin) put where
// they cut an article's content: "… [+2210 chars]".
var truncated = regexp.MustCompile(`\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$`)

// withDescription returns the text of an article from its body and its
// description (summary). The description is the text when there is no
// body. When the body is cut short, as news APIs cut content with "…
// [+2210 chars]", it is the description, a blank line and the body without
// the marker but with "…" to show the cut; or only the longer of the two
// when one begins with the other (APIs often repeat the lede). A whole
// body is the text on its own.
func withDescription(body, desc string) string {
	cut := truncatedAt(body)
	if cut < 0 {
		if body == "" {
			return desc
		}
		return body
	}
	body = strings.TrimSpace(body[:cut])
	if body != "" {
		body += "…"
	}
	trim := func(s string) string { return strings.TrimRight(s, "…. ") }
	switch {
	case body == "":
		return desc
	case desc == "", strings.HasPrefix(body, trim(desc)):
		return body
	case strings.HasPrefix(trim(desc), trim(body)):
		return desc
	}
	return desc + "\n\n" + body
}

// truncatedAt returns where the truncation marker of body begins, or -1.
// The pattern is matched against the end of the body only: a match over a
// whole body would cost time quadratic in its length.
func truncatedAt(body string) int {
	if !strings.HasSuffix(strings.TrimRight(body, " \t\r\n"), " chars]") {
		return -1
	}
	from := max(0, len(body)-64)
	loc := truncated.FindStringIndex(body[from:])
	if loc == nil {
		return -1
	}
	return from + loc[0]
}

// invalidUTF8 is the reason given for text in another encoding.
const invalidUTF8 = "invalid UTF-8 (pass --encoding if the input is in another encoding, e.g. windows-1256 or windows-1252)"

// checkText validates b as UTF-8 text and drops a byte-order mark.
func checkText(b []byte) (string, error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if bytes.IndexByte(b, 0) >= 0 {
		if manyNULs(b) {
			return "", errors.New("NUL bytes: " + utf16Hint)
		}
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
	rd.maps = rd.newMapUse()
	defer func() { rd.maps.report(rd, src.name) }()
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
	return rd.record(rec, src, at, nil)
}

// record emits the article of a decoded JSON object, or the articles of
// an envelope (see envelopeItems). fi is the JSON Feed the object is an
// item of, or nil.
func (rd *reader) record(rec map[string]any, src source, at Problem, fi *feedInfo) error {
	if items, ok := rd.envelopeItems(rec); ok {
		fi := jsonFeed(rec)
		for i, it := range items {
			at := at
			at.Record = i + 1
			if err := rd.checkedRecord(it, src, at, fi); err != nil {
				return err
			}
		}
		return nil
	}
	if key, n := rd.heldRecords(rec); n > 0 {
		w := at
		w.Warning = true
		w.Reason = fmt.Sprintf("an object with a body of its own is read as one article; the %d records in its member %q are not read", n, key)
		rd.problem(w)
	}
	vals, keys := flatten(rec)
	a, warning, err := rd.article(vals, keys, "key")
	if err != nil {
		at.Reason = err.Error()
		rd.problem(at)
		return nil
	}
	fi.apply(&a, vals)
	if warning != "" {
		w := at
		w.Reason, w.Warning = warning, true
		rd.problem(w)
	}
	a.Origin = at.Error()
	a.Origin = strings.TrimSuffix(a.Origin, ": ")
	return rd.emit(a, &at)
}

// Envelopes: an API response wraps its records in an object, e.g.
// {"status": "ok", "totalResults": 2, "articles": [...]} (NewsAPI),
// {"response": {"docs": [...]}} (the New York Times), {"data": [...]}.
var (
	// recordsKeys name a member holding the records, an array of objects.
	recordsKeys = map[string]bool{"articles": true, "items": true, "data": true, "results": true,
		"docs": true, "records": true, "entries": true, "posts": true, "stories": true, "news": true,
		"value": true} // value: Bing News
	// wrapperKeys name a member holding an object that holds them.
	wrapperKeys = map[string]bool{"response": true, "result": true, "data": true}
)

// maxEnvelopeDepth is how deep records are looked for in wrappers:
// {"response": {"docs": [...]}} is depth 1.
const maxEnvelopeDepth = 2

// isTextKey reports whether a key names an article's title or text.
func (rd *reader) isTextKey(key string) bool {
	key = strings.ToLower(key)
	for _, f := range []string{"title", "body", "description"} {
		for _, c := range rd.candidates(f) {
			if c == key {
				return true
			}
		}
	}
	return false
}

// envelopeItems returns the records of a decoded envelope: the objects of
// its records member, found at most maxEnvelopeDepth wrappers deep, when
// they look like articles (see looksLikeArticle). An object with a body of
// its own is no envelope, but one with a title is: a search API titles its
// answer ({"title": "search results", "articles": [...]}), and JSON Feed
// its feed. An empty records member makes an answer with no results of an
// object without a title or text.
func (rd *reader) envelopeItems(rec map[string]any) ([]map[string]any, bool) {
	return rd.envelopeItemsAt(rec, 0)
}

func (rd *reader) envelopeItemsAt(rec map[string]any, depth int) ([]map[string]any, bool) {
	text := false
	for k := range rec {
		if rd.isBodyKey(k) {
			return nil, false
		}
		text = text || rd.isTextKey(k)
	}
	for k, v := range rec {
		k = strings.ToLower(k)
		switch v := v.(type) {
		case []any:
			if !recordsKeys[k] {
				continue
			}
			if len(v) == 0 {
				if text {
					continue
				}
				return nil, true // an answer with no results
			}
			if first, ok := v[0].(map[string]any); !ok || !rd.looksLikeArticle(first) {
				continue
			}
			items := make([]map[string]any, 0, len(v))
			for _, it := range v {
				if m, ok := it.(map[string]any); ok {
					items = append(items, m)
				}
			}
			return items, true
		case map[string]any:
			if wrapperKeys[k] && depth < maxEnvelopeDepth {
				if items, ok := rd.envelopeItemsAt(v, depth+1); ok {
					return items, true
				}
			}
		}
	}
	return nil, false
}

// heldRecords returns the records member of an object read as an article
// and how many article-like objects it holds, or 0: records it loses,
// which the reader warns of.
func (rd *reader) heldRecords(rec map[string]any) (string, int) {
	for k, v := range rec {
		arr, ok := v.([]any)
		if !ok || !recordsKeys[strings.ToLower(k)] || len(arr) == 0 {
			continue
		}
		if first, ok := arr[0].(map[string]any); ok && rd.looksLikeArticle(first) {
			return k, len(arr)
		}
	}
	return "", 0
}

// readLine returns the next line without its newline. A line longer than max
// is consumed and reported with tooLong, its bytes dropped.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	line, tooLong, err = readRawLine(br, max)
	return trimBreak(line), tooLong, err
}

// trimBreak drops one line break, \n or \r\n, or a \r ending the input,
// as encoding/csv reads them.
func trimBreak(line []byte) []byte {
	line = bytes.TrimSuffix(line, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r"))
}

// readRawLine is readLine keeping the line break.
func readRawLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
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
			return buf, tooLong, err
		}
		return nil, false, err
	}
}

// readJSON reads a JSON array of objects, objects one after another, or
// an API response whose records are an array under a known member (see
// recordsKeys; see envelopeItems), or a JSON Feed, streaming: one record
// is decoded at a time. A byte-order mark is skipped.
func (rd *reader) readJSON(ctx context.Context, r io.Reader, src source) error {
	rd.maps = rd.newMapUse()
	defer func() { rd.maps.report(rd, src.name) }()
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	}
	head, _ := br.Peek(512)
	utf16 := manyNULs(head)
	// A record, the JSON between two tokens of the stream, is at most
	// twice the article cap (escapes take room) and a slack: the decoder
	// buffers a value whole, so a longer one stops the input instead of
	// growing memory (see jsonWindow).
	win := &jsonWindow{r: br, max: 2*int64(rd.opts.MaxArticleBytes) + 64<<10}
	dec := json.NewDecoder(win)
	dec.UseNumber()
	tok, err := dec.Token()
	if err == io.EOF {
		return rd.fail(Problem{File: src.name, Reason: "empty file"})
	}
	if errors.Is(err, errTooLarge) {
		return err
	}
	if err != nil || (tok != json.Delim('[') && tok != json.Delim('{')) {
		if utf16 {
			return rd.fail(Problem{File: src.name, Reason: "not a JSON array or object: NUL bytes: " + utf16Hint})
		}
		return rd.fail(Problem{File: src.name, Reason: "not a JSON array or object"})
	}
	js := &jsonStream{rd: rd, ctx: ctx, dec: dec, win: win, src: src}
	if tok == json.Delim('[') {
		// A record past the window is skipped, unread, and the array read
		// on from the next one.
		for err = js.array(); errors.Is(err, errRecordTooLarge); err = js.array() {
			js.n++
			rd.problem(Problem{File: src.name, Record: js.n, Reason: fmt.Sprintf("a record of more than %d bytes (twice --max-article-bytes); skipped", win.max)})
			if err = js.skipRecord(); err != nil {
				break
			}
		}
	} else {
		// Objects one after another, each a record or an envelope.
		for err == nil {
			err = js.object(0, true)
			if err == nil && !js.d().More() {
				break
			}
			if err == nil {
				if tok, err = js.d().Token(); err == nil && tok != json.Delim('{') {
					err = fmt.Errorf("%v where an object should begin", tok)
				}
			}
		}
	}
	if err == nil || errors.Is(err, errStop) {
		return js.stop
	}
	if errors.Is(err, errRecordTooLarge) {
		return rd.fail(Problem{File: src.name, Record: js.n + 1, Reason: fmt.Sprintf("a value of more than %d bytes (twice --max-article-bytes) in a record not in a top-level array; the rest of the file is skipped", win.max)})
	}
	if errors.Is(err, errTooLarge) || (ctx.Err() != nil && errors.Is(err, ctx.Err())) {
		return err
	}
	// A syntax error leaves the decoder lost: report and stop reading this
	// input.
	return rd.fail(Problem{File: src.name, Record: js.n + 1, Reason: "malformed JSON: " + err.Error() + "; the rest of the file is skipped"})
}

// errStop ends a JSON stream early: the callback failed (jsonStream.stop).
var errStop = errors.New("stop")

// jsonStream decodes the records of a JSON input one at a time.
type jsonStream struct {
	rd   *reader
	ctx  context.Context
	dec  *json.Decoder
	win  *jsonWindow
	src  source
	n    int   // records read
	stop error // the callback's error
	// feed is the JSON Feed whose items are being read, or nil: its
	// members before "items" (version, title, home_page_url), as feeds
	// write them, are known when the items stream.
	feed *feedInfo
}

// d returns the decoder, the window of what it may buffer moved to where
// it stands: call it for every Token, Decode and More.
func (js *jsonStream) d() *json.Decoder {
	js.win.base = js.dec.InputOffset()
	return js.dec
}

// skipRecord reads past the element of a top-level array the decoder gave
// up on (errRecordTooLarge) without holding it — scanning its bytes for the
// end of its string or its closing bracket — and a comma after it, and
// goes on with a new decoder from there, as if the array began anew.
func (js *jsonStream) skipRecord() error {
	r := bufio.NewReaderSize(io.MultiReader(js.dec.Buffered(), js.win.r), 64<<10)
	ws := func() (byte, error) {
		for {
			c, err := r.ReadByte()
			if err != nil || (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
				return c, err
			}
		}
	}
	c, err := ws()
	if c == ',' && err == nil {
		c, err = ws()
	}
	if err != nil {
		return err
	}
	switch {
	case c == ']':
		r.UnreadByte()
	case c == '"' || c == '{' || c == '[':
		depth, str, esc := 0, c == '"', false
		if !str {
			depth = 1
		}
		for depth > 0 || str {
			c, err := r.ReadByte()
			if err != nil {
				return err
			}
			switch {
			case esc:
				esc = false
			case str && c == '\\':
				esc = true
			case c == '"':
				str = !str
			case str:
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				depth--
			}
		}
	default: // a number or a literal
		for {
			c, err := r.ReadByte()
			if err != nil {
				return err
			}
			if c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\r' || c == '\n' {
				r.UnreadByte()
				break
			}
		}
	}
	if c, err := ws(); err != nil {
		return err
	} else if c != ',' {
		r.UnreadByte()
	}
	win := &jsonWindow{r: io.MultiReader(strings.NewReader("["), r), max: js.win.max}
	js.dec, js.win = json.NewDecoder(win), win
	js.dec.UseNumber()
	_, err = js.d().Token() // the '[' put in front
	return err
}

// errRecordTooLarge is returned by a jsonWindow past its limit.
var errRecordTooLarge = errors.New("JSON value too large")

// jsonWindow feeds a json.Decoder, which buffers a value whole, and fails
// with errRecordTooLarge once more than max bytes were read past base, the
// decoder's offset when it was last asked for a token or value: so one
// string of 300 MB costs a few times max, not 300 MB.
type jsonWindow struct {
	r    io.Reader
	read int64 // bytes handed to dec
	base int64 // dec.InputOffset() when last called
	max  int64
}

func (w *jsonWindow) Read(p []byte) (int, error) {
	if w.read-w.base > w.max {
		return 0, errRecordTooLarge
	}
	if room := w.max + 1 - (w.read - w.base); int64(len(p)) > room {
		p = p[:room]
	}
	n, err := w.r.Read(p)
	w.read += int64(n)
	return n, err
}

// emit reads one decoded record.
func (js *jsonStream) emit(rec map[string]any) error {
	js.n++
	if js.n%1024 == 0 {
		if err := js.ctx.Err(); err != nil {
			return err
		}
	}
	if err := js.rd.checkedRecord(rec, js.src, Problem{File: js.src.name, Record: js.n}, js.feed); err != nil {
		js.stop = err
		return errStop
	}
	return nil
}

// array reads the records of an array whose '[' Token consumed.
func (js *jsonStream) array() error {
	for js.d().More() {
		v, err := js.element()
		if errors.Is(err, errInvalidUTF8) {
			js.n++
			js.rd.problem(Problem{File: js.src.name, Record: js.n, Reason: invalidUTF8})
			continue
		}
		if err != nil {
			return err
		}
		rec, ok := v.(map[string]any)
		if !ok {
			js.n++
			js.rd.problem(Problem{File: js.src.name, Record: js.n, Reason: fmt.Sprintf("a JSON %s, not an object", jsonKind(v))})
			continue
		}
		if err := js.emit(rec); err != nil {
			return err
		}
	}
	_, err := js.d().Token() // ']'
	return err
}

// object reads an object whose '{' Token consumed: a record, emitted when
// top is set and returned otherwise, or an envelope, whose records it
// streams as it meets them and whose other members it drops.
func (js *jsonStream) object(depth int, top bool) error {
	rec, envelope, err := js.members(depth)
	if err != nil || envelope {
		return err
	}
	if top {
		return js.emit(rec)
	}
	return nil
}

// members decodes the members of an object whose '{' Token consumed,
// streaming the records of a records member (see recordsKeys) whose
// elements look like articles, unless a body came first, which makes the
// object an article (see envelopeItems).
func (js *jsonStream) members(depth int) (rec map[string]any, envelope bool, err error) {
	rec = make(map[string]any)
	article, text, empty := false, false, false
	for js.d().More() {
		tok, err := js.d().Token()
		if err != nil {
			return nil, false, err
		}
		key, ok := tok.(string)
		if !ok {
			return nil, false, fmt.Errorf("object key %v is not a string", tok)
		}
		article = article || js.rd.isBodyKey(key)
		text = text || js.rd.isTextKey(key)
		lk := strings.ToLower(key)
		if article || (!recordsKeys[lk] && !wrapperKeys[lk]) || depth > maxEnvelopeDepth {
			var v any
			if err := js.d().Decode(&v); err != nil {
				return nil, false, err
			}
			rec[key] = v
			continue
		}
		tok, err = js.d().Token()
		if err != nil {
			return nil, false, err
		}
		switch {
		case tok == json.Delim('[') && recordsKeys[lk]:
			if fi := jsonFeed(rec); fi != nil {
				js.feed = fi
			}
			isRecords, v, err := js.records()
			if err != nil {
				return nil, false, err
			}
			if isRecords {
				envelope = true
			} else {
				rec[key] = v
				empty = empty || len(v) == 0
			}
		case tok == json.Delim('['):
			v, err := js.restOfArray()
			if err != nil {
				return nil, false, err
			}
			rec[key] = v
		case tok == json.Delim('{'):
			sub, env, err := js.members(depth + 1)
			if err != nil {
				return nil, false, err
			}
			if env {
				envelope = true
			} else {
				rec[key] = sub
			}
		default:
			rec[key] = tok // a string, number, bool or null
		}
	}
	_, err = js.d().Token() // '}'
	if err != nil {
		return nil, false, err
	}
	if envelope && article {
		// Records were streamed before a body of the object's own came:
		// say that its own text is not read.
		js.rd.problem(Problem{File: js.src.name, Record: js.n, Reason: "an object with records in a member (read) and a body of its own (not read)"})
	}
	// An answer with no results, {"articles": []}, is an envelope of
	// nothing rather than an article without text.
	return rec, envelope || (empty && !text), nil
}

// records reads an array whose '[' Token consumed: when its first element
// is an object that looks like an article, as records, each emitted; else
// as a value, returned.
func (js *jsonStream) records() (bool, []any, error) {
	if !js.d().More() {
		_, err := js.d().Token()
		return false, []any{}, err
	}
	first, err := js.element()
	if errors.Is(err, errInvalidUTF8) {
		js.n++
		js.rd.problem(Problem{File: js.src.name, Record: js.n, Reason: invalidUTF8})
		return true, nil, js.array()
	}
	if err != nil {
		return false, nil, err
	}
	rec, ok := first.(map[string]any)
	if !ok || !js.rd.looksLikeArticle(rec) {
		rest, err := js.restOfArray()
		return false, append([]any{first}, rest...), err
	}
	if err := js.emit(rec); err != nil {
		return true, nil, err
	}
	return true, nil, js.array()
}

// errInvalidUTF8 is returned by element for an element that is not valid
// UTF-8, which encoding/json would silently decode with U+FFFD in its place.
var errInvalidUTF8 = errors.New(invalidUTF8)

// element decodes the next element of an array, refusing invalid UTF-8 as
// the JSON-lines reader does, so every format reports it the same way.
func (js *jsonStream) element() (any, error) {
	var raw json.RawMessage
	if err := js.d().Decode(&raw); err != nil {
		return nil, err
	}
	if !utf8.Valid(raw) {
		return nil, errInvalidUTF8
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// restOfArray decodes the elements of an array whose '[' Token consumed.
func (js *jsonStream) restOfArray() ([]any, error) {
	var out []any
	for js.d().More() {
		var v any
		if err := js.d().Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	_, err := js.d().Token() // ']'
	return out, err
}

// jsonKind names the kind of a decoded JSON value.
func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "array"
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "boolean"
	case nil:
		return "null"
	}
	return "value"
}

// checkedRecord validates a decoded object's strings and emits it; fi is
// the JSON Feed it is an item of, or nil.
func (rd *reader) checkedRecord(rec map[string]any, src source, at Problem, fi *feedInfo) error {
	for _, v := range rec {
		if s, ok := v.(string); ok && !utf8.ValidString(s) {
			at.Reason = invalidUTF8
			rd.problem(at)
			return nil
		}
	}
	return rd.record(rec, src, at, fi)
}

// Delimiters are the CSV delimiters detected in a .csv file's header and
// accepted by ParseDelimiter, in the order ties are broken.
var Delimiters = []rune{',', ';', '\t', '|'}

// ParseDelimiter reads a CSV delimiter given by a user: "," ";" "|", or a
// tab as "tab", `\t` or the character itself.
func ParseDelimiter(s string) (rune, error) {
	switch strings.ToLower(s) {
	case ",", "comma":
		return ',', nil
	case ";", "semicolon":
		return ';', nil
	case "tab", `\t`, "\t":
		return '\t', nil
	case "|", "pipe":
		return '|', nil
	}
	return 0, fmt.Errorf("unknown delimiter %q (want , ; tab or |)", s)
}

// delimiterNames name the delimiters in messages, and flagDelimiters
// write them for --delimiter so that a shell passes them as they are.
var (
	delimiterNames = map[rune]string{',': "commas", ';': "semicolons", '\t': "tabs", '|': "pipes"}
	flagDelimiters = map[rune]string{',': ",", ';': "';'", '\t': "tab", '|': "'|'"}
)

// countOutsideQuotes counts c in line outside double-quoted stretches.
func countOutsideQuotes(line []byte, c byte) int {
	n, quoted := 0, false
	for _, b := range line {
		switch b {
		case '"':
			quoted = !quoted
		case c:
			if !quoted {
				n++
			}
		}
	}
	return n
}

// detectDelimiter picks the delimiter of a CSV file from its first bytes:
// among Delimiters found outside quotes in the header line, the one found
// the same number of times in most of the next lines (up to 20), then the
// one found most often in the header; comma when the header has none.
func detectDelimiter(head []byte) rune {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	lines := bytes.Split(head, []byte("\n"))
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // cut short by the peek, or empty
	}
	var sample [][]byte
	for _, l := range lines {
		if l = bytes.TrimRight(l, "\r"); len(l) > 0 {
			sample = append(sample, l)
		}
		if len(sample) == 21 {
			break
		}
	}
	if len(sample) == 0 {
		return ','
	}
	best, bestSame, bestHeader := ',', -1, 0
	for _, d := range Delimiters {
		h := countOutsideQuotes(sample[0], byte(d))
		if h == 0 {
			continue
		}
		same := 0
		for _, l := range sample[1:] {
			if countOutsideQuotes(l, byte(d)) == h {
				same++
			}
		}
		if same > bestSame || (same == bestSame && h > bestHeader) {
			best, bestSame, bestHeader = d, same, h
		}
	}
	return best
}

// quoteOpen reports whether a quoted field is still open at the end of
// line, which starts inside a quoted field when inside is set and at the
// start of a record otherwise. It follows encoding/csv with LazyQuotes: a
// field is quoted only when its first character is a quote; in a quoted
// field "" is a quote, a quote before the delimiter or the end of the line
// closes it, and any other quote is a character of the field. comma is
// ASCII, so the bytes of multi-byte UTF-8 characters never match it.
func quoteOpen(line string, comma byte, inside bool) bool {
	i := 0
	for {
		if !inside {
			if i < len(line) && line[i] == '"' {
				inside = true
				i++
			} else {
				j := strings.IndexByte(line[i:], comma)
				if j < 0 {
					return false
				}
				i += j + 1
				continue
			}
		}
		j := strings.IndexByte(line[i:], '"')
		if j < 0 {
			return true
		}
		i += j + 1
		switch {
		case i == len(line):
			return false
		case line[i] == '"':
			i++
		case line[i] == comma:
			i++
			inside = false
		}
	}
}

// csvLine is one physical line of a CSV file.
type csvLine struct {
	raw     string // with its line break
	text    string // without
	n       int    // 1-based line number
	tooLong bool   // longer than the article limit; text is empty
}

// csvScanner splits a CSV file into records: the lines of one row, more
// than one where a quoted field holds line breaks. A quote opened and
// never closed would swallow the rest of the file (encoding/csv reads it
// so, and spreadsheets too); the scanner instead reports the row that
// opens it and reads the lines it would have swallowed as rows of their
// own, so that one stray quote costs one row.
type csvScanner struct {
	br    *bufio.Reader
	comma rune
	max   int // bytes of one record
	n     int // lines read from br
	back  []csvLine
	// Lines up to swallowed lay inside a quote that did not close where it
	// should; each of them is read as a row of its own, since a quote left
	// open at the end of one of them would run exactly as far.
	swallowed int
	// fields is the header's number of fields, once read.
	fields int
	// salvaged are the fields of the record next returned, when its line
	// was read as spreadsheets read a quote closed mid-field (see
	// spreadsheetFields), and note says so; nil and "" otherwise.
	salvaged []string
	note     string
}

// csvProblem is a line that is not a row, and why.
type csvProblem struct {
	line   int
	reason string
}

// line returns the next line, those handed back first.
func (s *csvScanner) line() (csvLine, error) {
	if len(s.back) > 0 {
		l := s.back[0]
		s.back = s.back[1:]
		return l, nil
	}
	b, tooLong, err := readRawLine(s.br, s.max)
	if err != nil && (err != io.EOF || (b == nil && !tooLong)) {
		return csvLine{}, err
	}
	s.n++
	if tooLong {
		return csvLine{n: s.n, tooLong: true}, nil
	}
	raw := string(b)
	return csvLine{raw: raw, text: raw[:len(trimBreak(b))], n: s.n}, nil
}

// next returns the lines of the next record, or a problem with lines that
// are no record, or io.EOF after the last.
func (s *csvScanner) next() ([]csvLine, *csvProblem, error) {
	s.salvaged, s.note = nil, ""
	comma := byte(s.comma)
	first, err := s.line()
	for err == nil && !first.tooLong && first.text == "" {
		first, err = s.line() // encoding/csv skips empty lines too
	}
	if err != nil {
		return nil, nil, err
	}
	if first.tooLong {
		return nil, &csvProblem{first.n, fmt.Sprintf("line longer than %d bytes", s.max)}, nil
	}
	rec := []csvLine{first}
	if !quoteOpen(first.text, comma, false) {
		return rec, nil, nil
	}
	if first.n <= s.swallowed {
		if rec, ok := s.salvage(rec); ok {
			return rec, nil, nil
		}
		return nil, &csvProblem{first.n, "unterminated quote: the row is skipped"}, nil
	}
	size := len(first.raw)
	for {
		l, err := s.line()
		if err == io.EOF {
			return s.unterminated(rec, "runs to the end of the file")
		}
		if err != nil {
			return nil, nil, err
		}
		if l.tooLong || size+len(l.raw) > s.max {
			s.back = append([]csvLine{l}, s.back...)
			return s.unterminated(rec, fmt.Sprintf("is still open after %d bytes", s.max))
		}
		rec = append(rec, l)
		size += len(l.raw)
		if !quoteOpen(l.text, comma, true) {
			break
		}
	}
	// A quote that closes on a later line, where that line reads as a
	// well-formed row of its own, opened a field there: the quote of the
	// first line was never closed and swallowed the rows in between. A
	// writer that doubles the quotes inside fields, as every CSV library
	// does, never ends a quoted field with such a line.
	if last := rec[len(rec)-1]; s.fields > 0 && isRow(last.text, s.comma, s.fields) {
		return s.unterminated(rec, fmt.Sprintf("closes only on line %d, which reads as a row of its own", last.n))
	}
	return rec, nil, nil
}

// unterminated reports the first line of rec as a row whose quote never
// closes and hands the lines after it back to be read as rows.
func (s *csvScanner) unterminated(rec []csvLine, how string) ([]csvLine, *csvProblem, error) {
	if first, ok := s.salvage(rec); ok {
		s.back = append(append([]csvLine(nil), rec[1:]...), s.back...)
		return first, nil, nil
	}
	reason := "unterminated quote: the quote opened on this line " + how + "; the row is skipped"
	if len(rec) > 1 {
		from, to := rec[1].n, rec[len(rec)-1].n
		if from == to {
			reason += fmt.Sprintf(" and line %d is read as a row of its own", from)
		} else {
			reason += fmt.Sprintf(" and lines %d–%d (%d lines) are read as rows of their own", from, to, to-from+1)
		}
		s.swallowed = to
		s.back = append(append([]csvLine(nil), rec[1:]...), s.back...)
	}
	return nil, &csvProblem{rec[0].n, reason}, nil
}

// salvage reads the first line of rec, whose quote does not close where
// CSV says it should, as spreadsheets do (see spreadsheetFields), when so
// read it is a row of the header's number of fields.
func (s *csvScanner) salvage(rec []csvLine) ([]csvLine, bool) {
	if s.fields == 0 || rec[0].tooLong {
		return nil, false
	}
	fields, mid := spreadsheetFields(rec[0].text, s.comma)
	if len(fields) != s.fields || mid == 0 {
		return nil, false
	}
	s.salvaged = fields
	s.note = fmt.Sprintf("field %d begins with a quoted part and goes on after it (%s); read as spreadsheets read it, the quoted part and the rest, without the quotes", mid, clip(fields[mid-1], 40))
	return rec[:1], true
}

// clip shortens s to n runes with "…" for a message, quoted.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n]) + "…"
	}
	return strconv.Quote(s)
}

// spreadsheetFields splits one line as LibreOffice, Excel and Python's csv
// module read it: a field that begins with a quote is quoted up to the
// next quote that is not doubled, and what follows up to the delimiter is
// appended as it is, quotes and all: `"Sadr" said it` is `Sadr said it`.
// mid is the 1-based number of the first field so read, or 0 when no
// quoted field goes on after its closing quote.
func spreadsheetFields(line string, comma rune) (fields []string, mid int) {
	c := byte(comma)
	var f strings.Builder
	i := 0
	for {
		f.Reset()
		if i < len(line) && line[i] == '"' {
			i++
			for i < len(line) {
				if line[i] == '"' {
					if i+1 < len(line) && line[i+1] == '"' {
						f.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				f.WriteByte(line[i])
				i++
			}
			if i < len(line) && line[i] != c && mid == 0 {
				mid = len(fields) + 1
			}
		}
		j := strings.IndexByte(line[i:], c)
		if j < 0 {
			f.WriteString(line[i:])
			return append(fields, f.String()), mid
		}
		f.WriteString(line[i : i+j])
		fields = append(fields, f.String())
		i += j + 1
	}
}

// isRow reports whether line alone is a well-formed CSV record (strict
// quotes) of the given number of fields.
func isRow(line string, comma rune, fields int) bool {
	cr := csv.NewReader(strings.NewReader(line))
	cr.Comma = comma
	cr.FieldsPerRecord = fields
	if _, err := cr.Read(); err != nil {
		return false
	}
	_, err := cr.Read()
	return err == io.EOF
}

// parseRecord reads the fields of a record's lines as encoding/csv does
// with LazyQuotes: a quote inside an unquoted field, or one inside a
// quoted field not before a delimiter, is a character of the field, as
// spreadsheets read it.
func parseRecord(rec []csvLine, comma rune) ([]string, error) {
	if len(rec) == 1 && !strings.Contains(rec[0].text, `"`) {
		// Without quotes encoding/csv only splits; most rows are so.
		return strings.Split(rec[0].text, string(comma)), nil
	}
	var text strings.Builder
	for _, l := range rec {
		text.WriteString(l.raw)
	}
	cr := csv.NewReader(strings.NewReader(text.String()))
	cr.Comma = comma
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	fields, err := cr.Read()
	if err != nil {
		return nil, err
	}
	if _, err := cr.Read(); err != io.EOF {
		return nil, errors.New("more than one record") // quoteOpen disagrees with encoding/csv: a bug
	}
	return fields, nil
}

// readCSV reads a CSV or TSV file with a header row naming its columns.
// sep is the delimiter; 0 detects it from the first lines. Every row is
// read or reported with its line.
func (rd *reader) readCSV(ctx context.Context, r io.Reader, src source, sep rune) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	// A byte-order mark goes before anything reads the header: left in
	// front of a quoted first column name ("\ufeff\"url\"") it made the
	// name a different one, and that column was never read.
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	}
	if sep == 0 {
		head, _ := br.Peek(br.Size())
		sep = detectDelimiter(head)
	}
	sc := &csvScanner{br: br, comma: sep, max: rd.opts.MaxArticleBytes}
	hrec, p, err := sc.next()
	switch {
	case err == io.EOF:
		return rd.fail(Problem{File: src.name, Reason: "empty file"})
	case errors.Is(err, errTooLarge):
		return err
	case err != nil:
		return rd.fail(Problem{File: src.name, Line: 1, Reason: "header: " + reason(err)})
	case p != nil:
		return rd.fail(Problem{File: src.name, Line: p.line, Reason: "header: " + p.reason})
	}
	header, err := parseRecord(hrec, sep)
	if err != nil {
		return rd.fail(Problem{File: src.name, Line: hrec[0].n, Reason: "header: malformed CSV: " + err.Error()})
	}
	header[0] = strings.TrimPrefix(header[0], "\ufeff")
	cols := make(map[string]int, len(header))
	for i, h := range header {
		if !utf8.ValidString(h) {
			return rd.fail(Problem{File: src.name, Line: hrec[0].n, Reason: "header: " + invalidUTF8})
		}
		cols[strings.ToLower(strings.TrimSpace(h))] = i
	}
	has := func(fields ...string) bool {
		for _, f := range fields {
			for _, c := range rd.candidates(f) {
				if _, ok := cols[c]; ok {
					return true
				}
			}
		}
		return false
	}
	if !has("title", "body", "description") {
		return rd.fail(Problem{File: src.name, Line: hrec[0].n, Reason: noColumns(header, sep)})
	}
	if _, mapped := rd.opts.Fields["body"]; !mapped && !has("body", "description") {
		// Titles alone are articles, but a text column under a name we
		// do not know ("story") would be lost without a word.
		var unknown []string
		for _, h := range header {
			if !rd.knownColumn(strings.ToLower(strings.TrimSpace(h))) {
				unknown = append(unknown, h)
			}
		}
		if len(unknown) > 0 {
			rd.problem(Problem{File: src.name, Line: hrec[0].n, Warning: true,
				Reason: fmt.Sprintf("no body column: articles are their titles alone; if one of %s holds the text, name it with --map body=COLUMN", keyList(unknown))})
		}
	}
	sc.fields = len(header)
	rd.maps = rd.newMapUse()
	defer func() { rd.maps.report(rd, src.name) }()
	for n := 1; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec, p, err := sc.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if errors.Is(err, errTooLarge) {
				return err
			}
			return rd.fail(Problem{File: src.name, Line: sc.n + 1, Reason: reason(err)})
		}
		if p != nil {
			rd.problem(Problem{File: src.name, Line: p.line, Reason: p.reason})
			continue
		}
		at := Problem{File: src.name, Line: rec[0].n}
		fields, err := sc.salvaged, error(nil)
		if fields == nil {
			fields, err = parseRecord(rec, sep)
		}
		if err != nil {
			at.Reason = "malformed CSV: " + err.Error()
			rd.problem(at)
			continue
		}
		if len(fields) != len(header) && len(rec) > 1 {
			// A quote closed mid-field on the first line and another
			// opened later: read the first line as spreadsheets do.
			if first, ok := sc.salvage(rec); ok {
				sc.back = append(append([]csvLine(nil), rec[1:]...), sc.back...)
				rec, fields = first, sc.salvaged
			}
		}
		if len(fields) != len(header) {
			at.Reason = fmt.Sprintf("%d fields, the header has %d", len(fields), len(header))
			if len(rec) > 1 {
				at.Reason += fmt.Sprintf(" (a quoted field runs over lines %d–%d)", rec[0].n, rec[len(rec)-1].n)
			}
			rd.problem(at)
			continue
		}
		valid := true
		for _, f := range fields {
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
		vals := make(map[string]string, len(cols))
		for k, i := range cols {
			vals[k] = fields[i]
		}
		a, warning, aerr := rd.article(vals, header, "column")
		if aerr != nil {
			at.Reason = aerr.Error()
			rd.problem(at)
			continue
		}
		if warning != "" {
			w := at
			w.Reason, w.Warning = warning, true
			rd.problem(w)
		}
		if sc.note != "" {
			w := at
			w.Reason, w.Warning = sc.note, true
			rd.problem(w)
		}
		a.Origin = fmt.Sprintf("%s:%d", src.name, at.Line)
		if ferr := rd.emit(a, &at); ferr != nil {
			return ferr
		}
	}
}

// noColumns says why a header names no title or body column: when it is
// one field holding another delimiter, that the delimiter is wrong.
func noColumns(header []string, sep rune) string {
	if len(header) == 1 {
		for _, d := range Delimiters {
			if d != sep && strings.ContainsRune(header[0], d) {
				return fmt.Sprintf("no title or body column: the header %q looks delimited by %s, not %s (pass --delimiter %s)",
					header[0], delimiterNames[d], delimiterNames[sep], flagDelimiters[d])
			}
		}
	}
	if manyNULs([]byte(strings.Join(header, ""))) {
		return "no title or body column: NUL bytes in the header: " + utf16Hint
	}
	return fmt.Sprintf("no title or body column among %q (name them with --map title=COLUMN,body=COLUMN)", header)
}
