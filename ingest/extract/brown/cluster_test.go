package brown

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"
)

// synthetic returns a corpus of n sentences "DET NOUN VERB" and
// "DET NOUN VERB DET NOUN" drawn with a fixed seed from word classes
// whose members occur in identical contexts, so the right clustering
// is known: the words of one class are interchangeable.
func synthetic(n int, seed int64) *Counter {
	det := []string{"the", "a", "this"}
	noun := []string{"cat", "dog", "bird", "fish"}
	verb := []string{"sees", "eats", "likes"}
	rng := rand.New(rand.NewSource(seed))
	pick := func(ws []string) string { return ws[rng.Intn(len(ws))] }
	c := NewCounter()
	for i := 0; i < n; i++ {
		s := []string{pick(det), pick(noun), pick(verb)}
		if rng.Intn(2) == 0 {
			s = append(s, pick(det), pick(noun))
		}
		c.AddWords(s)
	}
	return c
}

func bitsOf(paths []Path) map[string]string {
	m := make(map[string]string, len(paths))
	for _, p := range paths {
		m[p.Word] = p.Bits
	}
	return m
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func TestClusterSynthetic(t *testing.T) {
	classes := [][]string{{"the", "a", "this"}, {"cat", "dog", "bird", "fish"}, {"sees", "eats", "likes"}}
	tests := []struct {
		name     string
		clusters int
		same     bool // whether each class must be exactly one cluster
	}{
		// 3 clusters for 3 classes: the windowed merges must rebuild the classes.
		{"window 3", 3, true},
		// A window of all 10 words: classes are subtrees of the hierarchy.
		{"window 10", 10, false},
		{"window 5", 5, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paths, err := Cluster(context.Background(), synthetic(2000, 1), Options{Clusters: tt.clusters, MinCount: 1})
			if err != nil {
				t.Fatal(err)
			}
			if len(paths) != 10 {
				t.Fatalf("%d paths, want 10", len(paths))
			}
			bits := bitsOf(paths)
			// Words of one class share a longer prefix with each other
			// than with any word of another class.
			for x, cl := range classes {
				within := math.MaxInt
				for _, u := range cl {
					for _, v := range cl {
						if u != v {
							within = min(within, commonPrefix(bits[u], bits[v]))
						}
					}
				}
				for y, other := range classes {
					if x == y {
						continue
					}
					for _, u := range cl {
						for _, v := range other {
							if p := commonPrefix(bits[u], bits[v]); p >= within {
								t.Errorf("%s (%s) shares %d bits with %s (%s), class shares only %d\n%v",
									u, bits[u], p, v, bits[v], within, bits)
							}
						}
					}
				}
				if tt.same {
					for _, u := range cl {
						if bits[u] != bits[cl[0]] {
							t.Errorf("%s has %s, %s has %s: want one cluster", u, bits[u], cl[0], bits[cl[0]])
						}
					}
				}
			}
		})
	}
}

// TestLossTable checks the incrementally updated merge losses against
// losses computed from scratch after every step of a run over a random
// corpus (Zipf-like word draws, fixed seed).
func TestLossTable(t *testing.T) {
	v := zipfCorpus(20000, 7).vocabulary(1)
	m := newModel(v, 8)
	check := func(step string) {
		t.Helper()
		for x, i := range m.active {
			for _, j := range m.active[x+1:] {
				got, want := m.loss[i*m.s+j], m.mergeLoss(i, j)
				if math.Abs(got-want) > 1e-9 {
					t.Fatalf("%s: loss(%d,%d) = %g, from scratch %g", step, i, j, got, want)
				}
			}
		}
	}
	for w := range v.words {
		m.add(w, m.freeSlot())
		check("add")
		if len(m.active) > m.c {
			m.merge(m.best())
			check("merge")
		}
	}
	for len(m.active) > 1 {
		m.merge(m.best())
		check("final merge")
	}
}

// TestMergeLossIsMIDrop checks mergeLoss against the definition: the
// average mutual information of the clustering before a merge less
// that after it, both computed directly from the bigram table.
func TestMergeLossIsMIDrop(t *testing.T) {
	v := synthetic(500, 3).vocabulary(1)
	m := newModel(v, len(v.words))
	for w := range v.words {
		m.add(w, m.freeSlot())
	}
	mi := func() float64 {
		var sum float64
		for _, a := range m.active {
			for _, b := range m.active {
				sum += hq(m.p2[a*m.s+b], m.p1[a], m.p1[b])
			}
		}
		return sum
	}
	for len(m.active) > 1 {
		a, b := m.best()
		before, loss := mi(), m.loss[a*m.s+b]
		m.merge(a, b)
		if got := before - mi(); math.Abs(got-loss) > 1e-9 {
			t.Fatalf("merge %d,%d: MI fell by %g, loss says %g", a, b, got, loss)
		}
	}
}

func TestClusterDeterministic(t *testing.T) {
	run := func() string {
		var buf bytes.Buffer
		paths, err := Cluster(context.Background(), synthetic(3000, 5), Options{Clusters: 4, MinCount: 2})
		if err != nil {
			t.Fatal(err)
		}
		if err := Write(&buf, paths); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	first := run()
	for i := 0; i < 3; i++ {
		if got := run(); got != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", i+2, got, first)
		}
	}
}

func TestClusterErrors(t *testing.T) {
	c := synthetic(10, 1)
	if _, err := Cluster(context.Background(), c, Options{Clusters: 0, MinCount: 1}); err == nil {
		t.Error("0 clusters: no error")
	}
	if _, err := Cluster(context.Background(), c, Options{Clusters: 2, MinCount: 1 << 30}); err != ErrEmpty {
		t.Errorf("nothing over min count: %v, want ErrEmpty", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Cluster(ctx, c, Options{Clusters: 2, MinCount: 1}); err != context.Canceled {
		t.Errorf("cancelled: %v", err)
	}
}

func TestReadWrite(t *testing.T) {
	paths := []Path{{"00", "the", 10}, {"01", "a", 7}, {"1", "الكاظمي", 3}}
	var buf bytes.Buffer
	if err := Write(&buf, paths); err != nil {
		t.Fatal(err)
	}
	got, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got["the"] != "00" || got["a"] != "01" || got["الكاظمي"] != "1" {
		t.Errorf("Read = %v", got)
	}
	bad := []struct{ name, text string }{
		{"one field", "0101\n"},
		{"bits", "01x\tword\t3\n"},
		{"count", "01\tword\tmany\n"},
		{"duplicate", "01\tword\t3\n10\tword\t2\n"},
	}
	for _, b := range bad {
		if _, err := Read(strings.NewReader(b.text)); err == nil {
			t.Errorf("%s: no error", b.name)
		}
	}
}

// zipfCorpus returns about n tokens of Zipf-distributed words (s = 1.3,
// up to 1,000 types) in sentences of 2 to 9 words, drawn with seed.
func zipfCorpus(n int, seed int64) *Counter {
	rng := rand.New(rand.NewSource(seed))
	z := rand.NewZipf(rng, 1.3, 2, 999)
	c := NewCounter()
	for c.Tokens() < n {
		var s []string
		for k := 0; k < 2+rng.Intn(8); k++ {
			s = append(s, fmt.Sprintf("w%d", z.Uint64()))
		}
		c.AddWords(s)
	}
	return c
}
