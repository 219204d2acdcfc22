package releval

import "sort"

// Notes say what an evaluation does not score; every report but a bare
// table of counts carries them.
var Notes = []string{
	"STATEMENT predictions are not scored: re3d has no counterpart",
	"negated predictions are not scored",
	"gold relations of unmapped types (CoLocated, BelongsTo, InChargeOf, HasAttrOf, IsSynonymOf, Apart) are not scored",
}

// CountsSummary are the counts and scores of one class, or of all (the
// micro average), as the JSON of eval relations writes them.
type CountsSummary struct {
	RE3DTypes []string `json:"re3d_types,omitempty"`
	Gold      int      `json:"gold"`
	Predicted int      `json:"predicted"`
	TP        int      `json:"tp"`
	FP        int      `json:"fp"`
	FN        int      `json:"fn"`
	Precision float64  `json:"precision"`
	Recall    float64  `json:"recall"`
	F1        float64  `json:"f1"`
}

func countsSummary(c Counts, types []string) CountsSummary {
	return CountsSummary{types, c.Gold, c.Predicted, c.TP, c.FP(), c.FN(), c.Precision(), c.Recall(), c.F1()}
}

// ScoresSummary are the scores of one match rule: the micro average and
// each class by name.
type ScoresSummary struct {
	Micro CountsSummary            `json:"micro"`
	Types map[string]CountsSummary `json:"types"`
}

func scoresSummary(s Scores) ScoresSummary {
	out := ScoresSummary{Micro: countsSummary(s.Micro, nil), Types: make(map[string]CountsSummary, len(Classes))}
	for _, c := range Classes {
		out.Types[c.Name] = countsSummary(s.PerClass[c.Name], c.Gold)
	}
	return out
}

// TypeSummary counts the scored predictions of one type of ours and those
// right by each rule.
type TypeSummary struct {
	Predicted int `json:"predicted"`
	TPArgs    int `json:"tp_args"`
	TPTrigger int `json:"tp_trigger"`
}

// ErrorSummary is an Error with the re3d source folder of its document.
type ErrorSummary struct {
	Kind       string `json:"kind"`
	Type       string `json:"type"`
	Class      string `json:"class"`
	SourceName string `json:"source_name"` // the re3d source folder
	Document   string `json:"document"`
	Source     string `json:"source"`
	Trigger    string `json:"trigger"`
	Target     string `json:"target"`
}

// Summary is a Report in the shape eval relations writes as JSON: the gold
// and predicted counts, both match rules, the first errors and the Notes.
type Summary struct {
	Gold struct {
		Documents int            `json:"documents"`
		Relations int            `json:"relations"`
		Scored    int            `json:"scored"`
		Unmapped  int            `json:"unmapped"`
		Types     map[string]int `json:"types"`
		// Repaired and Dropped count the relations whose offsets did not
		// cut out their text (see Warning); Warnings lists them.
		Repaired int      `json:"repaired"`
		Dropped  int      `json:"dropped"`
		Warnings []string `json:"warnings"`
	} `json:"gold"`
	Predicted struct {
		Relations int                    `json:"relations"`
		Scored    int                    `json:"scored"`
		Negated   int                    `json:"negated"`
		Statement int                    `json:"statement"`
		Other     int                    `json:"other"`
		Types     map[string]TypeSummary `json:"types"`
	} `json:"predicted"`
	Args    ScoresSummary `json:"args"`
	Trigger ScoresSummary `json:"trigger"`
	// Patterns are the scored predictions per extraction pattern, sorted
	// by pattern (see Patterns).
	Patterns []PatternSummary `json:"patterns"`
	// Confusion is Report.Confusion: per type of ours, the scored
	// predictions by the re3d type of the gold relation joining the same
	// arguments ("(none)" where none does).
	Confusion map[string]map[string]int `json:"confusion"`
	Errors    []ErrorSummary            `json:"errors"`
	Notes     []string                  `json:"notes"`
}

// PatternSummary is a PatternScore as eval relations writes it: the scored
// predictions of one pattern, those matching a gold relation with both
// arguments, and their ratio.
type PatternSummary struct {
	Pattern   string  `json:"pattern"`
	Predicted int     `json:"predicted"`
	TPArgs    int     `json:"tp_args"`
	Precision float64 `json:"precision"`
}

// Summarize returns the summary of rep, an evaluation of docs, with its
// first nErrors errors (see FirstErrors).
func Summarize(rep Report, docs []Document, nErrors int) Summary {
	var out Summary
	out.Gold.Documents, out.Gold.Relations = rep.Documents, rep.GoldTotal
	out.Gold.Scored, out.Gold.Unmapped, out.Gold.Types = rep.Args.Micro.Gold, rep.Unmapped, rep.Gold
	out.Gold.Repaired, out.Gold.Dropped = rep.Repaired, rep.Dropped
	out.Gold.Warnings = []string{}
	for _, w := range Warnings(docs) {
		out.Gold.Warnings = append(out.Gold.Warnings, w.String())
	}
	out.Predicted.Relations, out.Predicted.Scored = rep.Predicted, rep.Args.Micro.Predicted
	out.Predicted.Negated, out.Predicted.Statement, out.Predicted.Other = rep.Negated, rep.Statements, rep.Other
	out.Predicted.Types = make(map[string]TypeSummary, len(rep.ByType))
	for t, c := range rep.ByType {
		out.Predicted.Types[string(t)] = TypeSummary{c.Predicted, c.ArgsTP, c.TriggerTP}
	}
	out.Args, out.Trigger = scoresSummary(rep.Args), scoresSummary(rep.Trigger)
	out.Confusion = make(map[string]map[string]int, len(rep.Confusion))
	for t, row := range rep.Confusion {
		out.Confusion[string(t)] = row
	}
	out.Patterns = []PatternSummary{}
	for _, p := range Patterns(rep) {
		out.Patterns = append(out.Patterns, PatternSummary{p.Pattern, p.Checked, p.Right, p.Precision()})
	}
	out.Errors = FirstErrors(rep, docs, nErrors)
	out.Notes = Notes
	return out
}

// FirstErrors returns the first n errors of rep, an evaluation of docs: the
// false positives, then the false negatives, each in document order.
func FirstErrors(rep Report, docs []Document, n int) []ErrorSummary {
	source := make(map[string]string, len(docs))
	for _, d := range docs {
		source[d.ID] = d.Source
	}
	errs := append([]Error(nil), rep.Errors...)
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Kind == "FP" && errs[j].Kind != "FP" })
	out := make([]ErrorSummary, 0, min(n, len(errs)))
	for _, e := range errs[:min(n, len(errs))] {
		out = append(out, ErrorSummary{e.Kind, e.Type, e.Class, source[e.Document], e.Document, e.Source, e.Trigger, e.Target})
	}
	return out
}
