package tagger_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/graph/norm"

	"github.com/newsgraph/newsgraph/ingest/extract/tagger"
	"github.com/newsgraph/newsgraph/ingest/nereval"
)

// shared is the shared data folder beside the repository.
const shared = "../../../../shared/gold/"

// devSentences returns the development sentences of a language: ANERcorp's
// fixed split (nereval.DevSplit of the file cut with DefaultDocSentences)
// for ar, CoNLL-2003 valid.txt for en. It skips the test when the shared
// data is absent, and fails it then under CI=true.
func devSentences(tb testing.TB, lang string) []nereval.Sentence {
	tb.Helper()
	path := shared + "anercorp-dev/anercorp-dev.txt"
	if lang == "en" {
		path = shared + "conll2003-en/valid.txt"
	}
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("CI=true but the shared gold is missing: %v", err)
		}
		tb.Skipf("shared gold not found (%v); it lives beside the repository in ../shared", err)
	}
	defer f.Close()
	docs, err := nereval.ReadCoNLL(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	if lang == "ar" {
		_, docs = nereval.DevSplit(docs)
	}
	var out []nereval.Sentence
	for _, d := range docs {
		out = append(out, d.Sentences...)
	}
	return out
}

// TestQualityFloor keeps the embedded models' development F1 (exact-span,
// micro over PER, ORG, LOC and MISC, as conlleval; and over the first three)
// from falling. The floors are the figures measured when the models were
// trained (see model/PROVENANCE.md), less 0.005:
//
//	newsgraph train ner --lang ar --gold ../shared/gold/anercorp-dev/anercorp-dev.txt \
//	    --gazetteers ../shared/gold/anercorp-dev/gazetteers --clusters ar.paths \
//	    --epochs 15 --ensemble 3 --out ingest/extract/tagger/model/ar.model.gz
//	→ dev split F1 0.7861, PER ORG LOC 0.8073
//	newsgraph train ner --lang en --gold ../shared/gold/conll2003-en/train.txt \
//	    --dev ../shared/gold/conll2003-en/valid.txt --clusters en.paths \
//	    --epochs 15 --ensemble 3 --out ingest/extract/tagger/model/en.model.gz
//	→ valid F1 0.9152, PER ORG LOC 0.9215
func TestQualityFloor(t *testing.T) {
	for _, tc := range []struct {
		lang       string
		floor      float64 // four types
		floorThree float64 // PER, ORG, LOC
		wantGold   int     // entities in the development data, all four types
	}{
		{"ar", 0.7861 - 0.005, 0.8073 - 0.005, 788},
		{"en", 0.9152 - 0.005, 0.9215 - 0.005, 5942},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			sents := devSentences(t, tc.lang)
			m, err := tagger.Default(tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			gold := make([][]nereval.Span, len(sents))
			pred := make([][]nereval.Span, len(sents))
			for i, s := range sents {
				gold[i] = nereval.Spans(s.Tags)
				pred[i] = nereval.Spans(m.Tag(s.Tokens))
			}
			four := nereval.Score(gold, pred, []string{nereval.PER, nereval.ORG, nereval.LOC, nereval.MISC})
			three := nereval.Score(gold, pred, nil)
			if four.Micro.Gold != tc.wantGold {
				t.Errorf("%d gold entities, want %d: the development data changed", four.Micro.Gold, tc.wantGold)
			}
			if f := four.Micro.F1(); f < tc.floor {
				t.Errorf("F1 %.4f, below the floor %.4f", f, tc.floor)
			}
			if f := three.Micro.F1(); f < tc.floorThree {
				t.Errorf("F1 over PER, ORG, LOC %.4f, below the floor %.4f", f, tc.floorThree)
			}
			t.Logf("F1 %.4f (P %.4f R %.4f); PER ORG LOC: %.4f", four.Micro.F1(), four.Micro.Precision(), four.Micro.Recall(), three.Micro.F1())
		})
	}
}

// BenchmarkTag tags the development sentences of each language, a
// sentence a call; MB/s counts the words' bytes and a space after each.
// One untimed pass first builds the model's tables (Model.prepare, on
// first use) and fills its word cache.
func BenchmarkTag(b *testing.B) {
	for _, lang := range []string{"ar", "en"} {
		b.Run(lang, func(b *testing.B) {
			sents := devSentences(b, lang)
			m, err := tagger.Default(lang)
			if err != nil {
				b.Fatal(err)
			}
			bytes, words := 0, 0
			for _, s := range sents {
				for _, w := range s.Tokens {
					bytes += len(w) + 1
				}
				words += len(s.Tokens)
			}
			for _, s := range sents {
				m.Tag(s.Tokens)
			}
			b.SetBytes(int64(bytes))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				for _, s := range sents {
					m.Tag(s.Tokens)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*words), "ns/token")
		})
	}
}

// BenchmarkTagCorpus tags ar-news-2022 (../shared/corpora), as the
// extractor reads it: each article's title and body cut into sentences
// (norm.Sentences) and words (norm.Tokens), a sentence a call. MB/s counts
// the article text; the cutting is done beforehand and not timed, and so
// is tagging the first 1,000 sentences once, which builds the model's
// tables (Model.prepare, on first use).
func BenchmarkTagCorpus(b *testing.B) {
	const path = "../../../../shared/corpora/ar-news-2022/articles.jsonl"
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			b.Fatalf("CI=true but the shared corpus is missing: %v", err)
		}
		b.Skipf("shared corpus not found (%v); it lives beside the repository in ../shared", err)
	}
	defer f.Close()
	var sents [][]string
	size, words := 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var a struct{ Title, Body string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		text := a.Title + "\n" + a.Body
		size += len(text)
		for _, sp := range norm.Sentences(text) {
			var ws []string
			for _, t := range norm.Tokens(text[sp.Start:sp.End]) {
				ws = append(ws, t.Text)
			}
			if len(ws) > 0 {
				sents = append(sents, ws)
				words += len(ws)
			}
		}
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	m, err := tagger.Default("ar")
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range sents[:min(len(sents), 1000)] {
		m.Tag(s)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			m.Tag(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*words), "ns/token")
}
