package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/urfave/cli/v2"
)

// Output formats every query accepts.
const (
	formatTable = "table"
	formatCSV   = "csv"
	formatJSON  = "json"
	formatMD    = "markdown"
)

func formatFlag() cli.Flag {
	return &cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: formatTable, Usage: "output `FORMAT`: table (for people), markdown (for reports), csv or json (for programs)"}
}

// topFlag is the --top flag of queries that list things: what they list.
func topFlag(what string) cli.Flag {
	return &cli.IntFlag{Name: "top", Aliases: []string{"n"}, Value: 20, Usage: "show the first `N` " + what + "; 0 shows all"}
}

// parseTop reads --top.
func parseTop(c *cli.Context) (int, error) {
	if n := c.Int("top"); n >= 0 {
		return n, nil
	}
	return 0, usageErrorf("--top must not be negative")
}

func parseFormat(s string) (string, error) {
	switch s {
	case formatTable, formatCSV, formatJSON, formatMD:
		return s, nil
	case "md":
		return formatMD, nil
	}
	return "", usageErrorf("unknown --format %q (want table, markdown, csv or json)", s)
}

// column describes one column of a result. Numbers are right-aligned and
// rounded to digits decimals in tables, and keep full precision in csv and
// json.
type column struct {
	name   string // csv header and json key: stable, snake_case
	title  string // table header
	number bool
	digits int
	// wide columns are left out of tables, which must fit a terminal; csv
	// and json carry them.
	wide bool
}

// result is a query's answer, ready to be written in any format.
type result struct {
	columns []column
	rows    [][]any // string, int or float64 per cell
}

func (r *result) write(w io.Writer, format string) error {
	switch format {
	case formatCSV:
		return r.writeCSV(w)
	case formatJSON:
		return r.writeJSON(w)
	case formatMD:
		return r.writeMarkdown(w)
	}
	return r.writeTable(w)
}

// shownColumns are the indexes of the columns tables show: all but wide ones.
func (r *result) shownColumns() []int {
	var shown []int
	for i, c := range r.columns {
		if !c.wide {
			shown = append(shown, i)
		}
	}
	return shown
}

// writeMarkdown writes a GitHub-flavoured markdown table with the columns
// and rounding of the terminal table, numbers right-aligned.
func (r *result) writeMarkdown(w io.Writer) error {
	var b strings.Builder
	shown := r.shownColumns()
	b.WriteString("|")
	for _, i := range shown {
		b.WriteString(" " + markdownCell(r.columns[i].title) + " |")
	}
	b.WriteString("\n|")
	for _, i := range shown {
		if r.columns[i].number {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, row := range r.rows {
		b.WriteString("|")
		for _, i := range shown {
			b.WriteString(" " + markdownCell(formatCell(row[i], r.columns[i].digits, false)) + " |")
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownEscaper escapes what would end a table cell or turn text into
// markup: pipes, backslashes, emphasis, code, links and HTML. Line breaks
// become <br>, which GitHub renders inside cells.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "\r\n", "<br>", "\n", "<br>", "\r", "<br>",
)

// markdownCell escapes one cell of a markdown table.
func markdownCell(s string) string { return markdownEscaper.Replace(s) }

func (r *result) writeTable(w io.Writer) error {
	var header []string
	var aligns []tw.Align
	shown := r.shownColumns()
	for _, i := range shown {
		c := r.columns[i]
		header = append(header, c.title)
		if c.number {
			aligns = append(aligns, tw.AlignRight)
		} else {
			aligns = append(aligns, tw.AlignLeft)
		}
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(60),
	)
	t.Header(header)
	for _, row := range r.rows {
		cells := make([]string, len(shown))
		for k, i := range shown {
			cells[k] = formatCell(row[i], r.columns[i].digits, false)
		}
		if err := t.Append(cells); err != nil {
			return err
		}
	}
	return t.Render()
}

func (r *result) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	header := make([]string, len(r.columns))
	for i, c := range r.columns {
		header[i] = c.name
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, row := range r.rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = formatCell(v, -1, true)
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// rankedEntityColumns are the first columns of a ranked list of entities.
func rankedEntityColumns() []column {
	return []column{
		{name: "rank", title: "#", number: true},
		{name: "id", title: "ID"},
		{name: "name", title: "NAME"},
		{name: "name_ar", title: "ARABIC"},
		{name: "type", title: "TYPE"},
	}
}

// writeJSONObject writes row as a JSON object whose keys are the column
// names, in column order, and closes it; the caller writes the "{".
func (r *result) writeJSONObject(b interface {
	io.Writer
	io.StringWriter
}, row []any) error {
	for j, v := range row {
		if j > 0 {
			b.WriteString(", ")
		}
		k, _ := json.Marshal(r.columns[j].name)
		val, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(k)
		b.WriteString(": ")
		b.Write(val)
	}
	b.WriteString("}")
	return nil
}

// writeJSON writes an array of objects whose keys keep the column order.
func (r *result) writeJSON(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString("[")
	for i, row := range r.rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		if err := r.writeJSONObject(&b, row); err != nil {
			return err
		}
	}
	if len(r.rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}

// formatCell renders a value; digits < 0 means full precision.
func formatCell(v any, digits int, full bool) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		if full || digits < 0 {
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
		return strconv.FormatFloat(x, 'f', digits, 64)
	case []string:
		return strings.Join(x, "\n")
	}
	return fmt.Sprint(v)
}
