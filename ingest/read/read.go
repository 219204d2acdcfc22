package read

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
)

// Problem is an input that could not be read, or was read with a caveat.
// It is reported, never fatal: the reader skips what it names and goes on.
type Problem struct {
	File    string
	Line    int    // 1-based line of a line-oriented file; 0 when not known
	Record  int    // 1-based record of a JSON array, CSV file or feed; 0 when not known
	Reason  string // lower-case, no trailing period
	Warning bool   // the article was still ingested (e.g. its date is unknown)
}

func (p Problem) Error() string {
	switch {
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Reason)
	case p.Record > 0:
		return fmt.Sprintf("%s: record %d: %s", p.File, p.Record, p.Reason)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Reason)
}

// Limits on input, overridable in ReadOptions.
const (
	DefaultMaxArticleBytes = 4 << 20 // one article: a text file, a JSON line, a CSV row
	DefaultMaxInputBytes   = 2 << 30 // one input after decompression: a file, a URL, stdin
	DefaultTimeout         = 30 * time.Second
)

// ReadOptions configures Read.
type ReadOptions struct {
	// MaxArticleBytes bounds a single article; larger ones are skipped and
	// reported. Zero means DefaultMaxArticleBytes.
	MaxArticleBytes int
	// MaxInputBytes bounds one input after decompression, so a small .gz
	// cannot expand without end. Zero means DefaultMaxInputBytes.
	MaxInputBytes int64
	// Format forces the format of every input; "" detects it.
	Format Format
	// Fields maps article fields (id, url, source, title, date, body, lang)
	// to the JSON keys or CSV columns holding them, over the defaults.
	Fields map[string]string
	// Delimiter separates the fields of CSV and TSV inputs (see
	// ParseDelimiter); 0 means a tab for TSV and, for CSV, the one of
	// Delimiters the header and first lines use.
	Delimiter rune
	// Lang, when set, is every article's language.
	Lang string
	// DateOrder is the order of numeric dates; "" reads them day first.
	DateOrder DateOrder
	// Encoding names the character encoding of the inputs (see
	// ParseEncoding); "" means UTF-8. Pages and feeds that declare an
	// encoding are decoded by it instead (see decodeDeclared).
	Encoding string
	// FollowSymlinks follows symbolic links in folders to files outside
	// the folder named; by default only links whose target lies within it
	// are read, the others reported.
	FollowSymlinks bool
	// Timeout bounds fetching one URL in total — connecting, the answer's
	// headers and reading its body, however slowly it comes — not each
	// read. Zero means DefaultTimeout.
	Timeout time.Duration
	// Stdin is what "-" reads; nil means os.Stdin.
	Stdin io.Reader
	// Problem receives every problem; nil drops them.
	Problem func(Problem)
	// BytesRead, when set, is told the bytes read from files as they are
	// read, as stored (before decompression): with InputBytes, the
	// progress of a run. It is called from Read's goroutine.
	BytesRead func(n int)
	// Incomplete, when set, receives every input that could not be read
	// to its end — a file or folder that cannot be opened, a URL that
	// fails, a file cut short by an error, a file with a record skipped
	// (a malformed line or record) — as Article.Input names it (a
	// folder's path stands for everything in it). Articles missing from
	// such an input may still be there: a pruning ingest keeps them.
	Incomplete func(input string)
	// Fingerprints has the JSON lines reader compute each article's
	// TextFingerprint on its decoding goroutines, where it takes no wall
	// time from a reader that needs every article's fingerprint in order
	// (the ingest pipeline's): TextFingerprint then returns it. With one
	// CPU the lines are decoded in order and nothing is computed ahead.
	Fingerprints bool
	// Now is the time of the run: publication dates more than MaxFuture
	// after it are stored as unknown, with a warning. Zero means time.Now().
	Now time.Time
}

// MaxFuture is how far after the run a publication date may lie: further is
// a typo or a placeholder, stored as unknown.
const MaxFuture = 365 * 24 * time.Hour

func (o *ReadOptions) defaults() {
	if o.MaxArticleBytes <= 0 {
		o.MaxArticleBytes = DefaultMaxArticleBytes
	}
	if o.MaxInputBytes <= 0 {
		o.MaxInputBytes = DefaultMaxInputBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	if o.Problem == nil {
		o.Problem = func(Problem) {}
	}
	if o.Incomplete == nil {
		o.Incomplete = func(string) {}
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
}

// Format is an input format Read understands.
type Format string

// The formats Read understands.
const (
	FormatText  Format = "text"  // title line, optional date line, body
	FormatJSONL Format = "jsonl" // one JSON object a line
	FormatJSON  Format = "json"  // a JSON array of objects, or objects one after another
	FormatCSV   Format = "csv"   // comma-separated, with a header row
	FormatTSV   Format = "tsv"   // tab-separated, with a header row
	FormatFeed  Format = "feed"  // RSS 2.0 or Atom
	FormatHTML  Format = "html"  // one article page
)

// Formats lists the formats, for messages and flag help.
var Formats = []Format{FormatText, FormatJSONL, FormatJSON, FormatCSV, FormatTSV, FormatFeed, FormatHTML}

// ParseFormat checks a format name given by a user.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q (want %s)", s, strings.Join(names, ", "))
}

// formatOf tells a file's format from its extension (a trailing .gz
// ignored); "" when the extension says nothing.
func formatOf(path string) Format {
	path = strings.TrimSuffix(strings.ToLower(path), ".gz")
	switch filepath.Ext(path) {
	case ".txt", ".text":
		return FormatText
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".json":
		return FormatJSON
	case ".csv":
		return FormatCSV
	case ".tsv", ".tab":
		return FormatTSV
	case ".rss", ".atom", ".xml":
		return FormatFeed
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	}
	return ""
}

// sniff tells a format from the first bytes of an input whose name says
// nothing, falling back to plain text.
func sniff(head []byte) Format {
	t := bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case len(t) == 0:
		return FormatText
	case t[0] == '[':
		return FormatJSON
	case t[0] == '{':
		// One object a line, or one pretty-printed object: the JSON
		// reader takes both, the line reader only the first.
		if i := bytes.IndexByte(t, '\n'); i > 0 && bytes.HasSuffix(bytes.TrimRight(t[:i], " \r"), []byte("}")) {
			return FormatJSONL
		}
		return FormatJSON
	case sniffFeed(head):
		return FormatFeed
	case sniffHTML(head):
		return FormatHTML
	}
	return FormatText
}

// errTooLarge is returned by a capped reader past its limit.
var errTooLarge = errors.New("input too large")

// capped reads at most n bytes and then fails with errTooLarge, so
// decompression bombs and endless responses end in a clear error.
type capped struct {
	r io.Reader
	n int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.n <= 0 {
		// Probe one byte: an input of exactly the limit is fine.
		var one [1]byte
		if n, _ := c.r.Read(one[:]); n > 0 {
			return 0, errTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.n {
		p = p[:c.n]
	}
	n, err := c.r.Read(p)
	c.n -= int64(n)
	return n, err
}

// input is one opened input: its name for messages, the path below the
// folder the user named (for IDs of text files), and its content.
type input struct {
	id   string // what Article.Input says: an absolute path, a URL, "stdin"
	name string
	rel  string
	url  string // the URL it was fetched from, if any
	r    io.Reader
	ext  Format // the format its name says, or ""
	ct   string // the Content-Type of a fetched URL
}

// Read reads every article under inputs — files; folders, walked
// recursively in lexical order, hidden entries and files of unknown type
// skipped; "-" for standard input; http(s) URLs — and calls fn for each.
// Gzipped inputs are decompressed. Broken inputs and records are reported
// through opts.Problem and skipped. Read stops early only when fn or ctx
// returns an error.
func Read(ctx context.Context, inputs []string, opts ReadOptions, fn func(Article) error) error {
	opts.defaults()
	dec, err := ParseEncoding(opts.Encoding)
	if err != nil {
		return err
	}
	rd := &reader{opts: opts, fn: fn, decode: dec, skipped: new(atomic.Bool)}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		switch {
		case in == "-":
			err = rd.read(ctx, input{id: "stdin", name: "stdin", rel: "stdin", r: opts.Stdin})
		case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
			err = rd.fetch(ctx, in)
		default:
			err = rd.walk(ctx, in)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

type reader struct {
	opts   ReadOptions
	fn     func(Article) error
	decode func(io.Reader) io.Reader
	// The input being read (as Article.Input and as the scope of bare
	// record IDs say it), and whether reading it stopped short.
	cur      string
	cutShort bool
	// skipped says a record of cur was skipped (see problem). Behind a
	// pointer, and atomic: the JSON lines decoders copy the reader while
	// cur's problems are reported.
	skipped *atomic.Bool
	foreign int     // articles of cur whose link is on another site than cur's (see emit)
	maps    *mapUse // which --map keys the input's records have
}

// problem reports p. A record skipped (p names its line or record and is
// no warning) leaves the input incomplete (ReadOptions.Incomplete): the
// stored article that record may hold is not found missing from it.
func (rd *reader) problem(p Problem) {
	if !p.Warning && (p.Line > 0 || p.Record > 0) && rd.skipped != nil {
		rd.skipped.Store(true)
	}
	rd.opts.Problem(p)
}

// fail reports a problem after which the current input is not read any
// further, so that it counts as incomplete. It returns nil: a broken input
// stops nothing else.
func (rd *reader) fail(p Problem) error {
	rd.problem(p)
	rd.cutShort = true
	return nil
}

// InputID is what Article.Input says of an input given as a path: its
// absolute, cleaned path (the path itself if it has none).
func InputID(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

func (rd *reader) walk(ctx context.Context, root string) error {
	fi, err := os.Stat(root)
	if err != nil {
		rd.problem(Problem{File: root, Reason: reason(err)})
		rd.opts.Incomplete(InputID(root))
		return nil
	}
	if !fi.IsDir() {
		if !fi.Mode().IsRegular() {
			// A FIFO named explicitly is refused too: a scheduled run
			// must not wait for a writer that never comes. "-" reads a
			// stream.
			rd.problem(Problem{File: root, Reason: notRegular(fi.Mode()) + "; only regular files are read (pipe a stream to \"-\")"})
			rd.opts.Incomplete(InputID(root))
			return nil
		}
		return rd.readFile(ctx, root, filepath.Base(root))
	}
	// Both the root and a link's target are compared as absolute real
	// paths: a relative root ("in") and an absolute link target
	// ("/srv/in/a.txt") name the same folder.
	realRoot, err := filepath.EvalSymlinks(InputID(root))
	if err != nil {
		realRoot = InputID(root)
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			rd.problem(Problem{File: path, Reason: reason(err)})
			rd.opts.Incomplete(InputID(path))
			return nil
		}
		if skip, dir := skipped(root, path, d, rd.opts.Format); skip {
			return dir
		} else if d.IsDir() {
			return nil
		}
		if why := rd.unreadable(realRoot, path, d); why != "" {
			rd.problem(Problem{File: path, Reason: why})
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			rel = d.Name()
		}
		return rd.readFile(ctx, path, filepath.ToSlash(rel))
	})
}

// unreadable says why the walk of the folder whose real path is realRoot
// does not read the entry at path, or "" when it does: only regular files
// are read, and symbolic links to them whose target lies within the root
// (anywhere with FollowSymlinks). A link to a folder is not followed, so a
// walk cannot loop; a chain of links that loops is reported.
func (rd *reader) unreadable(realRoot, path string, d fs.DirEntry) string {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(InputID(path))
		if err != nil {
			return "symbolic link not followed: " + reason(err)
		}
		fi, err := os.Stat(target)
		if err != nil {
			return "symbolic link not followed: " + reason(err)
		}
		if fi.IsDir() {
			return "symbolic link to a folder not followed (name the folder itself)"
		}
		if !rd.opts.FollowSymlinks && !within(realRoot, target) {
			return fmt.Sprintf("symbolic link to %s, outside the folder, not followed (--follow-symlinks follows it)", target)
		}
		mode = fi.Mode().Type()
	}
	if !mode.IsRegular() {
		return notRegular(mode) + "; only regular files are read"
	}
	return ""
}

// within reports whether path lies in the folder dir (both real paths).
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// notRegular names what a file of mode is, when it is no regular file.
func notRegular(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO), not a regular file"
	case mode&fs.ModeSocket != 0:
		return "a socket, not a regular file"
	case mode&fs.ModeDevice != 0:
		return "a device, not a regular file"
	case mode.IsDir():
		return "a folder, not a regular file"
	}
	return "not a regular file"
}

// skipped reports whether walking root skips the entry at path: hidden
// entries, and files of no known format unless format is forced (READMEs,
// images, ...). dir is what WalkDir's function returns for it.
func skipped(root, path string, d fs.DirEntry, format Format) (skip bool, dir error) {
	if path != root && strings.HasPrefix(d.Name(), ".") {
		if d.IsDir() {
			return true, filepath.SkipDir
		}
		return true, nil
	}
	return !d.IsDir() && format == "" && formatOf(path) == "", nil
}

// InputBytes is the size of the files Read would read under inputs, as
// stored, for a progress bar; known is false when some input is a URL or
// standard input, whose size is not known ahead. Files that cannot be
// listed count nothing.
func InputBytes(inputs []string, format Format) (total int64, known bool) {
	for _, in := range inputs {
		if in == "-" || strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
			return 0, false
		}
		fi, err := os.Stat(in)
		switch {
		case err != nil:
		case !fi.IsDir():
			total += fi.Size()
		default:
			filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if skip, dir := skipped(in, path, d, format); skip || d.IsDir() {
					return dir
				}
				if info, err := d.Info(); err == nil {
					total += info.Size()
				}
				return nil
			})
		}
	}
	return total, true
}

func (rd *reader) readFile(ctx context.Context, path, rel string) error {
	f, err := openRegular(path)
	if err != nil {
		rd.problem(Problem{File: path, Reason: reason(err)})
		rd.opts.Incomplete(InputID(path))
		return nil
	}
	defer f.Close()
	// What was opened may not be what was looked at: a file replaced by a
	// FIFO in between is refused here.
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		why := "not a regular file"
		if err != nil {
			why = reason(err)
		} else {
			why = notRegular(fi.Mode())
		}
		rd.problem(Problem{File: path, Reason: why + "; only regular files are read"})
		rd.opts.Incomplete(InputID(path))
		return nil
	}
	var r io.Reader = f
	if rd.opts.BytesRead != nil {
		r = &counted{r: f, add: rd.opts.BytesRead}
	}
	return rd.read(ctx, input{id: InputID(path), name: path, rel: rel, r: r, ext: formatOf(path)})
}

// counted tells add how many bytes each Read returns.
type counted struct {
	r   io.Reader
	add func(int)
}

func (c *counted) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.add(n)
	}
	return n, err
}

// fetch reads a URL: a feed, a page, or any format Read knows.
//
// Only the request sees rawURL as given: the input's name in problems, in
// Incomplete and in every Article.Input and page URL is graph.Redact(rawURL),
// so a password in the URL reaches no message and no store.
func (rd *reader) fetch(ctx context.Context, rawURL string) error {
	u := graph.Redact(rawURL)
	cutShort := true // until the body is read
	defer func() {
		if cutShort {
			rd.opts.Incomplete(u)
		}
	}()
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, rd.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		rd.problem(Problem{File: u, Reason: graph.Redact(err.Error())})
		return nil
	}
	req.Header.Set("User-Agent", "newsgraph (+https://github.com/newsgraph/newsgraph)")
	resp, err := fetchClient(ctx, req.URL).Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("no answer within %v", rd.opts.Timeout)
		}
		rd.problem(Problem{File: u, Reason: "fetch: " + graph.Redact(err.Error())})
		return nil
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		rd.problem(Problem{File: u, Reason: "fetch: " + resp.Status})
		return nil
	}
	path := req.URL.Path
	body := &deadlineBody{r: resp.Body, ctx: ctx, parent: parent, timeout: rd.opts.Timeout}
	err = rd.read(ctx, input{id: u, name: u, rel: u, url: u, r: body, ext: formatOf(path), ct: resp.Header.Get("Content-Type")})
	timedOut := parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) // this fetch's own deadline
	if timedOut && errors.Is(err, context.DeadlineExceeded) {
		// The fetch timed out mid-read and the format's reader handed
		// the error on: report, keep what was read.
		rd.problem(Problem{File: u, Reason: body.timeoutError().Error()})
		err = nil
	}
	// rd.read said the input was cut short if its reader reported the
	// time-out (with the line it stopped at) or anything else.
	cutShort = !rd.cutShort && (body.hit || timedOut)
	return err
}

// deadlineBody is a fetched body whose reads, once the fetch's deadline
// has passed, fail with what happened — "fetch: body not read within 30s"
// — rather than with the closed connection the transport leaves. The
// deadline is on the whole fetch (ReadOptions.Timeout), not on each read,
// so a server that trickles a byte at a time is cut at it too. Once parent,
// the run's context, is done, reads fail with its cause instead.
type deadlineBody struct {
	r       io.Reader
	ctx     context.Context // the fetch's, with its deadline
	parent  context.Context
	timeout time.Duration
	hit     bool // a read failed past the deadline
}

func (b *deadlineBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	switch {
	case err == nil || err == io.EOF:
	case b.parent.Err() != nil:
		err = fmt.Errorf("fetch stopped: %w", context.Cause(b.parent))
	case errors.Is(b.ctx.Err(), context.DeadlineExceeded):
		b.hit = true
		err = b.timeoutError()
	}
	return n, err
}

func (b *deadlineBody) timeoutError() error { return fetchTimeout(b.timeout) }

// fetchTimeout is a fetch cut at its deadline; it is a
// context.DeadlineExceeded.
type fetchTimeout time.Duration

func (t fetchTimeout) Error() string {
	return fmt.Sprintf("fetch: body not read within %v", time.Duration(t))
}

func (fetchTimeout) Unwrap() error { return context.DeadlineExceeded }

// read decompresses, caps and decodes an input, tells its format and
// hands it to the format's reader.
func (rd *reader) read(ctx context.Context, in input) error {
	rd.cur, rd.cutShort, rd.foreign = in.id, false, 0
	if rd.skipped != nil {
		rd.skipped.Store(false)
	}
	defer func() {
		if rd.cutShort || rd.skipped != nil && rd.skipped.Load() {
			rd.opts.Incomplete(in.id)
		}
		if rd.foreign > 0 {
			rd.problem(Problem{File: in.name, Warning: true, Reason: fmt.Sprintf(
				"%d articles link to another site than %s: their links are kept as URLs, not as IDs (which would replace that site's articles); IDs are the links scoped to this input",
				rd.foreign, site(urlHost(in.id)))})
		}
	}()
	br := bufio.NewReaderSize(in.r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return rd.fail(Problem{File: in.name, Reason: "gzip: " + err.Error()})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	br = bufio.NewReaderSize(&capped{r: br, n: rd.opts.MaxInputBytes}, 64<<10)
	// Tell the format from the head as --encoding decodes it, as the
	// whole input will be unless it is a page or feed.
	head, _ := br.Peek(512)
	decode := rd.decode
	if isUTF16(head) {
		// A UTF-16 byte-order mark says the encoding better than --encoding.
		decode = decodeUTF16
	}
	if decode != nil {
		head, _ = io.ReadAll(decode(bytes.NewReader(head)))
	}

	format := rd.opts.Format
	if format == "" {
		format = in.ext
	}
	if format == "" && strings.Contains(in.ct, "html") && !sniffFeed(head) {
		format = FormatHTML
	}
	if format == "" {
		format = sniff(head)
	}
	// Pages and feeds name their encoding themselves (<meta charset>, the
	// XML declaration, the HTTP Content-Type) and decode themselves:
	// --encoding is for those that name none, not for every input of a
	// run. Everything else is decoded here.
	if decode != nil && format != FormatFeed && format != FormatHTML {
		br = bufio.NewReaderSize(decode(br), 64<<10)
	}
	src := source{name: in.name, rel: in.rel, url: in.url}
	var err error
	switch format {
	case FormatText:
		err = rd.readText(br, src)
	case FormatJSONL:
		err = rd.readJSONL(ctx, br, src)
	case FormatJSON:
		err = rd.readJSON(ctx, br, src)
	case FormatCSV:
		err = rd.readCSV(ctx, br, src, rd.opts.Delimiter) // 0: detected
	case FormatTSV:
		sep := rd.opts.Delimiter
		if sep == 0 {
			sep = '\t'
		}
		err = rd.readCSV(ctx, br, src, sep)
	case FormatFeed:
		// readFeed reports unreadable dates itself, with the item number;
		// a problem without one is with the whole feed.
		opts := rd.opts
		opts.Problem = func(p Problem) {
			if p.Record == 0 && !p.Warning {
				rd.cutShort = true
			}
			rd.problem(p)
		}
		err = readFeed(ctx, br, in.name, in.url, in.ct, opts, func(a Article) error { return rd.emit(a, nil) })
	case FormatHTML:
		err = rd.readPage(br, src, in.ct)
	default:
		err = fmt.Errorf("unknown format %q", format)
	}
	if errors.Is(err, errTooLarge) {
		return rd.fail(Problem{File: in.name, Reason: fmt.Sprintf("more than %d bytes after decompression; the rest is skipped (raise --max-input-bytes if this is no decompression bomb)", rd.opts.MaxInputBytes)})
	}
	if err != nil {
		rd.cutShort = true
	}
	return err
}

// source names the input an article came from.
type source struct {
	name string // for messages
	rel  string // path below the folder the user named
	url  string // the URL a page was fetched from
}

// emit finishes an article — language, ID, date warning — and hands it on.
// at says where it was read, for the date warning; nil when the format's
// reader warns itself.
func (rd *reader) emit(a Article, at *Problem) error {
	if rd.opts.Lang != "" {
		a.Lang = rd.opts.Lang
	} else if a.Lang == "" {
		body := a.Body
		if len(body) > langSample {
			body = body[:langSample] // DetectLang looks no further anyway
		}
		a.Lang = DetectLang(a.Title + " " + body)
	}
	// A source typed on a Persian keyboard, decomposed or with invisible
	// characters is the same source: stats and --source see one.
	a.Source = norm.Clean(a.Source)
	if a.ID == "" {
		if own := siteOfURL(rd.cur); own != "" && !isRelativeURL(a.URL) {
			// A server speaks for its own site only: a feed item or
			// record linking to another site keeps the link as its URL,
			// not as its ID, which would replace that site's article.
			if s := siteOfURL(a.URL); s != "" && s != own {
				a.foreign = true
				rd.foreign++
			}
		}
		assignID(&a, rd.cur)
	}
	a.Input = rd.cur
	if !a.Published.IsZero() && a.Published.After(rd.opts.Now.Add(MaxFuture)) {
		// A date this far ahead is a typo or a placeholder (9999-12-31);
		// kept, it would stretch every timeline to it.
		text := a.DateText
		if text == "" {
			text = a.Published.Format(time.RFC3339)
		}
		a.dateNote = fmt.Sprintf("date %q is more than a year after this run (%s); stored as unknown", text, rd.opts.Now.Format(time.DateOnly))
		a.Published, a.DateText = time.Time{}, text
		if at == nil {
			at = &Problem{File: a.Origin}
		}
	}
	if at != nil && a.DateText != "" && (a.Published.IsZero() || a.dateNote != "") {
		at.Reason = a.dateNote
		if at.Reason == "" {
			at.Reason = fmt.Sprintf("date %q not understood; stored as unknown", a.DateText)
		}
		at.Warning = true
		rd.problem(*at)
	}
	return rd.fn(a)
}

func (rd *reader) readPage(r io.Reader, src source, contentType string) error {
	a, notes, err := readHTML(r, src.name, pageOptions{
		url: src.url, contentType: contentType, encoding: rd.opts.Encoding, max: rd.opts.MaxArticleBytes,
	})
	if errors.Is(err, errTooLarge) {
		return err
	}
	if err != nil {
		return rd.fail(Problem{File: src.name, Reason: err.Error()})
	}
	for _, n := range notes {
		rd.problem(Problem{File: src.name, Reason: n, Warning: true})
	}
	a.Origin = src.name
	return rd.emit(a, &Problem{File: src.name})
}

func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}
