package ingest

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readFeed reads an RSS (0.9x, 1.0, 2.0) or Atom feed and calls fn for each
// item, in document order. Items are numbered from 1; a Problem's Line is
// the item number, and an article's Origin is src#number.
//
// A feed is parsed whole before its first item is handed on: feed parsers
// need the document's structure, and a feed is one file of at most a few
// hundred items. A feed that cannot be parsed is reported once and yields
// nothing; readFeed returns an error only when fn does or ctx is done.
func readFeed(ctx context.Context, r io.Reader, src string, opts ReadOptions, fn func(Article) error) error {
	if opts.MaxArticleBytes <= 0 {
		opts.MaxArticleBytes = DefaultMaxArticleBytes
	}
	if opts.Problem == nil {
		opts.Problem = func(Problem) {}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	b, err := io.ReadAll(r)
	if errors.Is(err, errTooLarge) {
		return err // the dispatcher says which limit
	}
	if err != nil {
		opts.Problem(Problem{File: src, Reason: reason(err)})
		return nil
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	// The XML decoder converts a declared legacy encoding (windows-1256 is
	// still common on Arabic sites); anything else must already be UTF-8,
	// or the decoder would pass mojibake on as text.
	if enc := xmlEncoding(b); (enc == "" || isUTF8Label(enc)) && !utf8.Valid(b) {
		opts.Problem(Problem{File: src, Reason: "invalid UTF-8"})
		return nil
	}
	// Detect the type first: the universal parser also reads JSON Feed,
	// which is no RSS or Atom and is left to the JSON readers. Parse looks
	// for the root element in the same first 4 KiB.
	switch gofeed.DetectFeedType(bytes.NewReader(b[:min(len(b), 4096)])) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
	default:
		opts.Problem(Problem{File: src, Reason: "not an RSS or Atom feed: no <rss>, <rdf:RDF> or <feed> root element"})
		return nil
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		opts.Problem(Problem{File: src, Reason: "not an RSS or Atom feed: " + err.Error()})
		return nil
	}

	source := feedSource(feed)
	for i, item := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := i + 1
		if item == nil {
			continue
		}
		a, ok := feedArticle(item, src, n, source, opts)
		if !ok {
			continue
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// feedArticle turns item number n into an article, reporting through opts
// why it cannot (ok is false) or what it could not read (a warning).
func feedArticle(item *gofeed.Item, src string, n int, source string, opts ReadOptions) (a Article, ok bool) {
	body := htmlToText(item.Content)
	if body == "" {
		body = htmlToText(item.Description)
	}
	a = Article{
		URL:    strings.TrimSpace(item.Link),
		Source: source,
		Title:  oneLine(htmlToText(item.Title)),
		Body:   body,
		Record: strings.TrimSpace(item.GUID),
		Origin: fmt.Sprintf("%s#%d", src, n),
	}
	if a.URL == "" && len(item.Links) > 0 {
		a.URL = strings.TrimSpace(item.Links[0])
	}
	if a.Title == "" && a.Body == "" {
		opts.Problem(Problem{File: src, Record: n, Reason: "feed item has neither title nor body"})
		return Article{}, false
	}
	if len(a.Title)+len(a.Body) > opts.MaxArticleBytes {
		opts.Problem(Problem{File: src, Record: n, Reason: fmt.Sprintf("item larger than %d bytes", opts.MaxArticleBytes)})
		return Article{}, false
	}

	// gofeed falls back from published to updated itself for Atom but not
	// for RSS, so do it here for both.
	text, parsed := item.Published, item.PublishedParsed
	if strings.TrimSpace(text) == "" {
		text, parsed = item.Updated, item.UpdatedParsed
	}
	a.DateText = strings.TrimSpace(text)
	if a.DateText != "" {
		// ParseDate reads Arabic-Indic digits, Arabic month names and dual
		// Hijri/Gregorian dates, and refuses Hijri ones; gofeed reads more
		// RFC 822 variants. Either way the day is the one written: gofeed
		// keeps the offset it read, and the wall clock there is taken.
		t, note, err := ParseDateNote(a.DateText, "")
		if err != nil && parsed != nil && checkYear(a.DateText, parsed.Year(), eraNone) == nil {
			t, note, err = wallClock(*parsed), "", nil
		}
		switch {
		case err != nil:
			opts.Problem(Problem{File: src, Record: n, Reason: dateWarning(a.DateText, err), Warning: true})
		case note != "":
			opts.Problem(Problem{File: src, Record: n, Reason: note, Warning: true})
		}
		a.Published = t
	}
	return a, true
}

// feedSource names the site a feed belongs to: the host of its link, or
// its title when it has no usable link.
func feedSource(feed *gofeed.Feed) string {
	links := append([]string{feed.Link}, feed.Links...)
	for _, l := range links {
		if u, err := url.Parse(strings.TrimSpace(l)); err == nil && u.Host != "" {
			return u.Host
		}
	}
	return strings.TrimSpace(htmlToText(feed.Title))
}

// xmlEncoding returns the encoding named by b's XML declaration, or "".
func xmlEncoding(b []byte) string {
	d := xml.NewDecoder(bytes.NewReader(b))
	// Only the declaration is read: any encoding will do.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	tok, err := d.RawToken()
	if err != nil {
		return ""
	}
	pi, ok := tok.(xml.ProcInst)
	if !ok || pi.Target != "xml" {
		return ""
	}
	// The declaration's pseudo-attributes look like a start tag's
	// attributes, so let the decoder read them as one.
	d = xml.NewDecoder(strings.NewReader("<x " + string(pi.Inst) + "/>"))
	tok, err = d.RawToken()
	if err != nil {
		return ""
	}
	if se, ok := tok.(xml.StartElement); ok {
		for _, attr := range se.Attr {
			if attr.Name.Local == "encoding" {
				return strings.TrimSpace(attr.Value)
			}
		}
	}
	return ""
}

func isUTF8Label(label string) bool {
	l := strings.ToLower(label)
	return l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8"
}

// blockElements end a line of text: feed content is HTML, and a paragraph
// boundary is worth keeping for the extractor's sentence splitting.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true, atom.Td: true,
	atom.Th: true, atom.Tr: true, atom.Ul: true,
}

// skipElements hold no reader-facing text.
var skipElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Head: true,
}

// htmlToText renders an HTML fragment as plain text: entities decoded,
// markup dropped, whitespace collapsed, one line per paragraph or other
// block, no blank lines. Text without markup is taken as it is written, so
// the line breaks of a plain-text description survive.
func htmlToText(s string) string {
	var lines []string
	var line strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(line.String()), " "); t != "" {
			lines = append(lines, t)
		}
		line.Reset()
	}
	if !strings.Contains(s, "<") {
		for _, l := range strings.Split(html.UnescapeString(s), "\n") {
			line.WriteString(l)
			flush()
		}
		return strings.Join(lines, "\n")
	}
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // depth inside skipElements
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return strings.Join(lines, "\n")
		case html.TextToken:
			if skip == 0 {
				line.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipElements[a] {
				switch {
				case tt == html.StartTagToken:
					skip++
				case tt == html.EndTagToken && skip > 0:
					skip--
				}
				continue
			}
			if blockElements[a] {
				flush()
			} else if a == atom.Img || a == 0 {
				// an unknown or void element still separates words
				line.WriteByte(' ')
			}
		}
	}
}

// sniffFeed reports whether head, the first bytes of a file, starts like
// an RSS, RDF or Atom document once a byte-order mark, white space, the XML
// declaration, processing instructions, comments and a DOCTYPE are passed.
func sniffFeed(head []byte) bool {
	rest := skipProlog(head, true)
	for _, root := range []string{"<rss", "<feed", "<rdf:RDF"} {
		if after, ok := bytes.CutPrefix(rest, []byte(root)); ok {
			return len(after) == 0 || isNameEnd(after[0])
		}
	}
	return false
}

// skipProlog returns b after a byte-order mark and any white space and
// comments, and with decls also processing instructions and declarations
// (<?xml ...?>, <!DOCTYPE ...>). A construct cut off by the end of b leaves
// nothing.
func skipProlog(b []byte, decls bool) []byte {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		var end string
		switch {
		case bytes.HasPrefix(b, []byte("<!--")):
			end = "-->"
		case decls && bytes.HasPrefix(b, []byte("<?")):
			end = "?>"
		case decls && bytes.HasPrefix(b, []byte("<!")) && len(b) > 2 && isLetter(b[2]):
			end = ">"
		default:
			return b
		}
		i := bytes.Index(b[2:], []byte(end))
		if i < 0 {
			return nil
		}
		b = b[2+i+len(end):]
	}
}

func isNameEnd(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
