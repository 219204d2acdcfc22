package read

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// misreadings gives an Arabic sentence, a function that decodes bytes in
// another encoding than theirs, and the sentence in windows-1256: what
// the mojibake tests make their misread texts of.
func misreadings(t *testing.T) (ar string, misread func(*charmap.Charmap, []byte) string, cp1256 []byte) {
	t.Helper()
	ar = "ألقى زعيم التيار الصدري مقتدى الصدر خطبة في مدينة النجف دعا فيها إلى الإصلاح، وقال إن الحكومة مطالبة بتحسين الخدمات."
	misread = func(enc *charmap.Charmap, b []byte) string {
		s, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		return string(s)
	}
	cp1256, err := charmap.Windows1256.NewEncoder().Bytes([]byte(ar))
	if err != nil {
		t.Fatal(err)
	}
	return ar, misread, cp1256
}

func TestMojibake(t *testing.T) {
	ar, misread, cp1256 := misreadings(t)
	for _, tc := range []struct {
		name string
		text string
		want bool
	}{
		{"arabic", ar, false},
		{"english", "Prime Minister Mustafa al-Kadhimi arrived in Tehran on Monday.", false},
		{"french", "Le président français a rencontré à Bagdad le Premier ministre irakien, après une série d'échanges.", false},
		{"german", "Der Außenminister äußerte sich über die Lage in Basra und München.", false},
		{"utf-8 read as windows-1252", misread(charmap.Windows1252, []byte(ar)), true},
		{"windows-1256 read as windows-1252", misread(charmap.Windows1252, cp1256), true},
		{"utf-8 read as windows-1256", misread(charmap.Windows1256, []byte(ar)), true},
		{"replacement characters", strings.Repeat("news \ufffd\ufffd text ", 3), true},
		{"short", "Ø§Ù", false}, // too little to tell
	} {
		if got, why := mojibake(tc.text); got != tc.want {
			t.Errorf("%s: mojibake(%q) = %v (%s), want %v", tc.name, tc.text, got, why, tc.want)
		}
	}
}

// TestMojibakeNote checks that the mojibake warning names the encoding the
// pattern tells, and says to ingest the input on its own: --encoding is
// one for the run.
func TestMojibakeNote(t *testing.T) {
	ar, misread, cp1256 := misreadings(t)
	// what the warning advises, after the "(why): " that opens it
	const utf8As = "it reads like UTF-8 read as %s; if --encoding named that for other inputs, ingest this one on its own without --encoding; otherwise the text was likely garbled so before it was saved, and no --encoding undoes that"
	const generic = "the input may be in another encoding than it is read in; ingest it on its own with --encoding naming its encoding (e.g. windows-1256), which applies to every page and feed of a run that declares no encoding or a wrong one"
	for _, tc := range []struct {
		name, text, want string
	}{
		{"arabic", ar, ""},
		// Windows-1252 leaves five bytes undefined, which read as U+FFFD:
		// the Latin-1 letters still tell.
		{"utf-8 read as windows-1252", misread(charmap.Windows1252, []byte(ar)), fmt.Sprintf(utf8As, "windows-1252 or Latin-1")},
		{"utf-8 read as latin-1", misread(charmap.ISO8859_1, []byte(ar)), fmt.Sprintf(utf8As, "windows-1252 or Latin-1")},
		{"windows-1256 read as windows-1252", misread(charmap.Windows1252, cp1256),
			"it reads like windows-1256 read as windows-1252 or Latin-1; ingest this input on its own with --encoding windows-1256 (--encoding applies to every page and feed of a run that declares no encoding or a wrong one)"},
		{"utf-8 read as windows-1256", misread(charmap.Windows1256, []byte(ar)), fmt.Sprintf(utf8As, "windows-1256")},
		{"replacement characters", strings.Repeat("news \ufffd\ufffd text ", 3), generic},
	} {
		got := mojibakeNote(tc.text)
		if _, advice, ok := strings.Cut(got, "): "); ok && strings.HasPrefix(got, "text looks like mojibake (") {
			got = advice
		}
		if got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestMojibakeNoteCases reads the tester's page and feed in windows-1256
// with --encoding windows-1252, meant for another input of the run: each
// is stored as mojibake with a warning to ingest it on its own with
// --encoding windows-1256.
func TestMojibakeNoteCases(t *testing.T) {
	const advice = "ingest this input on its own with --encoding windows-1256"
	for _, file := range []string{"encoding/lies-utf8.html", "encoding/nodecl-1256.rss"} {
		var warned []string
		opts := ReadOptions{Encoding: "windows-1252", Problem: func(p Problem) {
			if !p.Warning {
				t.Errorf("%s: problem %v", file, p)
			}
			warned = append(warned, p.Reason)
		}}
		arts := 0
		if err := Read(context.Background(), []string{filepath.Join("testdata", "cases", file)}, opts, func(Article) error { arts++; return nil }); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, w := range warned {
			if strings.Contains(w, advice) {
				n++
			}
		}
		if arts != 1 || n != 1 {
			t.Errorf("%s: %d articles, warnings %q; want 1 article and one warning saying %q", file, arts, warned, advice)
		}
	}
}
