package graph

import (
	"strings"
	"testing"
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
