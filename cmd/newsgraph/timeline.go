package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/read"
	"github.com/newsgraph/newsgraph/query"
	"github.com/newsgraph/newsgraph/query/draw"
)

type timelineOptions struct {
	queryOptions
	names []string
	per   query.Period
}

func timelineCommand() *cli.Command {
	return &cli.Command{
		Name:      "timeline",
		Usage:     "how often actors are in the news, per week or month, with a sparkline or a chart",
		ArgsUsage: "NAME...",
		Description: `Counts the articles naming NAME, and how many times they name it, per ISO week
(Monday to Sunday) or calendar month, from its first to its last dated article. Periods
without an article are listed with zero — a gap in coverage is news too — and show as a
blank in the sparkline above the table. Undated articles cannot be placed and are counted
apart: in the table's heading, on stderr beside tsv, csv and json, and in the SVG's legend.

   newsgraph query timeline Kadhimi
   newsgraph query timeline "الحشد الشعبي" --per week --since 2021-01-01 --format csv

Several names give one timeline each, in the order given (a leading name column in tsv,
csv and json); --format svg draws them in one chart with dated axes:

   newsgraph query timeline Kadhimi Raisi "Muqtada al-Sadr" --format svg > timeline.svg

Exit status: 4 when a NAME matches nothing (close matches are suggested), 5 when it
matches several entities (their IDs are listed).`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "per", Value: "month", Usage: "`PERIOD` of each row: week or month"},
			pictureFormatFlag(formatSVG),
		}, articleFlags()...),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageErrorf("timeline needs at least one NAME (quote a name with spaces)")
			}
			picture, err := takePicture(c, formatSVG)
			if err != nil {
				return err
			}
			f, format, err := parseArticleQuery(c)
			if err != nil {
				return err
			}
			if picture != "" {
				format = picture
			}
			var per query.Period
			switch strings.ToLower(c.String("per")) {
			case "week", "weeks", "weekly":
				per = query.Week
			case "month", "months", "monthly":
				per = query.Month
			default:
				return usageErrorf("--per %q: want week or month", c.String("per"))
			}
			q := queryOptions{globalOptions: globals(c), filter: f, format: format, stdout: c.App.Writer, stderr: c.App.ErrWriter}
			return runTimeline(c.Context, timelineOptions{queryOptions: q, names: c.Args().Slice(), per: per})
		},
	}
}

func runTimeline(ctx context.Context, opts timelineOptions) error {
	store, err := openReadStore(ctx, opts.globalOptions)
	if err != nil {
		return err
	}
	defer store.Close()
	if opts.stderr != nil {
		if err := noteDates(ctx, store, opts.queryOptions); err != nil {
			return err
		}
	}
	var series []draw.Series
	res := &result{columns: []column{
		{name: "period", title: "PERIOD"},
		{name: "start", title: "FROM"},
		{name: "articles", title: "ARTICLES", number: true},
		{name: "mentions", title: "MENTIONS", number: true},
	}}
	several := len(opts.names) > 1
	now := time.Now()
	if several && opts.format != formatTable && opts.format != formatMD {
		res.columns = append([]column{{name: "entity_id", title: "ID"}, {name: "name", title: "NAME"}}, res.columns...)
	}
	for n, name := range opts.names {
		e, err := resolveName(ctx, store, name, graph.Filter{}, query.Narrowing{})
		if err != nil {
			return err
		}
		announceResolved(opts.queryOptions, false, resolvedOf(name, e))
		ms, err := store.Mentions(ctx, e.ID, opts.filter)
		if err != nil {
			return err
		}
		articles := make([]query.Dated, 0, len(ms))
		mentions := make([]query.Dated, 0, len(ms))
		undated, implausible := 0, 0
		for _, m := range ms {
			date := m.Published
			if !date.IsZero() && !plausibleDate(date, now) {
				implausible++
				date = time.Time{}
			}
			if date.IsZero() {
				undated++
			}
			articles = append(articles, query.Dated{Date: date, Count: 1})
			mentions = append(mentions, query.Dated{Date: date, Count: m.Count})
		}
		if implausible > 0 && opts.stderr != nil {
			fmt.Fprintf(opts.stderr, "note: %d article%s of %s dated before %d or over a year after today, not placed (stored by an older newsgraph; ingest again to store the dates as unknown)\n",
				implausible, plural(implausible), printable(displayName(e)), minPlausibleYear)
		}
		byArticle := query.Timeline(articles, opts.per)
		byMention := query.Timeline(mentions, opts.per)
		series = append(series, draw.Series{Entity: e, Buckets: byArticle, Undated: undated})
		if undated > 0 && opts.format != formatTable && opts.format != formatMD && !isPicture(opts.format) && opts.stderr != nil {
			fmt.Fprintf(opts.stderr, "%s: %d of %d article%s undated, not placed\n", printable(displayName(e)), undated, len(ms), plural(len(ms)))
		}
		if isPicture(opts.format) {
			continue
		}
		var rows [][]any
		for i, b := range byArticle {
			row := []any{b.Label, b.Start.Format("2006-01-02"), b.Count, byMention[i].Count}
			if several && opts.format != formatTable && opts.format != formatMD {
				row = append([]any{e.ID, displayName(e)}, row...)
			}
			rows = append(rows, row)
		}
		if opts.format != formatTable && opts.format != formatMD {
			res.rows = append(res.rows, rows...)
			continue
		}
		if n > 0 {
			fmt.Fprintln(opts.stdout)
		}
		fmt.Fprintf(opts.stdout, "%s: %d article%s", printable(displayName(e)), len(ms), plural(len(ms)))
		if undated > 0 {
			fmt.Fprintf(opts.stdout, " (%d undated, not placed)", undated)
		}
		if len(byArticle) > 0 {
			fmt.Fprintf(opts.stdout, ", %s to %s\n%s\n", byArticle[0].Label, byArticle[len(byArticle)-1].Label, query.Sparkline(byArticle))
		} else {
			fmt.Fprintln(opts.stdout)
		}
		if err := (&result{columns: res.columns, rows: rows}).write(opts.stdout, opts.format); err != nil {
			return err
		}
	}
	switch {
	case isPicture(opts.format):
		return drawTimeline(opts, series)
	case opts.format == formatTable || opts.format == formatMD:
		return nil
	}
	return res.write(opts.stdout, opts.format)
}

// minPlausibleYear is the first year a publication date may have, as
// ingest reads them (read.ParseDate).
const minPlausibleYear = 1900

// plausibleDate reports whether t may be a publication date as ingest now
// stores them: from minPlausibleYear to read.MaxFuture after now. A store
// written by an older newsgraph may hold others (9999-12-31), which would
// stretch a timeline over millennia.
func plausibleDate(t, now time.Time) bool {
	return t.Year() >= minPlausibleYear && !t.After(now.Add(read.MaxFuture))
}
