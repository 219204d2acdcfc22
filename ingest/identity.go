package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
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

// assignID gives a its stable ID: the normalised URL when it has one, else
// its source and record ID, else its record ID scoped to the input it was
// read from, else a hash of its text — so the same article read again gets
// the same ID, and an edited one keeps it whenever it has a URL or record
// ID.
//
// scope names the input: its path below the folder the user named (as the
// text format's record IDs do), the URL it was fetched from, or "stdin". A
// bare record ID ("1", "2", ...) is unique only within its export, so two
// files that both number their records from 1 must not share IDs; it
// becomes "scope#id", e.g. "export-a.jsonl#1". The relative path rather
// than the absolute one keeps the IDs when the corpus folder is moved or
// copied to another machine and ingested again from its new place; only
// naming a different level of folder (corpus/ then corpus/2021/) changes
// them, and then the text fingerprint still finds each article stored.
//
// A relative URL ("/news/1", as a record may give it) is no more unique
// than a bare record ID and is used like one when the record has none.
func assignID(a *Article, scope string) {
	record := a.Record
	relative := isRelativeURL(a.URL)
	if record == "" && relative {
		record = strings.TrimSpace(a.URL)
	}
	switch {
	case a.URL != "" && !relative:
		a.ID = NormalizeURL(a.URL)
	case record != "" && a.Source != "":
		a.ID = a.Source + ":" + record
	case record != "" && scope != "":
		a.ID = scope + "#" + record
	case record != "":
		a.ID = record
	default:
		a.ID = "sha256:" + textFingerprint(a)[:32]
	}
}

// isRelativeURL tells whether raw is a relative reference: a path from a
// site's root ("/news/1"), or one relative to a page ("news/1", "./1",
// "?id=7"). A first segment with a dot in it is taken for a host written
// without its scheme ("example.org/news/1"), which is unique enough.
func isRelativeURL(raw string) bool {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.HasPrefix(raw, "//") {
		return false
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return false
	}
	if strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, ".") || strings.HasPrefix(raw, "?") {
		return true
	}
	first, _, _ := strings.Cut(u.Path, "/")
	return !strings.Contains(first, ".")
}

// textFingerprint identifies what an article says, whatever its metadata:
// its title and body, trimmed. Two records with the same fingerprint under
// different IDs are one article seen twice. It runs on every article of
// every ingest, unchanged ones included, so it hashes bytes as they are.
func textFingerprint(a *Article) string {
	h := sha256.New()
	h.Write([]byte(strings.TrimSpace(a.Title)))
	h.Write([]byte{0})
	h.Write([]byte(strings.TrimSpace(a.Body)))
	return hex.EncodeToString(h.Sum(nil))
}
