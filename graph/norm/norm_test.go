package norm

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode"
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
		// Persian, Urdu and Kurdish keyboards.
		{"رئیسی", "رئيسي"},         // Farsi yeh U+06CC
		{"کرکوک", "كركوك"},         // keheh U+06A9
		{"ڪركوك", "كركوك"},         // swash kaf U+06AA
		{"مدرسۀ", "مدرسه"},         // heh with yeh above U+06C0
		{"ھذە", "هذه"},             // heh doachashmee U+06BE, ae U+06D5
		{"ہذہ", "هذه"},             // heh goal U+06C1
		{"يحيې يحيے", "يحيي يحيي"}, // yeh U+06D0, yeh barree U+06D2
		{"ری\u0654یسی", "رئيسي"},   // hamza mark after a Farsi yeh composes as after ي
		// Decomposed (NFD) text composes first: the hamza is part of the letter.
		{"ا\u0654حمد", "احمد"},           // أ
		{"ا\u0653ل", "ال"},               // آ
		{"ا\u0655سرائيل", "اسرائيل"},     // إ
		{"ري\u0654يسي", "رئيسي"},         // ئ stays ئ
		{"مو\u0654تمر", "مؤتمر"},         // ؤ
		{"ا\u200c\u0654حمد", "احمد"},     // a format character between letter and mark
		{"Re\u0301sume\u0301", "résumé"}, // Latin too
		// Presentation forms, as PDF copies have them.
		{"ﺭﺋﻴﺴﻲ", "رئيسي"},
		{"ﺍﻟﻜﺎﻇﻤﻲ", "الكاظمي"},
		{"ﻻ ﺳﻴﻤﺎ", "لا سيما"},   // ﻻ is two letters
		{"ﻹﺳﺮﺍﺋﻴﻞ", "لاسرائيل"}, // ﻹ: lam, alef with hamza below
		{"ﷲ", "الله"},
		{"ﻣﺤﻤﹼﺪ", "محمد"},      // an isolated shadda (U+FE7C) is a space and a mark
		{"ＫＡＤＨＩＭＩ", "kadhimi"}, // fullwidth Latin
		// Invisible format characters and tatweel.
		{"الكا\u200cظمي", "الكاظمي"},       // ZWNJ
		{"الكا\u200dظمي", "الكاظمي"},       // ZWJ
		{"الكا\u00adظمي", "الكاظمي"},       // soft hyphen
		{"\u202bالكاظمي\u202c", "الكاظمي"}, // embedding
		{"\u2067الكاظمي\u2069", "الكاظمي"}, // isolate
		{"\u061cالكا\u2060ظمي\ufeff", "الكاظمي"},
		{"الكاــــظمي", "الكاظمي"},
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
		{"إبراهيم رئيسي", "ابراهیم رئیسی"},
		{"إبراهيم رئيسي", "ا\u0654براهيم ري\u0654يسي"},
		{"إبراهيم رئيسي", "ﺇﺑﺮﺍﻫﻴﻢ ﺭﺋﻴﺴﻲ"},
		{"إبراهيم رئيسي", "إبراهيم\u200bرئيسي"}, // a zero-width space is a space
		{"إبراهيم رئيسي", "إبرا\u00adهيم \u200fرئيـسي\u200f"},
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

// TestTokensInvisible checks where invisible characters split words: a
// zero-width space separates them like a space; the other format characters
// (ZWNJ, ZWJ, soft hyphen, direction marks, word joiner, BOM) are inside a
// word and are left out of its edges, so offsets start and end on letters.
func TestTokensInvisible(t *testing.T) {
	for _, tc := range []struct {
		text  string
		words []string // text[Start:End] of each token
		folds []string
	}{
		{"إبراهيم\u200bرئيسي", []string{"إبراهيم", "رئيسي"}, []string{"ابراهيم", "رئيسي"}},
		{"می\u200cخواهد", []string{"می\u200cخواهد"}, []string{"ميخواهد"}},
		{"الكا\u00adظمي", []string{"الكا\u00adظمي"}, []string{"الكاظمي"}},
		{"\u200fالكاظمي\u200f، \u202bبايدن\u202c", []string{"الكاظمي", "بايدن"}, []string{"الكاظمي", "بايدن"}},
		{"Kadhi\u2060mi\ufeff met", []string{"Kadhi\u2060mi", "met"}, []string{"kadhimi", "met"}},
		{"\u200c\u200d", nil, nil},
		{"ﻻ ﺳﻴﻤﺎ", []string{"ﻻ", "ﺳﻴﻤﺎ"}, []string{"لا", "سيما"}},
		{"محمد ﷺ قال", []string{"محمد", "قال"}, []string{"محمد", "قال"}}, // a phrase ligature is a symbol
		{"صلى ﷻ ﷲ", []string{"صلى", "ﷲ"}, []string{"صلي", "الله"}},       // ﷲ is one word
		{"ﻣﺤﻤﹼﺪ", []string{"ﻣﺤﻤﹼﺪ"}, []string{"محمد"}},
	} {
		var words, folds []string
		for _, tok := range Tokens(tc.text) {
			if tc.text[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q at [%d:%d]", tc.text, tok.Text, tok.Start, tok.End)
			}
			words = append(words, tok.Text)
			folds = append(folds, tok.Fold)
		}
		if !reflect.DeepEqual(words, tc.words) || !reflect.DeepEqual(folds, tc.folds) {
			t.Errorf("Tokens(%q) = %q folded %q, want %q folded %q", tc.text, words, folds, tc.words, tc.folds)
		}
	}
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"إبراهيم رئيسي", "إبراهيم رئيسي"},
		{"ابراهیم رئیسی", "ابراهيم رئيسي"},             // Persian keyboard
		{"ا\u0654براهيم ري\u0654يسي", "أبراهيم رئيسي"}, // NFD
		{"ﺭﺋﻴﺴﻲ  ﻻ", "رئيسي لا"},                       // presentation forms, two spaces
		{"مدرسۀ کرکوک", "مدرسة كركوك"},
		{"إبراهيم\u200bرئيسي\u200f", "إبراهيم رئيسي"},
		{"مُحـــمّد", "مُحمّد"}, // diacritics stay, tatweel goes
		{"ﻣﺤﻤﹼﺪ", "محمّد"},
		{" Al  Kadhimi ", "Al Kadhimi"},
	} {
		if got := Clean(tc.in); got != tc.want {
			t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBlank(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", true}, {" \t\u00a0", true}, {"\u200b", true}, {" \u200f ", true}, {"\u200c\u00ad\u2060\ufeff", true},
		{"،", false}, {" - ", false}, {"\u200bو", false},
	} {
		if got := Blank(tc.in); got != tc.want {
			t.Errorf("Blank(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestSentencesCompatForms(t *testing.T) {
	text := "وصل الكاظمي！ثم عاد﹒ النمو ２.5 بالمئة"
	var got []string
	for _, s := range Sentences(text) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"وصل الكاظمي！", "ثم عاد﹒", "النمو ２.5 بالمئة"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("قال الكاظمي، إنَّ Al-Kadhimi met بايدن.")
	f.Add("\u200f١١-يوليو-٢٠٢١\xff")
	f.Add("ابراهیم رئیسی فی کرکوک ۀ ھ ە ہ")
	f.Add("ا\u0654براهيم ري\u0654يسي ا\u0653ل")
	f.Add("ﺇﺑﺮﺍﻫﻴﻢ ﺭﺋﻴﺴﻲ ﻻ ﻹ ﷲ ﷺ ﻣﺤﻤﹼﺪ ﷽")
	f.Add("إبراهيم\u200bرئيسي\u200c\u00ad\u2060\ufeff\u061c\u202b\u2067ـــ")
	f.Add("\u0654\u200cا\ufe70\u200b\u0301ＫＡＤ ⑴ ½ …")
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, tok := range Tokens(text) {
			if tok.Start < end || tok.End > len(text) || tok.Start >= tok.End || text[tok.Start:tok.End] != tok.Text || tok.Fold == "" {
				t.Fatalf("bad token %+v in %q", tok, text)
			}
			end = tok.End
			// A token's fold is one word, and folding it again changes
			// nothing: lexicon names, stored keys and text tokens all go
			// through Key, so a second fold must not tell them apart.
			if strings.IndexFunc(tok.Fold, func(r rune) bool { return !wordRune(r) }) >= 0 {
				t.Fatalf("token %+v of %q: fold is not one word", tok, text)
			}
			if k := Key(tok.Fold); k != tok.Fold {
				t.Fatalf("token %+v of %q: fold folds again to %q", tok, text, k)
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

// BenchmarkTokens measures tokenising and folding the seed article; reading
// the file and converting it to a string are not timed.
func BenchmarkTokens(b *testing.B) {
	raw, err := os.ReadFile("../../testdata/000_1959643b4c841efe.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tokens(text)
	}
}

// TestTokensGlued checks which tokens a zero-width space alone separates
// from the one before, and that Join makes them one word again with
// offsets that still slice the text.
func TestTokensGlued(t *testing.T) {
	for _, tc := range []struct {
		text  string
		glued []bool
	}{
		{"واشن\u200bطن", []bool{false, true}},
		{"ك\u200b\u200fتائب حزب", []bool{false, true, false}},
		{"Joe\u200bBiden", []bool{false, true}},
		{"Joe \u200bBiden", []bool{false, false}},
		{"Joe\u200b-Biden", []bool{false, false}},
		{"\u200bJoe", []bool{false}},
		{"Joe\u200c Biden", []bool{false, false}},
	} {
		toks := Tokens(tc.text)
		var glued []bool
		for _, tok := range toks {
			glued = append(glued, tok.Glued)
		}
		if !reflect.DeepEqual(glued, tc.glued) {
			t.Errorf("Tokens(%q) glued %v, want %v", tc.text, glued, tc.glued)
		}
	}
	text := "في واشن\u200bطن"
	toks := Tokens(text)
	j := Join(text, toks[1], toks[2])
	if j.Text != text[j.Start:j.End] || j.Text != "واشن\u200bطن" || j.Fold != "واشنطن" || j.Glued {
		t.Errorf("Join = %+v", j)
	}
}

// TestFoldVariants checks spellings that must fold as the standard word
// does: hamza on a yeh however it is written, transliteration apostrophes,
// invisible characters that are not format characters, Arabic honorific
// marks.
func TestFoldVariants(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"رئيسي", "رئيسي"},
		{"ر\uFBFE\u0654يسي", "رئيسي"}, // Persian yeh, presentation form, hamza mark
		{"ر\u06CC\u0654يسي", "رئيسي"}, // Persian yeh, hamza mark
		{"ر\u06D3يسي", "رئيسي"},       // yeh barree with hamza
		{"ر\u0678يسي", "رئيسي"},       // high hamza yeh
		{"ر\u0649\u0654يسي", "رئيسي"}, // alef maqsura, hamza mark
		{"ر\u064A\u0674يسي", "رئيسي"}, // ya, high hamza
		{"كتا\u06D3ب", "كتائب"},
		{"رئ\u06CEس\u06CE", "رئيسي"},      // Kurdish yeh with small v
		{"رئ\u063Dس\u063F", "رئيسي"},      // Farsi yeh with marks above
		{"عر\u034Fاق", "عراق"},            // combining grapheme joiner
		{"عر\uFE0Fاق", "عراق"},            // variation selector
		{"عر\U000E0100اق", "عراق"},        // variation selector supplement
		{"عر\u3164اق", "عراق"},            // Hangul filler
		{"محمد\u0615", "محمد"},            // Arabic small high tah
		{"Kata\u02BCib", "kata ib"},       // ʼ separates like '
		{"Asa\u02BFib Ahl", "asa ib ahl"}, // ʿ
		{"Ba\u02BEath", "ba ath"},         // ʾ
		{"Hawai\u02BBi", "hawai i"},       // ʻ
	} {
		if got := Key(tc.text); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	for _, tc := range []struct{ text, want string }{
		{"ر\u06D3يسي", "رئيسي"},
		{"ر\u0678يسي", "رئيسي"},
		{"ر\uFBFE\u0654يسي", "رئيسي"},
		{"عر\u034F\uFE0Fاق", "عراق"},
	} {
		if got := Clean(tc.text); got != tc.want {
			t.Errorf("Clean(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	for _, tc := range []struct{ text, want string }{
		{"U\u0640S", "US"}, {"U\u200bS", "US"}, {"U\u200cS", "US"}, {"US", "US"},
	} {
		if got := Plain(tc.text); got != tc.want {
			t.Errorf("Plain(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestIgnorable checks ignorable's fast paths against Unicode's
// Default_Ignorable_Code_Point, less U+200B, over every code point.
func TestIgnorable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := r != 0x200B && (unicode.Is(unicode.Cf, r) ||
			unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || unicode.Is(unicode.Variation_Selector, r))
		if got := ignorable(r); got != want {
			t.Errorf("ignorable(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestSentencesAbbreviations(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Kadhimi met U.S. President Joe Biden. Then he left.", []string{"Kadhimi met U.S. President Joe Biden.", "Then he left."}},
		{"The U.N. envoy met Mr. Sadr and Dr. Salih in Baghdad.", []string{"The U.N. envoy met Mr. Sadr and Dr. Salih in Baghdad."}},
		{"Gen. Qaani arrived. J. Smith reported it.", []string{"Gen. Qaani arrived.", "J. Smith reported it."}},
		// Arabic ones still split (see abbreviation): the stored
		// sentence indexes, and the verdicts keyed by them, stay.
		{"وقال د. محمد الحلبوسي إن الجلسة انتهت.", []string{"وقال د.", "محمد الحلبوسي إن الجلسة انتهت."}},
		// At the end of a line or of the text it is a sentence's end.
		{"Sanctions came from the U.S.\nIran replied.", []string{"Sanctions came from the U.S.", "Iran replied."}},
		{"They met in the U.S.", []string{"They met in the U.S."}},
		// Not abbreviations: a word of two letters or more, a title in
		// lower case, a title not in the list.
		{"He met us. Then left.", []string{"He met us.", "Then left."}},
		{"The dr. came. Then left.", []string{"The dr.", "came.", "Then left."}},
		{"Talks in Iraq. Then Iran.", []string{"Talks in Iraq.", "Then Iran."}},
		{"It rose 2.5 percent. Then fell.", []string{"It rose 2.5 percent.", "Then fell."}},
	} {
		var got []string
		for _, s := range Sentences(tc.text) {
			got = append(got, tc.text[s.Start:s.End])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}
