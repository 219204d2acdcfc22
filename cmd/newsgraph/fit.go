package main

import (
	"io"
	"os"
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/rivo/uniseg"
	"golang.org/x/term"
)

// terminal is standard output as the commands see it: whether it is a
// terminal, and the width tables must fit there.
type terminal struct {
	io.Writer
	tty   bool
	width int // display columns; 0 for no limit
}

// newTerminal describes w: width is --width (or $COLUMNS) when set, else
// the terminal's width when w is one, else no limit.
func newTerminal(w io.Writer, width int) *terminal {
	t := &terminal{Writer: w, width: width}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		t.tty = true
		if t.width <= 0 {
			if cols, _, err := term.GetSize(int(f.Fd())); err == nil {
				t.width = cols
			}
		}
	}
	return t
}

// displayWidth is how many terminal columns s takes, measured as the table
// renderer measures (twwidth: Unicode East Asian Width, so Arabic letters
// take one, combining marks none, CJK two); a cell of several lines is as
// wide as its widest.
func displayWidth(s string) int {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, twwidth.Width(line))
	}
	return w
}

// minShrink is the narrowest a text column is shortened to, unless its
// title is wider.
const minShrink = 10

// fit lays a table out for a terminal width display columns wide. While
// the box is wider, it first drops the optional columns, least kept first;
// then narrows text columns (the widest first, water-filling, down to
// minShrink or the first word of their title), and where that is not
// enough drops the column of lowest keep (of equals, an ID before other
// text: a person reads names; then the rightmost) and
// tries again; one column is never dropped. Narrowed cells and titles are
// shortened by truncate.
func fit(cols []column, cells [][]string, width int) ([]column, [][]string) {
	remove := func(k int) {
		cols = append(cols[:k:k], cols[k+1:]...)
		for i, row := range cells {
			cells[i] = append(row[:k:k], row[k+1:]...)
		}
	}
	for {
		natural := 3*len(cols) + 1
		drop := -1
		for k, c := range cols {
			w := displayWidth(c.title)
			for _, row := range cells {
				w = max(w, displayWidth(row[k]))
			}
			natural += w
			if c.optional && (drop < 0 || c.keep < cols[drop].keep) {
				drop = k
			}
		}
		if natural <= width || drop < 0 || len(cols) == 1 {
			break
		}
		remove(drop)
	}
	for {
		n := len(cols)
		natural := make([]int, n)
		least := make([]int, n)
		for k, c := range cols {
			natural[k] = displayWidth(c.title)
			for _, row := range cells {
				natural[k] = max(natural[k], displayWidth(row[k]))
			}
			least[k] = natural[k]
			if !c.number && !c.exact {
				first, _, _ := strings.Cut(c.title, " ")
				least[k] = min(natural[k], max(displayWidth(first), minShrink))
			}
		}
		// A box of n columns adds "│ " and " " around each cell and a
		// final "│": 3n+1 columns.
		frame := 3*n + 1
		if sumInts(least)+frame > width && n > 1 {
			drop := n - 1
			for k := n - 1; k >= 0; k-- {
				c, d := cols[k], cols[drop]
				if c.keep < d.keep || c.keep == d.keep && c.exact && !d.exact {
					drop = k
				}
			}
			remove(drop)
			continue
		}
		widths := append([]int(nil), natural...)
		for over := sumInts(widths) + frame - width; over > 0; over-- {
			widest := -1
			for k := range widths {
				if widths[k] > least[k] && (widest < 0 || widths[k] > widths[widest]) {
					widest = k
				}
			}
			if widest < 0 {
				break // one column wider than the terminal: it overflows
			}
			widths[widest]--
		}
		for k := range cols {
			if widths[k] < natural[k] {
				cols[k].title = truncate(cols[k].title, widths[k])
				for _, row := range cells {
					row[k] = truncateLines(row[k], widths[k])
				}
			}
		}
		return cols, cells
	}
}

func sumInts(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func truncateLines(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = truncate(l, width)
	}
	return strings.Join(lines, "\n")
}

// truncate shortens s to at most width display columns, ending it with "…":
// after the last whole word that fits when that keeps at least half the
// width, else after the last whole grapheme cluster (a letter with its
// marks, an emoji), so no word is cut mid-letter and no mark is orphaned.
// Arabic and other right-to-left text is cut in logical order: its end.
func truncate(s string, width int) string {
	if displayWidth(s) <= width {
		return s
	}
	if width < 1 {
		return ""
	}
	budget := width - 1 // for "…"
	var b strings.Builder
	used, lastSpace := 0, -1
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cluster := g.Str()
		w := twwidth.Width(cluster)
		if used+w > budget {
			break
		}
		if strings.TrimSpace(cluster) == "" {
			lastSpace = b.Len()
		}
		b.WriteString(cluster)
		used += w
	}
	out := b.String()
	if lastSpace > 0 && displayWidth(out[:lastSpace]) >= budget/2 {
		out = out[:lastSpace]
	}
	return strings.TrimRight(out, " \t-–—,;:") + "…"
}
