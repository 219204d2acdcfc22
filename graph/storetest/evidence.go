package storetest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// testEvidenceOrder: Evidence gives the first limit articles naming both
// entities in one order, newest first, ties by article ID, undated last,
// whichever way the store finds them. The stores have two: joining the
// two entities' mentions, and walking the articles newest first until
// limit of them name both (SQLite's and Neo4j's newestFirst), taken when
// the pair goes together often; Neo4j's walk reads a bounded number of
// dated articles and joins after all when fewer than limit of those name
// both. Here Kadhimi and Biden share 60 of 70 articles, so the walk is
// taken for small limits (their estimate, 4 × limit × 70 / 60, is under
// the 130 mentions of either for limit ≤ 27) and the join for larger
// ones; 12 shared articles are undated and six dates repeat, so ties are
// tried, and so is the step past a walk that finds too few: under the
// filters, and at limit 20 and the sentence level in English (16 dated
// articles and 4 undated qualify). At the article and sentence levels,
// under filters, with the pair given either way round. The want is
// computed here from the documents.
func testEvidenceOrder(t *testing.T, o Opener) {
	s := open(t, o)
	dates := []string{"2021-01-05", "2021-03-01", "2021-07-11", "2021-07-12", "2022-02-01", "2022-03-01"}
	var docs []graph.Document
	for i := range 70 {
		id := fmt.Sprintf("e%02d", (i*37)%70) // IDs out of date order
		published := dates[i%len(dates)]
		if i%5 == 4 {
			published = ""
		}
		lang := []string{"ar", "en"}[i%2]
		var d graph.Document
		switch {
		case i >= 60: // Kadhimi and Raisi only
			d = doc(id, published, lang, "src", kadhimi, raisi)
		case i%3 == 1: // both, in different sentences
			d = docWith(id, published, lang, "src", []graph.Entity{kadhimi, biden},
				mention(kadhimi.ID, "lexicon:Kadhimi@0"), mention(biden.ID, "lexicon:Biden@1"))
		default:
			d = doc(id, published, lang, "src", kadhimi, biden)
		}
		docs = append(docs, d)
	}
	apply(t, s, docs...)

	since := day("2021-07-11")
	for _, f := range []graph.Filter{
		{},
		{Edges: graph.SentenceEdges},
		{Langs: []string{"en"}},
		{Since: since},
		{Edges: graph.SentenceEdges, Langs: []string{"en"}},
	} {
		// The want: documents naming both that pass f, in evidence order.
		var want []graph.Document
		for _, d := range docs {
			ids := map[string][]int{}
			for _, m := range d.Mentions {
				ids[m.EntityID] = m.Sentences
			}
			sa, okA := ids[kadhimi.ID]
			sb, okB := ids[biden.ID]
			switch {
			case !okA || !okB:
			case f.Level() == graph.SentenceEdges && !slices.ContainsFunc(sa, func(i int) bool { return slices.Contains(sb, i) }):
			case len(f.Langs) > 0 && !slices.Contains(f.Langs, d.Article.Lang):
			case !f.Since.IsZero() && (d.Article.Published.IsZero() || d.Article.Published.Before(f.Since)):
			default:
				want = append(want, d)
			}
		}
		slices.SortFunc(want, func(x, y graph.Document) int {
			px, py := x.Article.Published, y.Article.Published
			switch {
			case px.IsZero() != py.IsZero():
				if px.IsZero() {
					return 1
				}
				return -1
			case !px.Equal(py):
				return py.Compare(px)
			}
			return strings.Compare(x.Article.ID, y.Article.ID)
		})
		for _, limit := range []int{1, 2, 5, 20, 45, 100} {
			var w []string
			for _, d := range want[:min(limit, len(want))] {
				w = append(w, d.Article.ID)
			}
			for _, pair := range [][2]string{{kadhimi.ID, biden.ID}, {biden.ID, kadhimi.ID}} {
				ev, err := s.Evidence(context.Background(), pair[0], pair[1], f, limit)
				if err != nil {
					t.Fatalf("%+v, limit %d: %v", f, limit, err)
				}
				var got []string
				for _, e := range ev {
					got = append(got, e.ArticleID)
				}
				if !slices.Equal(got, w) {
					t.Errorf("Evidence(%s, %s, %+v, %d)\n got %v\nwant %v", pair[0], pair[1], f, limit, got, w)
				}
			}
		}
	}
}
