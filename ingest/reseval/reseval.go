package reseval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
)

// DefaultTop is how many nodes, by articles, the junk heuristic judges.
const DefaultTop = 200

// Actor is one hand-checked actor of an actor list (see the package
// comment).
type Actor struct {
	Name  string   `json:"actor"`
	IDs   []string `json:"ids,omitempty"`
	Forms []string `json:"forms"`
	Not   []string `json:"not,omitempty"`
}

// ReadActors parses an actor list: JSON lines, blank lines and lines
// starting "#" skipped. Every actor needs a name and at least one ID or
// form. Errors name the line.
func ReadActors(r io.Reader) ([]Actor, error) {
	var actors []Actor
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var a Actor
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if a.Name == "" {
			return nil, fmt.Errorf("line %d: actor has no name", n)
		}
		if len(a.IDs) == 0 && len(a.Forms) == 0 {
			return nil, fmt.Errorf("line %d: actor %q has neither ids nor forms", n, a.Name)
		}
		actors = append(actors, a)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return actors, nil
}

// ReadActorsFile is ReadActors on a file; errors name the file.
func ReadActorsFile(path string) ([]Actor, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("actor list: %w", err)
	}
	defer f.Close()
	actors, err := ReadActors(f)
	if err != nil {
		return nil, fmt.Errorf("actor list %s: %w", path, err)
	}
	return actors, nil
}

// Node is one store entity as the report shows it.
type Node struct {
	ID       string `json:"id"`
	Name     string `json:"name"` // canonical English name, else Arabic
	Articles int    `json:"articles"`
}

// ActorResult is what the store makes of one actor.
type ActorResult struct {
	Actor    string  `json:"actor"`
	Nodes    []Node  `json:"nodes"`    // most articles first, ties by ID
	Articles int     `json:"articles"` // articles mentioning any of Nodes
	Largest  int     `json:"largest"`  // articles of Nodes[0]
	Share    float64 `json:"share"`    // Largest/Articles; 0 without articles
}

// TopNode is one of the top nodes the junk heuristic judged.
type TopNode struct {
	Node
	Junk    string `json:"junk,omitempty"`    // the reason, "" when not junk
	Verdict string `json:"verdict,omitempty"` // a reader's (Report.Judge), "" when not judged
}

// Report holds the figures of one store (see the package comment).
type Report struct {
	Actors     []ActorResult  `json:"actors"` // in list order
	Found      int            `json:"actors_found"`
	MeanNodes  float64        `json:"mean_nodes_per_actor"` // over the actors found
	MeanShare  float64        `json:"mean_share"`           // of ActorResult.Share, over the actors found
	OneNode    int            `json:"actors_one_node"`
	Entities   int            `json:"entities"`
	MadeIDs    int            `json:"made_ids"`
	Extending  int            `json:"extending_ids"`
	Fragments  int            `json:"fragment_ids"` // extending IDs that are fragments of a name (see the package comment)
	Top        []TopNode      `json:"top"`
	Junk       int            `json:"top_junk"`
	JunkShare  float64        `json:"top_junk_share"`
	JunkReason map[string]int `json:"top_junk_reasons"`
	Hand       *Judgement     `json:"hand,omitempty"` // set by Judge
}

// Made reports whether e was made by the extractor's rules or a tagger
// rather than taken from the lexicon: its ID is TYPE:KEY (lexicon IDs hold
// no colon), or its kind says "found by …".
func Made(e graph.Entity) bool {
	return strings.Contains(e.ID, ":") || strings.HasPrefix(e.Kind, "found by")
}

// Measure computes the report of store for actors, judging the top nodes
// by articles (top ≤ 0 means DefaultTop). It reads every entity of the
// store (one projection without a filter) and the mentions of the nodes
// that carry an actor.
func Measure(ctx context.Context, store graph.Store, actors []Actor, top int) (*Report, error) {
	if top <= 0 {
		top = DefaultTop
	}
	proj, err := store.Projection(ctx, graph.Filter{})
	if err != nil {
		return nil, fmt.Errorf("reading the store's entities: %w", err)
	}
	ents := proj.Entities
	rep := &Report{Entities: len(ents), JunkReason: map[string]int{}}

	ids := make(map[string]bool, len(ents))
	for _, e := range ents {
		ids[e.ID] = true
	}
	// extends holds the made IDs that extend another ID, and whether one
	// they extend has at least as many articles: then the longer ID is a
	// fragment of that one's mentions ("محمد السادس بتطوان"), not a fuller
	// name of which the shorter is a fragment ("عبد الله" of "عبد الله
	// بادو").
	articles := make(map[string]int, len(ents))
	for _, e := range ents {
		articles[e.ID] = e.Articles
	}
	extends := make(map[string]bool)
	for _, e := range ents {
		if !Made(e.Entity) {
			continue
		}
		rep.MadeIDs++
		shorter := Extended(e.ID, ids)
		if len(shorter) == 0 {
			continue
		}
		rep.Extending++
		fragment := false
		for _, s := range shorter {
			if articles[s] >= e.Articles {
				extends[e.ID] = true
				_, key, _ := strings.Cut(s, ":")
				fragment = fragment || strings.Contains(key, "-")
			}
		}
		if fragment {
			rep.Fragments++
		}
	}

	names := make([][][]string, len(ents)) // each entity's names as folded words
	for i, e := range ents {
		names[i] = nameWords(e.Entity)
	}
	largest := map[string]bool{} // the largest node of each actor
	carriers := map[string]bool{}
	for _, a := range actors {
		res := ActorResult{Actor: a.Name, Nodes: []Node{}}
		m := newMatcher(a)
		for i, e := range ents {
			if m.carries(e.ID, names[i]) {
				res.Nodes = append(res.Nodes, node(e))
			}
		}
		sort.SliceStable(res.Nodes, func(i, j int) bool {
			if res.Nodes[i].Articles != res.Nodes[j].Articles {
				return res.Nodes[i].Articles > res.Nodes[j].Articles
			}
			return res.Nodes[i].ID < res.Nodes[j].ID
		})
		seen := map[string]bool{}
		for _, n := range res.Nodes {
			ms, err := store.Mentions(ctx, n.ID, graph.Filter{})
			if err != nil {
				return nil, fmt.Errorf("mentions of %s: %w", n.ID, err)
			}
			for _, am := range ms {
				seen[am.ArticleID] = true
			}
			carriers[n.ID] = true
		}
		res.Articles = len(seen)
		if len(res.Nodes) > 0 {
			largest[res.Nodes[0].ID] = true
			res.Largest = res.Nodes[0].Articles
			rep.Found++
			rep.MeanNodes += float64(len(res.Nodes))
			if len(res.Nodes) == 1 {
				rep.OneNode++
			}
		}
		if res.Articles > 0 {
			res.Share = float64(res.Largest) / float64(res.Articles)
			rep.MeanShare += res.Share
		}
		rep.Actors = append(rep.Actors, res)
	}
	if rep.Found > 0 {
		rep.MeanNodes /= float64(rep.Found)
		rep.MeanShare /= float64(rep.Found)
	}

	order := make([]int, len(ents))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := ents[order[i]], ents[order[j]]
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		return a.ID < b.ID
	})
	if len(order) > top {
		order = order[:top]
	}
	for _, i := range order {
		e := ents[i]
		t := TopNode{Node: node(e)}
		switch {
		case extends[e.ID]:
			t.Junk = "extends"
		case Made(e.Entity) && stopWorded(names[i]):
			t.Junk = "stop-word"
		case generic(e.Entity):
			t.Junk = "generic"
		case carriers[e.ID] && !largest[e.ID]:
			t.Junk = "duplicate"
		}
		if t.Junk != "" {
			rep.Junk++
			rep.JunkReason[t.Junk]++
		}
		rep.Top = append(rep.Top, t)
	}
	if len(rep.Top) > 0 {
		rep.JunkShare = float64(rep.Junk) / float64(len(rep.Top))
	}
	return rep, nil
}

// Extended returns the IDs of ids that the made ID id extends with one or
// more trailing words: its prefixes ending before a "-", longest first.
func Extended(id string, ids map[string]bool) []string {
	if !strings.Contains(id, ":") {
		return nil
	}
	var out []string
	for i := len(id) - 1; i > 0; i-- {
		if id[i] == '-' && ids[id[:i]] {
			out = append(out, id[:i])
		}
	}
	return out
}

func node(e graph.ProjectedEntity) Node {
	name := e.Name
	if name == "" {
		name = e.NameAr
	}
	return Node{ID: e.ID, Name: name, Articles: e.Articles}
}

// nameWords returns e's names as folded words: its canonical names and
// aliases, and for a made ID the words of its key.
func nameWords(e graph.Entity) [][]string {
	var out [][]string
	for _, k := range e.Keys() {
		out = append(out, strings.Fields(k))
	}
	if _, key, ok := strings.Cut(e.ID, ":"); ok {
		out = append(out, strings.Fields(norm.Key(strings.ReplaceAll(key, "-", " "))))
	}
	return out
}

// matcher decides which nodes carry one actor.
type matcher struct {
	ids        map[string]bool
	forms, not [][]string
}

func newMatcher(a Actor) *matcher {
	m := &matcher{ids: map[string]bool{}}
	for _, id := range a.IDs {
		m.ids[id] = true
	}
	for _, f := range a.Forms {
		if w := strings.Fields(norm.Key(f)); len(w) > 0 {
			m.forms = append(m.forms, w)
		}
	}
	for _, f := range a.Not {
		if w := strings.Fields(norm.Key(f)); len(w) > 0 {
			m.not = append(m.not, w)
		}
	}
	return m
}

func (m *matcher) carries(id string, names [][]string) bool {
	if m.ids[id] {
		return true
	}
	for _, n := range names {
		for _, f := range m.not {
			if contains(n, f) {
				return false
			}
		}
	}
	for _, n := range names {
		for _, f := range m.forms {
			if contains(n, f) {
				return true
			}
		}
	}
	return false
}

// contains reports whether words holds form as consecutive words, the
// first of them perhaps behind a proclitic.
func contains(words, form []string) bool {
	for i := 0; i+len(form) <= len(words); i++ {
		if !withClitic(words[i], form[0]) {
			continue
		}
		if slices.Equal(words[i+1:i+len(form)], form[1:]) {
			return true
		}
	}
	return false
}

// proclitics are the one-letter prefixes a word of an Arabic name may
// carry (and, or, with, to, like), and their pairs.
var proclitics = []string{"و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"}

func withClitic(word, form string) bool {
	if word == form {
		return true
	}
	for _, p := range proclitics {
		rest, ok := strings.CutPrefix(word, p)
		if !ok {
			continue
		}
		if rest == form {
			return true
		}
		// ل + ال is written لل: للمغرب.
		if strings.HasSuffix(p, "ل") && strings.HasPrefix(form, "ال") && rest == form[len("ا"):] {
			return true
		}
	}
	return false
}

// StopWords are folded words no name holds: verbs, function words and
// common nouns that rules glue onto names. The list is short and
// hand-made; it is part of the heuristic, not of extraction.
var StopWords = foldSet(
	// Arabic function words and adverbs.
	"الذي", "التي", "الذين", "الى", "على", "عن", "في", "من", "مع", "منذ", "خلال", "بعد", "قبل",
	"عبر", "حول", "ضد", "لدى", "عند", "بين", "اليوم", "امس", "غدا", "ايضا", "حيث", "كما", "انه", "انها",
	"هذا", "هذه", "ذلك", "تلك", "وقد", "قد", "لقد", "حين", "عندما", "لكن", "اذ", "او", "ثم",
	// Arabic verbs of reporting and doing.
	"قال", "قالت", "اكد", "اكدت", "اعلن", "اعلنت", "اضاف", "اضافت", "اوضح", "اوضحت", "اشار", "اشارت",
	"يقول", "تقول", "سيفتح", "يفتح", "زار", "التقى", "دعا", "دعت", "طالب", "طالبت", "صرح",
	// English function words and reporting verbs.
	"the", "of", "and", "said", "says", "told", "on", "in", "at", "to", "for", "with", "by",
	"yesterday", "today", "who", "which", "that",
)

// StopPhrases are whole names that are phrases, not actors.
var StopPhrases = foldSet("الجيل الجديد", "المجتمع الدولي", "الراي العام", "the new generation", "the international community")

// Generic are bare bodies of no country: a node named so, or holding one
// as an alias, is not one actor.
var Generic = foldSet(
	"مجلس النواب", "مجلس الوزراء", "مجلس الشيوخ", "مجلس الشعب", "مجلس الادارة", "مجلس اداره", "مجلس ادارة",
	"البرلمان", "الحكومة", "الجيش", "الشرطة", "قوات الامن", "الاجهزة الامنية",
	"وزارة الدفاع", "وزارة الخارجية", "وزارة الداخلية", "وزارة المالية", "وزارة الصحة", "وزارة العدل",
	"وزارة التربية", "وزارة الثقافة", "وزارة التعليم", "وزارة الاقتصاد", "وزارة النفط",
	"رئيس الوزراء", "رئيس الجمهورية", "الرئيس",
	"parliament", "the parliament", "house of representatives", "council of ministers", "the government", "government",
	"the army", "the police", "security forces", "the security forces",
	"ministry of defence", "ministry of defense", "defence ministry", "defense ministry", "the defence ministry",
	"ministry of foreign affairs", "foreign ministry", "the foreign ministry",
	"ministry of interior", "interior ministry", "the interior ministry",
)

func foldSet(words ...string) map[string]bool {
	s := make(map[string]bool, len(words))
	for _, w := range words {
		s[norm.Key(w)] = true
	}
	return s
}

func stopWorded(names [][]string) bool {
	for _, n := range names {
		if StopPhrases[strings.Join(n, " ")] {
			return true
		}
		for _, w := range n {
			if StopWords[w] {
				return true
			}
		}
	}
	return false
}

func generic(e graph.Entity) bool {
	for _, k := range e.Keys() {
		if Generic[k] {
			return true
		}
	}
	return false
}
