package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/ingest/reseval"
)

type evalResolutionOptions struct {
	globalOptions
	actors   string // the actor list file
	verdicts string // a reader's verdicts on the top nodes ("" for none)
	top      int    // top nodes the junk heuristic judges
	nodes    int    // node IDs shown per actor in tables
	format   string
	stdout   io.Writer
}

func evalResolutionCommand() *cli.Command {
	return &cli.Command{
		Name:  "resolution",
		Usage: "measure entity resolution in a store against a hand-checked actor list",
		Description: `Reads a store (after an ingest) and a hand-checked actor list, and reports how many nodes each
actor is split into, and how much junk is among the top nodes by articles. Only the store is
read: the figures do not depend on how names were found. Nodes are read as the other query
commands read them, one actor's made IDs across articles merged (graph/cluster); --no-cluster
measures the nodes as stored.

The actor list is JSON lines, "#" lines comments: {"actor", "ids", "forms", "not"}. A node
carries an actor when its ID is one of ids, or one of its names (canonical names, aliases, the
words of a rule- or tagger-made ID) contains one of forms as whole words — the first perhaps
behind a proclitic (و ف ب ل ك) — and none contains one of not.

Per actor: NODES that carry it (most articles first), ARTICLES mentioning any of them, LARGEST
(the articles of the largest node) and SHARE = LARGEST/ARTICLES. Summary: the mean nodes per
actor found, actors that are exactly one node, the mean SHARE, made IDs (TYPE:KEY, made by rules or a tagger)
and those that extend another ID with trailing words ("person:محمد-السادس-بتطوان"), and of
those the fragments: extending a commoner ID of two or more words (not a lone first name).

Junk among the top --junk-top nodes by articles is a HEURISTIC: a node is junk when it is a made
ID extending another ID, a made name holding a stop-word ("الذي", "سيفتح"), a bare generic body
of no country ("مجلس النواب", "وزارة الدفاع") as its name or an alias, or a duplicate of a listed
actor (carries it but is not its largest node). It misses wrong identities behind right names
and wrong types, so it understates what a reader would judge. --verdicts reads a reader's
judgement of the top nodes (ID<TAB>VERDICT[<TAB>NOTE] lines; ok, wrong-identity, non-entity,
generic, wrong-type or duplicate) and reports the junk it counts beside the heuristic's, listing
the nodes it calls junk and those it does not judge.

   newsgraph --store ar.db eval resolution --actors ingest/reseval/testdata/ar-news-2022-actors.jsonl
   newsgraph eval resolution --actors actors.jsonl --format json
   newsgraph eval resolution --actors actors.jsonl --verdicts ingest/reseval/testdata/ar-news-2022-top-verdicts.tsv

tsv, csv and markdown print the per-actor table; table adds the summary and the junk list; json
is the whole report: {"actors": [{"actor", "nodes": [{"id", "name", "articles"}], "articles",
"largest", "share"}], "actors_found", "mean_nodes_per_actor", "mean_share", "actors_one_node", "entities",
"made_ids", "extending_ids", "fragment_ids", "top": [{"id", "name", "articles", "junk"}], "top_junk",
"top_junk_share", "top_junk_reasons": {reason: count}}, with --verdicts each top node's "verdict"
and "hand": {"junk", "junk_share", "junk_kinds", "unjudged"}.

Exit status: 0 measured; 1 the store or the actor list could not be read; 2 the command line
was wrong.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "actors", Aliases: []string{"a"}, Usage: "hand-checked actor list `FILE` (JSON lines; required)"},
			&cli.StringFlag{Name: "verdicts", Usage: "a reader's verdicts on the top nodes, `FILE` of ID<TAB>VERDICT[<TAB>NOTE] lines (ok, wrong-identity, non-entity, generic, wrong-type, duplicate): also report the junk they count"},
			&cli.IntFlag{Name: "junk-top", Value: reseval.DefaultTop, Usage: "judge the top `N` nodes by articles for junk"},
			&cli.IntFlag{Name: "nodes", Value: 3, Usage: "show the `N` largest node IDs of each actor in tables; 0 shows all"},
			formatFlag(),
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "eval resolution", " (the actor list goes after --actors)"); err != nil {
				return err
			}
			format, err := parseFormat(c)
			if err != nil {
				return err
			}
			opts := evalResolutionOptions{
				globalOptions: globals(c),
				actors:        c.String("actors"),
				verdicts:      c.String("verdicts"),
				top:           c.Int("junk-top"),
				nodes:         c.Int("nodes"),
				format:        format,
				stdout:        c.App.Writer,
			}
			switch {
			case opts.actors == "":
				return usageErrorf("eval resolution needs --actors FILE, a hand-checked actor list")
			case opts.top <= 0:
				return usageErrorf("--junk-top must be positive")
			case opts.nodes < 0:
				return usageErrorf("--nodes must not be negative")
			}
			return runEvalResolution(c.Context, opts)
		},
	}
}

func runEvalResolution(ctx context.Context, opts evalResolutionOptions) error {
	actors, err := reseval.ReadActorsFile(opts.actors)
	if err != nil {
		return err
	}
	store, err := openReadStore(ctx, opts.globalOptions)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := reseval.Measure(ctx, store, actors, opts.top)
	if err != nil {
		return err
	}
	if opts.verdicts != "" {
		v, err := reseval.ReadVerdictsFile(opts.verdicts)
		if err != nil {
			return err
		}
		rep.Judge(v)
	}
	if opts.format == formatJSON {
		enc := json.NewEncoder(opts.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	res := &result{columns: []column{
		{name: "actor", title: "ACTOR"},
		{name: "nodes", title: "NODES", number: true},
		{name: "articles", title: "ARTICLES", number: true},
		{name: "largest", title: "LARGEST", number: true},
		{name: "share", title: "SHARE", number: true, digits: 2},
		{name: "ids", title: "LARGEST NODES", exact: true},
	}}
	for _, a := range rep.Actors {
		var ids []string
		for i, n := range a.Nodes {
			if opts.nodes > 0 && i == opts.nodes {
				ids = append(ids, fmt.Sprintf("+%d", len(a.Nodes)-i))
				break
			}
			ids = append(ids, fmt.Sprintf("%s (%d)", n.ID, n.Articles))
		}
		res.rows = append(res.rows, []any{a.Actor, len(a.Nodes), a.Articles, a.Largest, a.Share, strings.Join(ids, " ")})
	}
	if opts.format != formatTable {
		return res.write(opts.stdout, opts.format)
	}
	w := opts.stdout
	if err := res.write(w, formatTable); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nactors: %d listed, %d found in the store; %.2f nodes per actor found; %d exactly one node; largest node's share %.2f on average\n",
		len(rep.Actors), rep.Found, rep.MeanNodes, rep.OneNode, rep.MeanShare)
	fmt.Fprintf(w, "IDs: %d entities, %d made by rules or a tagger, %d of them extend another ID with trailing words, %d a commoner name of two or more words (fragments)\n",
		rep.Entities, rep.MadeIDs, rep.Extending, rep.Fragments)
	reasons := make([]string, 0, len(rep.JunkReason))
	for r, n := range rep.JunkReason {
		reasons = append(reasons, fmt.Sprintf("%s %d", r, n))
	}
	sort.Strings(reasons)
	fmt.Fprintf(w, "junk (a heuristic): %d of the top %d nodes by articles (%.1f%%): %s\n",
		rep.Junk, len(rep.Top), 100*rep.JunkShare, strings.Join(reasons, ", "))
	if h := rep.Hand; h != nil {
		kinds := make([]string, 0, len(h.Kinds))
		for k, n := range h.Kinds {
			kinds = append(kinds, fmt.Sprintf("%s %d", k, n))
		}
		sort.Strings(kinds)
		fmt.Fprintf(w, "junk (verdicts of %s): %d of the top %d nodes by articles (%.1f%%): %s; %d not judged\n",
			opts.verdicts, h.Junk, len(rep.Top), 100*h.Share, strings.Join(kinds, ", "), h.Unjudged)
	}
	if rep.Junk == 0 && (rep.Hand == nil || rep.Hand.Junk+rep.Hand.Unjudged == 0) {
		return nil
	}
	junk := &result{columns: []column{
		{name: "rank", title: "RANK", number: true},
		{name: "id", title: "ID", exact: true},
		{name: "name", title: "NAME"},
		{name: "articles", title: "ARTICLES", number: true},
		{name: "junk", title: "JUNK"},
	}}
	if rep.Hand != nil {
		junk.columns = append(junk.columns, column{name: "verdict", title: "VERDICT"})
	}
	for i, t := range rep.Top {
		judged := rep.Hand != nil && t.Verdict != reseval.VerdictOK
		if t.Junk == "" && !judged {
			continue
		}
		row := []any{i + 1, t.ID, t.Name, t.Articles, t.Junk}
		if rep.Hand != nil {
			v := t.Verdict
			if v == "" {
				v = "(not judged)"
			}
			row = append(row, v)
		}
		junk.rows = append(junk.rows, row)
	}
	fmt.Fprintln(w)
	return junk.write(w, formatTable)
}
