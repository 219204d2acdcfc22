package norm

import (
	"reflect"
	"testing"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"أإآٱا", "ااااا"},                 // alef forms
		{"مصطفى", "مصطفي"},                 // alef maqsura → ya
		{"الحشد الشعبية", "الحشد الشعبيه"}, // ta marbuta → ha
		{"تسلّم", "تسلم"},                  // shadda
		{"مُحَمَّدٌ", "محمد"},              // harakat and tanween
		{"قريبـــاً", "قريبا"},             // tatweel and tanween fath
		{"١١-٧-٢٠٢١", "11-7-2021"},         // Arabic-Indic digits
		{"۱۴۰۰", "1400"},                   // extended (Persian) digits
		{"\u200fالعراق\u200e", "العراق"},   // direction marks
		{"Al-Kadhimi", "al-kadhimi"},       // Latin lower-cased
		{"إبراهيم رئيسي", "ابراهيم رئيسي"}, // hamza on ya stays
		{"", ""},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTokensKeepOffsets(t *testing.T) {
	text := "قال الكاظمي، إنَّ Al-Kadhimi met بايدن."
	toks := Tokens(text)
	var folds []string
	for _, tok := range toks {
		if text[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q: text[%d:%d] = %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
		}
		folds = append(folds, tok.Fold)
	}
	want := []string{"قال", "الكاظمي", "ان", "al", "kadhimi", "met", "بايدن"}
	if !reflect.DeepEqual(folds, want) {
		t.Errorf("folds %q, want %q", folds, want)
	}
}

func TestKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Al-Kadhimi", "al kadhimi"},
		{"AL  KADHIMI", "al-kadhimi"},
		{"مصطفى الكاظمي", "مصطفي  الكاظمى"},
		{"Kata'ib Hezbollah", "kata ib hezbollah"},
	} {
		if Key(tc.a) != Key(tc.b) {
			t.Errorf("Key(%q) = %q, Key(%q) = %q; want equal", tc.a, Key(tc.a), tc.b, Key(tc.b))
		}
	}
	if Key("Kadhimi") == Key("Kazemi") {
		t.Error("different names share a key")
	}
}

func TestSentences(t *testing.T) {
	text := "تسلّم دعوة من الولايات المتحدة ...الكاظمي يلتقي بايدن\nوقال المصدر: إن النمو 2.5 بالمئة. هل يزور؟ نعم؛ قريباً!  "
	var got []string
	for _, s := range Sentences(text) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{
		"تسلّم دعوة من الولايات المتحدة .",
		"الكاظمي يلتقي بايدن",
		"وقال المصدر: إن النمو 2.5 بالمئة.",
		"هل يزور؟",
		"نعم؛",
		"قريباً!",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences\n%q\nwant\n%q", got, want)
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("قال الكاظمي، إنَّ Al-Kadhimi met بايدن.")
	f.Add("\u200f١١-يوليو-٢٠٢١\xff")
	f.Fuzz(func(t *testing.T, text string) {
		for _, tok := range Tokens(text) {
			if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End || text[tok.Start:tok.End] != tok.Text || tok.Fold == "" {
				t.Fatalf("bad token %+v in %q", tok, text)
			}
		}
		prev := 0
		for _, s := range Sentences(text) {
			if s.Start < prev || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("bad sentence %+v in %q", s, text)
			}
			prev = s.End
		}
	})
}
