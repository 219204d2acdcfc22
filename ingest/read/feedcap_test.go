package read

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestReadFeedDocCuts checks that cutting a feed's long texts leaves a
// well-formed document of valid UTF-8: no character or entity reference
// cut in two, CDATA sections closed, comments dropped, short texts and
// tags as they were.
func TestReadFeedDocCuts(t *testing.T) {
	const max = 100
	long := strings.Repeat("سلام ", 60)      // 600 bytes of two-byte letters and spaces
	entities := strings.Repeat("a&amp;", 30) // a reference across every possible cut
	tests := []struct {
		name, doc string
		cut       bool
	}{
		{"short", `<rss><item><title a="x>y">T &amp; U</title></item></rss>`, false},
		{"arabic", `<rss><item><description>` + long + `</description></item></rss>`, true},
		{"entities", `<rss><item><description>` + entities + `</description></item></rss>`, true},
		{"cdata", `<rss><item><description><![CDATA[` + long + `]]></description><title>T</title></item></rss>`, true},
		{"comment", `<rss><!-- ` + long + ` --><item><title>T</title></item></rss>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, cut, err := readFeedDoc(strings.NewReader(tt.doc), max, 10*max+len(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if cut != tt.cut {
				t.Errorf("cut %v, want %v", cut, tt.cut)
			}
			if !utf8.Valid(out) {
				t.Errorf("invalid UTF-8: %q", out)
			}
			dec := xml.NewDecoder(bytes.NewReader(out))
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("not well-formed: %v\n%s", err, out)
				}
				if cd, ok := tok.(xml.CharData); ok && len(cd) > max+8 {
					t.Errorf("a text of %d bytes, cap %d", len(cd), max)
				}
			}
			if !tt.cut && tt.name != "comment" && string(out) != tt.doc {
				t.Errorf("changed:\n%s\nwant\n%s", out, tt.doc)
			}
		})
	}
	// A tag past the cap and a document past its cap are errors.
	for _, doc := range []string{`<rss a="` + long + `"/>`, strings.Repeat("<a>x</a>", 1000)} {
		if _, _, err := readFeedDoc(strings.NewReader(doc), max, 10*max); !errors.Is(err, errFeedTooLarge) {
			t.Errorf("%.20s…: error %v, want errFeedTooLarge", doc, err)
		}
	}
}
