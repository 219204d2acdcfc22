package ingest

import (
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	want := time.Date(2021, time.July, 11, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{
		"11-يوليو-2021", // the seed article's line 2
		"11-يوليه-2021",
		"11 تموز 2021",
		"11 يوليوز 2021", // Moroccan
		"الأحد 11 يوليو 2021",
		"الأحد، 11 تموز/يوليو 2021 م",
		"١١-يوليو-٢٠٢١",
		"١١/٧/٢٠٢١",
		"11/07/2021",
		"2021/07/11",
		"2021-07-11",
		"July 11, 2021",
		"11 July 2021",
		"Sunday, July 11th, 2021",
		"  11-Jul-2021 ",
	} {
		got, err := ParseDate(s)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", s, err)
			continue
		}
		if !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, want %v", s, got, want)
		}
	}
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"2021-07-11T09:30:00+03:00", time.Date(2021, 7, 11, 9, 30, 0, 0, time.UTC)}, // the time where written
		{"Sun, 11 Jul 2021 09:30:00 GMT", time.Date(2021, 7, 11, 9, 30, 0, 0, time.UTC)},
		{"1 كانون الثاني 2022", time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"31 كانون الأول 2021", time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)},
		{"3 تشرين الثاني 2020", time.Date(2020, 11, 3, 0, 0, 0, 0, time.UTC)},
		{"5 إبريل 2019", time.Date(2019, 4, 5, 0, 0, 0, 0, time.UTC)},
		{"5 ابريل 2019", time.Date(2019, 4, 5, 0, 0, 0, 0, time.UTC)},
		{"29 شباط 2020", time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC)},
		{"الأحد، 12 مايو 2024 09:30:00 +0300", time.Date(2024, 5, 12, 0, 0, 0, 0, time.UTC)},
		{"July 11, 2021 3:45 PM EDT", time.Date(2021, 7, 11, 0, 0, 0, 0, time.UTC)},
	} {
		got, err := ParseDate(tc.in)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestParseDateRefusesToGuess(t *testing.T) {
	for _, s := range []string{
		"",
		"يوليو 2021",          // no day
		"11-يوليو",            // no year
		"30 شباط 2021",        // no such day
		"29 February 2021",    // not a leap year
		"11 يوليو أغسطس 2021", // two months
		"3 ذو الحجة 1442 هـ",  // Hijri: not converted
		"12 12 12",            // which is the year?
		"قبل ساعتين",          // "two hours ago"
		"11-13-2021",          // month 13
	} {
		if got, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", s, got)
		} else if !errors.Is(err, ErrBadDate) {
			t.Errorf("ParseDate(%q) error %v does not wrap ErrBadDate", s, err)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	f.Add("11-يوليو-2021")
	f.Add("١١/٧/٢٠٢١")
	f.Add("Sun, 11 Jul 2021 09:30:00 GMT")
	f.Fuzz(func(t *testing.T, s string) {
		if got, err := ParseDate(s); err == nil && (got.Year() < 1000 || got.Year() > 9999) {
			t.Fatalf("ParseDate(%q) = %v: out of range", s, got)
		}
	})
}

func TestParseDateOrder(t *testing.T) {
	for _, tc := range []struct {
		in    string
		order DateOrder
		want  string // "" for an error
	}{
		{"4/5/17", OrderMDY, "2017-04-05"},
		{"12/31/99", OrderMDY, "1999-12-31"},
		{"4/5/17", OrderDMY, "2017-05-04"},
		{"4/5/17", OrderAuto, ""}, // two-digit year: only with an explicit order
		{"2012-19-06", OrderAuto, ""},
		{"2012-19-06", OrderYMD, ""},
		{"13/31/2017", OrderMDY, ""},
		{"11 July 2021", OrderMDY, "2021-07-11"}, // month names need no order
	} {
		got, err := ParseDateOrder(tc.in, tc.order)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("ParseDateOrder(%q, %q) = %v, want an error", tc.in, tc.order, got)
		case tc.want != "" && (err != nil || got.Format("2006-01-02") != tc.want):
			t.Errorf("ParseDateOrder(%q, %q) = %v, %v; want %s", tc.in, tc.order, got, err, tc.want)
		}
	}
}
