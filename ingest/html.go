package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML reads one article from a saved web page: the main text as
// readability finds it, without the page's navigation, sidebars and footer.
// pageURL is where the page was fetched from, or "" when unknown, in which
// case the page's canonical link names it.
//
// The page must be UTF-8. A date found but not understood is returned in
// DateText with Published zero; reporting it is the caller's business.
func readHTML(r io.Reader, src, pageURL string, max int) (Article, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return Article{}, err
	}
	if len(b) > max {
		return Article{}, fmt.Errorf("page larger than %d bytes", max)
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	// html.Parse takes its input as UTF-8 whatever the page declares, so
	// other encodings are refused rather than read as mojibake.
	if !utf8.Valid(b) {
		return Article{}, errors.New("invalid UTF-8")
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return Article{}, fmt.Errorf("parse HTML: %w", err)
	}

	// Read the metadata before readability, which rewrites the document.
	meta := pageMeta(doc)
	a := Article{URL: strings.TrimSpace(pageURL), DateText: meta.date}
	if a.URL == "" {
		a.URL = firstOf(meta.canonical, meta.ogURL)
	}
	var base *url.URL
	if u, err := url.Parse(a.URL); err == nil {
		a.Source = u.Host
		if u.IsAbs() {
			base = u
		}
	}

	p := readability.NewParser()
	art, err := p.ParseAndMutate(doc, base)
	if err != nil {
		return Article{}, fmt.Errorf("readability: %w", err)
	}
	a.Title = oneLine(firstOf(meta.ogTitle, art.Title()))
	if art.Node != nil {
		a.Body = textLines(render.InnerText(art.Node))
	}
	if a.Body == "" {
		return Article{}, errors.New("no article text found")
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
	return a, nil
}

// pageInfo is what readHTML takes from a page's head and markup rather
// than from readability.
type pageInfo struct {
	ogTitle, canonical, ogURL string
	date                      string // the first publication date found
}

// pageMeta reads doc's metadata. Dates are taken in order of trust:
// article:published_time, a <time datetime> (one inside <article> before
// any other, as a page's header may show today's date), then JSON-LD
// datePublished.
func pageMeta(doc *html.Node) pageInfo {
	var info pageInfo
	var metaDate, timeDate, articleTimeDate, ldDate string
	var walk func(n *html.Node, inArticle bool)
	walk = func(n *html.Node, inArticle bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(strings.TrimSpace(firstOf(attr(n, "property"), attr(n, "name"))))
				content := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					info.ogTitle = firstOf(info.ogTitle, content)
				case "og:url":
					info.ogURL = firstOf(info.ogURL, content)
				case "article:published_time":
					metaDate = firstOf(metaDate, content)
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
	info.date = firstOf(metaDate, articleTimeDate, timeDate, ldDate)
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
