package ingest

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestMojibake(t *testing.T) {
	const ar = "ألقى زعيم التيار الصدري مقتدى الصدر خطبة في مدينة النجف دعا فيها إلى الإصلاح، وقال إن الحكومة مطالبة بتحسين الخدمات."
	misread := func(enc *charmap.Charmap, b []byte) string {
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
