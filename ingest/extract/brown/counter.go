package brown

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph/norm"
)

// Counter accumulates a corpus as a stream of word ids with sentence
// breaks, for Cluster. The zero value is not ready; use NewCounter.
type Counter struct {
	ids    map[string]int32
	words  []string
	stream []int32 // word ids; -1 is a sentence break
	breaks int     // sentence breaks in stream
}

// NewCounter returns an empty Counter.
func NewCounter() *Counter {
	return &Counter{ids: make(map[string]int32)}
}

// Tokens returns the words of text as the tagger sees them: the Fold of
// each norm.Tokens token (NFKC, Arabic letter variants unified,
// diacritics and tatweel dropped, Latin lower-cased), so "Al-Kadhimi"
// is the two words "al" "kadhimi" and "الكاظمى" is "الكاظمي".
func Tokens(text string) []string {
	toks := norm.Tokens(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Fold
	}
	return out
}

// AddWords appends one sentence of already folded words. No bigram
// spans two sentences.
func (c *Counter) AddWords(words []string) {
	if len(words) == 0 {
		return
	}
	for _, w := range words {
		id, ok := c.ids[w]
		if !ok {
			id = int32(len(c.words))
			w = strings.Clone(w)
			c.ids[w] = id
			c.words = append(c.words, w)
		}
		c.stream = append(c.stream, id)
	}
	c.stream = append(c.stream, -1)
	c.breaks++
}

// AddText splits text into sentences (norm.Sentences) and adds the
// Tokens of each.
func (c *Counter) AddText(text string) {
	for _, sp := range norm.Sentences(text) {
		c.AddWords(Tokens(text[sp.Start:sp.End]))
	}
}

// Tokens reports how many words have been added.
func (c *Counter) Tokens() int { return len(c.stream) - c.breaks }

// Types reports how many distinct words have been added.
func (c *Counter) Types() int { return len(c.words) }

// neighbour is a word next to another and the count of that bigram.
type neighbour struct {
	word  int32
	count int32
}

// vocab is the clustered vocabulary: words sorted by descending count
// (ties by byte order), their counts, and for each word its right and
// left neighbours in the corpus with bigram counts, by ascending id.
type vocab struct {
	words       []string
	counts      []int32
	right, left [][]neighbour
	tokens      int // occurrences of vocabulary words
}

func (c *Counter) vocabulary(minCount int) *vocab {
	counts := make([]int32, len(c.words))
	for _, id := range c.stream {
		if id >= 0 {
			counts[id]++
		}
	}
	var order []int32
	for id, n := range counts {
		if int(n) >= minCount && n > 0 {
			order = append(order, int32(id))
		}
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		return c.words[a] < c.words[b]
	})
	newID := make([]int32, len(c.words))
	for i := range newID {
		newID[i] = -1
	}
	v := &vocab{words: make([]string, len(order)), counts: make([]int32, len(order))}
	for i, id := range order {
		newID[id] = int32(i)
		v.words[i] = c.words[id]
		v.counts[i] = counts[id]
		v.tokens += int(counts[id])
	}
	var pairs []uint64
	prev := int32(-1)
	for _, id := range c.stream {
		cur := int32(-1)
		if id >= 0 {
			cur = newID[id]
		}
		if prev >= 0 && cur >= 0 {
			pairs = append(pairs, uint64(prev)<<32|uint64(cur))
		}
		prev = cur
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i] < pairs[j] })
	v.right = make([][]neighbour, len(order))
	v.left = make([][]neighbour, len(order))
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		a, b := int32(pairs[i]>>32), int32(uint32(pairs[i]))
		v.right[a] = append(v.right[a], neighbour{b, int32(j - i)})
		v.left[b] = append(v.left[b], neighbour{a, int32(j - i)})
		i = j
	}
	return v
}
