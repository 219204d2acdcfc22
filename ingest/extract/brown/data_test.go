package brown

import (
	"os"
	"testing"
)

// TestShippedPaths reads the committed paths files and checks that they
// parse and that words of one closed class — months, weekdays — share
// long prefixes, as they did when the files were made (see
// data/PROVENANCE.md), so a damaged or truncated file fails here.
func TestShippedPaths(t *testing.T) {
	tests := []struct {
		file  string
		words int      // from data/PROVENANCE.md
		class []string // words sharing at least minShared leading bits
	}{
		{"data/ar.paths", 62844, []string{"يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو"}},
		{"data/ar.paths", 62844, []string{"الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه"}},
		{"data/en.paths", 13747, []string{"january", "june", "july", "august", "september", "october"}},
		{"data/en.paths", 13747, []string{"monday", "tuesday", "wednesday", "thursday", "friday"}},
	}
	const minShared = 5 // of at most 14 bits; the English weekdays are one 5-bit cluster
	for _, tt := range tests {
		f, err := os.Open(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		bits, err := Read(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if len(bits) != tt.words {
			t.Errorf("%s: %d words, want %d", tt.file, len(bits), tt.words)
		}
		first := bits[tt.class[0]]
		for _, w := range tt.class {
			b, ok := bits[w]
			if !ok {
				t.Errorf("%s: no %q", tt.file, w)
				continue
			}
			if commonPrefix(b, first) < minShared {
				t.Errorf("%s: %s %s and %s %s share fewer than %d bits", tt.file, w, b, tt.class[0], first, minShared)
			}
		}
	}
}
