package main

import (
	"reflect"
	"testing"
)

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"top", "top", 0},
		{"tpo", "top", 1},     // one swap of neighbours
		{"qurey", "query", 1}, // one swap
		{"centraliti", "centrality", 1},
		{"kitten", "sitting", 3},  // the textbook Levenshtein example
		{"ca", "abc", 3},          // optimal string alignment: no edit of a swapped pair
		{"الكاظمى", "الكاظمي", 1}, // runes, not bytes
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := editDistance(tc.b, tc.a); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d (symmetric)", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	commands := []string{"ingest", "schedule", "runs", "query", "stats", "export", "eval", "completion"}
	for _, tc := range []struct {
		word       string
		candidates []string
		want       []string
	}{
		{"qurey", commands, []string{"query"}},
		{"stat", commands, []string{"stats"}},      // one insertion
		{"comp", commands, []string{"completion"}}, // a prefix
		{"xyzzy", commands, nil},                   // nothing close
		{"x", []string{"n", "m", "f"}, nil},        // one letter is close to every letter
		{"grpah.db", []string{"graph.db", "other.db"}, []string{"graph.db"}},
		{"sats", []string{"stats", "runs", "sets"}, []string{"stats", "sets"}},
	} {
		if got := closest(tc.word, tc.candidates); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("closest(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}
