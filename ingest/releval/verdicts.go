package releval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/nereval"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// SampleSeed is the seed string every sample rank is hashed with (see
// Rank). Changing it draws a different sample and orphans every verdict
// file.
const SampleSeed = "newsgraph relation sample v1"

// The verdicts a checker gives.
const (
	Right = "right"
	Wrong = "wrong"
)

// Key names one relation found in a corpus so that it can be found again
// after the extractor changes: the article, the sentence (0 is the title),
// the trigger's byte offsets in the text the extractor reads
// (extract.Text), the type, and the subject and object entity IDs. For an
// undirected relation Subject < Object by ID (see graph.Relation).
type Key struct {
	Article  string `json:"article"`
	Sentence int    `json:"sentence"`
	Trigger  [2]int `json:"trigger"`
	Type     string `json:"type"`
	Subject  string `json:"subject"`
	Object   string `json:"object"`
}

// ArticleKey is how a Key names article a: its ID, except that an ID
// scoped to the file it was read from ("/data/x/articles.jsonl#17", see
// read.ScopedID) keeps only the file's last two path elements
// ("x/articles.jsonl#17"). The reader scopes bare record IDs by the
// absolute path, so without this a verdict file would name its articles
// only on the machine it was checked on, and a sample's ranks (Rank hashes
// the key) would change with the folder the corpus lies in.
func ArticleKey(a read.Article) string {
	if a.Input == "" || a.Input == "stdin" {
		return a.ID
	}
	if record, ok := strings.CutPrefix(a.ID, a.Input+"#"); ok {
		return shortInput(a.Input) + "#" + record
	}
	return a.ID
}

// shortInput is path's last two elements, slash-separated.
func shortInput(path string) string {
	path = filepath.ToSlash(filepath.Clean(path))
	if i := strings.LastIndex(path, "/"); i > 0 {
		if j := strings.LastIndex(path[:i], "/"); j >= 0 {
			return path[j+1:]
		}
	}
	return strings.TrimPrefix(path, "/")
}

// portableArticle rewrites a verdict's article named the way releases
// before ArticleKey named it — the absolute path of its file, "#", the
// record ID — to ArticleKey's form. Any other article is returned as is.
func portableArticle(article string) string {
	input, record, ok := strings.Cut(article, "#")
	if !ok || !(filepath.IsAbs(input) || strings.HasPrefix(input, "/")) {
		return article
	}
	return shortInput(input) + "#" + record
}

// KeyOf returns the key of r, a relation of the article a Key names as
// article (see ArticleKey).
func KeyOf(article string, r graph.Relation) Key {
	return Key{Article: article, Sentence: r.Sentence, Trigger: [2]int{r.Trigger.Start, r.Trigger.End},
		Type: string(r.Type), Subject: r.Subject, Object: r.Object}
}

// Rank is the sample rank of k: the FNV-1a 64-bit hash of SampleSeed and
// the key's fields, separated by a unit separator (U+001F). A relation
// keeps its rank whatever else the extractor finds, so that the k lowest
// ranks (bottom-k sampling; Cohen and Kaplan, "Summarizing data using
// bottom-k sketches", PODC 2007) are a uniform sample that changes only
// where relations come or go.
func Rank(k Key) uint64 { return RankSeed(SampleSeed, k) }

// RankSeed is Rank with another seed string: a second sample, independent
// of the first, for measuring on relations nobody studied while changing
// the extractor (see Reseed and Exclude).
func RankSeed(seed string, k Key) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x1f%s\x1f%d\x1f%d\x1f%d\x1f%s\x1f%s\x1f%s", seed, k.Article, k.Sentence,
		k.Trigger[0], k.Trigger[1], k.Type, k.Subject, k.Object)
	return h.Sum64()
}

// Sampled is one relation the extractor found in a corpus, with its key,
// rank and the text its offsets point into.
type Sampled struct {
	Key      Key
	Rank     uint64
	Relation graph.Relation
}

// span returns the text of o, offsets into the article text, cut from the
// relation's Text; "" when Text does not hold it.
func (s Sampled) span(o graph.Offsets) string {
	r := s.Relation
	a, b := o.Start-r.TextStart, o.End-r.TextStart
	if a < 0 || b > len(r.Text) || a >= b {
		return ""
	}
	return r.Text[a:b]
}

// Sampleable tells whether r is a relation the sample draws from: typed
// (not STATEMENT, which names no second actor) and not negated.
func Sampleable(r graph.Relation) bool {
	return r.Type != graph.Statement && !r.Negated && r.Object != ""
}

// FindRelations runs x over articles, on every CPU, and returns the
// sampleable relations (see Sampleable) of the articles in language lang
// ("" for all), ranked: lowest Rank first, ties by key.
func FindRelations(x *extract.Extractor, articles []read.Article, lang string) []Sampled {
	found := make([][]Sampled, len(articles))
	ingest.Parallel(len(articles), func(i int) {
		a := &articles[i]
		if lang != "" && a.Lang != lang {
			return
		}
		for _, r := range x.Extract(a).Relations {
			if Sampleable(r) {
				k := KeyOf(ArticleKey(*a), r)
				found[i] = append(found[i], Sampled{Key: k, Rank: Rank(k), Relation: r})
			}
		}
	})
	var out []Sampled
	for _, f := range found {
		out = append(out, f...)
	}
	sortRanked(out)
	return out
}

func sortRanked(s []Sampled) {
	sort.SliceStable(s, func(i, j int) bool {
		if s[i].Rank != s[j].Rank {
			return s[i].Rank < s[j].Rank
		}
		return lessKey(s[i].Key, s[j].Key)
	})
}

func lessKey(a, b Key) bool {
	return fmt.Sprint(a) < fmt.Sprint(b)
}

// Reseed returns rels ranked by RankSeed(seed, ·), lowest first, ties by
// key; rels is not changed.
func Reseed(rels []Sampled, seed string) []Sampled {
	out := make([]Sampled, len(rels))
	for i, r := range rels {
		r.Rank = RankSeed(seed, r.Key)
		out[i] = r
	}
	sortRanked(out)
	return out
}

// Exclude returns the relations of rels that no verdict of verdicts names,
// in their order: a held-out sample leaves out what the development sample
// checked.
func Exclude(rels []Sampled, verdicts []Verdict) []Sampled {
	seen := make(map[Key]bool, len(verdicts))
	for _, v := range verdicts {
		seen[v.Key] = true
	}
	var out []Sampled
	for _, r := range rels {
		if !seen[r.Key] {
			out = append(out, r)
		}
	}
	return out
}

// Sample returns the n lowest-ranked of rels (all when there are fewer),
// lowest first. rels need not be sorted.
func Sample(rels []Sampled, n int) []Sampled {
	s := append([]Sampled(nil), rels...)
	sortRanked(s)
	return s[:min(n, len(s))]
}

// Verdict is a checker's judgement of one relation, a line of a verdict
// file (JSON lines). Pattern is the pattern the relation was read by when
// it was checked; it is kept for the record, and a verdict applies to the
// relation of its Key whatever pattern reads it now. Verdict is Right when
// the sentence states a relation of that type between the two actors in
// that direction (an undirected one either way), Wrong otherwise; Note says
// why, in a few English words.
type Verdict struct {
	Key
	Pattern string `json:"pattern"`
	Verdict string `json:"verdict"`
	Note    string `json:"note,omitempty"`
}

// ReadVerdictFiles reads the verdict files at paths (see ReadVerdicts),
// in order, and returns their verdicts together.
func ReadVerdictFiles(paths ...string) ([]Verdict, error) {
	return readVerdictFiles(paths, false)
}

// ReadExcludeFiles reads the relations named by the files at paths, in
// order, for Exclude: verdict files (see ReadVerdicts), or files of
// ToCheck lines such as `eval relations --write-unchecked` writes, whose
// verdicts may be empty. Only the keys and patterns are checked; the
// returned verdicts' Verdict and Note are what the lines hold.
func ReadExcludeFiles(paths ...string) ([]Verdict, error) {
	return readVerdictFiles(paths, true)
}

func readVerdictFiles(paths []string, toCheck bool) ([]Verdict, error) {
	var all []Verdict
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("verdicts: %w", err)
		}
		v, err := readVerdicts(f, path, toCheck)
		f.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, v...)
	}
	return all, nil
}

// ReadCorpus reads the articles of a corpus for FindRelations: path is a
// file, or a folder, read as its articles.jsonl when it holds one. A file
// in the CoNLL format of named-entity gold (see isCoNLL) is read as
// nereval.ReadCoNLL cuts it into documents, each an article (see
// conllArticles). It returns the articles in input order and how many
// records could not be read; a missing path, an unreadable input or a
// corpus without articles is an error. Inputs are read as UTF-8; see
// ReadCorpusWith.
func ReadCorpus(ctx context.Context, path string) ([]read.Article, int, error) {
	return ReadCorpusWith(ctx, path, read.ReadOptions{})
}

// ReadCorpusWith is ReadCorpus with the reader's options (an encoding,
// column mappings), as ingest reads the same files; opts.Problem is
// replaced by the count ReadCorpus returns. A CoNLL file ignores them.
func ReadCorpusWith(ctx context.Context, path string, opts read.ReadOptions) ([]read.Article, int, error) {
	input := path
	if st, err := os.Stat(input); err == nil && st.IsDir() {
		if _, err := os.Stat(filepath.Join(input, "articles.jsonl")); err == nil {
			input = filepath.Join(input, "articles.jsonl")
		}
	}
	st, err := os.Stat(input)
	if err != nil {
		return nil, 0, fmt.Errorf("corpus: %w", err)
	}
	if st.Mode().IsRegular() {
		conll, err := isCoNLL(input)
		if err != nil {
			return nil, 0, fmt.Errorf("corpus: %w", err)
		}
		if conll {
			return conllArticles(input)
		}
	}
	var articles []read.Article
	var problems int
	opts.Problem = func(p read.Problem) {
		if !p.Warning { // a warned record (its date unknown) is read all the same
			problems++
		}
	}
	err = read.Read(ctx, []string{input}, opts, func(a read.Article) error {
		articles = append(articles, a)
		return nil
	})
	if err != nil {
		return nil, problems, fmt.Errorf("corpus: %w", err)
	}
	if len(articles) == 0 {
		return nil, problems, fmt.Errorf("corpus %s: no articles", path)
	}
	return articles, problems, nil
}

// conllSniffLines is how many token lines isCoNLL reads.
const conllSniffLines = 50

// isCoNLL reports whether the file at path looks like named-entity gold in
// the CoNLL format: its first conllSniffLines token lines (fewer in a
// shorter file; at least one) each hold one to six fields, the last a tag
// nereval.ReadCoNLL accepts (nereval.IsTag), blank lines, -DOCSTART- lines
// and a byte order mark aside. Lines starting with # are passed over, so a
// commented CoNLL file is still taken for one, and ReadCoNLL names the line
// it cannot read rather than the file being read as one article of text.
// An article file (JSON, CSV, HTML, prose) does not look like this: its
// lines are longer or do not end in tags.
func isCoNLL(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for first := true; n < conllSniffLines && sc.Scan(); first = false {
		line := sc.Text()
		if first {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0, strings.HasPrefix(fields[0], "#"), fields[0] == "-DOCSTART-":
			continue
		case len(fields) > 6 || !nereval.IsTag(fields[len(fields)-1]):
			// One field is an empty token and its tag (" O"), as
			// ANERcorp has a few.
			return false, nil
		}
		n++
	}
	if err := sc.Err(); err != nil && !errors.Is(err, bufio.ErrTooLong) {
		return false, err
	}
	return n > 0, nil
}

// conllArticles reads the CoNLL gold file at path as articles: the
// documents nereval.ReadCoNLL cuts it into (ANERcorp, which marks none:
// DefaultDocSentences sentences each), each one article whose body is its
// tokens joined by spaces, a sentence a line (nereval.Article), its
// language detected, its ID path#doc-N with N counting documents from 1.
// path is made absolute first, so that ArticleKey names every article by
// the file's last two path elements however the path is written (bare,
// relative, absolute): verdicts match the file wherever the folder that
// holds it lies, as long as the folder and the file keep their names. The tags are not
// read: the gold serves as Arabic (or English) text the relation rules
// were not written on. Documents 10, 20, 30, … are those nereval.DevSplit
// holds out of the tagger's training (it counts from 0: 9, 19, 29, …).
func conllArticles(path string) ([]read.Article, int, error) {
	// The absolute path, as the readers scope IDs: ArticleKey keeps its
	// last two elements, which a bare file name lacks.
	path, err := filepath.Abs(path)
	if err != nil {
		return nil, 0, fmt.Errorf("corpus: %w", err)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	docs, err := nereval.ReadCoNLL(f, path)
	if err != nil {
		return nil, 0, fmt.Errorf("corpus: %w", err)
	}
	articles := make([]read.Article, 0, len(docs))
	for i, d := range docs {
		a, _ := nereval.Article(d)
		a.Input = path
		a.ID = fmt.Sprintf("%s#doc-%d", path, i+1)
		a.Origin = d.Name
		articles = append(articles, *a)
	}
	if len(articles) == 0 {
		return nil, 0, fmt.Errorf("corpus: %s: no documents", path)
	}
	return articles, 0, nil
}

// Stale returns the verdicts that name an article of articles in language
// lang ("" any) but no relation of found, the relations FindRelations
// found in them: relations a later extractor no longer reads under that
// key (an error put right, or a party now named by another ID), in the
// order given. Verdicts of other corpora are not stale here.
func Stale(verdicts []Verdict, articles []read.Article, lang string, found []Sampled) []Verdict {
	in := make(map[string]bool, len(articles))
	for _, a := range articles {
		if lang == "" || a.Lang == lang {
			in[ArticleKey(a)] = true
		}
	}
	keys := make(map[Key]bool, len(found))
	for _, s := range found {
		keys[s.Key] = true
	}
	var out []Verdict
	for _, v := range verdicts {
		if in[v.Article] && !keys[v.Key] {
			out = append(out, v)
		}
	}
	return out
}

// ReadVerdicts reads a verdict file: one Verdict per non-blank line, no
// other fields. It fails, naming the line, on a malformed line, a line
// lacking the article, type, subject, object or pattern, a trigger that is
// not a non-empty span, a verdict that is neither Right nor Wrong, a wrong
// verdict without a note, and a key given twice. An article named by the
// absolute path of its file, as releases before ArticleKey named it, is
// read as ArticleKey names it.
func ReadVerdicts(r io.Reader, name string) ([]Verdict, error) {
	return readVerdicts(r, name, false)
}

// readVerdicts is ReadVerdicts; with toCheck, a line may also be a
// ToCheck, and its verdict is not checked.
func readVerdicts(r io.Reader, name string, toCheck bool) ([]Verdict, error) {
	var out []Verdict
	seen := make(map[Key]int)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		var t ToCheck
		target := any(&t.Verdict)
		if toCheck {
			target = &t
		}
		if err := dec.Decode(target); err != nil {
			var tc ToCheck
			strict := json.NewDecoder(strings.NewReader(line))
			strict.DisallowUnknownFields()
			if !toCheck && strict.Decode(&tc) == nil {
				// A line --write-unchecked wrote, filled in or not.
				return nil, fmt.Errorf("verdicts %s line %d: %w: a line for checking, not a verdict; remove rank, directed, subject_text, trigger_text, object_text and text (a verdict file keeps no corpus text) and fill in verdict and note", name, n, err)
			}
			return nil, fmt.Errorf("verdicts %s line %d: %w", name, n, err)
		}
		v := t.Verdict
		if err := v.check(toCheck); err != nil {
			return nil, fmt.Errorf("verdicts %s line %d: %w", name, n, err)
		}
		v.Article = portableArticle(v.Article)
		if first, ok := seen[v.Key]; ok {
			return nil, fmt.Errorf("verdicts %s line %d: the relation of line %d again", name, n, first)
		}
		seen[v.Key] = n
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("verdicts %s: %w", name, err)
	}
	return out, nil
}

// check checks v; keyOnly checks its key and pattern only.
func (v Verdict) check(keyOnly bool) error {
	switch {
	case v.Article == "":
		return errors.New("no article")
	case v.Type == "":
		return errors.New("no type")
	case !slices.Contains(graph.RelationTypes, graph.RelationType(v.Type)) || v.Type == string(graph.Statement):
		return fmt.Errorf("type %q is not a typed relation type (MEETS, ATTACKS, …, in capitals; STATEMENT is not sampled)", v.Type)
	case v.Subject == "" || v.Object == "":
		return errors.New("no subject or object")
	case v.Pattern == "":
		return errors.New("no pattern")
	case v.Sentence < 0 || v.Trigger[0] < 0 || v.Trigger[1] <= v.Trigger[0]:
		return fmt.Errorf("sentence %d, trigger %v: want a sentence index ≥ 0 and a non-empty trigger span", v.Sentence, v.Trigger)
	case keyOnly:
		return nil
	case v.Verdict != Right && v.Verdict != Wrong:
		return fmt.Errorf("verdict %q, want %q or %q", v.Verdict, Right, Wrong)
	case v.Verdict == Wrong && v.Note == "":
		return errors.New("a wrong verdict without a note saying why")
	}
	return nil
}

// ScoreVerdicts counts, per pattern of the relations of sample
// (graph.Relation.Pattern as the extractor reads them now), how many have a
// verdict and how many of those are right. It returns the scores sorted by
// pattern and the relations of sample that have no verdict, in sample
// order. Verdicts of relations not in sample are ignored.
func ScoreVerdicts(sample []Sampled, verdicts []Verdict) ([]PatternScore, []Sampled) {
	return ScoreVerdictsBy(sample, verdicts, func(s Sampled) string { return s.Relation.Pattern })
}

// ScoreVerdictsBy is ScoreVerdicts grouping by group(s) instead of the
// pattern: by type, say. Its PatternScore.Pattern holds the group.
func ScoreVerdictsBy(sample []Sampled, verdicts []Verdict, group func(Sampled) string) ([]PatternScore, []Sampled) {
	byKey := make(map[Key]string, len(verdicts))
	for _, v := range verdicts {
		byKey[v.Key] = v.Verdict
	}
	scores := make(map[string]*PatternScore)
	var unchecked []Sampled
	for _, s := range sample {
		v, ok := byKey[s.Key]
		if !ok {
			unchecked = append(unchecked, s)
			continue
		}
		g := group(s)
		ps := scores[g]
		if ps == nil {
			ps = &PatternScore{Pattern: g}
			scores[g] = ps
		}
		ps.Checked++
		if v == Right {
			ps.Right++
		}
	}
	out := make([]PatternScore, 0, len(scores))
	for _, ps := range scores {
		out = append(out, *ps)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pattern < out[j].Pattern })
	return out, unchecked
}

// Total sums scores.
func Total(scores []PatternScore) PatternScore {
	var t PatternScore
	for _, s := range scores {
		t.Checked += s.Checked
		t.Right += s.Right
	}
	return t
}

// ToCheck is a relation without a verdict as a checker sees it: its key
// and pattern, the texts of its subject, trigger and object, and the
// sentence (or the window of it the extractor kept), with Verdict and Note
// left empty to fill in. With the text fields removed, a filled-in line is
// a Verdict.
type ToCheck struct {
	Verdict
	Rank        uint64 `json:"rank"`
	Directed    bool   `json:"directed"`
	SubjectText string `json:"subject_text"`
	TriggerText string `json:"trigger_text"`
	ObjectText  string `json:"object_text"`
	Text        string `json:"text"`
}

// ForChecking returns s as a checker sees it.
func ForChecking(s Sampled) ToCheck {
	r := s.Relation
	return ToCheck{
		Verdict:     Verdict{Key: s.Key, Pattern: r.Pattern},
		Rank:        s.Rank,
		Directed:    r.Directed,
		SubjectText: s.span(r.SubjectSpan),
		TriggerText: s.span(r.Trigger),
		ObjectText:  s.span(r.ObjectSpan),
		Text:        r.Text,
	}
}
