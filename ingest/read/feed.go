package read

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readFeed reads an RSS (0.9x, 1.0, 2.0) or Atom feed and calls fn for each
// item, in document order. Items are numbered from 1; a Problem's Line is
// the item number, and an article's Origin is src#number. feedURL is where
// the feed was fetched from and contentType the HTTP Content-Type it came
// with, "" for a file.
//
// Relative item links (and GUIDs that are permalinks) are resolved against
// the xml:base in scope where they stand (the feed parser applies it), else
// the feed's own link, else feedURL, else the feed's self link (see
// feedBase); a protocol-relative one ("//host/path") takes the base's
// scheme, or https when there is no base. One that cannot be resolved is not the
// article's URL — "/news/1" would name an article on every site — and is
// reported as a warning; the GUID or the text identifies the article then.
//
// The feed is decoded as decodeDeclared says: by the encoding its byte
// order mark, Content-Type or XML declaration names, else by opts.Encoding,
// else as UTF-8.
//
// A feed is parsed whole before its first item is handed on: feed parsers
// need the document's structure, and a feed is one file of at most a few
// hundred items. So that memory stays bounded, the text of an element is
// cut at opts.MaxArticleBytes while the document is read (its item is then
// reported as too large), and a document of more than feedDocFactor times
// that, so cut, is reported and not read (see readFeedDoc). A feed that cannot be parsed is reported once and yields
// nothing; readFeed returns an error only when fn does or ctx is done.
func readFeed(ctx context.Context, r io.Reader, src, feedURL, contentType string, opts ReadOptions, fn func(Article) error) error {
	if opts.MaxArticleBytes <= 0 {
		opts.MaxArticleBytes = DefaultMaxArticleBytes
	}
	if opts.Problem == nil {
		opts.Problem = func(Problem) {}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	b, _, err := readFeedDoc(r, opts.MaxArticleBytes, feedDocFactor*opts.MaxArticleBytes)
	if errors.Is(err, errTooLarge) {
		return err // the dispatcher says which limit
	}
	if errors.Is(err, errFeedTooLarge) {
		opts.Problem(Problem{File: src, Reason: err.Error() + fmt.Sprintf(" (%d times --max-article-bytes); the feed is not read", feedDocFactor)})
		return nil
	}
	if err != nil {
		opts.Problem(Problem{File: src, Reason: reason(err)})
		return nil
	}
	b, notes, err := decodeDeclared(b, feedCharset(b, contentType), opts.Encoding, func(b []byte) string { return htmlToText(string(b)) })
	if err != nil {
		opts.Problem(Problem{File: src, Reason: err.Error()})
		return nil
	}
	for _, n := range notes {
		opts.Problem(Problem{File: src, Reason: n, Warning: true})
	}
	// b is UTF-8 now: drop the declaration, so that the parser does not
	// decode it again from the encoding it names.
	b = dropXMLDecl(bytes.TrimPrefix(b, []byte("\ufeff")))
	// Detect the type first: the universal parser also reads JSON Feed,
	// which is no RSS or Atom and is left to the JSON readers. Parse looks
	// for the root element in the same first 4 KiB.
	switch gofeed.DetectFeedType(bytes.NewReader(b[:min(len(b), 4096)])) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
	default:
		opts.Problem(Problem{File: src, Reason: "not an RSS or Atom feed: no <rss>, <rdf:RDF> or <feed> root element"})
		return nil
	}
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true // for the isPermaLink of RSS GUIDs
	feed, err := p.Parse(bytes.NewReader(b))
	if err != nil {
		opts.Problem(Problem{File: src, Reason: "not an RSS or Atom feed: " + err.Error()})
		return nil
	}
	var rssItems []*rss.Item
	if orig, ok := feed.OriginalFeed().(*rss.Feed); ok && len(orig.Items) == len(feed.Items) {
		rssItems = orig.Items
	}

	refs := scanXMLBase(b, feed.FeedType == "atom", len(feed.Items))
	feed.Link = refs.feed.fix(feed.Link)
	base := feedBase(feed, feedURL) // and feed.Link made absolute
	source, site := feedSource(feed)
	var text strings.Builder // a sample of the items' text, for the mojibake check
	for i, item := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := i + 1
		if item == nil {
			continue
		}
		permalink := false
		if rssItems != nil && rssItems[i] != nil && rssItems[i].GUID != nil {
			permalink = !strings.EqualFold(strings.TrimSpace(rssItems[i].GUID.IsPermalink), "false")
		}
		var guidBase *url.URL
		if refs.items != nil {
			item.Link = refs.items[i].fix(item.Link)
			guidBase = refs.guids[i]
		}
		a, ok := feedArticle(item, src, n, source, base, guidBase, permalink, opts)
		if !ok {
			continue
		}
		// A GUID such as "1" is unique only within its site: with no host
		// to scope it, another feed of the same title repeats it.
		a.localRecord = !site
		if text.Len() < 64<<10 {
			text.WriteString(a.Title + "\n" + a.Body + "\n")
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	if n := mojibakeNote(text.String()); n != "" {
		opts.Problem(Problem{File: src, Reason: n, Warning: true})
	}
	return nil
}

// feedBase returns the URL relative links in feed resolve against: the
// feed's own link (the channel's <link>, Atom's alternate link), itself
// resolved against feedURL; else feedURL, the URL the feed was retrieved
// from; else its self link (Atom's rel="self", RSS's atom:link), the URL it
// says it is retrieved from, which RFC 3986 makes the base of a document
// that names no other; nil when none is absolute. It sets feed.Link to the
// resolved link, so that a relative one names the feed's site too.
func feedBase(feed *gofeed.Feed, feedURL string) *url.URL {
	var fetched *url.URL
	if u, err := url.Parse(strings.TrimSpace(feedURL)); err == nil && u.IsAbs() && u.Host != "" {
		fetched = u
	}
	if link, ok := resolveLink(fetched, feed.Link); ok {
		if u, err := url.Parse(link); err == nil {
			feed.Link = link
			return u
		}
	}
	if fetched != nil {
		return fetched
	}
	if link, ok := resolveLink(nil, feed.FeedLink); ok {
		if u, err := url.Parse(link); err == nil {
			return u
		}
	}
	return nil
}

// linkRefs are the links of a feed or item as written, each with the
// xml:base in scope where it stands.
type linkRefs []linkRef

type linkRef struct {
	value string   // the link element's text or href
	base  *url.URL // its xml:base, resolved against the enclosing ones
}

// fix returns link, a link as the feed parser resolved it, resolved as
// RFC 3986 says instead. The parser treats every xml:base as a folder
// ("https://x.example/feed.atom" + "a/1" gives ".../feed.atom/a/1",
// where a browser and the XML Base spec give "https://x.example/a/1");
// fix finds the link it came from and resolves that again.
func (refs linkRefs) fix(link string) string {
	for _, r := range refs {
		if r.base == nil {
			continue
		}
		ref, err := url.Parse(strings.TrimSpace(r.value))
		if err != nil {
			continue
		}
		// The parser's resolution (gofeed's XmlBaseResolveUrl).
		folder := *r.base
		if folder.Path != "" && !strings.HasSuffix(folder.Path, "/") {
			folder.Path += "/"
		}
		if folder.ResolveReference(ref).String() == link {
			return r.base.ResolveReference(ref).String()
		}
	}
	return link
}

// feedRefs is what scanXMLBase finds.
type feedRefs struct {
	feed  linkRefs   // links outside the items
	items []linkRefs // each item's links; nil when not known
	guids []*url.URL // the xml:base in scope at each item's <guid>
}

// scanXMLBase reads the xml:base attributes of b, a feed in UTF-8 with n
// items (<entry> elements when atom, else <item>), in a token pass with
// encoding/xml: the feed parser applies them but keeps no record of them.
// A feed without any is not read again; nor, beyond what was found, is
// one the pass cannot read to its end, or whose item count disagrees
// with the parser's (items is nil then).
func scanXMLBase(b []byte, atom bool, n int) feedRefs {
	var refs feedRefs
	if !bytes.Contains(b, []byte("xml:base")) {
		return refs
	}
	itemName := "item"
	if atom {
		itemName = "entry"
	}
	items := make([]linkRefs, 0, n)
	guids := make([]*url.URL, 0, n)
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false // as the feed parser reads it
	d.Entity = xml.HTMLEntity
	var bases []*url.URL // the base in scope at each open element
	itemDepth := 0       // the depth of the open item, 0 outside one
	var link *linkRef    // the open link element, gathering its text
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return feedRefs{feed: refs.feed}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			var base *url.URL
			if len(bases) > 0 {
				base = bases[len(bases)-1]
			}
			for _, a := range t.Attr {
				if a.Name.Local == "base" && (a.Name.Space == "http://www.w3.org/XML/1998/namespace" || a.Name.Space == "xml") {
					if u, err := url.Parse(strings.TrimSpace(a.Value)); err == nil {
						if base != nil {
							u = base.ResolveReference(u)
						}
						base = u
					}
				}
			}
			bases = append(bases, base)
			switch {
			case t.Name.Local == itemName && itemDepth == 0:
				itemDepth = len(bases)
				items = append(items, nil)
				guids = append(guids, nil)
			case t.Name.Local == "link":
				href := ""
				for _, a := range t.Attr {
					if a.Name.Local == "href" && a.Name.Space == "" {
						href = a.Value
					}
				}
				link = &linkRef{value: href, base: base}
				text.Reset()
			case t.Name.Local == "guid" && itemDepth > 0:
				guids[len(guids)-1] = base
			}
		case xml.CharData:
			if link != nil {
				text.Write(t)
			}
		case xml.EndElement:
			if link != nil && t.Name.Local == "link" {
				if s := strings.TrimSpace(text.String()); s != "" {
					link.value = s
				}
				if itemDepth > 0 {
					items[len(items)-1] = append(items[len(items)-1], *link)
				} else {
					refs.feed = append(refs.feed, *link)
				}
				link = nil
			}
			if len(bases) == itemDepth {
				itemDepth = 0
			}
			if len(bases) > 0 {
				bases = bases[:len(bases)-1]
			}
		}
	}
	if len(items) == n {
		refs.items, refs.guids = items, guids
	}
	return refs
}

// feedCharset returns the encoding b, a feed, declares: its byte-order
// mark, the charset of contentType, or its XML declaration; "" when none.
func feedCharset(b []byte, contentType string) string {
	switch {
	case bytes.HasPrefix(b, []byte("\ufeff")):
		return "utf-8"
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return "utf-16le"
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return "utf-16be"
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		return params["charset"]
	}
	return xmlEncoding(b)
}

// dropXMLDecl returns b without its leading XML declaration, if any.
func dropXMLDecl(b []byte) []byte {
	rest, ok := bytes.CutPrefix(b, []byte("<?xml"))
	if !ok || len(rest) == 0 || !isNameEnd(rest[0]) && rest[0] != '?' {
		return b
	}
	if i := bytes.Index(rest, []byte("?>")); i >= 0 {
		return rest[i+2:]
	}
	return b
}

// feedArticle turns item number n into an article, reporting through opts
// why it cannot (ok is false) or what it could not read (a warning). base
// is what relative links resolve against (nil when nothing), and permalink
// says whether the item's GUID is a link to it (RSS isPermaLink).
func feedArticle(item *gofeed.Item, src string, n int, source string, base, guidBase *url.URL, permalink bool, opts ReadOptions) (a Article, ok bool) {
	body := htmlToText(item.Content)
	if body == "" {
		body = htmlToText(item.Description)
	}
	a = Article{
		Source: source,
		Title:  oneLine(htmlToText(item.Title)),
		Body:   body,
		Record: strings.TrimSpace(item.GUID),
		Origin: fmt.Sprintf("%s#%d", src, n),
	}
	link := strings.TrimSpace(item.Link)
	if link == "" && len(item.Links) > 0 {
		link = strings.TrimSpace(item.Links[0])
	}
	if placeholderURL(link) {
		link = "" // "#" would resolve to the channel's own URL, one ID for every such item
	}
	if permalink && isLinkLike(a.Record) {
		if guidBase != nil {
			if u, err := url.Parse(a.Record); err == nil {
				a.Record = guidBase.ResolveReference(u).String()
			}
		}
		if u, ok := resolveLink(base, a.Record); ok {
			a.Record = u
		}
		if link == "" {
			link = a.Record
		}
	}
	if link != "" {
		if old := NormalizeURL(link); isRelativeURL(link) || strings.HasPrefix(link, "//") {
			// Releases before links were resolved made the link as written
			// the article's ID: a store they wrote is updated in place.
			a.PriorIDs = append(a.PriorIDs, old)
		}
		if u, ok := resolveLink(base, link); ok {
			a.URL = u
		} else {
			opts.Problem(Problem{File: src, Record: n, Warning: true,
				Reason: fmt.Sprintf("link %q is relative and the feed names no base to resolve it against (xml:base, a channel link, the URL it was fetched from, a self link); not used as the article's URL", link)})
		}
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
		// gives UTC, and feedTime turns it back into the written wall clock.
		t, note, err := ParseDateNote(a.DateText, "")
		if err != nil && parsed != nil && checkYear(a.DateText, parsed.Year(), eraNone) == nil {
			t, note = feedTime(a.DateText, *parsed)
			err = nil
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

// feedSource names the site a feed belongs to: the host of its link, and
// site true; or its title, and site false, when it has no usable link.
func feedSource(feed *gofeed.Feed) (source string, site bool) {
	links := append([]string{feed.Link}, feed.Links...)
	for _, l := range links {
		if u, err := url.Parse(strings.TrimSpace(l)); err == nil && u.Host != "" {
			return u.Host, true
		}
	}
	return strings.TrimSpace(htmlToText(feed.Title)), false
}

// isLinkLike tells whether a GUID that claims to be a permalink looks like
// one: an http(s) URL or a path from the site's root. RSS makes every GUID
// a permalink unless it says isPermaLink="false", and many feeds with
// GUIDs such as "12345" never say so.
func isLinkLike(guid string) bool {
	if strings.HasPrefix(guid, "/") {
		return true
	}
	u, err := url.Parse(guid)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
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
