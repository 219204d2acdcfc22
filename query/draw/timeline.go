package draw

import (
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/query"
)

// Series is one actor's timeline: its buckets as query.Timeline gives them.
type Series struct {
	Entity  graph.Entity
	Buckets []query.Bucket
	Undated int // articles with no date, which no bucket holds; the legend counts them
}

// TimelineSVG draws the articles per period of each series as a line chart
// 960 × 480 px with dated axes: time along x, from the first bucket of any
// series to the end of the last, with month or year ticks ("2021-07",
// "2022"); articles along y from zero, with round ticks. Each series is a
// coloured <polyline class="series"> with a dot per bucket with articles, and a legend
// line with its names in both scripts, its dated articles, and its undated
// ones when it has any ("134 undated, not drawn"). Series without buckets are listed in
// the legend and not drawn; no series at all is an error.
func TimelineSVG(w io.Writer, series []Series, per query.Period, title string) error {
	if len(series) == 0 {
		return errors.New("draw: no timelines to draw")
	}
	var first, end time.Time
	top := 0
	for _, sr := range series {
		for _, b := range sr.Buckets {
			if first.IsZero() || b.Start.Before(first) {
				first = b.Start
			}
			next := b.Start.AddDate(0, 1, 0)
			if per == query.Week {
				next = b.Start.AddDate(0, 0, 7)
			}
			if next.After(end) {
				end = next
			}
			top = max(top, b.Count)
		}
	}
	const width = 960.0
	legendH := 22.0 * float64(len(series))
	left, right, plotTop := 64.0, 24.0, 60.0+legendH
	height := plotTop + 300 + 56
	bottom := height - 56
	s := newSVG(w, width, height, title)
	s.elem("text", []string{"x", "16", "y", "28", "font-size", "18", "font-weight", "bold"}, title)
	// Legend: a line of colour, then the names.
	for i, sr := range series {
		y := 52 + 22*float64(i)
		c := seriesColours[i%len(seriesColours)]
		s.empty("line", "x1", "16", "y1", num(y-4), "x2", "40", "y2", num(y-4), "stroke", c, "stroke-width", "3")
		en, ar := names(sr.Entity)
		total := 0
		for _, b := range sr.Buckets {
			total += b.Count
		}
		s.open("text", "class", "legend", "x", "48", "y", num(y))
		s.w.WriteString(">")
		if en != "" {
			s.w.WriteString("<tspan>" + attr(en) + "</tspan>")
		}
		if ar != "" {
			if en != "" {
				s.w.WriteString("<tspan> · </tspan>")
			}
			s.w.WriteString(`<tspan xml:lang="ar" direction="rtl" unicode-bidi="embed">` + attr(ar) + "</tspan>")
		}
		if en == "" && ar == "" {
			s.w.WriteString(attr(sr.Entity.ID))
		}
		count := fmt.Sprintf("%d dated article%s", total, plural(total))
		if sr.Undated > 0 {
			count += fmt.Sprintf("; %d undated, not drawn", sr.Undated)
		}
		s.w.WriteString("<tspan fill=\"#555\"> (" + count + ")</tspan></text>\n")
	}
	if first.IsZero() {
		s.elem("text", []string{"x", num(width / 2), "y", num((plotTop + bottom) / 2), "text-anchor", "middle", "fill", "#555"}, "no dated articles")
		return s.close()
	}
	span := end.Sub(first).Seconds()
	xOf := func(t time.Time) float64 { return left + (width-left-right)*t.Sub(first).Seconds()/span }
	step := yStep(top)
	yMax := step * int(math.Ceil(float64(max(top, 1))/float64(step)))
	yOf := func(v float64) float64 { return bottom - (bottom-plotTop)*v/float64(yMax) }
	// Axes and grid.
	s.start("g", "class", "axes", "font-size", "11", "fill", "#333")
	for v := 0; v <= yMax; v += step {
		y := yOf(float64(v))
		s.empty("line", "x1", num(left), "y1", num(y), "x2", num(width-right), "y2", num(y), "stroke", "#e4e4e4")
		s.elem("text", []string{"x", num(left - 6), "y", num(y + 4), "text-anchor", "end"}, fmt.Sprint(v))
	}
	s.elem("text", []string{"x", "16", "y", num((plotTop + bottom) / 2), "text-anchor", "middle",
		"transform", fmt.Sprintf("rotate(-90 16 %s)", num((plotTop+bottom)/2))}, "articles per "+map[query.Period]string{query.Week: "week", query.Month: "month"}[per])
	s.empty("line", "x1", num(left), "y1", num(bottom), "x2", num(width-right), "y2", num(bottom), "stroke", "#333")
	for _, t := range dateTicks(first, end) {
		x := xOf(t.at)
		s.empty("line", "x1", num(x), "y1", num(bottom), "x2", num(x), "y2", num(bottom+5), "stroke", "#333")
		s.elem("text", []string{"class", "tick", "x", num(x), "y", num(bottom + 18), "text-anchor", "middle"}, t.label)
	}
	s.end("g")
	for i, sr := range series {
		if len(sr.Buckets) == 0 {
			continue
		}
		c := seriesColours[i%len(seriesColours)]
		pts := ""
		for j, b := range sr.Buckets {
			if j > 0 {
				pts += " "
			}
			pts += num(xOf(mid(b.Start, per))) + "," + num(yOf(float64(b.Count)))
		}
		s.start("g", "class", "series", "data-id", sr.Entity.ID)
		s.empty("polyline", "class", "series", "points", pts, "fill", "none", "stroke", c, "stroke-width", "2", "stroke-linejoin", "round")
		for _, b := range sr.Buckets {
			if b.Count == 0 && len(sr.Buckets) > 1 { // the line shows the gap
				continue
			}
			s.open("circle", "cx", num(xOf(mid(b.Start, per))), "cy", num(yOf(float64(b.Count))), "r", "3", "fill", c)
			s.w.WriteString(">")
			s.elem("title", nil, fmt.Sprintf("%s, %s: %d article%s", displayName(sr.Entity), b.Label, b.Count, plural(b.Count)))
			s.end("circle")
		}
		s.end("g")
	}
	return s.close()
}

// mid is the middle of the period starting at start, where its count is
// drawn.
func mid(start time.Time, per query.Period) time.Time {
	if per == query.Week {
		return start.AddDate(0, 0, 7).Add(-84 * time.Hour)
	}
	next := start.AddDate(0, 1, 0)
	return start.Add(next.Sub(start) / 2)
}

// yStep is a round step (1, 2 or 5 times a power of ten) giving at most
// six ticks up to top.
func yStep(top int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if top/(m*p) <= 5 {
				return m * p
			}
		}
	}
}

type tick struct {
	at    time.Time
	label string
}

// dateTicks are the month starts from first to end every 1, 2, 3 or 6
// months, so that there are at most 12, labelled YYYY-MM; or year starts,
// labelled YYYY, when even 6 months give more.
func dateTicks(first, end time.Time) []tick {
	loc := first.Location()
	m0 := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, loc)
	if m0.Before(first) {
		m0 = m0.AddDate(0, 1, 0)
	}
	months := 0
	for t := m0; !t.After(end); t = t.AddDate(0, 1, 0) {
		months++
	}
	for _, every := range []int{1, 2, 3, 6} {
		if (months+every-1)/every > 12 {
			continue
		}
		var out []tick
		for t := m0; !t.After(end); t = t.AddDate(0, 1, 0) {
			if (int(t.Month())-1)%every == 0 {
				out = append(out, tick{t, t.Format("2006-01")})
			}
		}
		return out
	}
	every := 1
	for (end.Year()-first.Year())/every > 12 {
		every *= 2
	}
	var out []tick
	for y := first.Year() + 1; y <= end.Year(); y++ {
		if y%every == 0 {
			t := time.Date(y, 1, 1, 0, 0, 0, 0, loc)
			if !t.After(end) {
				out = append(out, tick{t, t.Format("2006")})
			}
		}
	}
	return out
}
