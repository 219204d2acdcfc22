package query

import (
	"fmt"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

func TestTimeline(t *testing.T) {
	baghdad := time.FixedZone("AST", 3*3600)
	for _, tc := range []struct {
		name   string
		counts []Dated
		per    Period
		want   string // label:count ...
		spark  string
	}{
		{"empty", nil, Week, "[]", ""},
		{"only undated", []Dated{{Count: 4}}, Month, "[]", ""},
		{
			// 2021-01-04 is the Monday of ISO week 1 of 2021; 2021-01-03, a
			// Sunday, is in week 53 of 2020. Week 2 has nothing.
			"weeks across a year end", []Dated{
				{day(2021, 1, 3), 2}, {day(2021, 1, 4), 1}, {day(2021, 1, 10), 3},
				{day(2021, 1, 19), 8}, {time.Time{}, 100},
			}, Week,
			"[2020-W53:2 2021-W01:4 2021-W02:0 2021-W03:8]", "▂▄ █",
		},
		{
			"months", []Dated{{day(2020, 11, 30), 1}, {day(2021, 2, 1), 7}, {day(2020, 11, 1), 1}}, Month,
			"[2020-11:2 2020-12:0 2021-01:0 2021-02:7]", "▃  █",
		},
		{
			// 00:30 on Monday in Baghdad is Sunday in UTC: it counts on
			// Monday, the day it was published.
			"local day", []Dated{{time.Date(2021, 1, 4, 0, 30, 0, 0, baghdad), 1}}, Week,
			"[2021-W01:1]", "█",
		},
		{
			"heights from zero", []Dated{{day(2021, 5, 5), 1}, {day(2021, 6, 5), 8}, {day(2021, 7, 5), 4}}, Month,
			"[2021-05:1 2021-06:8 2021-07:4]", "▁█▄",
		},
	} {
		b := Timeline(tc.counts, tc.per)
		var got []string
		for _, x := range b {
			got = append(got, fmt.Sprintf("%s:%d", x.Label, x.Count))
		}
		if fmt.Sprint(got) != tc.want {
			t.Errorf("%s: %v, want %s", tc.name, got, tc.want)
		}
		if s := Sparkline(b); s != tc.spark {
			t.Errorf("%s: sparkline %q, want %q", tc.name, s, tc.spark)
		}
	}
	// Buckets start on Mondays, and on the first of months, at midnight UTC.
	for _, b := range Timeline([]Dated{{day(2021, 3, 17), 1}, {day(2021, 5, 2), 1}}, Week) {
		if b.Start.Weekday() != time.Monday || b.Start.Location() != time.UTC || b.Start.Hour() != 0 {
			t.Errorf("week %s starts %v", b.Label, b.Start)
		}
	}
}
