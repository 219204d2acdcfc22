package translit

import "strings"

// Blocks returns the blocks of a name, Arabic or Latin, as written, folded
// or as an entity ID: strings such that a name and its transliteration
// share at least one. A block is the sound class of the first letter of the
// name's first word and of its last word, articles (ال, al-, ash- …) set
// aside: "كريم حداد" and "Karim Haddad" are both in "K|H". Letters whose
// Latin spelling varies (ج as j or g, و as w or a vowel, ه as h or nothing)
// put a name in every block they may take, so blocks cost recall only where
// a name's first letter is spelt outside these classes.
//
// Blocking (Fellegi & Sunter 1969; Christen 2012, "Data Matching", ch. 4)
// lets a caller score only the pairs that share a block: Score costs tens
// of microseconds, and every Arabic name against every Latin name of a
// corpus is millions of pairs. It returns nil for a name with no letter of
// its script.
func Blocks(name string) []string {
	var firsts, lasts []string
	if IsArabic(name) {
		w := arabicWords(name)
		if len(w) == 0 {
			return nil
		}
		firsts, lasts = arabicClasses(w[0].stem), arabicClasses(w[len(w)-1].stem)
	} else {
		w := latinWords(name)
		if len(w) == 0 {
			return nil
		}
		firsts, lasts = latinClasses(w[0].stem), latinClasses(w[len(w)-1].stem)
	}
	out := make([]string, 0, len(firsts)*len(lasts))
	for _, f := range firsts {
		for _, l := range lasts {
			out = append(out, f+"|"+l)
		}
	}
	return out
}

// Blocks returns Blocks(name): with Link, it lets graph/cluster narrow the
// pairs it scores.
func (m *Model) Blocks(name string) []string { return Blocks(name) }

// Sound classes: V a vowel or a letter Latin often leaves unwritten (ا ع
// ء), then B, T (t d and emphatics), S (sibilants), J, K (k q g kh gh c),
// H, F, L, M, N, R, W, Y.
var arabicClass = map[rune][]string{
	'ا': {"V"}, 'ع': {"V"}, 'ء': {"V"}, 'ئ': {"V", "Y"}, 'ؤ': {"V", "W"},
	'ب': {"B"}, 'پ': {"B"},
	'ت': {"T"}, 'د': {"T"}, 'ض': {"T"}, 'ط': {"T"},
	'ث': {"T", "S"}, 'ذ': {"T", "S"}, 'ظ': {"T", "S"},
	'ز': {"S"}, 'س': {"S"}, 'ش': {"S"}, 'ص': {"S"}, 'چ': {"S", "J"},
	'ج': {"J", "K"}, 'ژ': {"J"},
	'خ': {"K"}, 'ق': {"K"}, 'ك': {"K"}, 'غ': {"K"}, 'گ': {"K"},
	'ح': {"H", "V"}, 'ه': {"H", "V"},
	'ف': {"F"}, 'ڤ': {"F"},
	'ل': {"L"}, 'م': {"M"}, 'ن': {"N"}, 'ر': {"R"},
	'و': {"W", "V"}, 'ي': {"Y", "V"},
}

func arabicClasses(stem string) []string {
	for _, r := range stem {
		if c, ok := arabicClass[r]; ok {
			return c
		}
		return []string{"?"}
	}
	return []string{"?"}
}

// latinClasses returns the classes the first sound of a Latin word may
// stand for, digraphs first (sh, kh, dj, ou …).
func latinClasses(stem string) []string {
	for _, d := range []struct {
		prefix  string
		classes []string
	}{
		{"sh", []string{"S"}}, {"ch", []string{"S", "T", "K"}}, {"kh", []string{"K"}}, {"gh", []string{"K"}},
		{"th", []string{"T", "S"}}, {"dh", []string{"T", "S"}}, {"dj", []string{"J"}}, {"ph", []string{"F"}},
		{"ou", []string{"W", "V"}}, {"zh", []string{"J"}},
	} {
		if strings.HasPrefix(stem, d.prefix) {
			return d.classes
		}
	}
	if stem == "" {
		return []string{"?"}
	}
	switch stem[0] {
	case 'a', 'o', 'u':
		return []string{"V"}
	case 'e', 'i':
		return []string{"V", "Y"}
	case 'b', 'p':
		return []string{"B"}
	case 't', 'd':
		return []string{"T"}
	case 's', 'z', 'x':
		return []string{"S"}
	case 'c':
		if len(stem) > 1 && (stem[1] == 'e' || stem[1] == 'i') {
			return []string{"S"}
		}
		return []string{"K"}
	case 'k', 'q':
		return []string{"K"}
	case 'g':
		return []string{"K", "J"}
	case 'j':
		return []string{"J"}
	case 'h':
		return []string{"H", "V"}
	case 'f', 'v':
		return []string{"F"}
	case 'l':
		return []string{"L"}
	case 'm':
		return []string{"M"}
	case 'n':
		return []string{"N"}
	case 'r':
		return []string{"R"}
	case 'w':
		return []string{"W"}
	case 'y':
		return []string{"Y", "V"}
	}
	return []string{"?"}
}
