package read

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// decodeDeclared returns b, a whole page or feed, as UTF-8. declared is the
// encoding the document names for itself (a byte-order mark, the HTTP
// Content-Type, <meta charset>, the XML declaration; "" when none) and
// forced the one the user named with --encoding ("" when none). Labels are
// WHATWG names or aliases. plain renders decoded bytes as the text a reader
// sees, for telling mojibake from text.
//
// The declaration wins: --encoding is meant for inputs that name no
// encoding, and a run may mix those with pages that do. It gives way only
// where the bytes prove it wrong:
//   - bytes that are valid UTF-8 and not all ASCII are UTF-8, whatever is
//     declared or forced: text in a single-byte encoding is practically
//     never valid UTF-8, while a UTF-8 page read as windows-1256 is
//     mojibake;
//   - a page that declares UTF-8 but is not valid UTF-8 is read as forced;
//   - a page whose declared single-byte encoding gives mojibake is read as
//     forced when that does not.
//
// notes are warnings about the choice; err says why b is no text, naming
// --encoding where it can help.
func decodeDeclared(b []byte, declared, forced string, plain func([]byte) string) (text []byte, notes []string, err error) {
	if bytes.HasPrefix(b, []byte("\ufeff")) {
		b, declared = b[3:], "utf-8"
	}
	var decl encoding.Encoding
	if declared != "" {
		var name string
		if decl, name = charset.Lookup(declared); decl == nil {
			notes = append(notes, fmt.Sprintf("declares the unknown encoding %q; read as if it declared none", declared))
		} else {
			declared = name
		}
	}
	var force encoding.Encoding
	if forced != "" {
		var name string
		if force, name = charset.Lookup(forced); force == nil {
			return nil, nil, fmt.Errorf("unknown encoding %q", forced)
		}
		forced = name
	}
	if isUTF8Label(declared) {
		decl = nil // b is checked below rather than decoded
	}

	valid := utf8.Valid(b)
	switch {
	case valid && !allASCII(b):
		switch {
		case decl != nil:
			notes = append(notes, fmt.Sprintf("declares %s but is UTF-8; read as UTF-8", declared))
		case declared == "" && force != nil && !isUTF8Label(forced):
			notes = append(notes, fmt.Sprintf("is UTF-8 and declares no encoding; read as UTF-8, not as --encoding %s", forced))
		}
		return b, notes, nil
	case decl == nil && valid && (declared != "" || force == nil):
		return b, notes, nil
	case decl == nil && force != nil && !isUTF8Label(forced):
		// Undeclared ASCII reads the same in any encoding --encoding is
		// likely to name; UTF-16 without a byte-order mark is "ASCII"
		// with NULs between, and must be decoded.
		text, err := force.NewDecoder().Bytes(b)
		if err != nil {
			return nil, nil, fmt.Errorf("decode as %s: %w", forced, err)
		}
		if isUTF8Label(declared) {
			notes = append(notes, fmt.Sprintf("declares utf-8 but is not valid UTF-8; read as %s as --encoding says", forced))
		}
		return text, notes, nil
	case decl == nil:
		if isUTF8Label(declared) {
			return nil, nil, fmt.Errorf("declares utf-8 but is not valid UTF-8 (pass --encoding if you know its encoding, e.g. windows-1256 or windows-1252)")
		}
		return nil, nil, fmt.Errorf("invalid UTF-8 and no declared encoding (pass --encoding if the input is in another encoding, e.g. windows-1256 or windows-1252)")
	}

	text, err = decl.NewDecoder().Bytes(b)
	if err != nil {
		return nil, nil, fmt.Errorf("decode as %s (declared): %w", declared, err)
	}
	if force == nil || forced == declared || isUTF8Label(forced) {
		return text, notes, nil
	}
	if bad, _ := mojibake(plain(text)); !bad {
		return text, notes, nil
	}
	if alt, err := force.NewDecoder().Bytes(b); err == nil {
		if bad, _ := mojibake(plain(alt)); !bad {
			notes = append(notes, fmt.Sprintf("declares %s but reads as mojibake that way; read as %s as --encoding says", declared, forced))
			return alt, notes, nil
		}
	}
	return text, notes, nil
}

// mojibake tells whether text looks like bytes decoded in the wrong
// encoding, and says why: many U+FFFD replacement characters; a high share
// of Latin-1 letters (Ø, Ù, Ç, á, ...), what Arabic in windows-1256 or
// UTF-8 becomes when read as windows-1252 or Latin-1 ("Ø§Ù„"); or of ط
// and ظ, what Arabic in UTF-8 becomes when read as windows-1256 ("ط§ظ„":
// the lead bytes of the Arabic block are ط and ظ there). Real text has far
// fewer: a few accented letters in a hundred in French, two or three in a
// hundred of ط and ظ in Arabic.
func mojibake(text string) (bool, string) {
	m := diagnoseMojibake(text)
	return m.why != "", m.why
}

// misreading is what diagnoseMojibake tells of a text.
type misreading struct {
	why string // what in the text looks wrong; "" when nothing does
	// was and readAs are the encoding the text likely was in and the one it
	// was likely read as; "" when the pattern does not tell.
	was, readAs string
}

// diagnoseMojibake says whether and how text looks misread (see mojibake).
// Arabic in UTF-8 read as windows-1252 or Latin-1 has its lead bytes D8
// and D9 on nearly every letter, which read as Ø and Ù; Arabic in
// windows-1256 so read gives Ç, á, ã, Ú and the like, Ø and Ù being only
// ط and ظ there; Arabic in UTF-8 read as windows-1256 gives ط and ظ.
func diagnoseMojibake(text string) misreading {
	var letters, latin1, oSlashU, taZah, repl int
	for _, r := range text {
		switch {
		case r == utf8.RuneError:
			repl++
		case unicode.IsLetter(r):
			letters++
			if 0xC0 <= r && r <= 0xFF {
				latin1++
				if r == 'Ø' || r == 'Ù' {
					oSlashU++
				}
			} else if r == 'ط' || r == 'ظ' {
				taZah++
			}
		}
	}
	// The letters tell more than replacement characters, which
	// windows-1252 also gives for the five bytes it leaves undefined.
	switch {
	case latin1 >= 8 && latin1*10 >= letters*3:
		m := misreading{why: fmt.Sprintf("%d%% of its letters are Latin-1 letters such as Ø, Ù, Ç", latin1*100/letters), was: "windows-1256", readAs: "windows-1252 or Latin-1"}
		if oSlashU*2 >= latin1 {
			m.was = "UTF-8"
		}
		return m
	case taZah >= 8 && taZah*10 >= letters*3:
		return misreading{why: fmt.Sprintf("%d%% of its letters are ط or ظ, as in UTF-8 read as windows-1256", taZah*100/letters), was: "UTF-8", readAs: "windows-1256"}
	case repl >= 3 && repl*50 >= letters:
		return misreading{why: fmt.Sprintf("%d replacement characters (U+FFFD)", repl)}
	}
	return misreading{}
}

// mojibakeNote is the warning for a page's or feed's text that looks like
// mojibake, or "". It names the encoding the text was likely in when the
// pattern tells, and says to ingest the input in a run of its own:
// --encoding applies to every input of a run, and the run that misread
// this input may have named it for another.
func mojibakeNote(text string) string {
	m := diagnoseMojibake(text)
	switch {
	case m.why == "":
		return ""
	case m.was == "UTF-8":
		// Valid UTF-8 is read as UTF-8 whatever --encoding says, so these
		// bytes are not all UTF-8, or were garbled before they were saved.
		return fmt.Sprintf("text looks like mojibake (%s): it reads like UTF-8 read as %s; if --encoding named that for other inputs, ingest this one on its own without --encoding; otherwise the text was likely garbled so before it was saved, and no --encoding undoes that", m.why, m.readAs)
	case m.was != "":
		return fmt.Sprintf("text looks like mojibake (%s): it reads like %s read as %s; ingest this input on its own with --encoding %[2]s (--encoding applies to every page and feed of a run that declares no encoding or a wrong one)", m.why, m.was, m.readAs)
	}
	return fmt.Sprintf("text looks like mojibake (%s): the input may be in another encoding than it is read in; ingest it on its own with --encoding naming its encoding (e.g. windows-1256), which applies to every page and feed of a run that declares no encoding or a wrong one", m.why)
}

func allASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
