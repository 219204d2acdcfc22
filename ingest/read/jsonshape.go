package read

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"
	"golang.org/x/text/transform"
)

// Limits on flattening a JSON record: how deep nested objects and arrays
// are followed and how many elements of an array are read. Records are
// articles, not documents: their fields sit a level or two down at most.
const (
	maxFlattenDepth = 4
	maxFlattenElems = 8
)

// flatten returns the values of a decoded JSON record by lower-cased key,
// and the keys as written, sorted, for messages. A member of a nested
// object is under its dotted path ("fields.bodyText" → "fields.bodytext"),
// an element of an array under its index ("provider.0.name"), so that
// candidates and --map can name them. A nested object with a "name" is
// also under its own key, as news APIs name a source
// {"id": "example-daily", "name": "Example Daily"}. Values of keys ending
// in "_html" (JSON Feed's content_html) are rendered as text.
func flatten(rec map[string]any) (vals map[string]string, keys []string) {
	vals = make(map[string]string, len(rec))
	var walk func(prefix string, v any, depth int)
	walk = func(key string, v any, depth int) {
		switch v := v.(type) {
		case string:
			if strings.HasSuffix(strings.ToLower(key), "_html") {
				v = htmlToText(v)
			}
			vals[strings.ToLower(key)] = v
			keys = append(keys, key)
		case json.Number:
			vals[strings.ToLower(key)] = v.String()
			keys = append(keys, key)
		case nil:
			// A null is a key without a value: present for --map's
			// report and the messages, empty for every field.
			if _, ok := vals[strings.ToLower(key)]; !ok {
				vals[strings.ToLower(key)] = ""
			}
			keys = append(keys, key)
		case map[string]any:
			if depth >= maxFlattenDepth {
				return
			}
			if name, ok := v["name"].(string); ok {
				vals[strings.ToLower(key)] = name
			}
			for k, sub := range v {
				walk(key+"."+k, sub, depth+1)
			}
		case []any:
			if depth >= maxFlattenDepth {
				return
			}
			for i, sub := range v[:min(len(v), maxFlattenElems)] {
				walk(key+"."+strconv.Itoa(i), sub, depth+1)
			}
		}
	}
	for k, v := range rec {
		walk(k, v, 0)
	}
	sort.Strings(keys)
	return vals, keys
}

// looksLikeArticle reports whether a decoded object has a title, text or
// URL under one of the keys they are looked for under, so that an array of
// such objects holds records.
func (rd *reader) looksLikeArticle(rec map[string]any) bool {
	vals, _ := flatten(rec)
	for _, f := range []string{"title", "body", "description", "url"} {
		for _, c := range rd.candidates(f) {
			if _, ok := vals[c]; ok {
				return true
			}
		}
	}
	return false
}

// isBodyKey reports whether a key names an article's body, which makes
// the object that has it an article even where it also holds records.
func (rd *reader) isBodyKey(key string) bool {
	key = strings.ToLower(key)
	for _, c := range rd.candidates("body") {
		if c == key {
			return true
		}
	}
	return false
}

// feedInfo is what a JSON Feed (https://www.jsonfeed.org/version/1.1/)
// says of its items as a whole.
type feedInfo struct {
	home   *url.URL // home_page_url, else feed_url: relative item URLs resolve against it
	source string   // the host of home_page_url, else the feed's title
	lang   string   // language, as written
}

// jsonFeed returns the feed information of an object that is a JSON Feed
// (its "version" is a jsonfeed.org URL), or nil.
func jsonFeed(rec map[string]any) *feedInfo {
	v, _ := rec["version"].(string)
	if !strings.HasPrefix(v, "https://jsonfeed.org/version/") {
		return nil
	}
	fi := &feedInfo{}
	for _, k := range []string{"home_page_url", "feed_url"} {
		s, _ := rec[k].(string)
		if u, err := url.Parse(strings.TrimSpace(s)); err == nil && u.Host != "" {
			fi.home = u
			break
		}
	}
	if fi.home != nil {
		fi.source = fi.home.Host
	}
	if fi.source == "" {
		t, _ := rec["title"].(string)
		fi.source = strings.TrimSpace(t)
	}
	fi.lang, _ = rec["language"].(string)
	return fi
}

// apply fills in what an item of the feed leaves out: its source and
// language from the feed's, its URL resolved against the home page.
func (fi *feedInfo) apply(a *Article, vals map[string]string) {
	if fi == nil {
		return
	}
	if a.Source == "" {
		a.Source = fi.source
	}
	if a.URL != "" && fi.home != nil {
		if u, err := url.Parse(a.URL); err == nil && !u.IsAbs() {
			a.URL = fi.home.ResolveReference(u).String()
		}
	}
	if _, ok := vals["language"]; !ok && fi.lang != "" && a.Lang == "" {
		a.Lang, _ = normLang(fi.lang)
	}
}

// langNames are language names as records write them, lower-cased, in
// English and Arabic, for the languages news comes in.
var langNames = map[string]string{
	"arabic": "ar", "english": "en", "french": "fr", "persian": "fa", "farsi": "fa",
	"kurdish": "ku", "turkish": "tr", "hebrew": "he", "urdu": "ur", "german": "de", "spanish": "es",
	"العربية": "ar", "عربي": "ar", "عربية": "ar", "الإنجليزية": "en", "الانجليزية": "en",
	"الإنكليزية": "en", "الانكليزية": "en", "إنجليزي": "en", "انجليزي": "en",
	"الفرنسية": "fr", "الفارسية": "fa", "الكردية": "ku", "التركية": "tr",
}

// normLang returns the ISO 639-1 code (or ISO 639-3 where there is none)
// of a language as a record writes it: a BCP 47 tag ("ar-SA", "EN",
// "en-US"), an ISO 639-2/3 code ("ara") or a name in English or Arabic
// ("Arabic", "العربية"). ok is false for anything else.
func normLang(s string) (code string, ok bool) {
	s = strings.TrimSpace(s)
	if c, ok := langNames[strings.ToLower(s)]; ok {
		return c, true
	}
	tag, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil {
		return "", false
	}
	base, conf := tag.Base()
	if conf != language.Exact || base.String() == "und" {
		return "", false
	}
	return base.String(), true
}

// langWarning is the warning for a language that normLang cannot read.
func langWarning(raw string) string {
	return fmt.Sprintf("language %q not understood; the language is detected from the script instead", raw)
}

// mapUse tracks, for one input, which --map keys its records have, so that
// a key no record has is reported once (a misspelling, or the wrong case
// of nesting) rather than silently taking nothing. Safe for concurrent use:
// JSON lines are decoded on several goroutines.
type mapUse struct {
	mu    sync.Mutex
	want  map[string]string // lower-cased key → field, for the --map keys not yet seen with a value
	empty map[string]bool   // lower-cased keys of want seen, but empty or null every time
	field map[string]string // field → key as the user wrote it
	keys  []string          // the keys of the first record, for the message
	any   bool              // a record was seen
}

// newMapUse returns the tracker of the --map keys, or nil without any.
func (rd *reader) newMapUse() *mapUse {
	if len(rd.opts.Fields) == 0 {
		return nil
	}
	m := &mapUse{want: make(map[string]string), empty: make(map[string]bool), field: make(map[string]string)}
	for f, k := range rd.opts.Fields {
		m.want[strings.ToLower(k)] = f
		m.field[f] = k
	}
	return m
}

// saw notes the keys of one record.
func (m *mapUse) saw(vals map[string]string, keys []string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.any {
		m.any, m.keys = true, keys
	}
	for k := range m.want {
		v, ok := vals[k]
		switch {
		case ok && strings.TrimSpace(v) != "":
			delete(m.want, k)
			delete(m.empty, k)
		case ok:
			m.empty[k] = true
		}
	}
}

// report warns, once per --map key, of the keys no record of the input had
// a value for: absent from every record, or present but empty or null.
func (m *mapUse) report(rd *reader, file string) {
	if m == nil || !m.any {
		return
	}
	fields := make([]string, 0, len(m.want))
	empty := map[string]bool{}
	for k, f := range m.want {
		fields = append(fields, f)
		empty[f] = m.empty[k]
	}
	sort.Strings(fields)
	for _, f := range fields {
		reason := fmt.Sprintf("--map %s=%s matched no key; records have: %s", f, m.field[f], keyList(m.keys))
		if empty[f] {
			reason = fmt.Sprintf("--map %s=%s: the key is present but empty or null in every record", f, m.field[f])
		}
		rd.problem(Problem{File: file, Warning: true, Reason: reason})
	}
}

// keyList writes the first ten keys of a record for a message.
func keyList(keys []string) string {
	if len(keys) == 0 {
		return "no keys"
	}
	if len(keys) > 10 {
		return strings.Join(keys[:10], ", ") + fmt.Sprintf(", … (%d in all)", len(keys))
	}
	return strings.Join(keys, ", ")
}

// isUTF16 reports whether an input begins with a UTF-16 byte-order mark,
// little- or big-endian.
func isUTF16(head []byte) bool {
	return len(head) >= 2 && (head[0] == 0xff && head[1] == 0xfe || head[0] == 0xfe && head[1] == 0xff)
}

// decodeUTF16 decodes UTF-16 in the byte order its byte-order mark says,
// dropping the mark.
func decodeUTF16(r io.Reader) io.Reader {
	return transform.NewReader(r, unicode.BOMOverride(transform.Nop))
}

// manyNULs reports whether b looks like UTF-16 without a byte-order mark:
// every other byte of ASCII text in it is a NUL.
func manyNULs(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	if bytes.Count(b, []byte{0})*4 >= len(b) {
		return true
	}
	// Arabic in UTF-16 has no NUL in its letters (U+06xx), only in the
	// spaces, digits and punctuation between them: NULs all at even or
	// all at odd offsets are UTF-16 too, where binary data has them at both.
	var at [2]int
	for i, c := range b {
		if c == 0 {
			at[i%2]++
		}
	}
	return (at[0] == 0) != (at[1] == 0) && at[0]+at[1] >= 2
}

// utf16Hint is the advice for text that looks like UTF-16 without a mark.
const utf16Hint = "text in UTF-16 without a byte-order mark? (pass --encoding utf-16le or --encoding utf-16be)"
