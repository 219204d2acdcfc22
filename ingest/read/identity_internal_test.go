package read

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// collapseSpace must equal what the fingerprint used before it, or every
// stored text fingerprint would change.
func joinFields(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", " a ", "a  b", "\ta\r\n b\v\fc ",
		"نص  الخبر\u00a0عن\u3000بغداد", // no-break and ideographic spaces are spaces
		"a\u200bb",               // a zero-width space is not
		"a\u0085b\u2028c\u2029d", // NEL, line and paragraph separators are
		"\xffa \xfe\xfd b\xc3",   // invalid UTF-8 is copied as it is
		strings.Repeat(" x", 1000),
	} {
		if got, want := collapseSpace(s), joinFields(s); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
	// Random strings over an alphabet of spaces, letters and broken bytes
	// (fixed seed).
	alphabet := []string{" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\u0085", "\u200b", "a", "bc", "ب", "غداد", "\xff", "\xc3", "é", "\u064e"}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := collapseSpace(s), joinFields(s); got != want {
			t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCollapseSpace(f *testing.F) {
	for _, s := range []string{"", " a  b ", "نص\u00a0الخبر", "\xff \xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), joinFields(s); got != want {
			t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkCollapseSpace(b *testing.B) {
	body := strings.Repeat("قدّمَ نموذجا، في هذا  المجال بالمغرب،\nاعتبره “مُتقدّما” ", 200)
	b.SetBytes(int64(len(body)))
	b.Run("collapseSpace", func(b *testing.B) {
		for b.Loop() {
			collapseSpace(body)
		}
	})
	b.Run("Join(Fields)", func(b *testing.B) {
		for b.Loop() {
			joinFields(body)
		}
	})
}
