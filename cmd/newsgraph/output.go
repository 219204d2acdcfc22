package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/urfave/cli/v2"
)

// Output formats every query accepts.
const (
	formatAuto  = "" // table on a terminal, tsv in a pipe: see parseFormat
	formatTable = "table"
	formatTSV   = "tsv"
	formatCSV   = "csv"
	formatJSON  = "json"
	formatMD    = "markdown"
)

func formatFlag() cli.Flag {
	return &cli.StringFlag{Name: "format", Aliases: []string{"f"}, DefaultText: "table on a terminal, tsv in a pipe",
		Usage: "output `FORMAT`: table (for people; fits the terminal, or --width), markdown (for reports), tsv, csv or json (for programs)"}
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

// parseFormat reads --format. Unset, it is a table on a terminal and
// tab-separated rows in a pipe, as gh does.
func parseFormat(c *cli.Context) (string, error) {
	t, ok := c.App.Writer.(*terminal)
	return formatName(c.String("format"), ok && t.tty)
}

// formatName reads a --format value; "" is a table on a terminal (tty) and
// tsv elsewhere.
func formatName(s string, tty bool) (string, error) {
	switch s {
	case formatAuto:
		if tty {
			return formatTable, nil
		}
		return formatTSV, nil
	case formatTable, formatTSV, formatCSV, formatJSON, formatMD:
		return s, nil
	case "md":
		return formatMD, nil
	default:
		msg := fmt.Sprintf("unknown --format %q (want table, markdown, tsv, csv or json)", s)
		if sug := closest(s, []string{formatTable, formatMD, formatTSV, formatCSV, formatJSON}); len(sug) > 0 {
			msg += "; did you mean " + strings.Join(sug, " or ") + "?"
		}
		return "", usageErrorf("%s", msg)
	}
}

// column describes one column of a result. Numbers are right-aligned and
// rounded to digits decimals in tables, and keep full precision in csv and
// json.
type column struct {
	name   string // csv header and json key: stable, snake_case
	title  string // table header
	number bool
	digits int
	// wide columns are left out of tables and markdown, which must fit a
	// terminal, unless --wide or --columns asks for them; tsv, csv and
	// json carry them.
	wide bool
	// keep ranks the columns a table too wide for its terminal drops: the
	// lowest first, the rightmost of equals first. Text columns narrow
	// before any is dropped (see fit).
	keep int
	// optional columns are dropped, least kept first, before any text is
	// shortened; others only when shortening is not enough.
	optional bool
	// exact text (IDs, which people paste back) is never shortened.
	exact bool
}

// result is a query's answer, ready to be written in any format.
type result struct {
	columns []column
	rows    [][]any // string, int or float64 per cell
	view    view
}

// view is what --columns and --wide ask of a result.
type view struct {
	columns []string // column names to show, in this order; nil for the default
	wide    bool     // show every column
}

func (r *result) write(w io.Writer, format string) error {
	if len(r.view.columns) > 0 {
		cols, err := checkColumns(r.view.columns, r.columns)
		if err != nil {
			return err
		}
		r.view.columns = cols
	}
	switch format {
	case formatCSV:
		return r.writeCSV(w)
	case formatJSON:
		return r.writeJSON(w)
	case formatMD:
		return r.writeMarkdown(w)
	case formatTSV:
		return r.writeTSV(w)
	}
	return r.writeTable(w)
}

// shownColumns are the indexes of the columns tables show: those --columns
// names, else all with --wide, else all but wide ones.
func (r *result) shownColumns() []int {
	if len(r.view.columns) > 0 {
		return r.named()
	}
	var shown []int
	for i, c := range r.columns {
		if !c.wide || r.view.wide {
			shown = append(shown, i)
		}
	}
	return shown
}

// named are the indexes of the columns --columns names (checked by
// checkColumns).
func (r *result) named() []int {
	var out []int
	for _, n := range r.view.columns {
		for i, c := range r.columns {
			if c.key() == n {
				out = append(out, i)
			}
		}
	}
	return out
}

// key is the column's name in tsv headers and --columns: its csv name, or
// its title in lower case.
func (c column) key() string {
	if c.name != "" {
		return c.name
	}
	return strings.ReplaceAll(strings.ToLower(c.title), " ", "_")
}

// checkColumns reads --columns against the columns of a result: names as
// csv and tsv headers write them, any case, - for _.
func checkColumns(list []string, columns []column) ([]string, error) {
	var out, keys []string
	for _, c := range columns {
		keys = append(keys, c.key())
	}
	for _, s := range splitList(list) {
		k := strings.ReplaceAll(strings.ToLower(s), "-", "_")
		if !slices.Contains(keys, k) {
			msg := fmt.Sprintf("--columns: no column %q (want some of %s)", s, strings.Join(keys, ", "))
			if sug := closest(k, keys); len(sug) > 0 {
				msg += "; did you mean " + strings.Join(sug, " or ") + "?"
			}
			return nil, usageErrorf("%s", msg)
		}
		out = append(out, k)
	}
	return out, nil
}

// viewFlags are --columns and --wide, for the queries whose table leaves
// columns out.
func viewFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "columns", Usage: "show these `COLUMNS` (as the csv header names them; comma-separated) in tables, markdown and tsv"},
		&cli.BoolFlag{Name: "wide", Usage: "show every column in tables and markdown"},
	}
}

// parseView reads --columns and --wide (nothing, for a command without
// them); result.write checks the names against its columns.
func parseView(c *cli.Context) view {
	return view{columns: splitList(c.StringSlice("columns")), wide: c.Bool("wide")}
}

// writeTSV writes tab-separated rows under a header of column keys, for
// pipes: every column (or those --columns names), never shortened, numbers
// at full precision; tabs and line breaks inside a cell become spaces, and
// a list's items are joined by "; ".
func (r *result) writeTSV(w io.Writer) error {
	cols := r.named()
	if len(cols) == 0 {
		for i := range r.columns {
			cols = append(cols, i)
		}
	}
	var b strings.Builder
	for k, i := range cols {
		if k > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(r.columns[i].key())
	}
	b.WriteByte('\n')
	for _, row := range r.rows {
		for k, i := range cols {
			if k > 0 {
				b.WriteByte('\t')
			}
			v := row[i]
			if l, ok := v.([]string); ok {
				v = strings.Join(l, "; ")
			}
			b.WriteString(tsvEscaper.Replace(formatCell(v, -1, true)))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var tsvEscaper = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

// writeMarkdown writes a GitHub-flavoured markdown table with the columns
// and rounding of the terminal table, numbers right-aligned.
func (r *result) writeMarkdown(w io.Writer) error {
	var b strings.Builder
	shown := r.shownColumns()
	b.WriteString("|")
	for _, i := range shown {
		b.WriteString(" " + markdownCell(printable(r.columns[i].title)) + " |")
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

// writeTable draws the table in a box. Where the output has a width (a
// terminal, --width or $COLUMNS) the table fits it: see fit.
func (r *result) writeTable(w io.Writer) error {
	var header []string
	var aligns []tw.Align
	shown := r.shownColumns()
	cols := make([]column, len(shown))
	for k, i := range shown {
		cols[k] = r.columns[i]
	}
	cells := make([][]string, len(r.rows))
	for n, row := range r.rows {
		cells[n] = make([]string, len(shown))
		for k, i := range shown {
			cells[n][k] = formatCell(row[i], r.columns[i].digits, false)
		}
	}
	if t, ok := w.(*terminal); ok && t.width > 0 {
		cols, cells = fit(cols, cells, t.width)
	}
	for _, c := range cols {
		header = append(header, printable(c.title))
		if c.number {
			aligns = append(aligns, tw.AlignRight)
		} else {
			aligns = append(aligns, tw.AlignLeft)
		}
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	t.Header(header)
	for _, row := range cells {
		if err := t.Append(row); err != nil {
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
		{name: "id", title: "ID", exact: true, optional: true}, // before names are cut
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

// formatCell renders a value; digits < 0 means full precision. Unless full
// (the data as it is, for TSV and CSV) the cell is for a person: strings pass
// through printableCell, and a list's items go on lines of their own.
func formatCell(v any, digits int, full bool) string {
	switch x := v.(type) {
	case nil:
		return "" // no value: JSON writes null
	case string:
		if !full {
			return printableCell(x)
		}
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		if full || digits < 0 {
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
		return strconv.FormatFloat(x, 'f', digits, 64)
	case []string:
		if !full {
			items := make([]string, len(x))
			for i, item := range x {
				items[i] = printableCell(item)
			}
			return strings.Join(items, "\n")
		}
		return strings.Join(x, "\n")
	}
	if !full {
		return printableCell(fmt.Sprint(v))
	}
	return fmt.Sprint(v)
}
