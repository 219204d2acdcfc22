package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/ingest/norm"
)

// Problem is an input that could not be read, or was read with a caveat.
// It is reported, never fatal: the reader skips what it names and goes on.
type Problem struct {
	File    string
	Line    int    // 1-based; 0 when the problem is the whole file
	Reason  string // lower-case, no trailing period
	Warning bool   // the article was still ingested (e.g. its date is unknown)
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Reason)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Reason)
}

// DefaultMaxArticleBytes bounds one article (a text file or a JSON line).
const DefaultMaxArticleBytes = 4 << 20

// ReadOptions configures Read.
type ReadOptions struct {
	// MaxArticleBytes bounds a single article; larger ones are skipped and
	// reported. Zero means DefaultMaxArticleBytes.
	MaxArticleBytes int
	// Problem receives every problem; nil drops them.
	Problem func(Problem)
}

// Format is an input format Read understands.
type Format string

// Formats read by this version.
const (
	FormatText  Format = "text"  // title line, optional date line, body
	FormatJSONL Format = "jsonl" // one JSON object a line
)

// formatOf tells a file's format from its extension; "" for files a folder
// walk leaves alone.
func formatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return FormatText
	case ".jsonl", ".ndjson":
		return FormatJSONL
	}
	return ""
}

// Read reads every article under paths — files, or folders walked
// recursively in lexical order, hidden entries skipped — and calls fn for
// each. Broken files and records are reported through opts.Problem and
// skipped. Read stops early only when fn or ctx returns an error.
func Read(ctx context.Context, paths []string, opts ReadOptions, fn func(Article) error) error {
	if opts.MaxArticleBytes <= 0 {
		opts.MaxArticleBytes = DefaultMaxArticleBytes
	}
	if opts.Problem == nil {
		opts.Problem = func(Problem) {}
	}
	for _, root := range paths {
		fi, err := os.Stat(root)
		if err != nil {
			opts.Problem(Problem{File: root, Reason: reason(err)})
			continue
		}
		if !fi.IsDir() {
			format := formatOf(root)
			if format == "" {
				format = sniff(root)
			}
			if err := readFile(ctx, root, filepath.Base(root), format, opts, fn); err != nil {
				return err
			}
			continue
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				opts.Problem(Problem{File: path, Reason: reason(err)})
				return nil
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			format := formatOf(path)
			if format == "" {
				return nil // not a corpus file: READMEs, images, ...
			}
			rel, err := filepath.Rel(root, path)
			if err != nil {
				rel = d.Name()
			}
			return readFile(ctx, path, filepath.ToSlash(rel), format, opts, fn)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// sniff guesses the format of a file named on the command line whose
// extension says nothing: JSON lines if it starts with '{'.
func sniff(path string) Format {
	f, err := os.Open(path)
	if err != nil {
		return FormatText // readFile reports the error
	}
	defer f.Close()
	b := make([]byte, 512)
	n, _ := f.Read(b)
	if t := bytes.TrimLeft(b[:n], " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		return FormatJSONL
	}
	return FormatText
}

func readFile(ctx context.Context, path, rel string, format Format, opts ReadOptions, fn func(Article) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		opts.Problem(Problem{File: path, Reason: reason(err)})
		return nil
	}
	defer f.Close()
	switch format {
	case FormatJSONL:
		return readJSONL(ctx, f, path, opts, fn)
	default:
		a, err := readText(f, rel, opts.MaxArticleBytes)
		if err != nil {
			opts.Problem(Problem{File: path, Reason: reason(err)})
			return nil
		}
		a.Origin = path
		if a.DateText != "" && a.Published.IsZero() {
			opts.Problem(Problem{File: path, Line: 2, Reason: "date " + strconv.Quote(a.DateText) + " not understood; stored as unknown", Warning: true})
		}
		return fn(a)
	}
}

func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// readText reads one article in the seed format: the title on the first
// line, the date on the second when it reads as one, then the body. The ID
// is "file:" plus rel, the path below the folder the user named.
func readText(r io.Reader, rel string, max int) (Article, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return Article{}, err
	}
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
	a := Article{ID: "file:" + rel, Source: "file", Title: strings.TrimSpace(lines[0])}
	rest := lines[1:]
	if len(rest) > 0 {
		if t, err := ParseDate(rest[0]); err == nil {
			a.Published, a.DateText = t, strings.TrimSpace(rest[0])
			rest = rest[1:]
		} else if looksLikeDate(rest[0]) {
			a.DateText = strings.TrimSpace(rest[0])
			rest = rest[1:]
		}
	}
	a.Body = strings.TrimSpace(strings.Join(rest, "\n"))
	if a.Body == "" {
		return Article{}, errors.New("no body after the title line")
	}
	a.Lang = DetectLang(a.Title + " " + a.Body)
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

// checkText validates b as UTF-8 text and drops a byte-order mark.
func checkText(b []byte) (string, error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if bytes.IndexByte(b, 0) >= 0 {
		return "", errors.New("binary data (NUL byte), not text")
	}
	if !utf8.Valid(b) {
		return "", errors.New("invalid UTF-8")
	}
	return string(b), nil
}

// readJSONL reads one article a line. Recognised fields: id, url (or link),
// source, title (or headline), date (or published), body (or text,
// content), lang.
func readJSONL(ctx context.Context, r io.Reader, path string, opts ReadOptions, fn func(Article) error) error {
	br := bufio.NewReaderSize(r, 64*1024)
	for line := 1; ; line++ {
		if line%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		b, tooLong, err := readLine(br, opts.MaxArticleBytes)
		if err != nil && err != io.EOF {
			opts.Problem(Problem{File: path, Line: line, Reason: reason(err)})
			return nil
		}
		if tooLong {
			opts.Problem(Problem{File: path, Line: line, Reason: fmt.Sprintf("line longer than %d bytes", opts.MaxArticleBytes)})
		} else if len(bytes.TrimSpace(b)) > 0 {
			a, perr := parseRecord(b)
			if perr != nil {
				opts.Problem(Problem{File: path, Line: line, Reason: perr.Error()})
			} else {
				a.Origin = fmt.Sprintf("%s:%d", path, line)
				if a.DateText != "" && a.Published.IsZero() {
					opts.Problem(Problem{File: path, Line: line, Reason: "date " + strconv.Quote(a.DateText) + " not understood; stored as unknown", Warning: true})
				}
				if ferr := fn(a); ferr != nil {
					return ferr
				}
			}
		}
		if err == io.EOF {
			return nil
		}
	}
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

func parseRecord(b []byte) (Article, error) {
	text, err := checkText(b)
	if err != nil {
		return Article{}, err
	}
	var rec map[string]any
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	if err := dec.Decode(&rec); err != nil {
		return Article{}, fmt.Errorf("malformed JSON: %v", err)
	}
	if dec.More() {
		return Article{}, errors.New("malformed JSON: more than one value on the line")
	}
	field := func(names ...string) string {
		for _, n := range names {
			switch v := rec[n].(type) {
			case string:
				if s := strings.TrimSpace(v); s != "" {
					return s
				}
			case json.Number:
				return v.String()
			}
		}
		return ""
	}
	a := Article{
		ID:       field("id"),
		URL:      field("url", "link"),
		Source:   field("source"),
		Title:    field("title", "headline"),
		DateText: field("date", "published", "publishedAt", "pubDate"),
		Body:     field("body", "text", "content"),
		Lang:     field("lang", "language"),
	}
	if a.Body == "" && a.Title == "" {
		return Article{}, errors.New("record has neither title nor body")
	}
	if a.DateText != "" {
		if t, err := ParseDate(a.DateText); err == nil {
			a.Published = t
		}
	}
	if a.Lang == "" {
		a.Lang = DetectLang(a.Title + " " + a.Body)
	}
	switch {
	case a.ID != "":
	case a.URL != "":
		a.ID = a.URL
	default:
		a.ID = "sha256:" + a.ContentHash()[:32]
	}
	return a, nil
}
