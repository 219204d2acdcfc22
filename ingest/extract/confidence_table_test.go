package extract_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
	"github.com/newsgraph/newsgraph/ingest/read"
	"github.com/newsgraph/newsgraph/ingest/releval"
)

var update = flag.Bool("update", false, "rewrite confidence_table.go from the measurements on re3d dev and the Arabic and English verdicts")

// The measurements confidence_table.go is generated from: re3d dev (shared
// gold, beside the repository) and the hand-checked Arabic and English samples.
const (
	re3dDev    = "../../../shared/gold/re3d-dev"
	arVerdicts = "../releval/testdata/verdicts/ar-news-2022-verdicts.jsonl"
	// arHeldOut was checked once, as a held-out measure of the extractor
	// of commit 2603c91 (0.69); with that figure on record its verdicts
	// count toward the table like the development ones.
	arHeldOut = "../releval/testdata/verdicts/ar-news-2022-heldout-verdicts.jsonl"
	// arHeldOut2 was the second held-out measure (0.61 at a6d92e5).
	arHeldOut2 = "../releval/testdata/verdicts/ar-news-2022-heldout2-verdicts.jsonl"
	// arHeldOut3 was the third (0.69 at 48385df: 0.80 with both parties
	// known, 0.51 with a made one).
	arHeldOut3 = "../releval/testdata/verdicts/ar-news-2022-heldout3-verdicts.jsonl"
	// arHeldOut4 was the fourth, the 93 relations no earlier file named
	// (0.74 at 7197bb1: 0.80 with both parties known, 0.61 with a made one).
	arHeldOut4   = "../releval/testdata/verdicts/ar-news-2022-heldout4-verdicts.jsonl"
	tableFile    = "confidence_table.go"
	re3dSource   = "re3d-dev"
	arSource     = "ar-news-2022 verdicts"
	updateAdvice = "go test ./ingest/extract/ -run TestConfidenceTable -update"
)

// The corpora the Arabic verdicts were checked on, and the verdicts on the
// second: a sample of ar-newspapers-2012, held out once (0.45 at
// b20c4bd, 22 of its 55 errors a sports sense: يلتقي "plays against").
const (
	arCorpus       = "../../../shared/corpora/ar-news-2022/articles.jsonl"
	ar2012Corpus   = "../../../shared/corpora/ar-newspapers-2012/articles.jsonl"
	ar2012Verdicts = "../releval/testdata/verdicts/ar-newspapers-2012-verdicts.jsonl"
	// The second, held out once at 506de6b: 0.52.
	ar2012HeldOut2 = "../releval/testdata/verdicts/ar-newspapers-2012-heldout2-verdicts.jsonl"
	// The third, the 78 relations of version 21 neither earlier file
	// named, held out once at 91a1090: 0.63.
	ar2012HeldOut3 = "../releval/testdata/verdicts/ar-newspapers-2012-heldout3-verdicts.jsonl"
	ar2012Source   = "ar-newspapers-2012 verdicts"
	// ANERcorp's text (its development part, 2006–2007 newswire) read as
	// a corpus: all 84 typed relations of 0d9cd94, held out once: 0.65.
	anerCorpus   = "../../../shared/gold/anercorp-dev/anercorp-dev.txt"
	anerVerdicts = "../releval/testdata/verdicts/anercorp-heldout-verdicts.jsonl"
	anerSource   = "anercorp verdicts"
	// English news of the Syrian war (en-fakes-syria): a sample of 100 at
	// extractor version 50 (0.68), then the other 67 relations of
	// that version, held out once.
	enCorpus   = "../../../shared/corpora/en-fakes-syria/fakes.csv"
	enVerdicts = "../releval/testdata/verdicts/en-fakes-syria-verdicts.jsonl"
	enHeldOut  = "../releval/testdata/verdicts/en-fakes-syria-heldout-verdicts.jsonl"
	// The 26 relations of the corpus's 53 windows-1252 records, read
	// once eval relations took --encoding, held out once.
	enHeldOut2 = "../releval/testdata/verdicts/en-fakes-syria-heldout2-verdicts.jsonl"
	enEncoding = "windows-1252"
	enSource   = "en-fakes-syria verdicts"
)

// scoreVerdicts scores a hand-checked sample per pattern: every relation
// the extractor finds in the corpus's articles in lang now that a verdict
// of the files at paths names (releval.ScoreVerdicts; those without one
// are not counted).
func scoreVerdicts(corpus, lang string, paths ...string) ([]releval.PatternScore, error) {
	return scoreVerdictsWith(corpus, lang, read.ReadOptions{}, paths...)
}

// scoreVerdictsWith is scoreVerdicts reading the corpus with opts (an
// encoding).
func scoreVerdictsWith(corpus, lang string, opts read.ReadOptions, paths ...string) ([]releval.PatternScore, error) {
	verdicts, err := releval.ReadVerdictFiles(paths...)
	if err != nil {
		return nil, err
	}
	articles, _, err := releval.ReadCorpusWith(context.Background(), corpus, opts)
	if err != nil {
		return nil, err
	}
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	scores, _ := releval.ScoreVerdictsBy(releval.FindRelations(extract.NewExtractor(lex), articles, lang), verdicts,
		func(s releval.Sampled) string { return withParties(s.Relation) })
	return scores, nil
}

// TestConfidenceTable recomputes each pattern's precision on the
// development data and checks that confidence_table.go is what they
// generate; with -update it rewrites the file.
func TestConfidenceTable(t *testing.T) {
	if _, err := os.Stat(re3dDev); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but re3d dev is missing: %v", err)
		}
		t.Skipf("re3d dev not found (%v): it lives beside the repository in ../shared/gold/re3d-dev; the confidence table is not checked", err)
	}
	docs, err := releval.Read(re3dDev)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.NewExtractor(lex)
	preds := make([][]graph.Relation, len(docs))
	for i, d := range docs {
		preds[i] = releval.Predict(x, d)
		for j := range preds[i] {
			preds[i][j].Pattern = withParties(preds[i][j])
		}
	}
	sources := []measured{{re3dSource, releval.Patterns(releval.Score(docs, preds))}}
	switch _, err := os.Stat(arVerdicts); {
	case err == nil:
		ar, err := scoreVerdicts(arCorpus, "ar", arVerdicts, arHeldOut, arHeldOut2, arHeldOut3, arHeldOut4)
		if err != nil {
			t.Fatal(err)
		}
		ar2012, err := scoreVerdicts(ar2012Corpus, "ar", ar2012Verdicts, ar2012HeldOut2, ar2012HeldOut3)
		if err != nil {
			t.Fatal(err)
		}
		aner, err := scoreVerdicts(anerCorpus, "ar", anerVerdicts)
		if err != nil {
			t.Fatal(err)
		}
		en, err := scoreVerdictsWith(enCorpus, "en", read.ReadOptions{Encoding: enEncoding}, enVerdicts, enHeldOut, enHeldOut2)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, measured{arSource, ar}, measured{ar2012Source, ar2012}, measured{anerSource, aner}, measured{enSource, en})
	case !errors.Is(err, os.ErrNotExist):
		t.Fatal(err)
	default:
		t.Logf("%s not found: Arabic patterns are not measured", arVerdicts)
	}
	src, err := generateTable(sources)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(tableFile, src, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", tableFile)
		return
	}
	old, err := os.ReadFile(tableFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(old, src) {
		t.Fatalf("%s is stale: the patterns measure differently now; rerun\n\t%s\nand commit the new table. Generated:\n%s", tableFile, updateAdvice, src)
	}
	// The extractor reads the table the file holds.
	m := model(sources)
	for _, p := range m.patterns {
		known, made := m.confidence(p)
		if got := extract.Confidence(p.Pattern, false); got != round(known) {
			t.Errorf("Confidence(%q, known) = %v, want %v", p.Pattern, got, round(known))
		}
		if got := extract.Confidence(p.Pattern, true); got != round(made) {
			t.Errorf("Confidence(%q, made) = %v, want %v", p.Pattern, got, round(made))
		}
	}
}

// madeSuffix marks, in the pattern key the scores are grouped by, a
// relation one of whose parties has a made ID (graph.MadeID).
const madeSuffix = "|made"

// withParties is r's pattern, suffixed madeSuffix when a party's ID is made.
func withParties(r graph.Relation) string {
	if graph.MadeID(r.Subject) || graph.MadeID(r.Object) {
		return r.Pattern + madeSuffix
	}
	return r.Pattern
}

// split is one pattern's counts over all sources, with known and with
// made parties.
type split struct {
	Pattern        string
	known, made    releval.PatternScore
	Right, Checked int
	madeFraction   float64
}

// tableModel is what the table is generated from: the patterns' counts
// and the Mantel–Haenszel odds ratio of a made party.
type tableModel struct {
	patterns  []split
	oddsRatio float64
}

// model pools the sources' counts by pattern and estimates the odds ratio
// over the patterns as strata.
func model(ms []measured) tableModel {
	by := map[string]*split{}
	var order []string
	for _, s := range releval.MergePatterns(scores(ms)...) {
		p, made := strings.CutSuffix(s.Pattern, madeSuffix)
		sp := by[p]
		if sp == nil {
			sp = &split{Pattern: p}
			by[p] = sp
			order = append(order, p)
		}
		if made {
			sp.made = s
		} else {
			sp.known = s
		}
		sp.Right += s.Right
		sp.Checked += s.Checked
	}
	sort.Strings(order)
	var m tableModel
	var strata [][4]int
	for _, p := range order {
		sp := by[p]
		if sp.Checked > 0 {
			sp.madeFraction = float64(sp.made.Checked) / float64(sp.Checked)
		}
		m.patterns = append(m.patterns, *sp)
		strata = append(strata, [4]int{sp.known.Right, sp.known.Checked - sp.known.Right, sp.made.Right, sp.made.Checked - sp.made.Right})
	}
	m.oddsRatio = extract.MantelHaenszel(strata)
	return m
}

// confidence is p's row: its Wilson centre over both kinds of parties,
// adjusted by the odds ratio (extract.ArgumentAdjusted).
func (m tableModel) confidence(p split) (known, made float64) {
	return extract.ArgumentAdjusted(extract.WilsonCentre(p.Right, p.Checked), p.madeFraction, m.oddsRatio)
}

// measured are the per-pattern counts of one source.
type measured struct {
	source string
	scores []releval.PatternScore
}

func scores(ms []measured) [][]releval.PatternScore {
	out := make([][]releval.PatternScore, len(ms))
	for i, m := range ms {
		out[i] = m.scores
	}
	return out
}

// round keeps four decimals, as the table does.
func round(x float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return r
}

// generateTable writes confidence_table.go: one row per measured pattern,
// its confidences with known and with made parties, and a comment giving
// the counts per source.
func generateTable(ms []measured) ([]byte, error) {
	m := model(ms)
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by TestConfidenceTable (%s); DO NOT EDIT.\n\n", updateAdvice)
	b.WriteString("package extract\n\n")
	fmt.Fprintf(&b, `// argumentOddsRatio is the Mantel–Haenszel odds ratio, over the %d
// measured patterns as strata, of a relation with a made party (one the
// lexicon does not know) being right, against one with both parties known.
const argumentOddsRatio = %.4f

// defaultMadeConfidence is DefaultConfidence moved by argumentOddsRatio: the
// confidence of an unmeasured pattern's relation with a made party.
const defaultMadeConfidence = %.4f

`, len(m.patterns), m.oddsRatio, madeDefault(m.oddsRatio))
	b.WriteString("// confidenceTable maps a pattern to its confidence with both parties known\n")
	b.WriteString("// and with a made one: the Wilson centre of the relations it read that a\n")
	b.WriteString("// check found right, over those checked, summed over the sources, moved by\n")
	b.WriteString("// argumentOddsRatio (ArgumentAdjusted). The sources: re3d dev (right:\n")
	b.WriteString("// matches a gold relation with both arguments; STATEMENT and negated\n")
	b.WriteString("// relations are not checked) and the hand-checked Arabic and English samples\n")
	b.WriteString("// (ingest/releval/testdata/verdicts). Each row's comment gives\n")
	b.WriteString("// right/checked per source, then known and made.\n")
	b.WriteString("var confidenceTable = map[string]patternConfidence{\n")
	for _, p := range m.patterns {
		known, made := m.confidence(p)
		fmt.Fprintf(&b, "\t%q: {%.4f, %.4f}, //", p.Pattern, known, made)
		sep := " "
		for _, src := range ms {
			var r, c int
			for _, s := range src.scores {
				if base, _ := strings.CutSuffix(s.Pattern, madeSuffix); base == p.Pattern {
					r, c = r+s.Right, c+s.Checked
				}
			}
			if c > 0 {
				fmt.Fprintf(&b, "%s%s %d/%d right", sep, src.source, r, c)
				sep = "; "
			}
		}
		fmt.Fprintf(&b, " (known %d/%d, made %d/%d)\n", p.known.Right, p.known.Checked, p.made.Right, p.made.Checked)
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

// madeDefault is the confidence of an unmeasured pattern with a made party:
// DefaultConfidence (logit 0) moved by the full log odds ratio.
func madeDefault(oddsRatio float64) float64 {
	_, made := extract.ArgumentAdjusted(extract.DefaultConfidence, 0, oddsRatio)
	return made
}
