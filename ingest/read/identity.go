package read

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	unicodenorm "golang.org/x/text/unicode/norm"
)

// trackingParams are query parameters that say how a reader arrived at a
// page, not which page it is.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true,
	"ref": true, "ref_src": true, "igshid": true, "at_medium": true, "at_campaign": true,
}

// NormalizeURL returns the form of an article URL that its ID is made of:
// without scheme, "www.", default port, fragment, trailing slash and
// tracking parameters (utm_*, fbclid, ...), with the host lower-cased and
// the remaining parameters sorted. Two links to the same page share it. A
// link without a scheme ("//cdn.example.org/a") is taken as http(s). A
// string that is not an absolute http(s) URL is returned trimmed.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	full := raw
	if strings.HasPrefix(raw, "//") {
		full = "https:" + raw
	} else if looksLikeHost(raw) {
		full = "https://" + raw
	}
	u, err := url.Parse(full)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return raw
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") || trackingParams[strings.ToLower(k)] {
			q.Del(k)
		}
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(host)
	b.WriteString(path)
	for i, k := range keys {
		vs := q[k]
		sort.Strings(vs)
		for j, v := range vs {
			if i == 0 && j == 0 {
				b.WriteByte('?')
			} else {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k) + "=" + url.QueryEscape(v))
		}
	}
	return b.String()
}

// looksLikeHost tells whether raw, a link without a scheme, starts with a
// host name: "www." and a dot further on, or a dotted name whose last label
// is letters followed by a path ("example.org/news/1"). "news/1",
// "report.pdf" and "v1.2" are not.
func looksLikeHost(raw string) bool {
	host, rest, slash := strings.Cut(raw, "/")
	if host == "" || strings.ContainsAny(host, "@?#") {
		return false
	}
	if h, port, ok := strings.Cut(host, ":"); ok {
		if port == "" || strings.Trim(port, "0123456789") != "" {
			return false
		}
		host = h
	}
	for _, r := range host {
		if !(r == '.' || r == '-' || '0' <= r && r <= '9' || 'a' <= r|0x20 && r|0x20 <= 'z') {
			return false
		}
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 || slices.Contains(labels, "") {
		return false
	}
	if strings.EqualFold(labels[0], "www") {
		return true
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 || strings.Trim(strings.ToLower(tld), "abcdefghijklmnopqrstuvwxyz") != "" {
		return false
	}
	return slash && rest != ""
}

// assignID gives a its stable ID: the normalised URL when it has one, else
// its source and record ID, else its record ID scoped to the input it was
// read from, else a hash of its text — so the same article read again gets
// the same ID, and an edited one keeps it whenever it has a URL or record
// ID. It adds to a.PriorIDs the ID releases before scoping gave it (see
// priorID) when that differs.
//
// input is the input's identity, as Article.Input says it: the absolute
// path of its file, the URL it was fetched from, or "stdin". A bare record
// ID ("1", "2", ...) is unique only within its export, so two exports that
// both number their records from 1 must not share IDs; it becomes
// "input#id", e.g. "/data/2021-07-11/export.jsonl#1". The absolute path,
// not the path below the folder named, keeps apart two files of the same
// name named separately (d1/export.jsonl and d2/export.jsonl, or one daily
// folder per cron run); moving the file changes the IDs, and the pipeline
// then finds each article stored by its text fingerprint and reports it a
// duplicate rather than storing it twice. Standard input has no identity
// that lasts from one run to the next, so its bare record IDs are not used:
// such an article's ID is its text hash (Record keeps the record ID).
//
// A link on another site than the URL the article was fetched from
// (a.foreign) is no more its ID than a relative one: it is scoped to the
// input, ScopedID(input, link), so that a feed cannot replace another
// site's article; the link stays its URL.
//
// A relative URL ("/news/1", as a record may give it) is no more unique
// than a bare record ID and is used like one when the record has none. So
// is a record ID whose source names no site (a.localRecord: a feed known
// only by its title, whose GUIDs "1", "2", ... another feed of the same
// title repeats).
func assignID(a *Article, input string) {
	record := a.Record
	relative := isRelativeURL(a.URL)
	if record == "" && relative {
		record = strings.TrimSpace(a.URL)
	}
	switch {
	case a.foreign && input != "":
		// A link to another site than the one that served it claims that
		// site's article (see reader.emit).
		a.ID = ScopedID(input, a.URL)
	case a.URL != "" && !relative:
		a.ID = NormalizeURL(a.URL)
	case record != "" && a.Source != "" && !a.localRecord:
		a.ID = a.Source + ":" + record
	case record != "" && input != "" && input != "stdin":
		a.ID = input + "#" + record
	default:
		a.ID = "sha256:" + TextFingerprint(a)[:32]
	}
	old := priorID(a)
	if input == "stdin" && old == a.Record {
		// A bare record ID read from stdin named whatever the last piped
		// export held under it: nothing says it is this article, so an
		// article stored under it is not taken over.
		return
	}
	if old != a.ID && !slices.Contains(a.PriorIDs, old) {
		a.PriorIDs = append(a.PriorIDs, old)
	}
}

// priorID returns the ID releases before input-scoped record IDs gave a:
// its URL, normalised when absolute with a scheme and as written
// otherwise; else source:record; else the bare record ID; else the hash
// of its title and body (oldTextFingerprint).
func priorID(a *Article) string {
	switch {
	case a.URL != "":
		raw := strings.TrimSpace(a.URL)
		if u, err := url.Parse(raw); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return NormalizeURL(raw)
		}
		return raw
	case a.Record != "" && a.Source != "":
		return a.Source + ":" + a.Record
	case a.Record != "":
		return a.Record
	}
	return "sha256:" + oldTextFingerprint(a)[:32]
}

// placeholderURL reports whether raw is what exports write where a record
// has no URL — "#", "about:blank", "javascript:void(0)", "https://",
// "null", "N/A", "-" — rather than an address. Taken as a URL, every such
// record would share one ID and replace the others.
func placeholderURL(raw string) bool {
	v := strings.ToLower(strings.TrimSpace(raw))
	switch v {
	case "", "-", "--", "null", "nil", "none", "n/a", "na", "nan", "undefined", "about:blank":
		return v != ""
	}
	if strings.HasPrefix(v, "#") {
		return true
	}
	scheme, rest, ok := strings.Cut(v, ":")
	if !ok || strings.ContainsAny(scheme, "/?#") {
		return false
	}
	switch scheme {
	case "javascript", "about", "mailto", "tel", "data":
		return true
	case "http", "https":
		return strings.Trim(rest, "/") == ""
	}
	return false
}

// isRelativeURL tells whether raw is a relative reference: a path from a
// site's root ("/news/1"), or one relative to a page ("news/1", "./1",
// "?id=7", "report.pdf"). One that starts with a host written without its
// scheme ("example.org/news/1", "www.example.org", see looksLikeHost) is
// unique enough, and is not.
func isRelativeURL(raw string) bool {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.HasPrefix(raw, "//") {
		return false
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return false
	}
	return !looksLikeHost(raw)
}

// bodyOnlyFingerprint is the length, in characters after white space is
// collapsed, from which a body alone identifies an article's text. A body
// this long — two or three sentences — is not repeated by chance by another
// article, while its title is what readers and options vary most: another
// --map title=... column, a headline with the site's name appended, an
// updated headline. Shorter bodies are where one text does recur under
// different headlines ("Developing story.", a subscribers-only notice, a
// one-line brief per headline), so they are fingerprinted with the title.
const bodyOnlyFingerprint = 200

// TextFingerprint identifies what an article says, whatever its metadata,
// as 64 hex digits of SHA-256. When the body, its runs of white space
// collapsed to one space and trimmed, has at least bodyOnlyFingerprint
// characters, it is the hash of that body alone, so the same text read
// with another title or with other line breaks (another reader's
// paragraphs) matches. Otherwise it is the hash of the title folded by
// foldTitle, a NUL, and the body so collapsed: a headline column in
// capitals with "!!" and its clean twin match, two briefs with one body
// under different headlines do not. Two records with the same fingerprint
// under different IDs are one article seen twice. Title and body are
// compared in NFC, so canonically equivalent texts match. It runs on every article
// of every ingest, unchanged ones included.
func TextFingerprint(a *Article) string {
	if t := a.text; t.fingerprint != "" && t.title == a.Title && t.body == a.Body {
		return t.fingerprint
	}
	return textFingerprint(a)
}

func textFingerprint(a *Article) string {
	body := nfc(collapseSpace(a.Body))
	if utf8.RuneCountInString(body) >= bodyOnlyFingerprint {
		h := sha256.Sum256([]byte(body))
		return hex.EncodeToString(h[:])
	}
	h := sha256.New()
	h.Write([]byte(foldTitle(nfc(a.Title))))
	h.Write([]byte{0})
	h.Write([]byte(body))
	return hex.EncodeToString(h.Sum(nil))
}

// collapseSpace returns strings.Join(strings.Fields(s), " "): s with its
// runs of white space (unicode.IsSpace) made one space, and trimmed. It
// copies runs of other bytes whole, as Fields slices them, and makes no
// slice of the words, which for a corpus is a slice of every word of it to
// collect (the fingerprint runs on every article of every ingest).
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := -1 // where the run of non-space bytes being read began
	for i := 0; i < len(s); {
		c := s[i]
		size, space := 1, false
		switch {
		case c < utf8.RuneSelf:
			space = asciiSpace[c]
		case spaceLead[c]:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		// Any other byte neither is nor starts a space; a rune's
		// continuation bytes never lead one.
		switch {
		case space && start >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[start:i])
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[start:])
	}
	return b.String()
}

// asciiSpace is unicode.IsSpace for the ASCII bytes.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// spaceLead holds the first bytes of the UTF-8 encodings of the white
// space runes past ASCII (unicode.White_Space): only at those can a space
// begin, so the bytes of Arabic letters are passed over undecoded.
var spaceLead = func() (lead [256]bool) {
	var buf [utf8.UTFMax]byte
	add := func(r rune) {
		if r >= utf8.RuneSelf {
			utf8.EncodeRune(buf[:], r)
			lead[buf[0]] = true
		}
	}
	for _, rg := range unicode.White_Space.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			add(r)
		}
	}
	for _, rg := range unicode.White_Space.R32 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			add(r)
		}
	}
	return lead
}()

// nfc returns s in Unicode Normalization Form C: a text and its decomposed
// copy (hamza or madda typed as a combining mark) are the same text. It is
// unicodenorm.NFC.String(s), asking the library only about the stretches of
// s around runes that are not nfcStable. Normalization works segment by
// segment, a segment beginning at each rune that combines with nothing
// before it and is never reordered (BoundaryBefore), so NFC(s) is the NFC
// of each segment in turn, and a segment of one stable rune is its own. In
// news text that leaves the library the few vowel signs and marks: most
// text is NFC, checked in a third of the library's time (BenchmarkNFC), and
// a text that is not (an Arabic body with a shadda typed before its fatha:
// one in nine of ar-news-2022) has only its broken segments rewritten,
// where the library rewrote it from the first. It runs on every article of
// every ingest.
func nfc(s string) string {
	stable := nfcStable()
	var out []byte // nil while s[:i] is NFC as it stands
	seg := 0       // where the segment being read began
	done := 0      // s[:done] is in out
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			seg = i // ASCII is stable
			i++
			continue
		}
		r, size := decodeRune(s, i)
		if r == utf8.RuneError && size == 1 {
			// The library reads a broken sequence by how much of the
			// string follows it, so no segment of it answers for it.
			return unicodenorm.NFC.String(s)
		}
		if stable.has(r, size) {
			seg = i
			i += size
			continue
		}
		// The segment runs to the next stable rune.
		j := i + size
		for j < len(s) {
			if s[j] < utf8.RuneSelf {
				break
			}
			r, size := decodeRune(s, j)
			if r == utf8.RuneError && size == 1 {
				return unicodenorm.NFC.String(s)
			}
			if stable.has(r, size) {
				break
			}
			j += size
		}
		if piece := s[seg:j]; !unicodenorm.NFC.IsNormalString(piece) {
			if out == nil {
				out = make([]byte, 0, len(s))
			}
			out = append(out, s[done:seg]...)
			out = unicodenorm.NFC.AppendString(out, piece)
			done = j
		}
		i = j
	}
	if out == nil {
		return s
	}
	return string(append(out, s[done:]...))
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) for s[i] past ASCII, with
// the two-byte runes (Latin marks, Greek, Cyrillic, Hebrew, Arabic) decoded
// in line.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c >= 0xc2 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
		return rune(c&0x1f)<<6 | rune(s[i+1]&0x3f), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeSet is a bit set of the runes of the Basic Multilingual Plane.
type runeSet [1 << 10]uint64

// has reports whether the rune r, read from size bytes, is in the set;
// broken UTF-8 never is.
func (set *runeSet) has(r rune, size int) bool {
	if r >= 1<<16 || r == utf8.RuneError && size == 1 {
		return false
	}
	return set[r>>6]&(1<<(r&63)) != 0
}

// nfcStable returns the runes of the Basic Multilingual Plane that begin a
// segment of their own (unicodenorm.Properties.BoundaryBefore: combining
// class 0, never combined with a preceding rune) and are NFC by themselves (which excludes the singletons and exclusions NFC replaces).
// It is derived from the library's tables on first use (3 ms), so it
// follows the Unicode version the library follows.
var nfcStable = sync.OnceValue(func() *runeSet {
	var set runeSet
	var buf [utf8.UTFMax]byte
	for r := rune(0); r < 1<<16; r++ {
		if !utf8.ValidRune(r) {
			continue // surrogates
		}
		b := buf[:utf8.EncodeRune(buf[:], r)]
		if unicodenorm.NFC.Properties(b).BoundaryBefore() && unicodenorm.NFC.IsNormal(b) {
			set[r>>6] |= 1 << (r & 63)
		}
	}
	return &set
})

// foldTitle returns title's words lower-cased, without punctuation, marks
// (Arabic vowel signs) or letter modifiers (tatweel), one space between
// them: what two renderings of one headline share.
func foldTitle(title string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(title) {
		switch {
		case unicode.IsNumber(r) || unicode.IsLetter(r) && !unicode.Is(unicode.Lm, r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			space = true
		}
	}
	return b.String()
}

// oldTextFingerprint is the hash of a's trimmed title, a NUL and its
// trimmed body: what TextFingerprint was before, which earlier releases
// made text-hash IDs of (see priorID).
func oldTextFingerprint(a *Article) string {
	h := sha256.New()
	h.Write([]byte(strings.TrimSpace(a.Title)))
	h.Write([]byte{0})
	h.Write([]byte(strings.TrimSpace(a.Body)))
	return hex.EncodeToString(h.Sum(nil))
}
