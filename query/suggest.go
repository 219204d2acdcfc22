package query

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
)

// leadingTitles are the titles a person types before a name ("President
// Assad", "الرئيس الأسد") that are no part of any entity's name; Suggest
// drops them from the front of the input. Folded by norm.Fold.
var leadingTitles = foldedSet(
	"president", "king", "queen", "prince", "princess", "sheikh", "shaikh", "emir", "mr", "mrs", "ms", "dr",
	"minister", "prime", "general", "gen", "sir", "ayatollah", "imam", "senator", "sen", "pm",
	"الرئيس", "رئيس", "الملك", "الأمير", "الامير", "الشيخ", "السيد", "السيدة", "الدكتور", "الوزير", "وزير",
	"الجنرال", "اللواء", "الفريق", "الإمام", "الامام", "المرشد", "آية", "اية", "الله",
)

func foldedSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[norm.Fold(w)] = true
	}
	return m
}

// suggestWords returns the folded words of name, less the titles it
// begins with (all of them when it is nothing but titles).
func suggestWords(name string) []string {
	words := strings.Fields(norm.Key(name))
	i := 0
	for i < len(words)-1 && leadingTitles[words[i]] {
		i++
	}
	return words[i:]
}

// wordDistance is the edit distance between two folded words when they are
// close enough to be one word mistyped — one edit in a word of four to
// nine runes, two from ten, none under four — else -1. Nine runes allow
// one so that "President" is not "Residents".
func wordDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	limit := 0
	if n := min(len(ra), len(rb)); n >= 4 {
		limit = max(1, n/5)
	}
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return -1
	}
	if d := editDistance(ra, rb); d <= limit {
		return d
	}
	return -1
}

// nameScore scores one of an entity's names against the typed words: how
// many typed words no word of the name matches, the edits the matched ones
// needed, and how many words of the name are left over. ok is false when the name shares no word with the input and
// is not within a few edits of it as a whole (spaces dropped, so "alAssad"
// still finds "al-Assad").
func nameScore(typed []string, name string) (missed, edits, extra int, ok bool) {
	words := strings.Fields(norm.Key(name))
	if len(words) == 0 {
		return 0, 0, 0, false
	}
	matched := 0
	for _, t := range typed {
		best := -1
		for _, w := range words {
			if d := wordDistance(t, w); d >= 0 && (best < 0 || d < best) {
				best = d
			}
		}
		if best < 0 {
			missed++
			continue
		}
		matched++
		edits += best
	}
	// Multi-word input must match at least half its words: "Biden
	// administration" may find "Joe Biden".
	if matched > 0 && 2*matched >= len(typed) {
		return missed, edits, max(len(words)-matched, 0), true
	}
	whole, joined := strings.Join(typed, ""), strings.Join(words, "")
	if d := wordDistance(whole, joined); d >= 0 {
		return 0, d, 0, true
	}
	return 0, 0, 0, false
}

// suggestion is a candidate of Suggest with its best name's score.
type suggestion struct {
	e                    graph.ProjectedEntity
	missed, edits, extra int
}

// Suggest returns up to max entities one of whose names, aliases or ID is
// close to name, closest first (then by the fewest words of the name left over, articles, ID). Name and
// candidates are compared word by word after norm.Key folding, with the
// titles name begins with ("President", "الرئيس") dropped: a candidate must
// share a word with the input, a word counting as shared within one edit
// (two from ten runes) ("Kadhmi" ~ "Kadhimi"), and a multi-word input must match
// at least half its words. So "Amazigh" does not suggest "Miss Amazighue"
// nor "President Assad" "Residents". Nil when nothing is close.
func Suggest(entities []graph.ProjectedEntity, name string, max int) []graph.ProjectedEntity {
	typed := suggestWords(name)
	if len(typed) == 0 || max <= 0 {
		return nil
	}
	var cands []suggestion
	for _, e := range entities {
		var best *suggestion
		for _, n := range append([]string{strings.ReplaceAll(e.ID, "-", " "), e.Name, e.NameAr}, e.Aliases...) {
			missed, edits, extra, ok := nameScore(typed, n)
			if !ok {
				continue
			}
			c := suggestion{e, missed, edits, extra}
			if best == nil || c.before(*best) {
				best = &c
			}
		}
		if best != nil {
			cands = append(cands, *best)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.before(b) || b.before(a) {
			return a.before(b)
		}
		if a.e.Articles != b.e.Articles {
			return a.e.Articles > b.e.Articles
		}
		return a.e.ID < b.e.ID
	})
	out := make([]graph.ProjectedEntity, 0, min(max, len(cands)))
	for i := 0; i < len(cands) && i < max; i++ {
		out = append(out, cands[i].e)
	}
	return out
}

// before reports whether a scores better than b: fewer typed words
// missed, then fewer edits, then fewer words of the name left over ("Kadhimy"
// is closer to the alias "Kadhimi" than to "Haider Jawad Kadhim al-Abadi").
func (a suggestion) before(b suggestion) bool {
	if a.missed != b.missed {
		return a.missed < b.missed
	}
	if a.edits != b.edits {
		return a.edits < b.edits
	}
	return a.extra < b.extra
}

// editDistance is the Levenshtein distance between a and b in runes.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
