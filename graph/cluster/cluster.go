package cluster

import (
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// Linker scores how likely an Arabic-script key and a Latin-script key
// (KEY parts of made IDs, words joined by "-") name one actor: a score in
// [0, 1], higher is likelier. A transliteration model implements it
// (graph/translit.Model). Link must be safe for concurrent use: Compute
// scores candidate pairs on every CPU.
type Linker interface {
	Link(arabicKey, latinKey string) (score float64)
}

// Blocker is a Linker that can narrow the pairs worth scoring: only an
// Arabic and a Latin key that share one of their Blocks are scored
// (graph/translit.Blocks). Without it every Arabic key of a type is scored
// against every Latin key of that type.
type Blocker interface {
	Blocks(key string) []string
}

// Options tune Compute. The zero value clusters on store evidence alone.
type Options struct {
	// FirstName reports whether a folded word is a common given name; nil
	// means no word is. It lets a clitic be removed without the bare name
	// being stored, and keeps a lone first name from being absorbed.
	FirstName func(fold string) bool
	// HeadNoun reports whether a folded word is the head noun of
	// organisations' names that names none alone (حزب, منظمه, المعهد); nil
	// means no word is. An organisation node whose key is one such word is
	// hidden, as no actor.
	HeadNoun func(fold string) bool
	// Linker links keys across scripts; nil leaves scripts apart. Compute
	// calls it from several goroutines at once.
	Linker Linker
	// LinkThreshold is the least Linker score that links; 0 means 0.9.
	LinkThreshold float64
	// Fingerprint names FirstName and Linker (their data and version) for
	// a store that keeps derived values (Store, Deriver): a clustering
	// stored under another fingerprint, or under another RulesVersion, is
	// not read. "" keeps nothing.
	Fingerprint string
}

// RulesVersion names the rules of Compute; it changes with them, so that a
// clustering a store keeps from an older build is not read.
const RulesVersion = "3"

// Clustering maps store IDs to the ID of their cluster's representative.
// An ID it does not name is its own cluster.
type Clustering struct {
	rep     map[string]string   // member ID → representative ID, members of merged clusters only
	members map[string][]string // representative ID → member IDs, sorted, representative included
	entity  map[string]graph.Entity
	// hidden holds the made IDs that are no actor: a person's lone given
	// name (person:محمد) that no article tied to a fuller name. Projections
	// leave them out; the store keeps them.
	hidden map[string]bool
}

// Hidden reports whether id is left out of projections as no actor: a
// made person ID whose key is one common given name (Options.FirstName),
// or a made organisation ID whose key is one head noun (Options.HeadNoun:
// organization:منظمه, organization:المعهد).
// Such a node gathers every Mohammed an article names without a surname
// that the article itself ties to no fuller name (within-article
// resolution ties the others): on ar-news-2022 person:محمد held 66 articles
// of different people. --no-cluster shows them.
func (c *Clustering) Hidden(id string) bool { return c != nil && c.hidden[id] }

// Rep returns the representative ID of id's cluster: id itself when it is
// not merged with another.
func (c *Clustering) Rep(id string) string {
	if c == nil {
		return id
	}
	if r, ok := c.rep[id]; ok {
		return r
	}
	return id
}

// Members returns the IDs of id's cluster, sorted: [id] when it is not
// merged. id may be any member.
func (c *Clustering) Members(id string) []string {
	if c == nil {
		return []string{id}
	}
	if m, ok := c.members[c.Rep(id)]; ok {
		return slices.Clone(m)
	}
	return []string{id}
}

// Merged returns the number of clusters of two or more IDs and the number
// of IDs in them.
func (c *Clustering) Merged() (clusters, ids int) {
	if c == nil {
		return 0, 0
	}
	return len(c.members), len(c.rep)
}

// Reps returns the representatives of the merged clusters, sorted.
func (c *Clustering) Reps() []string {
	if c == nil {
		return nil
	}
	out := make([]string, 0, len(c.members))
	for r := range c.members {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// made splits a made ID (graph.MadeID) into its type prefix and key
// words; ok is false for a lexicon ID.
func made(id string) (typ string, words []string, ok bool) {
	if !graph.MadeID(id) {
		return "", nil, false
	}
	typ, key, _ := strings.Cut(id, ":")
	return typ, strings.Split(key, "-"), true
}

// spelled joins "عبد" to the word after it.
func spelled(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		if words[i] == "عبد" && i+1 < len(words) {
			out = append(out, "عبد"+words[i+1])
			i++
			continue
		}
		out = append(out, words[i])
	}
	return out
}

// cliticForms returns the readings of a folded Arabic word without its
// proclitics, shortest clitic first: و or ف, then ب ك or ل after either or
// alone; each keeps at least three letters and does not start with ال or ل.
func cliticForms(f string) []string {
	if f == "" || f[0] < 0xD8 {
		return nil
	}
	ok := func(r string) bool {
		return utf8.RuneCountInString(r) >= 3 && !strings.HasPrefix(r, "ال") && !strings.HasPrefix(r, "ل")
	}
	var out []string
	bases := []string{f}
	for _, c := range [...]string{"و", "ف"} {
		if r, cut := strings.CutPrefix(f, c); cut && utf8.RuneCountInString(r) >= 3 {
			if ok(r) {
				out = append(out, r)
			}
			bases = []string{r, f}
			break
		}
	}
	for _, base := range bases {
		for _, c := range [...]string{"ب", "ك", "ل"} {
			if r, cut := strings.CutPrefix(base, c); cut && ok(r) {
				out = append(out, r)
			}
		}
	}
	return out
}

func join(words []string) string { return strings.Join(words, "-") }

// isArabic reports whether a key starts with an Arabic letter.
func isArabic(key string) bool {
	r, _ := utf8.DecodeRuneInString(key)
	return r >= 0x0600 && r <= 0x06FF
}

// Compute clusters ents, a store's entities with their article counts (a
// projection of the whole store), by the package's rules. It is a function
// of ents and opts only: the order of ents does not matter. The
// representative of a cluster is a member whose key is its own words, then
// the one with the most articles, then fewer key words, then the smaller
// ID. Its cost is one pass over ents plus, for each key, the keys that
// share its first or last word.
func Compute(ents []graph.ProjectedEntity, opts Options) *Clustering {
	firstName := func(w string) bool { return opts.FirstName != nil && opts.FirstName(w) }
	// Made IDs by type, with their spelled words.
	type node struct {
		id      string
		typ     string
		words   []string
		changed bool // the key is not the ID's own words
	}
	var nodes []node
	byID := make(map[string]graph.ProjectedEntity, len(ents))
	rawKeys := map[string]bool{} // type + ":" + spelled key of every made ID
	for _, e := range ents {
		byID[e.ID] = e
		typ, words, ok := made(e.ID)
		if !ok {
			continue
		}
		words = spelled(words)
		nodes = append(nodes, node{id: e.ID, typ: typ, words: words})
		rawKeys[typ+":"+join(words)] = true
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].id < nodes[j].id })

	// 1, 2: spelling and clitic. A one-word key loses a clitic on store
	// evidence only when the bare word is stored with more articles ("بسلا"
	// beside "سلا"; not "كرونا" beside "رونا"): one word is little evidence.
	articles := func(typ string, words []string) int {
		return byID[typ+":"+join(words)].Articles
	}
	for i := range nodes {
		n := &nodes[i]
		for _, r := range cliticForms(n.words[0]) {
			cand := spelled(append([]string{r}, n.words[1:]...))
			stored := rawKeys[n.typ+":"+join(cand)]
			if len(cand) == 1 && stored {
				// One word: a conjunction (و ف) before any name, and ب
				// ("in") before a place ("بفاس"); not ل or ك, which start
				// words ("لسان" is "tongue", not ل + سان).
				clitic := strings.TrimSuffix(n.words[0], r)
				stored = articles(n.typ, cand) > byID[n.id].Articles &&
					(clitic == "و" || clitic == "ف" || n.typ == string(graph.Location) && (clitic == "ب" || clitic == "وب" || clitic == "فب"))
			}
			if firstName(r) || stored {
				n.words, n.changed = cand, true
				break
			}
		}
	}
	person := string(graph.Person)

	uf := newUnion()
	byKey := map[string][]string{} // cluster key → IDs
	for _, n := range nodes {
		k := n.typ + ":" + join(n.words)
		byKey[k] = append(byKey[k], n.id)
	}
	type key struct {
		typ   string
		words []string
		k     string
	}
	var ks []key
	for k, ids := range byKey {
		typ, rest, _ := strings.Cut(k, ":")
		ks = append(ks, key{typ, strings.Split(rest, "-"), k})
		for _, id := range ids[1:] {
			uf.union(ids[0], id)
		}
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i].k < ks[j].k })

	// most returns the most articles of one of ids.
	most := func(ids []string) int {
		m := 0
		for _, id := range ids {
			m = max(m, byID[id].Articles)
		}
		return m
	}
	// Absorption. Index longer keys by type and first and last word.
	byFirst := map[string][]int{}
	byLast := map[string][]int{}
	for i, k := range ks {
		byFirst[k.typ+":"+k.words[0]] = append(byFirst[k.typ+":"+k.words[0]], i)
		byLast[k.typ+":"+k.words[len(k.words)-1]] = append(byLast[k.typ+":"+k.words[len(k.words)-1]], i)
	}
	for i, s := range ks {
		var pool []int
		switch {
		case len(s.words) >= 2:
			pool = byFirst[s.typ+":"+s.words[0]]
		case s.typ == person && !firstName(s.words[0]) && !strings.HasPrefix(s.words[0], "ال"):
			pool = byLast[s.typ+":"+s.words[0]]
		default:
			continue
		}
		var cands []int
		for _, j := range pool {
			if j != i && subName(s.words, ks[j].words, s.typ == person) {
				cands = append(cands, j)
			}
		}
		if len(cands) == 0 {
			continue
		}
		sort.Slice(cands, func(a, b int) bool {
			if la, lb := len(ks[cands[a]].words), len(ks[cands[b]].words); la != lb {
				return la < lb
			}
			return ks[cands[a]].k < ks[cands[b]].k
		})
		if len(s.words) == 1 && most(byKey[s.k]) > most(byKey[ks[cands[0]].k]) {
			continue // the surname alone is commoner than the one full name: more people than one
		}
		chain := true
		for a := 1; a < len(cands) && chain; a++ {
			chain = subName(ks[cands[a-1]].words, ks[cands[a]].words, s.typ == person)
		}
		if chain {
			uf.union(byKey[s.k][0], byKey[ks[cands[0]].k][0])
		}
	}

	// Across scripts: an Arabic key and a Latin key of one type, of two
	// words or more each, join when each is the other's best-scoring
	// candidate, alone, at the threshold or above. Mutual best guards
	// against the near misses a corpus holds more of than the lexicon the
	// linker was calibrated on (two Haddads); one word is too little to go
	// on (on ar-news-2022 one-word links joined "books" to بوكوس, "heroes"
	// to هاريس, "cia" to سي).
	if opts.Linker != nil {
		th := opts.LinkThreshold
		if th == 0 {
			th = 0.9
		}
		blocker, _ := opts.Linker.(Blocker)
		// Latin keys by type and block.
		latin := map[string][]int{}
		for j, l := range ks {
			if isArabic(l.k[len(l.typ)+1:]) || len(l.words) < 2 {
				continue
			}
			if blocker == nil {
				latin[l.typ] = append(latin[l.typ], j)
				continue
			}
			for _, b := range blocker.Blocks(join(l.words)) {
				latin[l.typ+"|"+b] = append(latin[l.typ+"|"+b], j)
			}
		}
		type best struct {
			to    int
			score float64
			tie   bool
		}
		bestOf := map[int]best{} // key index → its best candidate on the other side
		consider := func(from, to int, sc float64) {
			b, ok := bestOf[from]
			switch {
			case !ok || sc > b.score:
				bestOf[from] = best{to, sc, false}
			case sc == b.score && to != b.to:
				b.tie = true
				bestOf[from] = b
			}
		}
		// The candidate pairs in order, scored in parallel (the linker's
		// alignments are most of a clustering's time), then considered in
		// that order so that ties resolve as they would one by one.
		type pair struct {
			i, j  int
			score float64
		}
		var pairs []pair
		for i, a := range ks {
			if !isArabic(a.k[len(a.typ)+1:]) || len(a.words) < 2 {
				continue
			}
			var cands []int
			if blocker == nil {
				cands = latin[a.typ]
			} else {
				seen := map[int]bool{}
				for _, b := range blocker.Blocks(join(a.words)) {
					for _, j := range latin[a.typ+"|"+b] {
						if !seen[j] {
							seen[j] = true
							cands = append(cands, j)
						}
					}
				}
				sort.Ints(cands)
			}
			for _, j := range cands {
				pairs = append(pairs, pair{i: i, j: j})
			}
		}
		parallel(len(pairs), func(n int) {
			p := &pairs[n]
			p.score = opts.Linker.Link(join(ks[p.i].words), join(ks[p.j].words))
		})
		for _, p := range pairs {
			if p.score >= th {
				consider(p.i, p.j, p.score)
				consider(p.j, p.i, p.score)
			}
		}
		for i, b := range bestOf {
			if b.tie || !isArabic(ks[i].k[len(ks[i].typ)+1:]) {
				continue
			}
			if back, ok := bestOf[b.to]; ok && !back.tie && back.to == i {
				uf.union(byKey[ks[i].k][0], byKey[ks[b.to].k][0])
			}
		}
	}

	// Collect the clusters and pick their representatives.
	groups := map[string][]string{}
	changed := map[string]bool{}
	for _, n := range nodes {
		changed[n.id] = n.changed
		r := uf.find(n.id)
		groups[r] = append(groups[r], n.id)
	}
	c := &Clustering{rep: map[string]string{}, members: map[string][]string{}, entity: map[string]graph.Entity{}, hidden: map[string]bool{}}
	for _, n := range nodes {
		if len(n.words) != 1 {
			continue
		}
		if n.typ == person && firstName(n.words[0]) || n.typ == string(graph.Organization) && opts.HeadNoun != nil && opts.HeadNoun(n.words[0]) {
			c.hidden[n.id] = true
		}
	}
	for _, ids := range groups {
		if len(ids) < 2 {
			continue
		}
		sort.Strings(ids)
		best := ids[0]
		for _, id := range ids[1:] {
			if better(byID[id], byID[best], changed[id], changed[best]) {
				best = id
			}
		}
		c.members[best] = ids
		for _, id := range ids {
			c.rep[id] = best
		}
		c.entity[best] = byID[best].Entity
	}
	return c
}

// better reports whether a represents a cluster better than b: an ID
// whose key is its own words (no clitic or trailing word removed), then
// more articles, then fewer key words, then the smaller ID. ca and cb say
// whether a's and b's keys were changed.
func better(a, b graph.ProjectedEntity, ca, cb bool) bool {
	if ca != cb {
		return cb
	}
	if a.Articles != b.Articles {
		return a.Articles > b.Articles
	}
	if la, lb := strings.Count(a.ID, "-"), strings.Count(b.ID, "-"); la != lb {
		return la < lb
	}
	return a.ID < b.ID
}

// subName reports whether key words s are a sub-name of the longer l (see
// the package comment). person allows what only person names are read for:
// a one-word s that is l's last word (the surname alone) and a middle name.
func subName(s, l []string, person bool) bool {
	if len(s) >= len(l) {
		return false
	}
	if len(s) == 1 {
		// Not the name after a link: غسان of ابو-غسان is not a surname.
		return person && l[len(l)-1] == s[0] && !links[l[len(l)-2]]
	}
	if slices.Equal(s, l[:len(s)]) {
		return true
	}
	if !person || links[s[0]] || s[0] != l[0] || s[len(s)-1] != l[len(l)-1] {
		return false
	}
	j := 0
	for _, w := range l {
		if j < len(s) && w == s[j] {
			j++
		}
	}
	return j == len(s)
}

// links are the words of an Arabic name that tie it to another name: a
// kunya (ابو, ام: "father, mother of") or a nasab (بن, ابن, بنت: "son,
// daughter of"). The name after one is not a surname, and a name that
// starts with one is no first name a middle name can follow.
var links = map[string]bool{"ابو": true, "ام": true, "بن": true, "ابن": true, "بنت": true}

// union is a union-find over IDs whose root is the smallest ID, so the
// result does not depend on the order of unions.
type union struct{ parent map[string]string }

func newUnion() *union { return &union{parent: map[string]string{}} }

func (u *union) find(x string) string {
	p, ok := u.parent[x]
	if !ok || p == x {
		return x
	}
	r := u.find(p)
	u.parent[x] = r
	return r
}

func (u *union) union(a, b string) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
}

// parallel calls f(0) … f(n-1) on GOMAXPROCS goroutines and returns when
// all have returned.
func parallel(n int, f func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}
