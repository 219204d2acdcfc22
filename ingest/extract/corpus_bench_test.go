package extract

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// benchCorpora are the corpora of ../shared/corpora the corpus benchmarks
// read, with the read options ingest needs for each (--encoding,
// --date-order, --map).
var benchCorpora = []struct {
	name, file string
	opts       read.ReadOptions
}{
	{"ar-news-2022", "ar-news-2022/articles.jsonl", read.ReadOptions{}},
	{"en-fakes-syria", "en-fakes-syria/fakes.csv", read.ReadOptions{Encoding: "windows-1252", DateOrder: read.OrderMDY,
		Fields: map[string]string{"id": "unit_id"}}},
}

// corpusArticles reads the named corpus of benchCorpora into memory, and
// the bytes of its text (Text: title and body), skipping when it is absent
// (unless CI=true).
func corpusArticles(tb testing.TB, name string) ([]read.Article, int64) {
	tb.Helper()
	for _, c := range benchCorpora {
		if c.name != name {
			continue
		}
		path := sharedCorpus(tb, c.file)
		var arts []read.Article
		var size int64
		err := read.Read(context.Background(), []string{path}, c.opts, func(a read.Article) error {
			arts = append(arts, a)
			size += int64(len(Text(&a)))
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
		if len(arts) == 0 {
			tb.Fatalf("%s: no articles", path)
		}
		return arts, size
	}
	tb.Fatalf("no corpus %q", name)
	return nil, 0
}

var writeTexts = flag.String("write-texts", "", "write the text of each article of the corpus benchmarks' corpora to `DIR`/<corpus>.jsonl and exit the test")

// TestWriteTexts writes, when -write-texts is given, the text extraction
// reads of every article (Text: the title, a line break and the body) of
// each corpus of benchCorpora that is present, one JSON object
// {"id": ..., "text": ...} a line, in corpus order:
//
//	go test ./ingest/extract -run '^TestWriteTexts$' -args -write-texts /tmp/texts
//
// ingest/extract/compare_spacy.py gives spaCy these texts, so that both
// sides read the same bytes.
func TestWriteTexts(t *testing.T) {
	if *writeTexts == "" {
		t.Skip("no -write-texts")
	}
	for _, c := range benchCorpora {
		t.Run(c.name, func(t *testing.T) {
			arts, _ := corpusArticles(t, c.name)
			f, err := os.Create(filepath.Join(*writeTexts, c.name+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			enc := json.NewEncoder(f)
			enc.SetEscapeHTML(false)
			for i := range arts {
				if err := enc.Encode(struct {
					ID   string `json:"id"`
					Text string `json:"text"`
				}{arts[i].ID, Text(&arts[i])}); err != nil {
					f.Close()
					t.Fatal(err)
				}
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// BenchmarkExtractCorpus measures extraction over the whole of
// ../shared/corpora/ar-news-2022 held in memory, on one goroutine, in MB/s
// of article text (Text: title and body), in parts: finding mentions (with
// the tagger, and without it: lexicon only, as a baseline measured in the
// same run), reading relations from them (the tokens, sentences and
// mentions prepared beforehand), and the whole of Extract. Relation
// reading should cost no more than the mentions it starts from. Each part
// also reports cpu-MB/s, text per CPU second of the process (GC included),
// the figure to compare on a machine other jobs load, and cpu-ns/op.
// Reading the corpus, building the lexicon's matcher and the models'
// tables (on first use) are not timed: both extractors first find the
// mentions of the first 50 articles.
func BenchmarkExtractCorpus(b *testing.B) {
	benchExtractParts(b, "ar-news-2022")
}

// BenchmarkExtractEnglishCorpus is BenchmarkExtractCorpus over the 804
// English articles of ../shared/corpora/en-fakes-syria (fakes.csv, read as
// `newsgraph ingest --encoding windows-1252 --date-order mdy --map
// id=unit_id` reads it): the text compare_spacy.py gives spaCy.
func BenchmarkExtractEnglishCorpus(b *testing.B) {
	benchExtractParts(b, "en-fakes-syria")
}

func benchExtractParts(b *testing.B, corpus string) {
	arts, size := corpusArticles(b, corpus)
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	x := NewExtractor(lex)
	lexOnly := NewExtractorWith(lex, Options{NoTagger: true})
	for j := range arts[:min(len(arts), 50)] { // the lexicon's matcher and the models' tables, built on first use
		x.Mentions(&arts[j])
		lexOnly.Mentions(&arts[j])
	}
	timed := func(b *testing.B, f func()) {
		b.SetBytes(size)
		b.ResetTimer()
		began := cpuTime()
		for i := 0; i < b.N; i++ {
			f()
		}
		if cpu := cpuTime() - began; cpu > 0 {
			b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
		b.ReportMetric(float64(len(arts)), "articles")
	}
	for _, v := range []struct {
		name string
		x    *Extractor
	}{{"mentions", x}, {"mentions-lexicon-only", lexOnly}} {
		b.Run(v.name, func(b *testing.B) {
			timed(b, func() {
				for j := range arts {
					v.x.Mentions(&arts[j])
				}
			})
		})
	}
	b.Run("relations", func(b *testing.B) {
		type prepared struct {
			text      string
			toks      []norm.Token
			sentences []norm.Span
			mentions  []Mention
		}
		in := make([]prepared, len(arts))
		for j := range arts {
			text := Text(&arts[j])
			toks, sentences := norm.Tokens(text), norm.Sentences(text)
			ms, _ := x.mentions(&arts[j], text, toks, sentences)
			in[j] = prepared{text, toks, sentences, ms}
		}
		timed(b, func() {
			for _, p := range in {
				relations(p.text, p.toks, p.sentences, p.mentions, lex)
			}
		})
	})
	for _, v := range []struct {
		name string
		x    *Extractor
	}{{"extract", x}, {"extract-lexicon-only", lexOnly}} {
		b.Run(v.name, func(b *testing.B) {
			mentions := 0
			timed(b, func() {
				mentions = 0
				for j := range arts {
					mentions += len(v.x.Extract(&arts[j]).Mentions)
				}
			})
			b.ReportMetric(float64(mentions), "entities-found")
		})
	}
}
