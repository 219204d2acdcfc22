package tagger

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph/norm"
)

// token is what the features of a word are made of: hashes of its forms,
// computed once per word of a sentence.
type token struct {
	word   uint64 // as written
	fold   uint64 // norm.Fold
	strip  uint64 // folded, less conjunction and preposition proclitics (و ف ب ك ل); ال kept
	stem   uint64 // strip less the article ال
	clitic uint64 // the proclitics removed, and whether ال was
	shape  uint64 // character classes, repeats collapsed: Xx, dd, a
	lshape uint64 // character classes of the first 6 characters
	pre    [4]uint64
	suf    [4]uint64
	length uint64 // length in runes, bucketed
	gaz    uint64 // gazetteer marks: bit class*4+position (see gazetteer.go)
	path   uint64 // Brown cluster bit string, most significant bit first
	plen   uint8  // its length; 0 when the word has no cluster
	pathAt int32  // 1 + the index of the cluster in Model.paths; 0 for none
}

// Padding stands for the words before and after a sentence.
var (
	padBefore = padToken("<s>")
	padAfter  = padToken("</s>")
)

func padToken(s string) token {
	h := hashStr(s)
	t := token{word: h, fold: h, strip: h, stem: h, shape: h, lshape: h}
	return t
}

// Feature templates. Their numbers are part of the model file's meaning:
// change one and every model must be trained again (see modelVersion).
const (
	tBias uint64 = iota + 1
	tWord
	tFold
	tFoldM1
	tFoldM2
	tFoldP1
	tFoldP2
	tFoldM1Fold
	tFoldFoldP1
	tStrip
	tStem
	tClitic
	tStemM1
	tStemP1
	tPre // +1..4: prefix of the stem of 1-4 runes
	_
	_
	_
	tSuf // +1..4: suffix of the folded word of 1-4 runes
	_
	_
	_
	tShape
	tShapeM1
	tShapeP1
	tShapeTri
	tLShape
	tFirstShape
	tLength
	tGaz
	tGazM1
	tGazP1
	tCluster // +0..3: cluster prefixes of clusterPrefixes[k] bits
	_
	_
	_
	tClusterM1
	_
	_
	_
	tClusterP1
	_
	_
	_
	tWordM1
	tWordP1
	tSuf3M1
	tSuf3P1
)

// clusterPrefixes are the lengths of the Brown cluster bit-string prefixes
// used as features, as Miller et al. (2004) and Ratinov & Roth (2009) did.
var clusterPrefixes = [...]int{2, 4, 6, 8, 10, 12, 16, 20}

// analyse fills toks with the hashes of words' forms and their gazetteer
// marks. It allocates only where folding a word does.
func (m *Model) analyse(words []string, toks []token) {
	for i, w := range words {
		m.analyseWord(w, &toks[i])
	}
	m.gaz.mark(toks[:len(words)])
}

// analyseWord sets t to the hashes of w's forms, without gazetteer marks.
func (m *Model) analyseWord(w string, t *token) {
	*t = token{}
	t.word = hashStr(w)
	f := norm.Fold(w)
	t.fold = hashStr(f)
	clitic, art, stem := proclitics(f)
	t.stem = hashStr(stem)
	if art {
		t.strip = hashString(hashStr("ال"), stem)
	} else {
		t.strip = t.stem
	}
	t.clitic = hashStr(clitic)
	if art {
		t.clitic = mix(1, t.clitic)
	}
	t.shape, t.lshape = shapes(w)
	n := 0
	for j := range stem {
		if n == 4 {
			break
		}
		if j > 0 {
			t.pre[n] = hashStr(stem[:j])
			n++
		}
	}
	if n < 4 {
		t.pre[n] = hashStr(stem)
	}
	n = 0
	for j := len(f); j > 0 && n < 4; {
		_, size := utf8.DecodeLastRuneInString(f[:j])
		j -= size
		t.suf[n] = hashStr(f[j:])
		n++
	}
	switch runes := utf8.RuneCountInString(f); {
	case runes <= 3:
		t.length = uint64(runes)
	case runes <= 6:
		t.length = 5
	default:
		t.length = 9
	}
	if m.clusters != nil {
		for _, k := range [3]uint64{t.fold, t.strip, t.stem} {
			if r := m.clusters.get(k); r >= 0 {
				p := m.paths[r]
				t.path, t.plen, t.pathAt = p>>8, uint8(p), r+1
				break
			}
		}
	}
}

// proclitics splits a folded word into the Arabic proclitics it may carry
// and the rest: a conjunction (و ف), then a preposition (ب ك ل), then the
// article (ال; "لل" is ل + ال with the alef elided), as lexicon matching
// reads them. Each is removed only when at least two runes remain. art
// reports whether the article was removed; stem is what is left. A word
// with no Arabic proclitic comes back whole.
func proclitics(f string) (clitic string, art bool, stem string) {
	if len(f) < 2 || f[0] < 0xD8 { // not Arabic: its first rune is not in U+0600–06FF
		return "", false, f
	}
	rest := f
	long := func(s string) bool { return utf8.RuneCountInString(s) >= 2 }
	for _, c := range [...]string{"و", "ف"} {
		if len(rest) > len(c) && rest[:len(c)] == c && long(rest[len(c):]) {
			rest = rest[len(c):]
			break
		}
	}
	if len(rest) > 4 && rest[:4] == "لل" && long(rest[4:]) {
		return f[:len(f)-len(rest)+2], true, rest[4:]
	}
	for _, c := range [...]string{"ب", "ك", "ل"} {
		if len(rest) > len(c) && rest[:len(c)] == c && long(rest[len(c):]) {
			rest = rest[len(c):]
			break
		}
	}
	clitic = f[:len(f)-len(rest)]
	if len(rest) > 4 && rest[:4] == "ال" && long(rest[4:]) {
		return clitic, true, rest[4:]
	}
	return clitic, false, rest
}

// shapes returns the hashes of a word's shape: its characters as classes
// (X upper-case, x lower-case, d digit, a Arabic letter, L another letter,
// m a mark; punctuation as itself, other symbols as ?), repeats collapsed;
// and the classes of its first six characters, uncollapsed.
func shapes(w string) (short, long uint64) {
	short, long = fnvOffset, fnvOffset
	var last byte
	n := 0
	for _, r := range w {
		var c byte
		switch {
		case 'A' <= r && r <= 'Z':
			c = 'X'
		case 'a' <= r && r <= 'z':
			c = 'x'
		case '0' <= r && r <= '9', '٠' <= r && r <= '٩':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case 0x064B <= r && r <= 0x065F || r == 0x0640:
			continue // diacritics and tatweel do not change a shape
		case 0x0600 <= r && r <= 0x06FF:
			c = 'a'
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsMark(r):
			continue
		default:
			c = '?'
		}
		if c != last {
			short = (short ^ uint64(c)) * fnvPrime
			last = c
		}
		if n < 6 {
			long = (long ^ uint64(c)) * fnvPrime
			n++
		}
	}
	return short, long
}

// appendFeatures appends the hashes of the features of word i of a
// sentence to fs: those of its context (appendContext) and those of each
// word in the window as seen from i (appendWord).
func appendFeatures(fs []uint64, toks []token, i int) []uint64 {
	fs = appendContext(fs, toks, i)
	for rel := -window; rel <= window; rel++ {
		fs = appendWord(fs, rel, at(toks, i+rel))
	}
	return fs
}

// window is how many words either side of a word its features see.
const window = 2

func at(toks []token, j int) *token {
	switch {
	case j < 0:
		return &padBefore
	case j >= len(toks):
		return &padAfter
	}
	return &toks[j]
}

// appendContext appends the features of word i that depend on more than
// one word, or on its sentence: the bias, word bigrams and shape trigrams,
// the shape of a sentence's first word, and the gazetteer marks of the
// word and its neighbours.
func appendContext(fs []uint64, toks []token, i int) []uint64 {
	t, m1, p1 := &toks[i], at(toks, i-1), at(toks, i+1)
	fs = append(fs,
		mix(tBias, 0),
		mix(tFoldM1Fold, mix(m1.fold, t.fold)),
		mix(tFoldFoldP1, mix(t.fold, p1.fold)),
		mix(tShapeTri, mix(mix(m1.shape, t.shape), p1.shape)),
	)
	if i == 0 {
		fs = append(fs, mix(tFirstShape, t.shape))
	}
	for g := t.gaz; g != 0; g &= g - 1 {
		fs = append(fs, mix(tGaz, uint64(trailingZeros(g))))
	}
	for g := m1.gaz; g != 0; g &= g - 1 {
		fs = append(fs, mix(tGazM1, uint64(trailingZeros(g))))
	}
	for g := p1.gaz; g != 0; g &= g - 1 {
		fs = append(fs, mix(tGazP1, uint64(trailingZeros(g))))
	}
	return fs
}

// appendWord appends the features that word t gives the word rel places
// before it (rel < 0) or after it; rel 0 is the word itself. They depend on
// t alone, not on its gazetteer marks, so they can be cached per word.
func appendWord(fs []uint64, rel int, t *token) []uint64 {
	fs = appendWordForms(fs, rel, t)
	switch rel {
	case 0:
		return appendCluster(fs, tCluster, t)
	case -1:
		return appendCluster(fs, tClusterM1, t)
	case 1:
		return appendCluster(fs, tClusterP1, t)
	}
	return fs
}

// clusterTemplates are the templates of the cluster features a word gives
// the word before it, itself and the word after it.
var clusterTemplates = [3]uint64{tClusterM1, tCluster, tClusterP1}

// appendWordForms appends the features of appendWord other than the
// cluster features (appendCluster).
func appendWordForms(fs []uint64, rel int, t *token) []uint64 {
	switch rel {
	case 0:
		fs = append(fs,
			mix(tWord, t.word),
			mix(tFold, t.fold),
			mix(tShape, t.shape),
			mix(tLShape, t.lshape),
			mix(tLength, t.length),
		)
		if t.strip != t.fold {
			fs = append(fs, mix(tStrip, t.strip), mix(tClitic, t.clitic))
		}
		if t.stem != t.fold {
			fs = append(fs, mix(tStem, t.stem))
		}
		for k := range 4 {
			if t.pre[k] != 0 {
				fs = append(fs, mix(tPre+uint64(k), t.pre[k]))
			}
			if t.suf[k] != 0 {
				fs = append(fs, mix(tSuf+uint64(k), t.suf[k]))
			}
		}
	case -1:
		fs = append(fs, mix(tFoldM1, t.fold), mix(tWordM1, t.word), mix(tSuf3M1, t.suf[2]), mix(tShapeM1, t.shape))
		if t.stem != t.fold {
			fs = append(fs, mix(tStemM1, t.stem))
		}
	case 1:
		fs = append(fs, mix(tFoldP1, t.fold), mix(tWordP1, t.word), mix(tSuf3P1, t.suf[2]), mix(tShapeP1, t.shape))
		if t.stem != t.fold {
			fs = append(fs, mix(tStemP1, t.stem))
		}
	case -2:
		fs = append(fs, mix(tFoldM2, t.fold))
	case 2:
		fs = append(fs, mix(tFoldP2, t.fold))
	}
	return fs
}

func appendCluster(fs []uint64, tmpl uint64, t *token) []uint64 {
	if t.plen == 0 {
		return fs
	}
	for _, p := range clusterPrefixes {
		n := min(p, int(t.plen))
		prefix := t.path >> (int(t.plen) - n)
		fs = append(fs, mix(tmpl, prefix<<6|uint64(n)))
		if n == int(t.plen) {
			break // the whole path: longer prefixes are the same feature
		}
	}
	return fs
}
