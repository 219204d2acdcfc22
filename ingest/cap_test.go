package ingest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// TestManyEntitiesCapped ingests a generated article naming 3,000 people
// (each "Minister <first name> <surname>" in a sentence of its own):
// without the cap its 4,498,500 co-mention pairs took the store tens of
// seconds to count; with MaxEntities 200 the article keeps 200 entities,
// 200·199/2 = 19,900 pairs, and is reported with a warning.
func TestManyEntitiesCapped(t *testing.T) {
	const people, max = 3000, 200
	rng := rand.New(rand.NewPCG(17, 1)) // fixed seed: the same surnames every run
	firsts := []string{"John", "Mary", "David", "Sarah", "Michael", "Anna", "Peter", "Laura", "James", "Emma"}
	var b strings.Builder
	b.WriteString("A meeting of many people\n2021-07-11\n")
	for i := range people {
		surname := make([]byte, 8)
		for k := range surname {
			surname[k] = byte('a' + rng.IntN(26))
		}
		surname[0] -= 'a' - 'A'
		fmt.Fprintf(&b, "Minister %s %s said the talks went well. ", firsts[i%len(firsts)], surname)
	}
	path := filepath.Join(t.TempDir(), "many.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	store := newStore(t)
	var warnings []string
	opts := ingest.Options{MaxEntities: max, Read: read.ReadOptions{Problem: func(p read.Problem) {
		if p.Warning {
			warnings = append(warnings, p.Reason)
		}
	}}}
	ctx := context.Background()
	st, err := ingest.Run(ctx, store, extractor(t), []string{path}, opts)
	if err != nil {
		t.Fatal(err)
	}
	size, err := store.Size(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.New != 1 || size.Entities != max || size.Edges != max*(max-1)/2 {
		t.Errorf("%d new, %d entities, %d edges; want 1, %d, %d", st.New, size.Entities, size.Edges, max, max*(max-1)/2)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "--max-entities") {
		t.Errorf("warnings %q, want one naming --max-entities", warnings)
	}
}
