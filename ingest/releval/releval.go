package releval

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// The relation types of re3d.
const (
	CoLocated       = "CoLocated"
	FightingAgainst = "FightingAgainst"
	CommWith        = "CommWith"
	IsSynonymOf     = "IsSynonymOf"
	BelongsTo       = "BelongsTo"
	AlliesOf        = "AlliesOf"
	InChargeOf      = "InChargeOf"
	HasAttrOf       = "HasAttrOf"
	Dislikes        = "Dislikes"
	Likes           = "Likes"
	Apart           = "Apart"
)

// Class is a set of gold types and the types of ours that say the same
// thing: a prediction of one of Types can match a gold relation of one of
// Gold.
type Class struct {
	Name  string // our types joined by "/": "CRITICIZES/THREATENS"
	Gold  []string
	Types []graph.RelationType
}

func class(gold []string, types ...graph.RelationType) Class {
	names := make([]string, len(types))
	for i, t := range types {
		names[i] = string(t)
	}
	return Class{Name: strings.Join(names, "/"), Gold: gold, Types: types}
}

// Classes are the scored classes, in the order reports show them. Gold
// types in none of them are unmapped: not scored. STATEMENT is in none:
// re3d has no counterpart.
var Classes = []Class{
	class([]string{FightingAgainst}, graph.Attacks),
	class([]string{AlliesOf, Likes}, graph.Supports),
	class([]string{Dislikes}, graph.Criticizes, graph.Threatens),
	class([]string{CommWith}, graph.Meets, graph.Discusses, graph.Invites, graph.Visits),
}

// goldClass and predClass index Classes by gold type and by our type.
var goldClass, predClass = func() (map[string]int, map[graph.RelationType]int) {
	g, p := make(map[string]int), make(map[graph.RelationType]int)
	for i, c := range Classes {
		for _, t := range c.Gold {
			g[t] = i
		}
		for _, t := range c.Types {
			p[t] = i
		}
	}
	return g, p
}()

// ClassOf returns the class a gold type is scored in, and false for an
// unmapped type.
func ClassOf(goldType string) (Class, bool) {
	i, ok := goldClass[goldType]
	if !ok {
		return Class{}, false
	}
	return Classes[i], true
}

// Base is where a gold document's text starts in the text the extractor
// reads (extract.Text): after the empty title and its line break.
var Base = len(extract.Text(&read.Article{}))

// Article returns the article the extractor reads for d: its body is the
// gold text, its title empty, so that gold byte offset b is b+Base in the
// extractor's offsets.
func Article(d Document) *read.Article {
	return &read.Article{
		ID: d.ID, URL: d.URL, Source: d.Source, Origin: d.Origin,
		Body: d.Text, Lang: read.DetectLang(d.Text),
	}
}

// Predict runs x over d read as one article and returns the relations it
// finds, their offsets into extract.Text of Article(d).
func Predict(x *extract.Extractor, d Document) []graph.Relation {
	return x.Extract(Article(d)).Relations
}

// Counts are the relations of one class, or of all: in the gold, predicted,
// and matched (true positives).
type Counts struct {
	Gold, Predicted, TP int
}

// FP is how many predictions match no gold relation.
func (c Counts) FP() int { return c.Predicted - c.TP }

// FN is how many gold relations no prediction matches.
func (c Counts) FN() int { return c.Gold - c.TP }

// Precision is TP/(TP+FP); 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.Predicted) }

// Recall is TP/(TP+FN); 0 when the gold has nothing.
func (c Counts) Recall() float64 { return ratio(c.TP, c.Gold) }

// F1 is the harmonic mean of precision and recall; 0 when both are.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(o Counts) {
	c.Gold += o.Gold
	c.Predicted += o.Predicted
	c.TP += o.TP
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores are the counts of one match rule, per class and summed.
type Scores struct {
	PerClass map[string]Counts // by Class.Name
	Micro    Counts
}

// TypeCounts are the scored predictions of one of our types and how many
// of them matched, by each rule.
type TypeCounts struct {
	Predicted, ArgsTP, TriggerTP int
}

// Error is a prediction that matches no gold relation (FP), or a gold
// relation that no prediction matches (FN), by the argument rule.
type Error struct {
	Kind     string // FP or FN
	Class    string
	Type     string // our type (FP) or the gold type (FN)
	Document string // the gold document's ID
	// Source, Trigger and Target are the texts of the arguments and
	// trigger: for an FP, the predicted subject, trigger and object.
	Source, Trigger, Target string
	Start                   int // byte offset of the earliest span in the gold text
}

// Report is the outcome of an evaluation.
type Report struct {
	Documents int
	// Gold counts every gold relation by its re3d type, scored or not;
	// GoldTypes lists the types most frequent first.
	Gold      map[string]int
	GoldTypes []string
	GoldTotal int
	Unmapped  int // gold relations of types no class scores
	// Repaired and Dropped count the gold relations whose offsets did not
	// cut out their text: repaired and scored, or left out (not in Gold).
	Repaired, Dropped int
	// Predicted counts every prediction; Negated, Statements and Other
	// those left out of scoring: negated ones, STATEMENT ones (no gold
	// counterpart) and those of a type in no class.
	Predicted, Negated, Statements, Other int
	// ByType are the scored predictions per type of ours.
	ByType map[graph.RelationType]TypeCounts
	// ByPattern are the scored predictions per extraction pattern
	// (graph.Relation.Pattern) and how many matched by the argument rule.
	// STATEMENT and negated predictions are not scored, so the patterns
	// that read only those are absent.
	ByPattern map[string]PatternScore
	// Confusion counts the scored predictions per type of ours by the
	// re3d type of the gold relation joining the same two arguments (the
	// argument rule), of any type, scored or not: the one it matched when
	// it matched, else the first in the document, else NoGold. It tells a
	// wrong type (ATTACKS where the gold says CoLocated) from wrong
	// parties.
	Confusion map[graph.RelationType]map[string]int
	Args      Scores // argument match
	Trigger   Scores // trigger match
	Errors    []Error
}

// Score compares the predictions with the gold relations, document by
// document: preds[i] are the relations predicted for docs[i], their offsets
// into extract.Text of Article(docs[i]). See the package documentation for
// the match rule. The report's errors are in document order, then text
// order.
func Score(docs []Document, preds [][]graph.Relation) Report {
	r := Report{
		Documents: len(docs),
		ByType:    make(map[graph.RelationType]TypeCounts),
		ByPattern: make(map[string]PatternScore),
		Confusion: make(map[graph.RelationType]map[string]int),
		Args:      Scores{PerClass: make(map[string]Counts, len(Classes))},
		Trigger:   Scores{PerClass: make(map[string]Counts, len(Classes))},
	}
	for _, c := range Classes {
		r.Args.PerClass[c.Name] = Counts{}
		r.Trigger.PerClass[c.Name] = Counts{}
		for _, t := range c.Types {
			r.ByType[t] = TypeCounts{}
		}
	}
	r.GoldTypes, r.Gold = Types(docs)
	for i, d := range docs {
		var p []graph.Relation
		if i < len(preds) {
			p = preds[i]
		}
		r.scoreDocument(d, p)
	}
	for _, c := range Classes {
		r.Args.Micro.add(r.Args.PerClass[c.Name])
		r.Trigger.Micro.add(r.Trigger.PerClass[c.Name])
	}
	for _, n := range r.Gold {
		r.GoldTotal += n
	}
	r.Unmapped = r.GoldTotal - r.Args.Micro.Gold
	r.Repaired, r.Dropped = Repaired(docs)
	sortErrors(r.Errors, docs)
	return r
}

func (r *Report) scoreDocument(d Document, preds []graph.Relation) {
	// The gold relations and predictions of each class, by index.
	gold := make([][]int, len(Classes))
	for i, g := range d.Relations {
		if c, ok := goldClass[g.Type]; ok {
			gold[c] = append(gold[c], i)
		}
	}
	pred := make([][]int, len(Classes))
	for i, p := range preds {
		r.Predicted++
		c, ok := predClass[p.Type]
		switch {
		case p.Type == graph.Statement:
			r.Statements++
		case p.Negated:
			r.Negated++
		case !ok:
			r.Other++
		default:
			pred[c] = append(pred[c], i)
		}
	}
	for ci, c := range Classes {
		gs, ps := gold[ci], pred[ci]
		args := matching(len(ps), len(gs), func(pi, gi int) bool {
			return argsMatch(preds[ps[pi]], d.Relations[gs[gi]])
		})
		trig := matching(len(ps), len(gs), func(pi, gi int) bool {
			return overlaps(preds[ps[pi]].Trigger, d.Relations[gs[gi]].Trigger)
		})
		ac, tc := r.Args.PerClass[c.Name], r.Trigger.PerClass[c.Name]
		ac.Gold += len(gs)
		tc.Gold += len(gs)
		ac.Predicted += len(ps)
		tc.Predicted += len(ps)
		matchedGold := make([]bool, len(gs))
		for pi, p := range ps {
			typ := preds[p].Type
			n := r.ByType[typ]
			n.Predicted++
			ps := r.ByPattern[preds[p].Pattern]
			ps.Pattern = preds[p].Pattern
			ps.Checked++
			gt := NoGold
			if args[pi] >= 0 {
				gt = d.Relations[gs[args[pi]]].Type
			} else {
				for _, g := range d.Relations {
					if argsMatch(preds[p], g) {
						gt = g.Type
						break
					}
				}
			}
			if r.Confusion[typ] == nil {
				r.Confusion[typ] = make(map[string]int)
			}
			r.Confusion[typ][gt]++
			if args[pi] >= 0 {
				ac.TP++
				n.ArgsTP++
				ps.Right++
				matchedGold[args[pi]] = true
			} else {
				r.Errors = append(r.Errors, predError(d, c.Name, preds[p]))
			}
			if trig[pi] >= 0 {
				tc.TP++
				n.TriggerTP++
			}
			r.ByType[typ] = n
			r.ByPattern[ps.Pattern] = ps
		}
		for gi, g := range gs {
			if !matchedGold[gi] {
				rel := d.Relations[g]
				r.Errors = append(r.Errors, Error{Kind: "FN", Class: c.Name, Type: rel.Type, Document: d.ID,
					Source: rel.SourceText, Trigger: rel.TriggerText, Target: rel.TargetText,
					Start: min(rel.Source.Start, rel.Target.Start, rel.Trigger.Start)})
			}
		}
		r.Args.PerClass[c.Name], r.Trigger.PerClass[c.Name] = ac, tc
	}
}

// NoGold is the column of Report.Confusion for predictions whose two
// arguments no gold relation joins.
const NoGold = "(none)"

// predError describes an unmatched prediction with the gold text it spans.
func predError(d Document, class string, p graph.Relation) Error {
	text := func(o graph.Offsets) string {
		s, e := o.Start-Base, o.End-Base
		if s < 0 || e > len(d.Text) || s >= e {
			return ""
		}
		return d.Text[s:e]
	}
	return Error{Kind: "FP", Class: class, Type: string(p.Type), Document: d.ID,
		Source: text(p.SubjectSpan), Trigger: text(p.Trigger), Target: text(p.ObjectSpan),
		Start: max(min(p.SubjectSpan.Start, p.ObjectSpan.Start, p.Trigger.Start)-Base, 0)}
}

// overlaps tells whether a predicted span (offsets into extract.Text) shares
// a byte with a gold one (offsets into the gold text).
func overlaps(p graph.Offsets, g Span) bool {
	return p.Start < g.End+Base && g.Start+Base < p.End
}

// argsMatch is the argument rule: subject on source and object on target,
// or either way round for an undirected prediction.
func argsMatch(p graph.Relation, g Relation) bool {
	if overlaps(p.SubjectSpan, g.Source) && overlaps(p.ObjectSpan, g.Target) {
		return true
	}
	return !p.Directed && overlaps(p.SubjectSpan, g.Target) && overlaps(p.ObjectSpan, g.Source)
}

// matching pairs predictions with gold relations along edge, each at most
// once, with as many pairs as can be (Kuhn's augmenting paths; the lists
// are short). It returns the gold index each prediction is paired with, or
// -1.
func matching(nPred, nGold int, edge func(p, g int) bool) []int {
	adj := make([][]int, nPred)
	for p := range nPred {
		for g := range nGold {
			if edge(p, g) {
				adj[p] = append(adj[p], g)
			}
		}
	}
	predTo := make([]int, nPred)
	goldTo := make([]int, nGold)
	for i := range predTo {
		predTo[i] = -1
	}
	for i := range goldTo {
		goldTo[i] = -1
	}
	var seen []bool
	var augment func(p int) bool
	augment = func(p int) bool {
		for _, g := range adj[p] {
			if seen[g] {
				continue
			}
			seen[g] = true
			if goldTo[g] < 0 || augment(goldTo[g]) {
				goldTo[g], predTo[p] = p, g
				return true
			}
		}
		return false
	}
	for p := range nPred {
		seen = make([]bool, nGold)
		augment(p)
	}
	return predTo
}

// Run predicts the relations of every document with x, on every CPU, and
// scores them.
func Run(x *extract.Extractor, docs []Document) Report {
	preds := make([][]graph.Relation, len(docs))
	ingest.Parallel(len(docs), func(i int) { preds[i] = Predict(x, docs[i]) })
	return Score(docs, preds)
}

// sortErrors orders errors by document (in the order given), then by where
// they start, FN before FP at the same place.
func sortErrors(errs []Error, docs []Document) {
	order := make(map[string]int, len(docs))
	for i, d := range docs {
		order[d.ID] = i
	}
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if order[a.Document] != order[b.Document] {
			return order[a.Document] < order[b.Document]
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.Kind < b.Kind
	})
}

// PatternScore counts, for one extraction pattern (graph.Relation.Pattern,
// such as "svo/en"), the relations a check judged and how many of them were
// right: against re3d gold (a prediction is right when it matches a gold
// relation with both arguments) or against a hand-checked sample
// (ScoreVerdicts). Precision is Right/Checked.
type PatternScore struct {
	Pattern string
	Checked int
	Right   int
}

// Precision is Right/Checked; 0 when nothing was checked.
func (s PatternScore) Precision() float64 { return ratio(s.Right, s.Checked) }

// Patterns returns the per-pattern counts of rep, sorted by pattern: for
// each pattern, its scored predictions (Checked) and those that match a
// gold relation with both arguments (Right). STATEMENT and negated
// predictions are not scored by re3d, so they count in no pattern.
func Patterns(rep Report) []PatternScore {
	out := make([]PatternScore, 0, len(rep.ByPattern))
	for _, s := range rep.ByPattern {
		out = append(out, s)
	}
	SortPatterns(out)
	return out
}

// SortPatterns sorts scores by pattern.
func SortPatterns(scores []PatternScore) {
	sort.Slice(scores, func(i, j int) bool { return scores[i].Pattern < scores[j].Pattern })
}

// MergePatterns sums the counts of the same pattern over several checks
// (re3d and a hand-checked sample, say) and returns them sorted by
// pattern.
func MergePatterns(lists ...[]PatternScore) []PatternScore {
	sum := make(map[string]PatternScore)
	for _, l := range lists {
		for _, s := range l {
			t := sum[s.Pattern]
			t.Pattern = s.Pattern
			t.Checked += s.Checked
			t.Right += s.Right
			sum[s.Pattern] = t
		}
	}
	return Patterns(Report{ByPattern: sum})
}
