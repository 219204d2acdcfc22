package main

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// printable returns s as it may be shown to a person on a terminal: control
// characters (C0 but none kept, DEL and C1) are written as Go escapes —
// "\n", "\r", "\t", "\x1b", "\u009b" — so that data (an article's title, a
// file name) can neither send the terminal an escape sequence (ESC ]0;…BEL
// retitles it, CSI moves the cursor) nor forge a line of a message. Tables,
// markdown, messages and problem lines go through it; CSV, TSV and JSON keep
// the data as it is.
func printable(s string) string { return escapeControls(s, false) }

// printableCell is printable for a cell of a table, which may span lines:
// line breaks are kept, every other control character escaped.
func printableCell(s string) string { return escapeControls(s, true) }

func escapeControls(s string, keepNewlines bool) string {
	isControl := isControlRune
	if keepNewlines {
		isControl = func(r rune) bool { return r != '\n' && isControlRune(r) }
	}
	i := strings.IndexFunc(s, isControl)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !isControl(r) {
			b.WriteRune(r)
			continue
		}
		switch r {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < utf8.RuneSelf {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		}
	}
	return b.String()
}

// isControlRune reports whether r is a C0 or C1 control character or DEL.
func isControlRune(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f
}

// printableError is err's message for stderr: escaped as printable, except
// that a message built of several lines (msgError.lines, which escapes its
// own quoted parts) keeps its line breaks.
func printableError(err error) string {
	var m *msgError
	if errors.As(err, &m) && m.lines && err.Error() == m.msg {
		lines := strings.Split(m.msg, "\n")
		for i, l := range lines {
			lines[i] = printable(l)
		}
		return strings.Join(lines, "\n")
	}
	return printable(err.Error())
}
