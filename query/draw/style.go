package draw

import (
	"fmt"
	"math"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/newsgraph/newsgraph/graph"
)

// typeColour is the fill of an entity of each type (Tableau 10 colours,
// which read apart for most kinds of colour blindness); other types are
// grey.
var typeColour = map[graph.EntityType]string{
	graph.Person:       "#4e79a7",
	graph.Organization: "#f28e2b",
	graph.Location:     "#59a14f",
}

const otherColour = "#9c9c9c"

// colour is the fill of entities of type t.
func colour(t graph.EntityType) string {
	if c, ok := typeColour[t]; ok {
		return c
	}
	return otherColour
}

// legendTypes are the types a legend lists, in order.
var legendTypes = []graph.EntityType{graph.Person, graph.Organization, graph.Location}

// seriesColours are the lines of a timeline, in order (Tableau 10).
var seriesColours = []string{"#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#bab0ac"}

// fontFamily is the SVG font stack: fonts with Arabic glyphs first.
const fontFamily = "'Noto Sans', 'Noto Naskh Arabic', 'DejaVu Sans', Arial, sans-serif"

// radius is the radius in px of a node naming articles of at most max
// articles: the area grows with the count, from 6 to 28 px.
func radius(articles, max int) float64 {
	const lo, hi = 6.0, 28.0
	if max <= 0 || articles <= 0 {
		return lo
	}
	return lo + (hi-lo)*math.Sqrt(float64(articles)/float64(max))
}

// strokeWidth is the width in px of an edge of weight w when the heaviest
// is max: 1 to 8 px, linear in the weight.
func strokeWidth(w, max int) float64 {
	if max <= 1 {
		return 1.5
	}
	return 1 + 7*float64(w-1)/float64(max-1)
}

// textWidth estimates the width in px of s at size px: 0.6 em per grapheme
// cluster, wide (East Asian) ones counting two.
func textWidth(s string, size float64) float64 {
	return 0.6 * size * float64(uniseg.StringWidth(s))
}

// num writes a coordinate to 0.1 px, without a trailing ".0".
func num(x float64) string {
	s := fmt.Sprintf("%.1f", x)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// names are the labels of e: its English and Arabic names, either of them
// "" when unknown; one name alone is given as the English label when it is
// not Arabic.
func names(e graph.Entity) (en, ar string) {
	en, ar = oneLine(e.Name), oneLine(e.NameAr)
	if en == ar {
		ar = ""
	}
	return en, ar
}

// oneLine folds line breaks and tabs to spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// displayName is the English name, else the Arabic one, else the ID.
func displayName(e graph.Entity) string {
	switch {
	case e.Name != "":
		return oneLine(e.Name)
	case e.NameAr != "":
		return oneLine(e.NameAr)
	}
	return e.ID
}
