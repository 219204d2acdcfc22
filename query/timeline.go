package query

import (
	"fmt"
	"strings"
	"time"
)

// Dated is a count on a date: articles, mentions, co-mentions.
type Dated struct {
	Date  time.Time
	Count int
}

// Period is the width of a timeline's buckets.
type Period int

const (
	Week  Period = iota // ISO 8601 weeks, Monday to Sunday
	Month               // calendar months
)

// Bucket is one period of a timeline.
type Bucket struct {
	Start time.Time // its first day, midnight UTC
	Label string    // "2021-W07" (ISO year and week) or "2021-07"
	Count int
}

// Timeline sums counts per week or month, from the period of the earliest
// date to that of the latest, every period in between included, with a
// zero count when nothing fell in it: a gap in coverage is news too.
// Dates count by their calendar day where they were recorded (their
// location), not shifted to UTC, so an article of Monday 00:30 in Baghdad
// is in Monday's week. Zero dates (unknown) are left out. No counts give
// no buckets.
func Timeline(counts []Dated, per Period) []Bucket {
	var first, last time.Time
	for _, c := range counts {
		if c.Date.IsZero() {
			continue
		}
		s := periodStart(c.Date, per)
		if first.IsZero() || s.Before(first) {
			first = s
		}
		if s.After(last) {
			last = s
		}
	}
	if first.IsZero() {
		return nil
	}
	var out []Bucket
	index := make(map[time.Time]int)
	for s := first; !s.After(last); s = nextPeriod(s, per) {
		index[s] = len(out)
		out = append(out, Bucket{Start: s, Label: periodLabel(s, per)})
	}
	for _, c := range counts {
		if !c.Date.IsZero() {
			out[index[periodStart(c.Date, per)]].Count += c.Count
		}
	}
	return out
}

// periodStart is the first day of t's week or month, as a UTC date.
func periodStart(t time.Time, per Period) time.Time {
	y, m, d := t.Date()
	if per == Month {
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	}
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	// Monday is day 0 of an ISO week; Go's Sunday is 0.
	back := (int(day.Weekday()) + 6) % 7
	return day.AddDate(0, 0, -back)
}

func nextPeriod(s time.Time, per Period) time.Time {
	if per == Month {
		return s.AddDate(0, 1, 0)
	}
	return s.AddDate(0, 0, 7)
}

func periodLabel(s time.Time, per Period) string {
	if per == Month {
		return s.Format("2006-01")
	}
	y, w := s.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// sparks are the eighths a sparkline is drawn with.
var sparks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws the buckets' counts, one character each, scaled so
// the largest is █. A zero count is a space, so that a period without
// any article reads apart from a quiet one (any count above zero is at
// least ▁); the scale starts at zero, not at the smallest count, so
// heights compare as counts do. No buckets give "".
func Sparkline(buckets []Bucket) string {
	top := 0
	for _, b := range buckets {
		top = max(top, b.Count)
	}
	var s strings.Builder
	for _, b := range buckets {
		switch {
		case b.Count <= 0:
			s.WriteRune(' ')
		default:
			// 1…top onto 0…7: ceil(8·count/top) − 1.
			i := (8*b.Count + top - 1) / top
			s.WriteRune(sparks[i-1])
		}
	}
	return s.String()
}
