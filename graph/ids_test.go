package graph_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

func TestCapID(t *testing.T) {
	long := "a.example.org/search?q=" + strings.Repeat("x", 10_000)
	for _, tc := range []struct {
		name, id string
		capped   bool
	}{
		{"short", "a.example.org/n/1", false},
		{"at the limit", strings.Repeat("x", graph.MaxIDBytes), false},
		{"one over", strings.Repeat("x", graph.MaxIDBytes+1), true},
		{"10 KB URL", long, true},
		{"Arabic, cut inside a letter", "x" + strings.Repeat("ب", 2_000), true},
		// An Arabic URL as a link gives it: the cut falls at each place
		// of a "%D8%A8" in turn.
		{"percent escapes", "a.org/" + strings.Repeat("%D8%A8", 100), true},
		{"percent escapes, 1 on", "a.org/x" + strings.Repeat("%D8%A8", 100), true},
		{"percent escapes, 2 on", "a.org/xy" + strings.Repeat("%D8%A8", 100), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := graph.CapID(tc.id)
			if !tc.capped {
				if got != tc.id {
					t.Errorf("CapID changed an ID of %d bytes to %q", len(tc.id), got)
				}
				return
			}
			if len(got) > graph.MaxIDBytes || !utf8.ValidString(got) {
				t.Errorf("CapID gave %d bytes, valid UTF-8 %v", len(got), utf8.ValidString(got))
			}
			i := strings.LastIndexByte(got, '~')
			if i < 0 || !strings.HasPrefix(tc.id, got[:i]) || len(got)-i-1 != 16 {
				t.Errorf("CapID = %q, want a prefix of the ID, ~ and 16 hex digits", got)
			}
			if j := strings.LastIndexByte(got[:i], '%'); j >= 0 && j > i-3 {
				t.Errorf("CapID cut inside a percent escape: %q", got[max(0, i-10):])
			}
			if again := graph.CapID(tc.id); again != got {
				t.Errorf("CapID is not stable: %q, then %q", got, again)
			}
			if other := graph.CapID(tc.id + "y"); other == got {
				t.Errorf("two IDs with the same prefix capped alike: %q", got)
			}
		})
	}
}

// TestCapIDsKeepsDocumentsValid caps a document whose undirected relation
// changes order by it: the relation is turned round, so that the document
// still validates.
func TestCapIDsKeepsDocumentsValid(t *testing.T) {
	// big < small, but capped big is a…a~hash > small.
	big := strings.Repeat("a", 600)
	small := strings.Repeat("a", 495) + "b"
	d := graph.Document{
		Article: graph.Article{ID: "https://x/" + strings.Repeat("q", 9_000)},
		Entities: []graph.Entity{
			{ID: big, Type: graph.Person, Parent: big},
			{ID: small, Type: graph.Person},
		},
		Mentions: []graph.Mention{{EntityID: big, Count: 1}, {EntityID: small, Count: 1}},
		Relations: []graph.Relation{{Type: graph.Meets, Subject: big, Object: small, Directed: false,
			SubjectSpan: graph.Offsets{Start: 1}, ObjectSpan: graph.Offsets{Start: 2}}},
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	d.CapIDs()
	if err := d.Validate(); err != nil {
		t.Errorf("capped document: %v", err)
	}
	capped := graph.CapID(big)
	r := d.Relations[0]
	if d.Entities[0].ID != capped || d.Entities[0].Parent != capped || d.Mentions[0].EntityID != capped ||
		r.Subject != small || r.Object != capped || r.SubjectSpan.Start != 2 || len(d.Article.ID) > graph.MaxIDBytes {
		t.Errorf("capped relation %.40s → %.40s (subject at %d), article ID of %d bytes; want %.40s → %.40s, at 2",
			r.Subject, r.Object, r.SubjectSpan.Start, len(d.Article.ID), small, capped)
	}
}

func TestMadeID(t *testing.T) {
	for _, c := range []struct {
		id   string
		want bool
	}{
		{"person:كريم-حداد", true},
		{"organization:bashar-al-assad", true},
		{"location:كابل", true},
		{"bashar-al-assad", false},
		{"up-b6d7c964c9", false},
		{"person:", false},
		{"event:x", false}, // not an entity type
		{"aljazeera.net:123", false},
	} {
		if got := graph.MadeID(c.id); got != c.want {
			t.Errorf("MadeID(%q) = %v, want %v", c.id, got, c.want)
		}
	}
}
