package read

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// feedDocFactor times the article cap is the most a feed document may
// hold once its over-long texts are cut (see readFeedDoc): the feed parser
// keeps the whole document and its tree in memory, a few times its size.
const feedDocFactor = 8

// errFeedTooLarge is returned by readFeedDoc for a document past its cap.
var errFeedTooLarge = errors.New("feed too large")

// readFeedDoc reads an XML feed into memory as the feed parser needs it,
// streaming, with memory bounded by its limits rather than the input's
// size: the text of an element (character data and CDATA sections
// together) longer than maxText bytes is cut there, on a character
// boundary and not inside an entity reference, and cut says so — the
// parser then sees an item over the article cap and reports it; comments
// are dropped; a tag longer than maxText, or a document longer than
// maxDoc, ends the reading with an error. The scan is byte by byte over
// ASCII-compatible encodings; a UTF-16 document (a byte-order mark or NUL
// bytes up front) is read as it is, up to maxDoc.
func readFeedDoc(r io.Reader, maxText, maxDoc int) (doc []byte, cut bool, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(512); isUTF16(head) || manyNULs(head) {
		doc, err = io.ReadAll(io.LimitReader(br, int64(maxDoc)+1))
		if err == nil && len(doc) > maxDoc {
			err = fmt.Errorf("%w: more than %d bytes", errFeedTooLarge, maxDoc)
		}
		return doc, false, err
	}
	var out bytes.Buffer
	run := 0          // bytes of the current text
	entity := false   // inside an entity reference (&amp;)
	dropping := false // past maxText in the current text
	for {
		if out.Len() > maxDoc {
			return nil, cut, fmt.Errorf("%w: more than %d bytes once texts longer than %d bytes are cut", errFeedTooLarge, maxDoc, maxText)
		}
		c, err := br.ReadByte()
		if err == io.EOF {
			return out.Bytes(), cut, nil
		}
		if err != nil {
			return nil, cut, err
		}
		if c == '<' {
			next, _ := br.Peek(8)
			switch {
			case bytes.HasPrefix(next, []byte("![CDATA[")):
				br.Discard(8)
				out.WriteString("<![CDATA[")
				if err := cdata(br, &out, &run, &dropping, &cut, maxText); err != nil {
					return nil, cut, err
				}
				continue
			case bytes.HasPrefix(next, []byte("!--")):
				br.Discard(3)
				if err := skipComment(br); err != nil {
					return nil, cut, err
				}
				continue
			}
			run, entity, dropping = 0, false, false
			out.WriteByte('<')
			if err := tag(br, &out, maxText); err != nil {
				return nil, cut, err
			}
			continue
		}
		run++
		// An entity reference (&amp;) is not cut in two unless it runs on
		// and on: the cut lies after its ';'.
		if !dropping && run > maxText && !continuation(c, run-maxText) && (!entity || run > maxText+32) {
			dropping, cut = true, true
		}
		if !dropping {
			out.WriteByte(c)
		}
		switch c {
		case '&':
			entity = true
		case ';':
			entity = false
		}
	}
}

// continuation reports whether c continues a UTF-8 character, within the
// three bytes a character may still need past a cut.
func continuation(c byte, past int) bool { return c&0xC0 == 0x80 && past <= 3 }

// cdata copies a CDATA section's content and its "]]>" end, cutting as
// readFeedDoc cuts text.
func cdata(br *bufio.Reader, out *bytes.Buffer, run *int, dropping, cut *bool, maxText int) error {
	for {
		c, err := br.ReadByte()
		if err != nil {
			return unexpectedEOF(err)
		}
		if c == ']' {
			if next, _ := br.Peek(2); string(next) == "]>" {
				br.Discard(2)
				out.WriteString("]]>")
				return nil
			}
		}
		*run++
		if !*dropping && *run > maxText && !continuation(c, *run-maxText) {
			*dropping, *cut = true, true
		}
		if !*dropping {
			out.WriteByte(c)
		}
	}
}

// skipComment reads past the "-->" that ends a comment.
func skipComment(br *bufio.Reader) error {
	dashes := 0
	for {
		c, err := br.ReadByte()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch {
		case c == '>' && dashes >= 2:
			return nil
		case c == '-':
			dashes++
		default:
			dashes = 0
		}
	}
}

// tag copies a tag after its '<' up to its '>', quoted '>' in attribute
// values included.
func tag(br *bufio.Reader, out *bytes.Buffer, maxText int) error {
	var quote byte
	for n := 0; ; n++ {
		if n > maxText {
			return fmt.Errorf("%w: a tag longer than %d bytes", errFeedTooLarge, maxText)
		}
		c, err := br.ReadByte()
		if err != nil {
			return unexpectedEOF(err)
		}
		out.WriteByte(c)
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return nil
		}
	}
}

func unexpectedEOF(err error) error {
	if err == io.EOF {
		return nil // the parser reports the unfinished document
	}
	return err
}
