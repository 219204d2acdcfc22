package read

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"slices"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// pageOptions says what readHTML knows of a page besides its bytes.
type pageOptions struct {
	url         string // where it was fetched from; "" when unknown
	contentType string // the HTTP Content-Type it came with, or ""
	encoding    string // --encoding: for a page that declares none
	max         int    // the most bytes a page may have
}

// readHTML reads one article from a saved web page: the main text as
// readability finds it, without the page's navigation, sidebars and footer.
// The page's URL is where it was fetched from, else its canonical link or
// og:url, resolved against its <base href> or the URL it was fetched from;
// a relative link that cannot be resolved is not used (with a note), as it
// would name a page on any site.
//
// The page is decoded as decodeDeclared says: by the encoding its byte
// order mark, Content-Type or <meta> declares, else opts.encoding, else as
// UTF-8. notes are warnings about the page that did not stop its reading. A
// date found but not understood is returned in DateText with Published
// zero; reporting it is the caller's business.
func readHTML(r io.Reader, src string, opts pageOptions) (a Article, notes []string, err error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(opts.max)+1))
	if err != nil {
		return Article{}, nil, err
	}
	if len(b) > opts.max {
		return Article{}, nil, fmt.Errorf("page larger than %d bytes", opts.max)
	}
	// html.Parse takes its input as UTF-8 whatever the page declares, so
	// the page is decoded first.
	b, notes, err = decodeDeclared(b, htmlCharset(b, opts.contentType), opts.encoding, func(b []byte) string { return htmlToText(string(b)) })
	if err != nil {
		return Article{}, nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return Article{}, nil, fmt.Errorf("parse HTML: %w", err)
	}

	// Read the metadata before readability, which rewrites the document.
	meta := pageMeta(doc)
	a = Article{URL: strings.TrimSpace(opts.url), DateText: meta.date}
	var base *url.URL
	if u, err := url.Parse(a.URL); err == nil && u.IsAbs() {
		base = u
	}
	// <base href> sets the base of the page's relative links, itself
	// resolved against the page's URL.
	if u, err := url.Parse(meta.base); err == nil && meta.base != "" {
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.IsAbs() {
			base = u
		}
	}
	if a.URL == "" {
		for _, l := range []struct{ what, link string }{{"canonical link", meta.canonical}, {"og:url", meta.ogURL}} {
			if l.link == "" || placeholderURL(l.link) {
				continue
			}
			if a.URL == "" && len(a.PriorIDs) == 0 && (isRelativeURL(l.link) || strings.HasPrefix(l.link, "//")) {
				// Releases before links were resolved made the link as
				// written the page's ID: a store they wrote is updated
				// in place.
				a.PriorIDs = append(a.PriorIDs, NormalizeURL(l.link))
			}
			if u, ok := resolveLink(base, l.link); ok {
				a.URL = u
				break
			}
			notes = append(notes, fmt.Sprintf("%s %q is relative and the page has no URL or <base href> to resolve it against; not used as its URL", l.what, l.link))
		}
	}
	if u, err := url.Parse(a.URL); err == nil && a.URL != "" {
		a.Source = u.Host
		if u.IsAbs() {
			base = u
		}
	}

	p := readability.NewParser()
	art, err := p.ParseAndMutate(doc, base)
	if err != nil {
		return Article{}, nil, fmt.Errorf("readability: %w", err)
	}
	a.Title = oneLine(firstOf(meta.ogTitle, art.Title()))
	if art.Node != nil {
		a.Body = textLines(render.InnerText(art.Node))
	}
	if a.Body == "" {
		return Article{}, nil, errors.New("no article text found")
	}
	if n := mojibakeNote(a.Title + "\n" + a.Body); n != "" {
		notes = append(notes, n)
	}
	if a.DateText == "" {
		// Readability also knows Dublin Core and Parse.ly dates, but gives
		// them only parsed; write the time back as ISO 8601.
		if t, err := art.PublishedTime(); err == nil {
			a.DateText = t.Format(time.RFC3339) // with its offset: the day is the one written
		}
	}
	if a.DateText != "" {
		a.Published, a.dateNote = parseDate(a.DateText, "")
	}
	return a, notes, nil
}

// htmlCharset returns the encoding page declares, as a label, or "": its
// byte-order mark, the charset of contentType (the HTTP header, which
// wins over the page's own words, as in browsers), or the first <meta
// charset> or <meta http-equiv=Content-Type> in its first 1024 bytes.
func htmlCharset(page []byte, contentType string) string {
	e, name, certain := charset.DetermineEncoding(page, contentType)
	// Without a declaration DetermineEncoding guesses UTF-8 (encoding.Nop)
	// or windows-1252 (the bare charmap); what it found declared comes
	// wrapped by charset.Lookup, so neither compares equal. A guess is not
	// wanted: --encoding or the UTF-8 check decide an undeclared page.
	if certain || (e != encoding.Nop && e != charmap.Windows1252) {
		return name
	}
	return lateMetaCharset(page)
}

// lateMetaCharset returns the charset of a <meta> in page's head past the
// 1024 bytes DetermineEncoding looks at (as browsers do before they
// parse), or "": a head full of scripts and styles may put it later, and
// a browser that meets it then reloads the page in that encoding.
func lateMetaCharset(page []byte) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return ""
			case atom.Meta:
				var cs, httpEquiv, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "charset":
						cs = string(v)
					case "http-equiv":
						httpEquiv = string(v)
					case "content":
						content = string(v)
					}
				}
				if cs == "" && strings.EqualFold(strings.TrimSpace(httpEquiv), "content-type") {
					if _, params, err := mime.ParseMediaType(content); err == nil {
						cs = params["charset"]
					}
				}
				if e, name := charset.Lookup(strings.TrimSpace(cs)); e != nil {
					return name
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return ""
			}
		}
	}
}

// resolveLink returns link made absolute against base, and whether it
// could be: a link that is absolute already, or relative with a base. A
// protocol-relative link ("//host/path") is absolute but for its scheme:
// with no base it is taken as https. An empty link is none, not a link to
// base itself.
func resolveLink(base *url.URL, link string) (string, bool) {
	link = strings.TrimSpace(link)
	u, err := url.Parse(link)
	if err != nil || link == "" {
		return "", false
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme == "" && u.Host != "" {
		u.Scheme = "https"
	}
	if !u.IsAbs() || u.Host == "" {
		return "", false
	}
	return u.String(), true
}

// pageInfo is what readHTML takes from a page's head and markup rather
// than from readability.
type pageInfo struct {
	ogTitle, canonical, ogURL string
	base                      string // the first <base href>
	date                      string // the first publication date found
}

// dateMeta are the names (or properties, or itemprops) of <meta> elements
// that give a page's publication date besides article:published_time, most
// specific first: schema.org microdata, Dublin Core, then the names CMSs
// and analytics tags use. "date" alone comes late, as some sites give it
// the date of the last change. parsely-pub-date is not among them:
// readability reads it, and its parser keeps the time of day of the
// English forms Parse.ly writes ("March 5, 2024 12:00 UTC").
var dateMeta = []string{
	"datepublished", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
	"dc.date", "dcterms.date", "article:published", "pubdate", "publishdate", "publish-date",
	"sailthru.date", "date",
}

// pageMeta reads doc's metadata. Dates are taken in order of trust:
// article:published_time; another <meta> naming the publication date
// (dateMeta, in its order); a <time itemprop="datePublished">; a <time
// datetime> (one inside <article> before any other, as a page's header may
// show today's date); then JSON-LD datePublished.
func pageMeta(doc *html.Node) pageInfo {
	var info pageInfo
	var metaDate, timeDate, articleTimeDate, itempropTimeDate, ldDate string
	otherMeta := make(map[string]string) // dateMeta name: first content
	var walk func(n *html.Node, inArticle bool)
	walk = func(n *html.Node, inArticle bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(strings.TrimSpace(firstOf(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"))))
				content := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					info.ogTitle = firstOf(info.ogTitle, content)
				case "og:url":
					info.ogURL = firstOf(info.ogURL, content)
				case "article:published_time":
					metaDate = firstOf(metaDate, content)
				default:
					if content != "" && otherMeta[key] == "" && slices.Contains(dateMeta, key) {
						otherMeta[key] = content
					}
				}
			case atom.Base:
				if href := strings.TrimSpace(attr(n, "href")); href != "" && info.base == "" {
					info.base = href
				}
			case atom.Link:
				for _, rel := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
					if rel == "canonical" {
						info.canonical = firstOf(info.canonical, strings.TrimSpace(attr(n, "href")))
					}
				}
			case atom.Time:
				if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
					timeDate = firstOf(timeDate, dt)
					if strings.EqualFold(strings.TrimSpace(attr(n, "itemprop")), "datePublished") {
						itempropTimeDate = firstOf(itempropTimeDate, dt)
					}
					if inArticle {
						articleTimeDate = firstOf(articleTimeDate, dt)
					}
				}
			case atom.Article:
				inArticle = true
			case atom.Script:
				if ldDate == "" && strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					ldDate = jsonLDDate(n.FirstChild.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArticle)
		}
	}
	walk(doc, false)
	for _, name := range dateMeta {
		if metaDate == "" {
			metaDate = otherMeta[name]
		}
	}
	info.date = firstOf(metaDate, itempropTimeDate, articleTimeDate, timeDate, ldDate)
	return info
}

// jsonLDDate returns the first datePublished in a JSON-LD script: in the
// object itself, an array of objects, or its @graph.
func jsonLDDate(script string) string {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(script)), &v); err != nil {
		return ""
	}
	var find func(v any, depth int) string
	find = func(v any, depth int) string {
		if depth > 3 { // deeper objects describe other things: authors, images
			return ""
		}
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["datePublished"].(string); ok && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
			return find(v["@graph"], depth+1)
		case []any:
			for _, e := range v {
				if s := find(e, depth+1); s != "" {
					return s
				}
			}
		}
		return ""
	}
	return find(v, 0)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// textLines trims every line of s, collapses runs of white space and drops
// blank lines, so paragraphs are separated by a single "\n".
func textLines(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// oneLine collapses s's white space, line breaks included.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// sniffHTML reports whether head, the first bytes of a file, starts like an
// HTML document (<!DOCTYPE html or <html) once a byte-order mark, white
// space and comments are passed.
func sniffHTML(head []byte) bool {
	rest := skipProlog(head, false)
	for _, p := range []string{"<!doctype html", "<html"} {
		if len(rest) >= len(p) && bytes.EqualFold(rest[:len(p)], []byte(p)) {
			after := rest[len(p):]
			return len(after) == 0 || isNameEnd(after[0])
		}
	}
	return false
}
