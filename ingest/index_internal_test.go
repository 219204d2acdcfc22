package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

func TestDigestOf(t *testing.T) {
	sum := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	a, b := sum("a"), sum("b")
	same := a[:32] + strings.Repeat("0", 32) // a's first half, another second half
	cases := []struct {
		name string
		x, y string
		want bool // the digests are equal
	}{
		{"a fingerprint and itself", a, a, true},
		{"two fingerprints", a, b, false},
		// Only the first 128 bits are kept: two SHA-256 digests that agree
		// there are a collision of SHA-256 truncated, not a case to handle.
		{"two fingerprints sharing their first half", a, same, true},
		{"a fingerprint in capitals is another string", a, strings.ToUpper(a), false},
		// Capitals only in the half the digest keeps (found by a review).
		{"capitals in the first half", a, strings.ToUpper(a[:32]) + a[32:], false},
		{"a fingerprint whose tail is not hex", a, a[:63] + "g", false},
		{"short strings", "abc", "abd", false},
		{"the empty string and a fingerprint", "", a, false},
		{"a short string and itself", "sha1:42", "sha1:42", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := digestOf(c.x) == digestOf(c.y); got != c.want {
				t.Errorf("digestOf(%q) == digestOf(%q): %v, want %v", c.x, c.y, got, c.want)
			}
		})
	}
	// A fingerprint's digest is its first 16 bytes, read without hashing.
	d := digestOf(a)
	if got := hex.EncodeToString(d[:]); got != a[:32] {
		t.Errorf("digestOf(%s) = %s, want its first 32 digits", a, got)
	}
}

func TestPlaceOrigin(t *testing.T) {
	// Every origin a reader writes (see originProblem) and some it does
	// not must come back as they went in.
	origins := []string{
		"/data/corpus.jsonl:12",
		"/data/corpus.jsonl:1",
		"/data/a.csv: record 7",
		"https://example.org/feed.xml#3",
		"https://example.org:8080/feed.xml",
		"https://example.org:8080",
		"/data/page.html",
		"stdin:4294967295", // the largest number a place holds
		"stdin:4294967296", // one more: kept whole
		"/data/x.jsonl:007",
		"/data/x.jsonl:0",
		"/data/x.jsonl:+3",
		"/data/x.jsonl:-3",
		"c:\\data\\x.jsonl:5",
		":5",
		"#5",
		"a: record 3:5",
		"",
	}
	var nm names
	for _, o := range origins {
		p := placeOf(o, &nm)
		if got := p.origin(&nm); got != o {
			t.Errorf("placeOf(%q).origin() = %q", o, got)
		}
	}
	// The lines of one file share its name.
	p, q := placeOf("/data/corpus.jsonl:12", &nm), placeOf("/data/corpus.jsonl:13", &nm)
	if p.file != q.file || p.file == 0 {
		t.Errorf("two lines of one file have files %d and %d, want one name", p.file, q.file)
	}
}

func TestNames(t *testing.T) {
	var nm names
	if n := nm.of(""); n != 0 || nm.name(n) != "" {
		t.Errorf(`of("") = %d, name %q; want the zero name`, n, nm.name(n))
	}
	long := "/data/corpus.jsonl:12"
	a := nm.of(long[:18])
	if b := nm.of("/data/corpus.jsonl"); a != b {
		t.Errorf("one string named %d and %d", a, b)
	}
	if got := nm.name(a); got != "/data/corpus.jsonl" {
		t.Errorf("name(%d) = %q", a, got)
	}
	// The name keeps a copy, not the longer string it was cut from.
	if unsafe.StringData(nm.name(a)) == unsafe.StringData(long) {
		t.Error("names keeps a part of the string it was given")
	}
	if c := nm.of("stdin"); c == a || nm.name(c) != "stdin" {
		t.Errorf(`of("stdin") = %d (%q), want a new name`, c, nm.name(c))
	}
}

// spills are the budgets the tables are tested under: everything in
// memory, nothing in memory (every table in a file), and a budget the
// tables pass as they grow.
var spills = []struct {
	name   string
	budget int64
}{
	{"in memory", DefaultIndexMemory},
	{"in files", 0},
	{"moving to files", 40 << 10},
}

func TestArticleIndex(t *testing.T) {
	for _, sp := range spills {
		t.Run(sp.name, func(t *testing.T) {
			s := newSpill(t.TempDir(), sp.budget)
			defer s.close()
			testArticleIndex(t, s)
			if s.err != nil {
				t.Fatal(s.err)
			}
		})
	}
}

func testArticleIndex(t *testing.T, sp *spill) {
	fp := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	ix := newArticleIndex(new(names), sp)
	ix.inputs = true
	ix.add("b", fp("hb"), "/in.jsonl", fp("text"))
	ix.add("a", fp("ha"), "/in.jsonl", fp("text"))
	ix.add("c", fp("hc"), "", "")
	if h, ok := ix.hash("a"); !ok || h != digestOf(fp("ha")) {
		t.Errorf("hash(a) = %x, %v", h, ok)
	}
	if _, ok := ix.hash("z"); ok {
		t.Error("hash(z): an article not stored is found")
	}
	// The least ID holds a text two articles share, whatever the order.
	if o, ok := ix.owner(digestOf(fp("text"))); !ok || o != "a" {
		t.Errorf("owner of the shared text = %q, %v; want a", o, ok)
	}
	if in, ok := ix.input("c"); !ok || in != "" {
		t.Errorf("input(c) = %q, %v; want stored without an input", in, ok)
	}
	if in, ok := ix.input("a"); !ok || in != "/in.jsonl" {
		t.Errorf("input(a) = %q, %v", in, ok)
	}
	if _, ok := ix.text("c"); ok {
		t.Error("text(c): an article stored without a text has one")
	}
	if !ix.holds("b", digestOf(fp("text"))) || ix.holds("c", digestOf(fp("text"))) {
		t.Error("holds: wrong")
	}
	// Enough articles to grow every table several times, added twice:
	// the second time changes each one's hash and text.
	for round := range 2 {
		for i := range 3000 {
			id := fmt.Sprintf("synth:%d", i)
			ix.add(id, fp(fmt.Sprint(round, i)), "/in.jsonl", fp(fmt.Sprint("text", round, i%1000)))
		}
	}
	for i := range 3000 {
		id := fmt.Sprintf("synth:%d", i)
		if h, ok := ix.hash(id); !ok || h != digestOf(fp(fmt.Sprint(1, i))) {
			t.Fatalf("hash(%s) = %x, %v; want the later one", id, h, ok)
		}
		// Text k is held by synth:k, synth:1000+k and synth:2000+k: the
		// least of them as a string owns it.
		k := i % 1000
		want := min(fmt.Sprintf("synth:%d", k), fmt.Sprintf("synth:%d", 1000+k), fmt.Sprintf("synth:%d", 2000+k))
		if o, ok := ix.owner(digestOf(fp(fmt.Sprint("text", 1, k)))); !ok || o != want {
			t.Fatalf("owner of text %d = %q, %v; want %s", k, o, ok, want)
		}
	}
	n := 0
	ix.each(func(id string, s storedArticle) {
		if want := []string{"b", "a", "c"}; n < 3 && id != want[n] || n >= 3 && id != fmt.Sprintf("synth:%d", n-3) {
			t.Fatalf("each: article %d is %q", n, id)
		}
		n++
	})
	if n != 3003 {
		t.Errorf("each visited %d articles, want 3003", n)
	}
	ix.inputs = false
	if _, ok := ix.input("a"); ok {
		t.Error("input(a) found in a store that records no inputs")
	}
}

// TestArticleIndexLoad: an index loaded a batch at a time (load, as
// storedArticles does) answers as one built an article at a time (add),
// for every budget, several batches and a hash shared by every ID; an ID
// listed twice is an error naming it.
func TestArticleIndexLoad(t *testing.T) {
	defer func(n int) { loadBatch = n }(loadBatch)
	loadBatch = 700 // several batches, each growing the tables
	fp := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	type article struct{ id, hash, input, text string }
	r := rand.New(rand.NewPCG(5, 6))
	var articles []article
	for _, i := range r.Perm(4000) { // IDs in no order, as a store may list them
		a := article{id: fmt.Sprintf("a:%d", i), hash: fp(fmt.Sprint("h", i)), input: fmt.Sprintf("/in%d.jsonl", i%3)}
		switch i % 5 {
		case 0: // no text
		case 1:
			a.text = fp(fmt.Sprint("shared", i%300)) // a text some articles share
		default:
			a.text = fp(fmt.Sprint("text", i))
		}
		articles = append(articles, a)
	}
	for _, sp := range spills {
		for _, tc := range []struct {
			name string
			n    int
			hash func(string) uint64
		}{
			{"maphash", 4000, nil},
			{"one hash for all", 600, func(string) uint64 { return 7 }},
		} {
			t.Run(sp.name+"/"+tc.name, func(t *testing.T) {
				list := articles[:tc.n]
				s := newSpill(t.TempDir(), sp.budget)
				defer s.close()
				build := func(load bool) *articleIndex {
					ix := newArticleIndex(new(names), s)
					ix.inputs = true
					if tc.hash != nil {
						ix.ids.hash = tc.hash
					}
					if !load {
						for _, a := range list {
							ix.add(a.id, a.hash, a.input, a.text)
						}
						return ix
					}
					err := ix.load(func(visit func(id, hash, input, text string)) error {
						for _, a := range list {
							visit(a.id, a.hash, a.input, a.text)
						}
						return nil
					})
					if err != nil {
						t.Fatal(err)
					}
					return ix
				}
				one, batched := build(false), build(true)
				for _, a := range list {
					x, xok := one.stored(a.id)
					y, yok := batched.stored(a.id)
					if !xok || !yok || x != y {
						t.Fatalf("stored(%s): %+v, %v loaded; %+v, %v added", a.id, y, yok, x, xok)
					}
					if a.text != "" {
						d := digestOf(a.text)
						xo, _ := one.owner(d)
						yo, ok := batched.owner(d)
						if !ok || xo != yo {
							t.Fatalf("owner of %s's text: %q loaded, %q added", a.id, yo, xo)
						}
					}
				}
				for _, id := range []string{"a:4000", "b:1", ""} {
					if batched.has(id) {
						t.Errorf("has(%q): an ID not listed is found", id)
					}
				}
				var xs, ys []string
				one.each(func(id string, _ storedArticle) { xs = append(xs, id) })
				batched.each(func(id string, _ storedArticle) { ys = append(ys, id) })
				if !slices.Equal(xs, ys) {
					t.Errorf("each: %d IDs loaded, %d added, or another order", len(ys), len(xs))
				}
				// A failing listing's error is the load's.
				ix := newArticleIndex(new(names), s)
				boom := errors.New("boom")
				if err := ix.load(func(visit func(id, hash, input, text string)) error { return boom }); !errors.Is(err, boom) {
					t.Errorf("load of a failing listing: %v", err)
				}
				// An ID listed twice.
				ix = newArticleIndex(new(names), s)
				err := ix.load(func(visit func(id, hash, input, text string)) error {
					for _, a := range list[:50] {
						visit(a.id, a.hash, a.input, a.text)
					}
					visit(list[7].id, list[7].hash, "", "")
					return nil
				})
				if err == nil || !strings.Contains(err.Error(), strconv.Quote(list[7].id)) {
					t.Errorf("load listing %s twice: %v", list[7].id, err)
				}
				if s.err != nil {
					t.Fatal(s.err)
				}
			})
		}
	}
}

// TestIDTable: numbers in the order added, the same number for an ID added
// again, and every ID found whatever its hash shares: with a hash that
// gives every ID the same value, and with the real one.
func TestIDTable(t *testing.T) {
	for _, sp := range spills {
		for _, tc := range []struct {
			name string
			hash func(string) uint64
		}{
			{"one hash for all", func(string) uint64 { return 7 }},
			{"maphash", nil},
		} {
			t.Run(sp.name+"/"+tc.name, func(t *testing.T) {
				s := newSpill(t.TempDir(), sp.budget)
				defer s.close()
				tab := newIDTable(s)
				if tc.hash != nil {
					tab.hash = tc.hash
				}
				testIDTable(t, &tab)
				if s.err != nil {
					t.Fatal(s.err)
				}
			})
		}
	}
}

func testIDTable(t *testing.T, tab *idTable) {
	{
		tc := struct{ name string }{t.Name()}
		ids := []string{"a", "b", "", "مقال-١", "a-much-longer-id/with/slashes?and=query", "b2"}
		for i := 0; i < 2000; i++ {
			ids = append(ids, fmt.Sprintf("synth:%d", i*7919))
		}
		for i, id := range ids {
			n, fresh := tab.add(id)
			if !fresh || n != uint32(i) {
				t.Fatalf("%s: add(%q) = %d, %v; want %d, new", tc.name, id, n, fresh, i)
			}
		}
		for i, id := range ids {
			if n, ok := tab.find(id); !ok || n != uint32(i) || tab.id(n) != id {
				t.Fatalf("%s: find(%q) = %d, %v (id %q); want %d", tc.name, id, n, ok, tab.id(n), i)
			}
			if n, fresh := tab.add(id); fresh || n != uint32(i) {
				t.Fatalf("%s: add(%q) again = %d, %v; want %d, not new", tc.name, id, n, fresh, i)
			}
		}
		for _, id := range []string{"c", "synth:1", "a "} {
			if n, ok := tab.find(id); ok {
				t.Errorf("%s: find(%q) = %d, an ID never added", tc.name, id, n)
			}
		}
	}
}

// TestReadIndex: an ID numbered for another table (a text's owner) is not
// kept until set, and set keeps what it is given under that number.
func TestReadIndex(t *testing.T) {
	s := newSpill(t.TempDir(), 0)
	defer s.close()
	r := newReadIndex(s)
	n := r.number("owner")
	if r.has("owner") || r.id(n) != "owner" || !r.is(n, "owner") || r.is(n, "other") {
		t.Fatalf("numbered owner: has %v, id %q", r.has("owner"), r.id(n))
	}
	a := readArticle{hash: digestOf("h"), input: 3, first: place{file: 2, n: 7, sep: 2}}
	r.set("owner", a)
	got, ok := r.get("owner")
	if !ok || got.hash != a.hash || got.input != 3 || got.first != a.first || r.number("owner") != n {
		t.Errorf("get(owner) = %+v, %v; want %+v under number %d", got, ok, a, n)
	}
	if _, ok := r.get("never"); ok || r.has("never") {
		t.Error("an ID never numbered is kept")
	}
}
