package cluster

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// ent makes a projected entity of a made or lexicon ID with its articles;
// a made ID's type is its prefix.
func ent(id string, articles int) graph.ProjectedEntity {
	typ := graph.Person
	if t, _, ok := strings.Cut(id, ":"); ok {
		typ = graph.EntityType(t)
	}
	return graph.ProjectedEntity{Entity: graph.Entity{ID: id, Type: typ}, Articles: articles}
}

// firstNames stands in for extraction's list (ingest/extract.FirstName).
func firstName(w string) bool { return w == "محمد" || w == "احمد" || w == "كريم" }

func TestCompute(t *testing.T) {
	opts := Options{FirstName: firstName}
	tests := []struct {
		name string
		ents []graph.ProjectedEntity
		opts Options
		// groups are the expected merged clusters, each sorted, the
		// representative first; IDs in no group stay alone.
		groups [][]string
	}{
		{"clitic on stored evidence",
			[]graph.ProjectedEntity{ent("person:احمد-عصيد", 5), ent("person:واحمد-عصيد", 1), ent("person:لاحمد-عصيد", 1)}, Options{},
			[][]string{{"person:احمد-عصيد", "person:لاحمد-عصيد", "person:واحمد-عصيد"}}},
		{"clitic before a first name, bare form not stored",
			[]graph.ProjectedEntity{ent("person:واحمد", 2), ent("person:احمد", 1)}, opts,
			[][]string{{"person:احمد", "person:واحمد"}}},
		{"one word: bare form stored with more articles",
			[]graph.ProjectedEntity{ent("location:بسلا", 1), ent("location:سلا", 33)}, opts,
			[][]string{{"location:سلا", "location:بسلا"}}},
		{"one word: no ل read off a place",
			[]graph.ProjectedEntity{ent("location:لسان", 2), ent("location:سان", 8), ent("location:وتيزي", 1), ent("location:بتيزي", 2), ent("location:تيزي", 7)}, opts,
			[][]string{{"location:تيزي", "location:بتيزي", "location:وتيزي"}}},
		{"one word: no preposition read off but before a place",
			[]graph.ProjectedEntity{ent("organization:بريتش", 1), ent("organization:ريتش", 2), ent("person:وبروكسيل", 1), ent("person:بروكسيل", 2)}, opts,
			[][]string{{"person:بروكسيل", "person:وبروكسيل"}}},
		{"one word: bare form no commoner is a word of its own",
			[]graph.ProjectedEntity{ent("person:كرونا", 1), ent("person:رونا", 1)}, opts, nil},
		{"no clitic read into ال",
			[]graph.ProjectedEntity{ent("organization:البنك-الدولي", 3), ent("organization:بالبنك-الدولي", 1)}, opts,
			nil},
		{"spelling of عبد",
			[]graph.ProjectedEntity{ent("person:عبد-الله-بادو", 40), ent("person:عبدالله-بادو", 1)}, opts,
			[][]string{{"person:عبد-الله-بادو", "person:عبدالله-بادو"}}},
		{"a trailing word with one longer name: absorbed",
			[]graph.ProjectedEntity{ent("person:احمد-موسي", 4), ent("person:احمد-موسي-قائلا", 1)}, opts,
			[][]string{{"person:احمد-موسي", "person:احمد-موسي-قائلا"}}},
		{"a trailing word beside a surname: ambiguous, not cut",
			[]graph.ProjectedEntity{ent("person:احمد-موسي", 4), ent("person:احمد-موسي-قائلا", 1), ent("person:احمد-موسي-العلي", 1)}, opts,
			nil},
		{"unique longer name absorbs a prefix",
			[]graph.ProjectedEntity{ent("organization:حزب-العداله", 1), ent("organization:حزب-العداله-والتنميه", 9)}, opts,
			[][]string{{"organization:حزب-العداله-والتنميه", "organization:حزب-العداله"}}},
		{"two longer names: ambiguous",
			[]graph.ProjectedEntity{ent("person:نور-الدين", 11), ent("person:نور-الدين-الطبوبي", 3), ent("person:نور-الدين-مضيان", 4)}, opts,
			nil},
		{"a chain of longer names is unambiguous",
			[]graph.ProjectedEntity{ent("person:محمد-خير", 1), ent("person:محمد-خير-الدين", 6), ent("person:محمد-خير-الدين-الفاسي", 1)}, opts,
			[][]string{{"person:محمد-خير-الدين", "person:محمد-خير", "person:محمد-خير-الدين-الفاسي"}}},
		{"middle name of a person",
			[]graph.ProjectedEntity{ent("person:احمد-عصيد", 3), ent("person:احمد-بن-محمد-عصيد", 1)}, opts,
			[][]string{{"person:احمد-عصيد", "person:احمد-بن-محمد-عصيد"}}},
		{"no middle name in an organisation",
			[]graph.ProjectedEntity{ent("organization:جامعه-قطر", 1), ent("organization:جامعه-ابردين-قطر", 1)}, opts, nil},
		{"no middle name after a link",
			[]graph.ProjectedEntity{ent("person:ابو-عبيد", 2), ent("person:ابو-بكر-عبيد", 1)}, opts, nil},
		{"surname alone",
			[]graph.ProjectedEntity{ent("person:عصيد", 1), ent("person:احمد-عصيد", 2)}, opts,
			[][]string{{"person:احمد-عصيد", "person:عصيد"}}},
		{"surname alone, commoner than the one full name",
			[]graph.ProjectedEntity{ent("person:ريناوي", 5), ent("person:غيداء-ريناوي", 1)}, opts, nil},
		{"no surname: a first name, a name with ال, the name after a link",
			[]graph.ProjectedEntity{
				ent("person:محمد", 1), ent("person:احمد-محمد", 2),
				ent("person:الحسن", 1), ent("person:سعيد-خالد-الحسن", 1),
				ent("person:غسان", 1), ent("person:ابو-غسان", 1),
			}, opts, nil},
		{"no surname of an organisation",
			[]graph.ProjectedEntity{ent("organization:موريس", 1), ent("organization:فيليب-موريس", 1)}, opts, nil},
		{"types and lexicon IDs apart",
			[]graph.ProjectedEntity{ent("person:احمد-عصيد", 1), ent("organization:واحمد-عصيد", 1), ent("hamas", 1), ent("organization:حماس-الحركه", 1)}, opts, nil},
		{"a linker joins scripts",
			[]graph.ProjectedEntity{ent("person:كريم-حداد", 2), ent("person:karim-haddad", 1), ent("person:sami-haddad", 1)},
			Options{Linker: tableLinker{"كريم-حداد|karim-haddad": 0.95, "كريم-حداد|sami-haddad": 0.5}},
			[][]string{{"person:كريم-حداد", "person:karim-haddad"}}},
		{"a linker below the threshold",
			[]graph.ProjectedEntity{ent("person:كريم-حداد", 2), ent("person:karim-haddad", 1)},
			Options{Linker: tableLinker{"كريم-حداد|karim-haddad": 0.8}}, nil},
		// Two Arabic keys both best matched by one Latin key: the Latin
		// key's own best wins; the other Arabic key stays apart.
		{"a linker links mutual best candidates only",
			[]graph.ProjectedEntity{ent("person:كريم-حداد", 2), ent("person:كريم-حدادي", 1), ent("person:karim-haddad", 1)},
			Options{Linker: tableLinker{"كريم-حداد|karim-haddad": 0.97, "كريم-حدادي|karim-haddad": 0.93}},
			[][]string{{"person:كريم-حداد", "person:karim-haddad"}}},
		{"a linker's tie links nothing",
			[]graph.ProjectedEntity{ent("person:كريم-حداد", 2), ent("person:karim-haddad", 1), ent("person:kareem-haddad", 1)},
			Options{Linker: tableLinker{"كريم-حداد|karim-haddad": 0.95, "كريم-حداد|kareem-haddad": 0.95}}, nil},
		{"a blocker keeps pairs of other blocks apart",
			[]graph.ProjectedEntity{ent("person:كريم-حداد", 2), ent("person:karim-haddad", 1)},
			Options{Linker: blockedLinker{tableLinker{"كريم-حداد|karim-haddad": 0.95}, map[string][]string{"كريم-حداد": {"K|H"}, "karim-haddad": {"Q|H"}}}}, nil},
		{"a blocker scores pairs within a block",
			[]graph.ProjectedEntity{ent("person:كريم-حداد", 2), ent("person:karim-haddad", 1)},
			Options{Linker: blockedLinker{tableLinker{"كريم-حداد|karim-haddad": 0.95}, map[string][]string{"كريم-حداد": {"K|H", "Q|H"}, "karim-haddad": {"Q|H"}}}},
			[][]string{{"person:كريم-حداد", "person:karim-haddad"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compute(tt.ents, tt.opts)
			if got := groups(c); !slices.EqualFunc(got, tt.groups, slices.Equal) {
				t.Errorf("clusters\n got %q\nwant %q", got, tt.groups)
			}
		})
	}
}

// groups lists c's merged clusters, representative first, then the other
// members in ID order; clusters in the order of their representatives.
func groups(c *Clustering) [][]string {
	var out [][]string
	for _, r := range c.Reps() {
		g := []string{r}
		for _, m := range c.Members(r) {
			if m != r {
				g = append(g, m)
			}
		}
		out = append(out, g)
	}
	return out
}

// tableLinker scores the pairs it lists ("arabic|latin"), others 0.
type tableLinker map[string]float64

func (l tableLinker) Link(ar, la string) float64 { return l[ar+"|"+la] }

// blockedLinker is a tableLinker with the blocks it lists per key.
type blockedLinker struct {
	tableLinker
	blocks map[string][]string
}

func (l blockedLinker) Blocks(key string) []string { return l.blocks[key] }

// TestComputeNoDrift: a clustering is a function of the store's entities,
// not of the order a store lists them in (a store rebuilt from the same
// articles may list them otherwise).
func TestComputeNoDrift(t *testing.T) {
	ents := []graph.ProjectedEntity{
		ent("person:احمد-عصيد", 5), ent("person:واحمد-عصيد", 1), ent("person:عصيد", 1),
		ent("person:احمد-موسي", 4), ent("person:احمد-موسي-قائلا", 1),
		ent("person:سعيد-ناصر", 2), ent("person:وسعيد-ناصر", 1), ent("person:سعيد-ناصر-الرشيد", 1),
		ent("person:كريم-حداد", 2), ent("person:حداد", 1), ent("location:بسلا", 1), ent("location:سلا", 3),
		ent("organization:حزب-العداله", 1), ent("organization:حزب-العداله-والتنميه", 9),
		ent("person:x-y", 1), ent("person:x-y-z", 1), ent("person:x-y-w", 1), ent("person:y", 1),
	}
	want := groups(Compute(ents, Options{FirstName: firstName}))
	if len(want) < 4 {
		t.Fatalf("only %d clusters: the test would not notice drift", len(want))
	}
	r := rand.New(rand.NewSource(1))
	for range 20 {
		r.Shuffle(len(ents), func(i, j int) { ents[i], ents[j] = ents[j], ents[i] })
		if got := groups(Compute(ents, Options{FirstName: firstName})); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("order changed the clusters:\n got %q\nwant %q", got, want)
		}
	}
}

func TestApply(t *testing.T) {
	ents := []graph.ProjectedEntity{ent("person:احمد-عصيد", 5), ent("person:واحمد-عصيد", 1), ent("morocco", 7), ent("rabat", 2)}
	c := Compute(ents, Options{})
	p := &graph.Projection{
		Entities: ents,
		Edges: []graph.Edge{
			{A: "morocco", B: "person:احمد-عصيد", Articles: 3, Sentences: 1},
			{A: "morocco", B: "person:واحمد-عصيد", Articles: 1, Sentences: 2},
			{A: "person:احمد-عصيد", B: "person:واحمد-عصيد", Articles: 1},
			{A: "morocco", B: "rabat", Articles: 2},
		},
	}
	slices.SortFunc(p.Entities, func(a, b graph.ProjectedEntity) int { return strings.Compare(a.ID, b.ID) })
	got := c.Apply(p)
	var ids []string
	for _, e := range got.Entities {
		ids = append(ids, e.ID)
		if e.ID == "person:احمد-عصيد" && e.Articles != 6 {
			t.Errorf("merged articles = %d, want 5+1", e.Articles)
		}
	}
	if want := []string{"morocco", "person:احمد-عصيد", "rabat"}; !slices.Equal(ids, want) {
		t.Errorf("entities %q, want %q", ids, want)
	}
	want := []graph.Edge{
		{A: "morocco", B: "person:احمد-عصيد", Articles: 4, Sentences: 3},
		{A: "morocco", B: "rabat", Articles: 2},
	}
	if !slices.Equal(got.Edges, want) {
		t.Errorf("edges\n got %+v\nwant %+v", got.Edges, want)
	}
	if len(p.Entities) != 4 || len(p.Edges) != 4 {
		t.Error("Apply changed its input")
	}
}

// BenchmarkCompute clusters 20,000 invented made IDs (about the size of
// ar-news-2022's 16,085), drawn with a fixed seed from a few hundred words
// so that prefixes, clitics and surnames recur.
func BenchmarkCompute(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	words := make([]string, 300)
	for i := range words {
		words[i] = string(rune('ا'+i%28)) + string(rune('ب'+i/28)) + string(rune('ت'+i%7))
	}
	clitics := []string{"", "", "", "و", "ب", "ل"}
	ents := make([]graph.ProjectedEntity, 0, 20000)
	seen := map[string]bool{}
	for len(ents) < 20000 {
		n := 1 + r.Intn(4)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.Intn(len(words))]
		}
		ws[0] = clitics[r.Intn(len(clitics))] + ws[0]
		typ := []string{"person", "organization", "location"}[r.Intn(3)]
		id := typ + ":" + strings.Join(ws, "-")
		if !seen[id] {
			seen[id] = true
			ents = append(ents, ent(id, 1+r.Intn(20)))
		}
	}
	b.ResetTimer()
	for range b.N {
		Compute(ents, Options{FirstName: firstName})
	}
}

// TestHidden: a person's lone given name is no actor node — with or
// without a clitic — nor an organisation's bare head noun, while a full
// name, a lone surname, an organisation called by a given name and a
// party's full name stay; Apply drops the hidden nodes and their edges.
func TestHidden(t *testing.T) {
	ents := []graph.ProjectedEntity{
		ent("person:محمد", 66), ent("person:ومحمد", 2), ent("person:احمد-عصيد", 10),
		ent("person:عصيد", 1), ent("organization:محمد", 1), ent("person:karim", 3),
	}
	ents = append(ents, ent("organization:منظمه", 38), ent("organization:المعهد", 45), ent("organization:حزب-الاستقلال", 52), ent("person:منظمه", 1))
	head := func(w string) bool {
		return w == "منظمه" || w == "معهد" || w == "المعهد" || w == "حزب"
	}
	c := Compute(ents, Options{FirstName: firstName, HeadNoun: head})
	for id, want := range map[string]bool{
		"person:محمد": true, "person:ومحمد": true, "person:احمد-عصيد": false,
		"person:عصيد": false, "organization:محمد": false, "person:karim": false, // not in the test's first names
		"organization:منظمه": true, "organization:المعهد": true, "organization:حزب-الاستقلال": false, "person:منظمه": false,
	} {
		if got := c.Hidden(id); got != want {
			t.Errorf("Hidden(%s) = %v, want %v", id, got, want)
		}
	}
	p := c.Apply(&graph.Projection{Entities: ents, Edges: []graph.Edge{
		{A: "person:احمد-عصيد", B: "person:محمد", Articles: 3},
		{A: "organization:محمد", B: "person:احمد-عصيد", Articles: 1},
	}})
	for _, e := range p.Entities {
		if c.Hidden(e.ID) {
			t.Errorf("hidden %s in the projection", e.ID)
		}
	}
	if len(p.Edges) != 1 || p.Edges[0].A != "organization:محمد" {
		t.Errorf("edges %+v, want only organization:محمد–person:احمد-عصيد", p.Edges)
	}
}

// TestMarshalRoundTrip: a clustering a store keeps reads back the same:
// members, representatives' entities and hidden IDs.
func TestMarshalRoundTrip(t *testing.T) {
	c := Compute([]graph.ProjectedEntity{
		ent("person:محمد", 66), ent("person:احمد-عصيد", 10), ent("person:واحمد-عصيد", 1),
	}, Options{FirstName: firstName})
	b, err := c.marshal()
	if err != nil {
		t.Fatal(err)
	}
	d, err := unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Members("person:واحمد-عصيد"), c.Members("person:واحمد-عصيد")) || d.Rep("person:واحمد-عصيد") != "person:احمد-عصيد" {
		t.Errorf("members %q, rep %q after the round trip", d.Members("person:واحمد-عصيد"), d.Rep("person:واحمد-عصيد"))
	}
	if !d.Hidden("person:محمد") || d.Hidden("person:احمد-عصيد") {
		t.Error("hidden IDs lost in the round trip")
	}
	if d.entity["person:احمد-عصيد"].ID != "person:احمد-عصيد" {
		t.Errorf("representative's entity %+v", d.entity["person:احمد-عصيد"])
	}
}

// TestApplyEdgesRandom compares Apply's edges with the plain way — every
// edge mapped to its representatives, summed and sorted — on random
// projections whose made IDs merge (clitic forms) and hide (given names).
func TestApplyEdgesRandom(t *testing.T) {
	for seed := int64(1); seed <= 20; seed++ {
		r := rand.New(rand.NewSource(seed))
		var ents []graph.ProjectedEntity
		seen := map[string]bool{}
		names := []string{"احمد-عصيد", "سعد-الحريري", "نبيه-بري", "حسن-نصر-الله", "عمار-الحكيم", "هادي-العامري",
			"فالح-الفياض", "قيس-الخزعلي", "نوري-المالكي", "حيدر-العبادي", "برهم-صالح", "محمد-الحلبوسي", "محمد", "احمد"}
		for i := 0; i < 60; i++ {
			base := names[r.Intn(len(names))]
			id := "person:" + []string{"", "و", "ب", "ل"}[r.Intn(4)] + base
			if r.Intn(10) == 0 {
				id = "location:" + base
			}
			if !seen[id] {
				seen[id] = true
				ents = append(ents, ent(id, 1+r.Intn(9)))
			}
		}
		slices.SortFunc(ents, func(a, b graph.ProjectedEntity) int { return strings.Compare(a.ID, b.ID) })
		c := Compute(ents, Options{})
		p := &graph.Projection{Entities: ents}
		pairs := map[[2]string]bool{}
		for k := 0; k < 300; k++ {
			a, b := ents[r.Intn(len(ents))].ID, ents[r.Intn(len(ents))].ID
			if a == b {
				continue
			}
			if b < a {
				a, b = b, a
			}
			if !pairs[[2]string{a, b}] {
				pairs[[2]string{a, b}] = true
				p.Edges = append(p.Edges, graph.Edge{A: a, B: b, Articles: 1 + r.Intn(5), Sentences: r.Intn(3)})
			}
		}
		slices.SortFunc(p.Edges, func(x, y graph.Edge) int {
			if x.A != y.A {
				return strings.Compare(x.A, y.A)
			}
			return strings.Compare(x.B, y.B)
		})
		sum := map[[2]string]graph.Edge{}
		for _, e := range p.Edges {
			if c.Hidden(e.A) || c.Hidden(e.B) {
				continue
			}
			a, b := c.Rep(e.A), c.Rep(e.B)
			if a == b {
				continue
			}
			if b < a {
				a, b = b, a
			}
			m, ok := sum[[2]string{a, b}]
			if !ok {
				m = graph.Edge{A: a, B: b}
			}
			m.Articles += e.Articles
			m.Sentences += e.Sentences
			sum[[2]string{a, b}] = m
		}
		var want []graph.Edge
		for _, e := range sum {
			want = append(want, e)
		}
		slices.SortFunc(want, func(x, y graph.Edge) int {
			if x.A != y.A {
				return strings.Compare(x.A, y.A)
			}
			return strings.Compare(x.B, y.B)
		})
		if merged, _ := c.Merged(); merged == 0 {
			t.Fatalf("seed %d: nothing merged; the test cannot tell the two ways apart", seed)
		}
		if got := c.Apply(p).Edges; !slices.Equal(got, want) {
			t.Fatalf("seed %d: edges\n got %+v\nwant %+v", seed, got, want)
		}
	}
}
