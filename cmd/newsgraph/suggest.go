package main

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// closest returns the candidates a mistyped word most likely meant: those
// it is a prefix of, or within editDistance max(1, runes/3) of it, the
// nearest first (ties in candidate order), at most three.
func closest(word string, candidates []string) []string {
	type scored struct {
		s string
		d int
	}
	if utf8.RuneCountInString(word) < 2 {
		return nil // one letter is one edit from every other
	}
	limit := max(1, utf8.RuneCountInString(word)/3)
	var found []scored
	seen := map[string]bool{}
	for _, c := range candidates {
		if seen[c] || c == "" {
			continue
		}
		seen[c] = true
		d := editDistance(strings.ToLower(word), strings.ToLower(c))
		if d > limit && !(len(word) >= 2 && strings.HasPrefix(c, word)) {
			continue
		}
		found = append(found, scored{c, d})
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].d < found[j].d })
	var out []string
	for i := 0; i < len(found) && i < 3; i++ {
		out = append(out, found[i].s)
	}
	return out
}

// editDistance is the optimal string alignment distance between a and b,
// in runes: the fewest insertions, deletions, substitutions and swaps of
// two neighbours that turn one into the other (Damerau 1964, without
// editing a substring twice), so "tpo" is one edit from "top".
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	// d[i][j] is the distance between x[:i] and y[:j].
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}
