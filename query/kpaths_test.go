package query

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"
)

// allPaths lists every simple path from x to y of at most maxHops hops,
// ranked as KShortestPaths ranks them: the brute force it must agree with.
func allPaths(g *Graph, x, y int32, maxHops int, mode PathMode) []candidate {
	s := newSpurSearch(g, y, mode)
	var out []candidate
	var walk func(p []int32)
	walk = func(p []int32) {
		u := p[len(p)-1]
		if u == y {
			p := slices.Clone(p)
			out = append(out, candidate{p, s.pathCost(p)})
			return
		}
		if maxHops > 0 && len(p)-1 == maxHops {
			return
		}
		nbr, _ := s.adj.row(int(u))
		for _, v := range nbr {
			if !slices.Contains(p, v) {
				walk(append(p, v))
			}
		}
	}
	walk([]int32{x})
	slices.SortFunc(out, func(a, b candidate) int {
		if a.less(b, mode) {
			return -1
		}
		if b.less(a, mode) {
			return 1
		}
		return 0
	})
	return out
}

func TestKShortestPathsMatchesBruteForce(t *testing.T) {
	_, hand := loadFixture(t)
	graphs := map[string]*Graph{
		"hand": hand,
		// Sparse enough to enumerate, with weights 1–10 and many ties.
		"random30": New(randomProjection(30, 4, 5)),
	}
	for name, g := range graphs {
		for _, mode := range []PathMode{FewestHops, Strongest} {
			for _, maxHops := range []int{0, 3, 5} {
				for _, pair := range [][2]int32{{0, 8}, {1, 5}, {0, 3}, {9, 12}, {2, 29}, {3, 17}} {
					x, y := pair[0], pair[1]
					if int(y) >= g.Len() {
						continue
					}
					if name == "random30" && maxHops == 0 {
						continue // too many to enumerate
					}
					all := allPaths(g, x, y, maxHops, mode)
					const k = 12
					got, err := KShortestPaths(g, g.Entities[x].ID, g.Entities[y].ID, k, maxHops, mode)
					what := fmt.Sprintf("%s mode %d maxHops %d %d→%d", name, mode, maxHops, x, y)
					if len(all) == 0 {
						if !errors.Is(err, ErrNoPath) {
							t.Errorf("%s: err %v, want ErrNoPath", what, err)
						}
						continue
					}
					if err != nil {
						t.Errorf("%s: %v", what, err)
						continue
					}
					want := all[:min(k, len(all))]
					if len(got) != len(want) {
						t.Errorf("%s: %d paths, want %d", what, len(got), len(want))
						continue
					}
					for i := range want {
						var ids []string
						for _, v := range want[i].path {
							ids = append(ids, g.Entities[v].ID)
						}
						if fmt.Sprint(got[i].IDs) != fmt.Sprint(ids) || got[i].Hops != want[i].cost.hops || math.Abs(got[i].Cost-want[i].cost.inv) > 1e-12 {
							t.Errorf("%s: path %d is %v (%d hops, %.6g), want %v (%d hops, %.6g)", what, i, got[i].IDs, got[i].Hops, got[i].Cost, ids, want[i].cost.hops, want[i].cost.inv)
						}
					}
				}
			}
		}
	}
}

// In Strongest mode the costs are those of networkx's
// shortest_simple_paths with weight 1/articles (testdata/*.json).
func TestKShortestPathsMatchesNetworkx(t *testing.T) {
	for _, fx := range fixtures(t) {
		byName := make(map[string]string)
		for i, e := range fx.g.Entities {
			byName[fx.node(i)] = e.ID
		}
		for key, want := range fx.f.WeightedPaths {
			var a, b string
			for i := range key {
				if key[i] == '>' {
					a, b = key[:i], key[i+1:]
				}
			}
			got, err := KShortestPaths(fx.g, byName[a], byName[b], len(want), 0, Strongest)
			if err != nil {
				t.Fatalf("%s %s: %v", fx.name, key, err)
			}
			if len(got) != len(want) {
				t.Errorf("%s %s: %d paths, networkx %d", fx.name, key, len(got), len(want))
				continue
			}
			for i := range want {
				if math.Abs(got[i].Cost-want[i]) > 1e-12 {
					t.Errorf("%s %s: path %d costs %.15g, networkx %.15g", fx.name, key, i, got[i].Cost, want[i])
				}
			}
		}
	}
}

func TestKShortestPaths(t *testing.T) {
	_, g := loadFixture(t)
	// The first FewestHops path is ShortestPath's.
	for _, pair := range [][2]string{{"e00", "e08"}, {"e00", "e03"}, {"e09", "e12"}, {"e02", "e06"}} {
		sp, err := ShortestPath(g, pair[0], pair[1])
		if err != nil {
			t.Fatal(err)
		}
		ks, err := KShortestPaths(g, pair[0], pair[1], 3, 0, FewestHops)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(ks[0].IDs) != fmt.Sprint(sp) {
			t.Errorf("%v: first path %v, ShortestPath %v", pair, ks[0].IDs, sp)
		}
	}
	// e00→e03 as in TestShortestPathPrefersStrongerLinks: three two-hop
	// paths, via e02 (1/1+1/5 = 1.2), e01 (1/3+1/1 = 1.33) and e04
	// (1/2+1/1 = 1.5), then the three-hop ones.
	ks, _ := KShortestPaths(g, "e00", "e03", 4, 0, FewestHops)
	var got []string
	for _, p := range ks {
		got = append(got, fmt.Sprintf("%v:%d:%.4f", p.IDs, p.Hops, p.Cost))
	}
	if want := "[[e00 e02 e03]:2:1.2000 [e00 e01 e03]:2:1.3333 [e00 e04 e03]:2:1.5000 [e00 e01 e02 e03]:3:1.0333]"; fmt.Sprint(got) != want {
		t.Errorf("e00→e03: %v, want %s", got, want)
	}
	// Strongest: the three-hop e00–e01–e02–e03 (1/3+1/2+1/5) beats them all.
	ks, _ = KShortestPaths(g, "e00", "e03", 1, 0, Strongest)
	if fmt.Sprint(ks[0].IDs) != "[e00 e01 e02 e03]" {
		t.Errorf("strongest e00→e03: %v", ks[0].IDs)
	}
	// ... unless at most two hops are allowed.
	ks, _ = KShortestPaths(g, "e00", "e03", 1, 2, Strongest)
	if fmt.Sprint(ks[0].IDs) != "[e00 e02 e03]" {
		t.Errorf("strongest e00→e03 in two hops: %v", ks[0].IDs)
	}
	if _, err := KShortestPaths(g, "e00", "e08", 3, 4, FewestHops); !errors.Is(err, ErrNoPath) {
		t.Errorf("e00→e08 (five hops) within four: err %v, want ErrNoPath", err)
	}
	if _, err := KShortestPaths(g, "e00", "e12", 3, 0, FewestHops); !errors.Is(err, ErrNoPath) {
		t.Errorf("across components: err %v, want ErrNoPath", err)
	}
	if _, err := KShortestPaths(g, "e00", "nope", 3, 0, FewestHops); err == nil || errors.Is(err, ErrNoPath) {
		t.Errorf("unknown entity: err %v", err)
	}
	if p, err := KShortestPaths(g, "e05", "e05", 3, 0, FewestHops); err != nil || len(p) != 1 || len(p[0].IDs) != 1 {
		t.Errorf("to itself: %v, %v", p, err)
	}
	// Fewer paths than asked: all there are. e09→e12 has two.
	if p, _ := KShortestPaths(g, "e09", "e12", 10, 0, FewestHops); len(p) != 2 {
		t.Errorf("e09→e12: %d paths, want 2", len(p))
	}
}

func BenchmarkKShortestPaths(b *testing.B) {
	for _, mode := range []PathMode{FewestHops, Strongest} {
		for _, n := range allSizes {
			b.Run(fmt.Sprintf("mode=%d/n=%d", mode, n), func(b *testing.B) {
				g := benchGraph(n)
				a, z := g.Entities[0].ID, g.Entities[n-1].ID
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if _, err := KShortestPaths(g, a, z, 10, 6, mode); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
