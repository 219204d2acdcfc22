package main

import (
	"errors"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestPreferred covers the names that found several entities on the FA-KES
// store (a new user's report): the tagger's organization:bashar-al-assad
// beside the lexicon's bashar-al-assad made every query on Assad ambiguous,
// even by exact ID.
func TestPreferred(t *testing.T) {
	assad := graph.Entity{ID: "bashar-al-assad", Type: graph.Person, Name: "Bashar al-Assad"}
	assadOrg := graph.Entity{ID: "organization:bashar-al-assad", Type: graph.Organization, Name: "Bashar al-Assad"}
	hamas := graph.Entity{ID: "organization:حماس", Type: graph.Organization, NameAr: "حماس"}
	hamasLex := graph.Entity{ID: "hamas", Type: graph.Organization, Name: "Hamas", NameAr: "حماس"}
	isLoc := graph.Entity{ID: "location:islamic-state", Type: graph.Location, Name: "Islamic State"}
	isPer := graph.Entity{ID: "person:islamic-state", Type: graph.Person, Name: "Islamic State"}
	georgia := graph.Entity{ID: "georgia", Type: graph.Location, Name: "Georgia"}
	georgiaUS := graph.Entity{ID: "georgia-us-state", Type: graph.Location, Name: "Georgia"}
	for _, c := range []struct {
		name string
		ents []graph.Entity
		want string // "" = still ambiguous
	}{
		{"Bashar al-Assad", []graph.Entity{assadOrg, assad}, "bashar-al-assad"},
		{"organization:bashar-al-assad", []graph.Entity{assad, assadOrg}, "organization:bashar-al-assad"},
		{"bashar-al-assad", []graph.Entity{assadOrg, assad}, "bashar-al-assad"},
		{"حماس", []graph.Entity{hamas, hamasLex}, "hamas"},
		{"Hamas", []graph.Entity{hamasLex}, "hamas"},
		// Made entities alone: nothing says which the user means.
		{"Islamic State", []graph.Entity{isLoc, isPer}, ""},
		// Two lexicon entities: a real ambiguity the user must settle.
		{"Georgia", []graph.Entity{georgia, georgiaUS}, ""},
		{"Georgia", []graph.Entity{georgia, georgiaUS, isLoc}, ""},
		{"nobody", nil, ""},
	} {
		got, ok := preferred(c.name, c.ents)
		if ok != (c.want != "") || got.ID != c.want {
			t.Errorf("preferred(%q, %d entities) = %q, %v; want %q", c.name, len(c.ents), got.ID, ok, c.want)
		}
	}
}

// TestPrintableErrorLines: the ambiguity message keeps its line breaks on
// stderr, while what it quotes stays escaped, and any other error is
// escaped whole.
func TestPrintableErrorLines(t *testing.T) {
	m := &msgError{msg: "\"x\" is ambiguous; use one of these IDs instead:\n  A \\x1b[31m [person, id a]\n  B [person, id b]", err: graph.ErrAmbiguous, lines: true}
	if got, want := printableError(m), m.msg; got != want {
		t.Errorf("multi-line message:\n got %q\nwant %q", got, want)
	}
	if got := printableError(fmt.Errorf("query: %w", m)); got != `query: "x" is ambiguous; use one of these IDs instead:\n  A \x1b[31m [person, id a]\n  B [person, id b]` {
		t.Errorf("wrapped message kept raw line breaks: %q", got)
	}
	if got := printableError(errors.New("title\x1b]0;owned\x07")); got != `title\x1b]0;owned\x07` {
		t.Errorf("plain error not escaped: %q", got)
	}
}
