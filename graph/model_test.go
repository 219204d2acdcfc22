package graph

import (
	"strings"
	"testing"
	"time"
)

func TestValidateSentenceTexts(t *testing.T) {
	base := func(sentences ...SentenceText) Document {
		return Document{Article: Article{ID: "a1"}, Sentences: sentences}
	}
	for _, tc := range []struct {
		name string
		d    Document
		ok   bool
	}{
		{"none", base(), true},
		{"ascending", base(SentenceText{0, "Kadhimi met Biden."}, SentenceText{3, "x"}), true},
		{"longest allowed", base(SentenceText{1, strings.Repeat("x", MaxSentenceText)}), true},
		{"too long", base(SentenceText{1, strings.Repeat("x", MaxSentenceText+1)}), false},
		{"repeated index", base(SentenceText{1, "a"}, SentenceText{1, "b"}), false},
		{"descending", base(SentenceText{2, "a"}, SentenceText{1, "b"}), false},
		{"negative index", base(SentenceText{-1, "a"}), false},
	} {
		if err := tc.d.Validate(); (err == nil) != tc.ok {
			t.Errorf("%s: Validate() = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

func TestValidateMentions(t *testing.T) {
	doc := func(mentions ...Mention) Document {
		return Document{Article: Article{ID: "a1"},
			Entities: []Entity{{ID: "kadhimi", Type: Person}, {ID: "biden", Type: Person}},
			Mentions: mentions}
	}
	for _, tc := range []struct {
		name string
		d    Document
		ok   bool
	}{
		{"one each", doc(Mention{EntityID: "kadhimi", Count: 1}, Mention{EntityID: "biden", Count: 2}), true},
		{"entity not carried", doc(Mention{EntityID: "raisi", Count: 1}), false},
		{"same entity twice", doc(Mention{EntityID: "kadhimi", Count: 1}, Mention{EntityID: "biden", Count: 1}, Mention{EntityID: "kadhimi", Count: 1}), false},
		{"spans disagree with count", doc(Mention{EntityID: "kadhimi", Count: 2, Spans: []Span{{Start: 0, End: 3}}}), false},
	} {
		if err := tc.d.Validate(); (err == nil) != tc.ok {
			t.Errorf("%s: Validate() = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

// A date the stores cannot render as RFC 3339 text (a year past 9999 or
// before 0) is refused with the document, not met halfway through a write.
func TestValidatePublished(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    time.Time
		ok   bool
	}{
		{"undated", time.Time{}, true},
		{"news", time.Date(2022, 4, 24, 13, 37, 41, 0, time.UTC), true},
		{"year 0", time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"year 9999", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), true},
		{"year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"year 10000 in UTC, 9999 where written", time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("", -3*3600)), false},
		{"year -5", time.Date(-5, 3, 4, 0, 0, 0, 0, time.UTC), false},
	} {
		d := Document{Article: Article{ID: "a1", Published: tc.t}}
		if err := d.Validate(); (err == nil) != tc.ok {
			t.Errorf("%s: Validate() = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}
