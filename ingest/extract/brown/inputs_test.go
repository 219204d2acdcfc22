package brown

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// sentences returns the counter's stream as sentences of words.
func sentences(c *Counter) [][]string {
	var out [][]string
	var cur []string
	for _, id := range c.stream {
		if id < 0 {
			out = append(out, cur)
			cur = nil
			continue
		}
		cur = append(cur, c.words[id])
	}
	return out
}

func TestInputs(t *testing.T) {
	tests := []struct {
		name string
		add  func(*Counter) error
		want [][]string
	}{
		{"jsonl", func(c *Counter) error {
			return c.AddJSONL(strings.NewReader(`{"title":"Al-Kadhimi visits","body":"He met them. Then left!","id":"x"}` + "\n\n" +
				`{"text":"الكاظمى فى بغداد"}` + "\n"))
		}, [][]string{{"al", "kadhimi", "visits"}, {"he", "met", "them"}, {"then", "left"}, {"الكاظمي", "في", "بغداد"}}},
		{"conll", func(c *Counter) error {
			return c.AddCoNLL(strings.NewReader("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nU.S. NNP I-NP B-LOC\n\nPeter NNP B-NP B-PER\n"))
		}, [][]string{{"eu", "rejects", "u", "s"}, {"peter"}}},
		{"conll without blank lines", func(c *Counter) error {
			return c.AddCoNLL(strings.NewReader("فرانكفورت B-LOC\nأعلن O\n. O\nألمانيا B-LOC\n"))
		}, [][]string{{"فرانكفورت", "اعلن"}, {"المانيا"}}},
		{"csv cp1252", func(c *Counter) error {
			// \x93 \x94 are Windows-1252 quotes; \xe9 is é in Latin-1.
			return c.AddCSV(strings.NewReader("unit_id,article_title,article_content\n1,Caf\xe9 bombed,\x93Many\x94 died\n"), nil)
		}, [][]string{{"café", "bombed"}, {"many", "died"}}},
		{"plain", func(c *Counter) error {
			return c.AddPlain(strings.NewReader("One two.\nThree"))
		}, [][]string{{"one", "two"}, {"three"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCounter()
			if err := tt.add(c); err != nil {
				t.Fatal(err)
			}
			if got := sentences(c); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sentences %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInputErrors(t *testing.T) {
	c := NewCounter()
	if err := c.AddJSONL(strings.NewReader("{\"title\":\"a\"}\nnot json\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad jsonl: %v", err)
	}
	if err := c.AddCSV(strings.NewReader("a,b\n1,2\n"), nil); err == nil {
		t.Error("csv without text columns: no error")
	}
}

// TestVocabularyCut checks that words under MinCount are not clustered
// and break bigrams as a sentence end does.
func TestVocabularyCut(t *testing.T) {
	c := NewCounter()
	c.AddWords([]string{"a", "rare", "b"})
	c.AddWords([]string{"a", "b"})
	v := c.vocabulary(2)
	if !reflect.DeepEqual(v.words, []string{"a", "b"}) || v.tokens != 4 {
		t.Fatalf("vocabulary %q, %d tokens", v.words, v.tokens)
	}
	// Only the second sentence's a→b is a bigram.
	if !reflect.DeepEqual(v.right[0], []neighbour{{1, 1}}) || len(v.right[1]) != 0 {
		t.Errorf("right neighbours %v", v.right)
	}
	paths, err := Cluster(context.Background(), c, Options{Clusters: 5, MinCount: 2})
	if err != nil || len(paths) != 2 {
		t.Fatalf("Cluster: %v, %v", paths, err)
	}
}

// BenchmarkCluster times a run of 64 clusters over a fixed-seed
// Zipf-distributed corpus of 200,000 tokens; making the corpus is not timed.
func BenchmarkCluster(b *testing.B) {
	c := zipfCorpus(200000, 11)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Cluster(context.Background(), c, Options{Clusters: 64, MinCount: 2}); err != nil {
			b.Fatal(err)
		}
	}
}
