package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/cluster"
)

// resolvedName is what a name typed on the command line resolved to: the
// "resolved" field of json output.
type resolvedName struct {
	Query  string `json:"query"`
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameAr string `json:"name_ar"`
	Type   string `json:"type"`
}

func resolvedOf(query string, e graph.Entity) resolvedName {
	return resolvedName{Query: query, ID: e.ID, Name: e.Name, NameAr: e.NameAr, Type: string(e.Type)}
}

// String is the line people read: `Kadhimi → Mustafa al-Kadhimi (مصطفى
// الكاظمي) [person, id mustafa-al-kadhimi]`, as an ambiguous name's
// candidates are listed.
func (r resolvedName) String() string {
	return fmt.Sprintf("%s → %s [%s, id %s]", r.Query, describe(graph.Entity{Name: r.Name, NameAr: r.NameAr}), r.Type, r.ID)
}

// markdown is the line for a markdown report: the names escaped as a
// cell's text, the type and ID as code, so that the line reads the same
// raw and rendered — no "\[" where the plain line has "[".
func (r resolvedName) markdown() string {
	names := markdownCell(r.Query + " → " + describe(graph.Entity{Name: r.Name, NameAr: r.NameAr}))
	return fmt.Sprintf("resolved: %s, %s, id `%s`", names, r.Type, strings.ReplaceAll(r.ID, "`", "'"))
}

// announceResolved says what the names of a query resolved to, before its
// answer: first on standard output above a table or markdown, on standard
// error beside tsv and csv (and beside json when embedded is false), so
// that piped output stays parseable; json that embeds a "resolved" field
// (embedded) gets nothing more. A table's line is cut to the terminal.
func announceResolved(opts queryOptions, embedded bool, names ...resolvedName) {
	switch opts.format {
	case formatTable:
		for _, r := range names {
			line := "resolved: " + r.String()
			if t, ok := opts.stdout.(*terminal); ok && t.width > 0 && displayWidth(line) > t.width {
				// One script's name, then a shorter name, keeping the ID.
				short := r
				short.NameAr = ""
				if short.Name == "" {
					short.Name = r.NameAr
				}
				line = "resolved: " + short.String()
				if displayWidth(line) > t.width {
					tail := fmt.Sprintf(" [%s, id %s]", r.Type, r.ID)
					line = truncate("resolved: "+r.Query+" → "+short.Name, max(t.width-displayWidth(tail), 20)) + tail
				}
			}
			fmt.Fprintln(opts.stdout, line)
		}
	case formatMD:
		lines := make([]string, len(names))
		for i, r := range names {
			lines[i] = r.markdown()
		}
		fmt.Fprintf(opts.stdout, "%s\n\n", strings.Join(lines, "  \n"))
	case formatJSON:
		if embedded {
			return
		}
		fallthrough
	default:
		for _, r := range names {
			fmt.Fprintln(opts.stderr, "resolved: "+r.String())
		}
	}
}

// articleLink is how a person finds an article again: its URL, or its ID
// when it has none.
func articleLink(id, url string) string {
	if url != "" {
		return url
	}
	return id
}

// evidenceText is what an evidence line quotes: the sentence that links
// the pair when the store has one, else the article's title.
func evidenceText(ev graph.Evidence) string {
	if ev.Sentence != "" {
		return ev.Sentence
	}
	return ev.Title
}

// announceMerged says which stored IDs the node id stands for, when a
// clustering store (graph/cluster, on unless --no-cluster) merges two or
// more: in a table or Markdown before the result, on stderr otherwise, so
// that JSON and CSV stay the result alone.
func announceMerged(ctx context.Context, opts queryOptions, store graph.Store, id string) error {
	cs, ok := store.(*cluster.Store)
	if !ok {
		return nil
	}
	c, err := cs.Clustering(ctx)
	if err != nil {
		return err
	}
	members := c.Members(id)
	if len(members) < 2 {
		return nil
	}
	line := fmt.Sprintf("merges %d IDs: %s (--no-cluster reads them apart)", len(members), strings.Join(members, ", "))
	switch opts.format {
	case formatTable:
		fmt.Fprintln(opts.stdout, line)
	case formatMD:
		fmt.Fprintf(opts.stdout, "%s\n\n", markdownCell(line))
	default:
		fmt.Fprintln(opts.stderr, line)
	}
	return nil
}
