package main

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/query"
)

type relationsOptions struct {
	queryOptions
	name          string
	top           int
	evidence      bool
	minConfidence float64 // hide relations measured below it; 0 shows all
}

func relationsCommand() *cli.Command {
	return &cli.Command{
		Name:      "relations",
		Usage:     "what one actor did to or with others — met, visited, invited, attacked, backed … — and where it says so",
		ArgsUsage: "NAME",
		Description: `Lists the typed relations of NAME found in the articles: one row per relation type,
direction and other party, with how many sentences state it, in how many articles, the
latest date and the newest article's source, URL (or ID when it has none) and sentence (the
trigger word is shown on its own). The first line says what NAME resolved to (on stderr
beside tsv, csv and json).

   newsgraph query relations Kadhimi
   newsgraph query relations الكاظمي --type meets,visits --since 2021-07-01
   newsgraph query relations "US forces" --type attacks --evidence --format json

Types: meets, visits, invites, discusses, attacks, supports, criticizes, threatens and
statement (NAME is quoted: "X said", "قال X"; it has no other party).
Direction: → NAME acts (NAME met X), ← NAME is acted on (X met NAME), ↔ word order
could not tell who acts ("talks between X and Y"); csv and json say out, in, mutual.
A relation the sentence denies ("did not meet", "نفى") is listed on its own row with
"not" before its type.

Confidence: each relation carries the measured precision of the construction it was read
by (its pattern: "svo/en" subject-verb-object in English, "vso/ar" verb first in Arabic,
"agent/en" "attacks by X on Y", …): the share of that pattern's relations a check found
right on development data (re3d dev, and hand-checked Arabic samples), smoothed for small
samples (the centre of the Wilson score interval), and lower when a party is a name the
lexicon does not know (a tagger's: right less often); a pattern never measured gets 0.5
between known actors. CONF is the highest confidence among a row's sentences.
--min-confidence F (default 0.5) hides the sentences whose confidence is below F, and a
relation with them when none is left, and says how many it hid; --min-confidence 0 shows
them all. Relations stored before confidences were kept (re-ingest to fill them) are
not measured: they are always shown, with "—" (empty in csv, null in json).

   newsgraph query relations "Bashar al-Assad" --min-confidence 0
   newsgraph query relations Kadhimi --min-confidence 0.7 --evidence

--evidence lists every sentence instead of one row per relation, newest first.
Its PATTERN column (--wide; pattern in csv and json) names the construction.
--with narrows the other party by type (person, organization, location), --kind by
kind ("armed faction", country …); --min-weight N keeps the rows stated in N articles
or more (with --evidence: their sentences).

Exit status: 4 when NAME matches nothing (close matches are suggested), 5 when it
matches several entities (their IDs are listed).`,
		Flags: append([]cli.Flag{
			&cli.StringSliceFlag{Name: "type", Aliases: []string{"t"}, Usage: "only relations of these `TYPES` (comma-separated; see above)"},
			&cli.StringSliceFlag{Name: "with", Usage: "only relations with entities of these `TYPES` (person, organization, location)"},
			kindFlag("only relations with entities"),
			&cli.IntFlag{Name: "min-weight", Value: 1, Usage: "only relations stated in at least `N` articles"},
			&cli.Float64Flag{Name: "min-confidence", Value: graph.MinConfidence, Usage: "hide relations whose measured confidence is below `F` (0 to 1; 0 shows all; unmeasured ones are always shown)"},
			&cli.BoolFlag{Name: "evidence", Aliases: []string{"e"}, Usage: "list every sentence, not one row per relation"},
			topFlag("rows"),
			formatFlag(),
		}, append(viewFlags(), articleFlags()...)...),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			name, err := nameArg(c, "relations")
			if err != nil {
				return err
			}
			f, format, err := parseArticleQuery(c)
			if err != nil {
				return err
			}
			if f.Relations, err = parseRelationTypes(c.StringSlice("type"), "--type"); err != nil {
				return err
			}
			if f.Types, err = parseEntityTypes(c.StringSlice("with"), "--with"); err != nil {
				return err
			}
			top, err := parseTop(c)
			if err != nil {
				return err
			}
			n, err := parseNarrowing(c)
			if err != nil {
				return err
			}
			minConf := c.Float64("min-confidence")
			if !(minConf >= 0 && minConf <= 1) {
				return usageErrorf("--min-confidence must be between 0 and 1 (0 shows every relation)")
			}
			q := queryOptions{globalOptions: globals(c), filter: f, narrow: n, format: format, view: parseView(c), stdout: c.App.Writer, stderr: c.App.ErrWriter}
			return runRelations(c.Context, relationsOptions{queryOptions: q, name: name, top: top, evidence: c.Bool("evidence"), minConfidence: minConf})
		},
	}
}

func runRelations(ctx context.Context, opts relationsOptions) error {
	store, e, err := openEntity(ctx, opts.queryOptions, opts.name)
	if err != nil {
		return err
	}
	defer store.Close()
	all, err := store.Relations(ctx, e.ID, opts.filter)
	if err != nil {
		return err
	}
	// Names of the other parties, from the projection over the same
	// articles (entity types are not narrowed: the store already did), of
	// them alone: hidden ones too, so that --kind and --min-weight apply
	// to what --min-confidence hides as to what it shows.
	pf := opts.filter
	pf.Types, pf.Relations, pf.Edges = nil, nil, ""
	names := make(map[string]graph.ProjectedEntity)
	if len(all) > 0 {
		var ids []string
		for _, r := range all {
			ids = append(ids, r.Subject)
			if r.Object != "" {
				ids = append(ids, r.Object)
			}
		}
		p, err := entitiesOf(ctx, store, ids, queryOptions{filter: pf})
		if err != nil {
			return err
		}
		for _, pe := range p.Entities {
			names[pe.ID] = pe
		}
	}
	rels, _ := query.MinConfidence(all, opts.minConfidence)
	all = narrowRelations(e.ID, all, names, opts.narrow)
	rels = narrowRelations(e.ID, rels, names, opts.narrow)
	// What a row of the summary stands for is a relation (type, direction,
	// other party) over all its sentences: one goes from view only when
	// every sentence of it is hidden. Hidden counts what the narrowing
	// would have shown but --min-confidence hid.
	hidden, gone := len(all)-len(rels), 0
	if hidden > 0 {
		gone = len(query.Relations(e.ID, all)) - len(query.Relations(e.ID, rels))
	}
	table := opts.format == formatTable || opts.format == formatMD
	announceResolved(opts.queryOptions, false, resolvedOf(opts.name, e))
	if opts.evidence {
		if err := relationEvidence(opts, e.ID, rels, names, table); err != nil {
			return err
		}
		if err := noteNone(ctx, store, opts, e, len(rels), hidden); err != nil {
			return err
		}
		return noteHidden(opts, hidden, -1)
	}
	res := &result{columns: []column{
		// keep: on a narrow terminal the trigger and sentence count go
		// first, before any text narrows, then the articles, source and
		// date, then the article's URL; the relation, the other's name and
		// the evidence stay. The other's ID shows with --wide.
		{name: "type", title: "RELATION", keep: 3},
		{name: "direction", title: "DIR", keep: 3},
		{name: "other_id", title: "OTHER", exact: true, wide: true},
		{name: "other_name", title: "NAME", keep: 3},
		{name: "other_type", title: "TYPE", wide: true},
		{name: "sentences", title: "SENTENCES", number: true, optional: true},
		{name: "articles", title: "ARTICLES", number: true, keep: 1},
		{name: "confidence", title: "CONF", number: true, digits: 2, keep: 2},
		{name: "latest", title: "LATEST", keep: 2},
		{name: "trigger", title: "TRIGGER", optional: true},
		{name: "article_id", title: "ARTICLE ID", wide: true, exact: true},
		{name: "source", title: "SOURCE", keep: 1},
		{name: "url", title: "ARTICLE", keep: 2},
		{name: "evidence", title: "EVIDENCE", keep: 3},
	}}
	for i, s := range query.Relations(e.ID, rels) {
		if opts.top > 0 && i == opts.top {
			break
		}
		other := names[s.Other]
		ev := s.Evidence
		res.rows = append(res.rows, []any{relationLabel(s.Type, s.Negated, table), directionLabel(s.Direction, table),
			s.Other, describe(other.Entity), string(other.Type), s.Count, s.Articles, confidenceCell(s.Confidence, table), dateCell(s.Latest),
			triggerText(ev.Relation), ev.ArticleID, ev.Source, relationLink(ev, table), snippet(ev.Relation, table)})
	}
	res.view = opts.view
	if err := res.write(opts.stdout, opts.format); err != nil {
		return err
	}
	if err := noteNone(ctx, store, opts, e, len(res.rows), hidden); err != nil {
		return err
	}
	return noteHidden(opts, hidden, gone)
}

// noteNone says why an answer of no rows is empty, unless noteHidden
// will (hidden > 0): the actor has no relation stored, or none the filters
// let through (and then how many there are without them, or that those
// measure below --min-confidence). It goes below a table, on stderr
// beside formats programs read.
func noteNone(ctx context.Context, store graph.Store, opts relationsOptions, e graph.Entity, rows, hidden int) error {
	if rows > 0 || hidden > 0 {
		return nil
	}
	w := opts.stdout
	if opts.format != formatTable && opts.format != formatMD {
		w = opts.stderr
	}
	if opts.format == formatMD {
		fmt.Fprintln(w) // not a row of the table above
	}
	total := 0
	if !wholeGraph(opts.filter, opts.narrow) {
		unfiltered, err := store.Relations(ctx, e.ID, graph.Filter{})
		if err != nil {
			return err
		}
		total = len(query.Relations(e.ID, unfiltered))
		if total > 0 {
			shown, _ := query.MinConfidence(unfiltered, opts.minConfidence)
			why := fmt.Sprintf("without them, %d %s stored", total, isAre(total))
			if n := len(query.Relations(e.ID, shown)); n == 0 {
				why += fmt.Sprintf(", all measuring below --min-confidence %g (0 shows them)", opts.minConfidence)
			} else if n < total {
				why += fmt.Sprintf(", %d of them shown at --min-confidence %g", n, opts.minConfidence)
			}
			_, err := fmt.Fprintf(w, "no relation of %s passes the filters given; %s\n", describe(e), why)
			return err
		}
	}
	_, err := fmt.Fprintf(w, "no relation of %s is stored: relations come from sentences where a verb or noun of meeting, visiting, attacking, criticising, backing … joins it to another actor (README, How relations are found); query neighbors lists who is named with it\n", describe(e))
	return err
}

// confidenceCell is a relation's confidence as a cell: "—" in a table
// and null (empty in csv) elsewhere when it was never measured.
func confidenceCell(c float64, table bool) any {
	switch {
	case c > 0:
		return c
	case table:
		return "—"
	}
	return nil
}

// noteHidden says how many sentences --min-confidence hid, and how many
// relations (rows of the summary; rows < 0 with --evidence, whose rows are
// sentences) went from view with them, and how to see them: below a
// table, on stderr beside formats programs read.
func noteHidden(opts relationsOptions, sentences, rows int) error {
	if sentences == 0 {
		return nil
	}
	w := opts.stdout
	if opts.format != formatTable && opts.format != formatMD {
		w = opts.stderr
	}
	what := fmt.Sprintf("%d sentence%s of confidence below %g hidden", sentences, plural(sentences), opts.minConfidence)
	switch {
	case rows == 0:
		what += " (the relations they state are still shown, by other sentences)"
	case rows > 0:
		with := "them"
		if sentences == 1 {
			with = "it"
		}
		what += fmt.Sprintf(", and with %s %d relation%s", with, rows, plural(rows))
	}
	_, err := fmt.Fprintf(w, "%s; --min-confidence 0 shows them. Confidence is the precision measured on development data for the pattern that read a sentence, lower when a party is a name the lexicon does not know, 0.5 where never measured.\n", what)
	return err
}

// narrowRelations applies --kind to the other party (STATEMENTs, which
// have none, pass) and --min-weight to the rows query.Relations makes:
// the relations of a row stated in fewer articles are dropped.
func narrowRelations(id string, rels []graph.RelationEvidence, names map[string]graph.ProjectedEntity, n query.Narrowing) []graph.RelationEvidence {
	if n.IsZero() {
		return rels
	}
	kept := make([]graph.RelationEvidence, 0, len(rels))
	for _, r := range rels {
		other := r.Object
		if r.Object == id {
			other = r.Subject
		}
		if r.Type == graph.Statement || n.KindMatches(names[other].Kind) {
			kept = append(kept, r)
		}
	}
	if n.MinWeight <= 1 {
		return kept
	}
	type key struct {
		typ     graph.RelationType
		dir     query.Direction
		other   string
		negated bool
	}
	strong := make(map[key]bool)
	for _, s := range query.Relations(id, kept) {
		if s.Articles >= n.MinWeight {
			strong[key{s.Type, s.Direction, s.Other, s.Negated}] = true
		}
	}
	out := kept[:0]
	for _, r := range kept {
		dir, other := relationDirection(id, r.Relation)
		if strong[key{r.Type, dir, other, r.Negated}] {
			out = append(out, r)
		}
	}
	return out
}

// relationDirection is which way r points seen from id, and its other
// party ("" for STATEMENT), as query.Relations sees it.
func relationDirection(id string, r graph.Relation) (query.Direction, string) {
	switch {
	case r.Type == graph.Statement:
		return query.Outgoing, ""
	case !r.Directed:
		if r.Object == id {
			return query.Undirected, r.Subject
		}
		return query.Undirected, r.Object
	case r.Object == id:
		return query.Incoming, r.Subject
	}
	return query.Outgoing, r.Object
}

// relationEvidence writes one row per relation: the --evidence view.
func relationEvidence(opts relationsOptions, id string, rels []graph.RelationEvidence, names map[string]graph.ProjectedEntity, table bool) error {
	res := &result{columns: []column{
		{name: "date", title: "DATE", keep: 1},
		{name: "type", title: "RELATION", keep: 3},
		{name: "direction", title: "DIR", keep: 3},
		{name: "other_id", title: "OTHER", exact: true, wide: true},
		{name: "other_name", title: "NAME", keep: 2},
		{name: "article_id", title: "ARTICLE ID", exact: true, wide: true},
		{name: "source", title: "SOURCE", keep: 1},
		{name: "url", title: "ARTICLE", keep: 1},
		{name: "title", title: "TITLE", wide: true},
		{name: "sentence", title: "SENTENCE", number: true, wide: true},
		{name: "trigger", title: "TRIGGER"},
		{name: "trigger_start", title: "AT", number: true, wide: true},
		{name: "confidence", title: "CONF", number: true, digits: 2, keep: 2},
		{name: "pattern", title: "PATTERN", wide: true},
		{name: "text", title: "EVIDENCE", keep: 3},
	}}
	for i, r := range rels {
		if opts.top > 0 && i == opts.top {
			break
		}
		dir, other := relationDirection(id, r.Relation)
		text := r.Text
		if table {
			text = snippet(r.Relation, true)
		}
		res.rows = append(res.rows, []any{dateCell(r.Published), relationLabel(r.Type, r.Negated, table), directionLabel(dir, table),
			other, describe(names[other].Entity), r.ArticleID, r.Source, relationLink(r, table), r.Title, r.Sentence, triggerText(r.Relation), r.Trigger.Start,
			confidenceCell(r.Confidence, table), r.Pattern, text})
	}
	res.view = opts.view
	return res.write(opts.stdout, opts.format)
}

// relationLink is the URL of r's article; in a table, its ID when it has
// none.
func relationLink(r graph.RelationEvidence, table bool) string {
	if table {
		return articleLink(r.ArticleID, r.URL)
	}
	return r.URL
}

func relationLabel(t graph.RelationType, negated, table bool) string {
	s := strings.ToLower(string(t))
	if negated {
		if table {
			return "not " + s
		}
		return "not_" + s
	}
	return s
}

func directionLabel(d query.Direction, table bool) string {
	if !table {
		return string(d)
	}
	switch d {
	case query.Outgoing:
		return "→"
	case query.Incoming:
		return "←"
	}
	return "↔"
}

// triggerText is the word that names the relation.
func triggerText(r graph.Relation) string {
	start, end := r.Trigger.Start-r.TextStart, r.Trigger.End-r.TextStart
	if start < 0 || end > len(r.Text) || start > end {
		return ""
	}
	return r.Text[start:end]
}

// snippetRunes is how much of an evidence sentence a table shows.
const snippetRunes = 140

// snippet returns the evidence sentence; in a table, at most snippetRunes
// of it around the trigger, cut at spaces and marked with "…".
func snippet(r graph.Relation, table bool) string {
	text := r.Text
	if !table || utf8.RuneCountInString(text) <= snippetRunes {
		return text
	}
	at := max(0, min(r.Trigger.Start-r.TextStart, len(text)))
	runes := []rune(text)
	center := utf8.RuneCountInString(text[:at])
	lo := max(0, center-snippetRunes/2)
	hi := min(len(runes), lo+snippetRunes)
	lo = max(0, hi-snippetRunes)
	// Whole words only.
	for lo > 0 && lo < hi && runes[lo-1] != ' ' {
		lo++
	}
	for hi < len(runes) && hi > lo && runes[hi] != ' ' {
		hi--
	}
	s := strings.TrimSpace(string(runes[lo:hi]))
	if lo > 0 {
		s = "…" + s
	}
	if hi < len(runes) {
		s += "…"
	}
	return s
}

// isAre agrees a verb with n.
func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
