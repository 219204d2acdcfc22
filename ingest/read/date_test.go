package read

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
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
		{"الأحد، 12 مايو 2024 09:30:00 +0300", time.Date(2024, 5, 12, 9, 30, 0, 0, time.UTC)},
		{"July 11, 2021 3:45 PM EDT", time.Date(2021, 7, 11, 15, 45, 0, 0, time.UTC)},
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
	f.Add("الأحد 5 رمضان 1445 هـ الموافق 17 مارس 2024 م")
	f.Add("2021-07-11T01:30:00+03:00")
	f.Add("July 11, 2021 3:45 PM AST")
	f.Add("Sun, 11 Jul 21 01:30:00 EET")
	f.Add("Sun, 11 Jul 2021 01:30:00 +0300 (AST)")
	f.Add("5 شعبان 2024")
	f.Fuzz(func(t *testing.T, s string) {
		got, note, err := ParseDateNote(s, "")
		switch {
		case err == nil && (got.Year() < minNewsYear || got.Year() > maxNewsYear):
			t.Fatalf("ParseDateNote(%q) = %v: out of range", s, got)
		case err == nil && got.Location() != time.UTC:
			t.Fatalf("ParseDateNote(%q) = %v: not labelled UTC", s, got)
		case err != nil && (!errors.Is(err, ErrBadDate) || !got.IsZero() || note != ""):
			t.Fatalf("ParseDateNote(%q) = %v, %q, %v", s, got, note, err)
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

// TestParseDateNote covers issue 12's dates: each is right or unknown,
// never wrong, and says what it did not read.
func TestParseDateNote(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	for _, tc := range []struct {
		in    string
		order DateOrder
		want  time.Time // zero: unknown
		note  string    // the note, or the error's Warning, after the quoted date
	}{
		// The era marker م, attached, spaced, with a full stop.
		{"12 سبتمبر 2021م", "", day(2021, 9, 12), ""}, // the case file's d00
		{"12 سبتمبر 2021 م", "", day(2021, 9, 12), ""},
		{"12 سبتمبر 2021 م.", "", day(2021, 9, 12), ""},
		{"١٢ سبتمبر ٢٠٢١م", "", day(2021, 9, 12), ""},
		{"12/09/2021م", "", day(2021, 9, 12), ""},
		{"12 سبتمبر 2021 ميلادي", "", day(2021, 9, 12), ""},

		// Dual dates give the Gregorian date, whichever comes first and
		// whatever joins them. 5 Ramadan 1445 is the Gregorian 15 March
		// 2024 by the Umm al-Qura calendar, but the sites write what they
		// write: the Gregorian part is taken as given.
		{"الأحد 5 رمضان 1445 هـ الموافق 17 مارس 2024 م", "", day(2024, 3, 17), ""}, // the case file's d03
		{"5 رمضان 1445 هـ / 17 مارس 2024 م", "", day(2024, 3, 17), ""},
		{"5 رمضان 1445 هـ - 17 مارس 2024 م", "", day(2024, 3, 17), ""},
		{"5 رمضان 1445هـ/17 مارس 2024م", "", day(2024, 3, 17), ""},
		{"17 مارس 2024م الموافق 7 رمضان 1445هـ", "", day(2024, 3, 17), ""},
		{"الأحد 17 مارس 2024 - 7 رمضان 1445", "", day(2024, 3, 17), ""}, // the Hijri month says which is which
		{"1445/9/7 هـ الموافق 2024/3/17 م", "", day(2024, 3, 17), ""},
		{"07/09/1445هـ - 17/03/2024م", "", day(2024, 3, 17), ""},
		{"1445/9/7 الموافق لـ 2024/3/17", "", day(2024, 3, 17), ""}, // unmarked: the Hijri-range year says which
		{"الأحد 5 رمضان 1445 هـ الموافق 17 مارس 2024 م 09:30 ص", "", at(2024, 3, 17, 9, 30), ""},

		// A Hijri date alone is unknown, with the reason.
		{"1445/09/05", "", time.Time{}, `"1445/09/05" looks like a Hijri date (year 1445); stored as unknown`}, // the case file's d05
		{"05/09/1445", "", time.Time{}, `"05/09/1445" looks like a Hijri date (year 1445); stored as unknown`},
		{"1445-09-05", "", time.Time{}, `"1445-09-05" looks like a Hijri date (year 1445); stored as unknown`},
		{"05/09/1445", OrderMDY, time.Time{}, `"05/09/1445" looks like a Hijri date (year 1445); stored as unknown`},
		{"5 رمضان 1445", "", time.Time{}, `"5 رمضان 1445" is a Hijri date (year 1445), not converted; stored as unknown`},
		{"3 ذو الحجة 1442 هـ", "", time.Time{}, `"3 ذو الحجة 1442 هـ" is a Hijri date (year 1442), not converted; stored as unknown`},
		{"1445/09/05هـ", "", time.Time{}, `"1445/09/05هـ" is a Hijri date (year 1445), not converted; stored as unknown`},
		{"5 Ramadan 1445 AH", "", time.Time{}, `"5 Ramadan 1445 AH" is a Hijri date (year 1445), not converted; stored as unknown`},

		// Years that are no news year.
		{"0001-01-01T00:00:00Z", "", time.Time{}, `"0001-01-01T00:00:00Z" has the year 1, outside 1900–2100; stored as unknown`},
		{"12/05/1700", "", time.Time{}, `"12/05/1700" has the year 1700, outside 1900–2100; stored as unknown`},
		{"12 مايو 2999", "", time.Time{}, `"12 مايو 2999" has the year 2999, outside 1900–2100; stored as unknown`},
		{"5/9/1445م", "", time.Time{}, `"5/9/1445م" has the year 1445, outside 1900–2100; stored as unknown`}, // marked Gregorian: not Hijri
		{"1900-01-01", "", day(1900, 1, 1), ""},
		{"2100-12-31", "", day(2100, 12, 31), ""},

		// An offset keeps the day and time where written.
		{"2021-07-11T01:30:00+03:00", "", time.Date(2021, 7, 11, 1, 30, 0, 0, time.UTC), ""}, // the case file's d13: 10 July 22:30 UTC
		{"2021-07-10T23:30:00-05:00", "", time.Date(2021, 7, 10, 23, 30, 0, 0, time.UTC), ""},
		{"Mon, 12 Jul 2021 01:00:00 +0300", "", time.Date(2021, 7, 12, 1, 0, 0, 0, time.UTC), ""},
		{"2021-07-11 01:30:00 +03:00", "", at(2021, 7, 11, 1, 30), ""},
		{"2021-07-11 01:30 UTC+03:00", "", at(2021, 7, 11, 1, 30), ""},
		{"11 July 2021 01:30 GMT+3", "", at(2021, 7, 11, 1, 30), ""},
		{"11 July 2021 01:30 +3", "", at(2021, 7, 11, 1, 30), ""},
		{"Mon, 12 Jul 2021 01:00:00 GMT+3", "", time.Date(2021, 7, 12, 1, 0, 0, 0, time.UTC), ""},
		{"Mon, 12 Jul 2021 22:00:00 GMT+3", "", time.Date(2021, 7, 12, 22, 0, 0, 0, time.UTC), ""}, // not 13 July

		// A zone not understood is a note, not a shift: AST is +3 in Arabia
		// and −4 in the Atlantic.
		{"Mon, 12 Jul 2021 01:00:00 AST", "", time.Date(2021, 7, 12, 1, 0, 0, 0, time.UTC),
			`"Mon, 12 Jul 2021 01:00:00 AST": time zone "AST" not understood; the day is taken as written`},
		{"12 يوليو 2021 01:00 EET", "", at(2021, 7, 12, 1, 0),
			`"12 يوليو 2021 01:00 EET": time zone "EET" not understood; the day is taken as written`},
		{"July 11, 2021 3:45 PM EDT", "", at(2021, 7, 11, 15, 45),
			`"July 11, 2021 3:45 PM EDT": time zone "EDT" not understood; the day is taken as written`},
		{"2021-07-11T01:30:00 AST", "", at(2021, 7, 11, 1, 30),
			`"2021-07-11T01:30:00 AST": time zone "AST" not understood; the day is taken as written`},
		{"12 مايو 2024 الساعة 09:30 بتوقيت مكة المكرمة", "", at(2024, 5, 12, 9, 30),
			`"12 مايو 2024 الساعة 09:30 بتوقيت مكة المكرمة": time zone "بتوقيت مكة المكرمة" not understood; the day is taken as written`},
		{"12 مايو 2024 الساعة 09:30 بتوقيت غرينتش", "", at(2024, 5, 12, 9, 30), ""},
		{"10:30 JULY 11, 2021", "", at(2021, 7, 11, 10, 30), ""}, // a month, not a zone
		{"10:30 SUN 11 JULY 2021", "", at(2021, 7, 11, 10, 30), ""},

		// RFC 822 writes two-digit years; the day and time are the ones
		// written, not shifted to UTC (break-readers feed-dates2.rss e*,
		// feed-dates3.rss g*, feed-dates.rss d10, rfc822-2digit.jsonl y*).
		{"Sun, 11 Jul 21 01:30:00 +0300", "", at(2021, 7, 11, 1, 30), ""},    // e0, d10, y1: not 10 July 22:30
		{"Sat, 10 Jul 21 22:00:00 -0500", "", at(2021, 7, 10, 22, 0), ""},    // e13, y2: not 11 July 03:00
		{"Sunday, 11-Jul-21 01:30:00 +0300", "", at(2021, 7, 11, 1, 30), ""}, // e1
		{"11 Jul 21 01:30 +0300", "", at(2021, 7, 11, 1, 30), ""},            // e2
		{"11 Jul 21 01:30:00 +0300", "", at(2021, 7, 11, 1, 30), ""},         // g4
		{"Sun, 11 Jul 21 01:30 +0300", "", at(2021, 7, 11, 1, 30), ""},       // g0
		{"Sun, 11 Jul 21 01:30:00 +03:00", "", at(2021, 7, 11, 1, 30), ""},   // g5
		{"Sun, 11 Jul 21 01:30:00 GMT+3", "", at(2021, 7, 11, 1, 30), ""},    // e6
		{"Sun, 11 Jul 21 01:30:00 GMT", "", at(2021, 7, 11, 1, 30), ""},      // g1
		{"Sun, 11 Jul 21 01:30:00 +0000", "", at(2021, 7, 11, 1, 30), ""},    // g2
		{"Sun, 11 Jul 21 01:30:00 EET", "", at(2021, 7, 11, 1, 30), // g3: not 10 July 23:30, and said
			`"Sun, 11 Jul 21 01:30:00 EET": time zone "EET" not understood; the day is taken as written`},
		{"Sun, 11 Jul 21 01:30:00 AST", "", at(2021, 7, 11, 1, 30), // e7
			`"Sun, 11 Jul 21 01:30:00 AST": time zone "AST" not understood; the day is taken as written`},
		{"1 Jan 00 00:00 +0000", "", day(2000, 1, 1), ""}, // 00–69 are 20xx, as with --date-order
		{"1 Jan 69 00:00 +0000", "", day(2069, 1, 1), ""}, // time.Parse alone gives 1969
		{"1 Jan 70 00:00 +0000", "", day(1970, 1, 1), ""},
		{"Sun, 11 Jul 2021 01:30:00 UT", "", at(2021, 7, 11, 1, 30), ""},  // RFC 822's UT; d13
		{"Sun, 11 Jul 2021 01:30:00 -03", "", at(2021, 7, 11, 1, 30), ""}, // an offset in hours is no unknown zone

		// The time of day is read where the rest is understood, as written
		// (feed-dates2.rss e*, many-dates.jsonl q*).
		{"2021-07-11T01:30:00+0300", "", at(2021, 7, 11, 1, 30), ""},              // e4, q15
		{"2021-07-11 01:30:00+03", "", at(2021, 7, 11, 1, 30), ""},                // e5
		{"Sun, 11 Jul 2021 01:30 +0300", "", at(2021, 7, 11, 1, 30), ""},          // e3
		{"Sun Jul 11 01:30:00 +0300 2021", "", at(2021, 7, 11, 1, 30), ""},        // e8
		{"Sun, 11 Jul 2021 01:30:00 +0300 (AST)", "", at(2021, 7, 11, 1, 30), ""}, // e9: an RFC 822 comment; was unknown
		{"Sun, 11 July 2021 01:30:00 +0300", "", at(2021, 7, 11, 1, 30), ""},      // e10
		{"11/07/2021 01:30:00 +0300", "", at(2021, 7, 11, 1, 30), ""},             // e11
		{"Sun, 11 Jul 2021 01:30:00 GMT+0300", "", at(2021, 7, 11, 1, 30), ""},    // q21
		{"2021-07-11 01:30:00 +0000", "", at(2021, 7, 11, 1, 30), ""},             // a pub_date field
		{"الأحد 11 يوليو 2021 01:30", "", at(2021, 7, 11, 1, 30), ""},             // d7
		{"الأحد 11 يوليو 2021 - 01:30 ص", "", at(2021, 7, 11, 1, 30), ""},         // q27
		{"10 يوليو 2021 10:00 م", "", at(2021, 7, 10, 22, 0), ""},                 // q28: م after a time is PM
		{"July 11, 2021 12:15 AM", "", at(2021, 7, 11, 0, 15), ""},
		{"July 11, 2021 12:15 PM", "", at(2021, 7, 11, 12, 15), ""},
		{"11 July 2021 25:70", "", day(2021, 7, 11), ""},                   // no time of day: the day alone
		{"11 July 2021 01:30 +0300 02:30 +0400", "", day(2021, 7, 11), ""}, // two times: which one? the day alone

		// A Hijri month with a year that is no Hijri year (more-dates.jsonl
		// m13): not "a Hijri date (year 2024)".
		{"5 شعبان 2024", "", time.Time{}, `"5 شعبان 2024" names the Hijri month شعبان; stored as unknown`},
		{"5 ربيع الأول 2024", "", time.Time{}, `"5 ربيع الأول 2024" names the Hijri month ربيع الأول; stored as unknown`},
	} {
		got, note, err := ParseDateNote(tc.in, tc.order)
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) || !errors.Is(err, ErrBadDate) {
				t.Errorf("ParseDateNote(%q): error %v is not a *DateError wrapping ErrBadDate", tc.in, err)
				continue
			}
			note = de.Warning()
		}
		if note != "" {
			note = strings.TrimPrefix(note, "date ")
		}
		if !got.Equal(tc.want) || got.Location() != time.UTC || note != tc.note {
			t.Errorf("ParseDateNote(%q, %q) = %v, %q, %v\nwant %v, %q", tc.in, tc.order, got, note, err, tc.want, tc.note)
		}
		if tc.want.IsZero() != (err != nil) {
			t.Errorf("ParseDateNote(%q): error %v, want an error only for an unknown date", tc.in, err)
		}
	}
}

// TestParseDateZoneNotFromHost: time.Parse reads a zone abbreviation by the
// host's zone when the names match; the day must not depend on where the
// program runs.
func TestParseDateZoneNotFromHost(t *testing.T) {
	defer func(l *time.Location) { time.Local = l }(time.Local)
	for _, offset := range []int{3 * 3600, -4 * 3600} { // Arabia and Atlantic Standard Time
		time.Local = time.FixedZone("AST", offset)
		for _, s := range []string{"Mon, 12 Jul 2021 01:00:00 AST", "Mon, 12 Jul 2021 23:00:00 AST"} {
			got, note, err := ParseDateNote(s, "")
			if err != nil || got.Day() != 12 || note == "" {
				t.Errorf("host zone AST at %+d: ParseDateNote(%q) = %v, %q, %v; want 12 July and a note", offset/3600, s, got, note, err)
			}
		}
	}
}

// TestReadDatesCase reads issue 12's case file of dates as Arabic sites
// print them: each record's date is right or unknown with a warning that
// gives the line and the reason.
func TestReadDatesCase(t *testing.T) {
	arts, probs := readAll(t, ReadOptions{}, filepath.Join("testdata", "cases", "dates", "publication-dates.jsonl"))
	var got []string
	for _, a := range arts {
		date := "unknown"
		if !a.Published.IsZero() {
			date = a.Published.Format(time.RFC3339)
		}
		got = append(got, a.Record+" "+date)
	}
	want := []string{
		"d00 2021-09-12T00:00:00Z", // 12 سبتمبر 2021م
		"d03 2024-03-17T00:00:00Z", // the Gregorian half of the dual date
		"d05 unknown",              // 1445/09/05: Hijri
		"d13 2021-07-11T01:30:00Z", // 01:30 on 11 July at +03:00, as written
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("articles\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantProbs := []string{
		`publication-dates.jsonl:3: date "1445/09/05" looks like a Hijri date (year 1445); stored as unknown warning=true`,
	}
	if gp := problems(probs); !reflect.DeepEqual(gp, wantProbs) {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(gp, "\n"), strings.Join(wantProbs, "\n"))
	}
}

// TestReadDatesEveryFormat: the same rules in each reader, with the
// warning at the date's file and line or record.
func TestReadDatesEveryFormat(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": "عنوان\n١٤٤٥/٩/٥\nقال الوزير في بغداد إن الحوار مستمر.\n",
		"b.txt": "عنوان\n11 July 2021 01:30 AST\nقال الوزير في بغداد إن الحوار مستمر.\n",
		"c.csv": "id,title,date,body\n" +
			"c1,one,2021-07-11T01:30:00+03:00,body one\n" +
			"c2,two,الأحد 5 رمضان 1445 هـ الموافق 17 مارس 2024 م,body two\n" +
			"c3,three,5 رمضان 1445 هـ,body three\n",
		"d.rss": `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://d.example/</link>
<item><guid>d1</guid><title>one</title><pubDate>Sun, 11 Jul 2021 01:30:00 +0300</pubDate></item>
<item><guid>d2</guid><title>two</title><pubDate>Sun, 11 Jul 2021 01:30:00 AST</pubDate></item>
<item><guid>d3</guid><title>three</title><pubDate>1445/09/05</pubDate></item>
<item><guid>d4</guid><title>four</title><pubDate>5 رمضان 1445 هـ / 17 مارس 2024 م</pubDate></item>
</channel></rss>`,
		"e.html": `<html><head><meta property="article:published_time" content="2021-07-11T01:30:00+03:00"><title>e</title></head>
<body><article><p>قال وزير الخارجية فؤاد حسين في بغداد إن الحوار مستمر مع الجانب الأمريكي بشأن الانسحاب من العراق في نهاية العام.</p></article></body></html>`,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, probs := readAll(t, ReadOptions{}, dir)
	var got []string
	for _, a := range arts {
		date := "unknown"
		if !a.Published.IsZero() {
			date = a.Published.Format("2006-01-02 15:04")
		}
		got = append(got, fmt.Sprintf("%s %s", filepath.Base(strings.SplitN(a.Origin, ":", 2)[0]), date))
	}
	sort.Strings(got)
	want := []string{
		"a.txt unknown",
		"b.txt 2021-07-11 01:30",
		"c.csv 2021-07-11 01:30",
		"c.csv 2024-03-17 00:00",
		"c.csv unknown",
		"d.rss#1 2021-07-11 01:30",
		"d.rss#2 2021-07-11 01:30",
		"d.rss#3 unknown",
		"d.rss#4 2024-03-17 00:00",
		"e.html 2021-07-11 01:30",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("articles\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	gp := problems(probs)
	sort.Strings(gp)
	wantProbs := []string{
		`a.txt:2: date "١٤٤٥/٩/٥" looks like a Hijri date (year 1445); stored as unknown warning=true`,
		`b.txt:2: date "11 July 2021 01:30 AST": time zone "AST" not understood; the day is taken as written warning=true`,
		`c.csv:4: date "5 رمضان 1445 هـ" is a Hijri date (year 1445), not converted; stored as unknown warning=true`,
		`d.rss: record 2: date "Sun, 11 Jul 2021 01:30:00 AST": time zone "AST" not understood; the day is taken as written warning=true`,
		`d.rss: record 3: date "1445/09/05" looks like a Hijri date (year 1445); stored as unknown warning=true`,
	}
	if !reflect.DeepEqual(gp, wantProbs) {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(gp, "\n"), strings.Join(wantProbs, "\n"))
	}
}

// TestReadFeedDates: dates in RSS, among them RFC 822's two-digit years,
// keep the day and time written; gofeed, which reads them too, gives UTC
// (break-readers feed-dates2.rss and feed-dates3.rss).
func TestReadFeedDates(t *testing.T) {
	dir := t.TempDir()
	// Forms only gofeed reads, for the fallback to it: an offset then a
	// zone name, a zone name then an offset.
	fallback := filepath.Join(dir, "fallback.rss")
	if err := os.WriteFile(fallback, []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://f.example/</link>
<item><guid>f1</guid><title>one</title><pubDate>Sun, 11 Jul 2021 01:30:00 +0300 EEST</pubDate></item>
<item><guid>f2</guid><title>two</title><pubDate>Sat, 10 Jul 2021 22:00:00 EDT -0400</pubDate></item>
</channel></rss>`), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := filepath.Join("testdata", "cases", "dates")
	arts, probs := readAll(t, ReadOptions{},
		filepath.Join(cases, "feed-dates2.rss"), filepath.Join(cases, "feed-dates3.rss"), fallback)
	var got []string
	for _, a := range arts {
		date := "unknown"
		if !a.Published.IsZero() {
			date = a.Published.Format("2006-01-02 15:04")
		}
		got = append(got, fmt.Sprintf("%s %s", a.DateText, date))
	}
	want := []string{
		"Sun, 11 Jul 21 01:30:00 +0300 2021-07-11 01:30", // e0: was 10 July 22:30
		"Sunday, 11-Jul-21 01:30:00 +0300 2021-07-11 01:30",
		"11 Jul 21 01:30 +0300 2021-07-11 01:30",
		"Sun, 11 Jul 2021 01:30 +0300 2021-07-11 01:30",
		"2021-07-11T01:30:00+0300 2021-07-11 01:30",
		"2021-07-11 01:30:00+03 2021-07-11 01:30",
		"Sun, 11 Jul 21 01:30:00 GMT+3 2021-07-11 01:30",
		"Sun, 11 Jul 21 01:30:00 AST 2021-07-11 01:30",
		"Sun Jul 11 01:30:00 +0300 2021 2021-07-11 01:30",
		"Sun, 11 Jul 2021 01:30:00 +0300 (AST) 2021-07-11 01:30",
		"Sun, 11 July 2021 01:30:00 +0300 2021-07-11 01:30",
		"11/07/2021 01:30:00 +0300 2021-07-11 01:30",
		"Sun, 11 Jul 2021 1:30:00 +0300 2021-07-11 01:30",
		"Sat, 10 Jul 21 22:00:00 -0500 2021-07-10 22:00", // e13: was 11 July 03:00
		"Sun, 11 Jul 21 01:30 +0300 2021-07-11 01:30",
		"Sun, 11 Jul 21 01:30:00 GMT 2021-07-11 01:30",
		"Sun, 11 Jul 21 01:30:00 +0000 2021-07-11 01:30",
		"Sun, 11 Jul 21 01:30:00 EET 2021-07-11 01:30", // g3: was 10 July 23:30, unsaid
		"11 Jul 21 01:30:00 +0300 2021-07-11 01:30",
		"Sun, 11 Jul 21 01:30:00 +03:00 2021-07-11 01:30",
		"Sun, 11 Jul 2021 01:30:00 +0300 EEST 2021-07-11 01:30", // gofeed's 10 July 22:30 UTC, as written
		"Sat, 10 Jul 2021 22:00:00 EDT -0400 2021-07-10 22:00",  // gofeed's 11 July 02:00 UTC, as written
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("articles\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantProbs := []string{
		`feed-dates2.rss: record 8: date "Sun, 11 Jul 21 01:30:00 AST": time zone "AST" not understood; the day is taken as written warning=true`,
		`feed-dates3.rss: record 4: date "Sun, 11 Jul 21 01:30:00 EET": time zone "EET" not understood; the day is taken as written warning=true`,
	}
	if gp := problems(probs); !reflect.DeepEqual(gp, wantProbs) {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(gp, "\n"), strings.Join(wantProbs, "\n"))
	}
}

// TestFeedTime: the fallback to gofeed's time gives the wall clock written,
// whatever gofeed normalised it to, and says when a zone was not read.
func TestFeedTime(t *testing.T) {
	eet := `date "Sun, 11 Jul 2021 01:30:00 EET": time zone "EET" not understood; the day is taken as written`
	for _, tc := range []struct {
		text   string
		parsed time.Time
		want   time.Time
		note   string
	}{
		// gofeed reads EET as +2 and gives UTC.
		{"Sun, 11 Jul 2021 01:30:00 EET", time.Date(2021, 7, 10, 23, 30, 0, 0, time.UTC), time.Date(2021, 7, 11, 1, 30, 0, 0, time.UTC), eet},
		// An unknown zone kept as a zero offset under its name.
		{"Sun, 11 Jul 2021 01:30:00 EET", time.Date(2021, 7, 11, 1, 30, 0, 0, time.FixedZone("EET", 0)), time.Date(2021, 7, 11, 1, 30, 0, 0, time.UTC), eet},
		// A time in its own location is its wall clock there, not UTC's.
		{"2021-07-11T01:30:00+03:00", time.Date(2021, 7, 11, 1, 30, 0, 0, time.FixedZone("", 3*3600)), time.Date(2021, 7, 11, 1, 30, 0, 0, time.UTC), ""},
		{"Sat, 10 Jul 2021 22:00:00 -0500", time.Date(2021, 7, 11, 3, 0, 0, 0, time.UTC), time.Date(2021, 7, 10, 22, 0, 0, 0, time.UTC), ""},
		{"Sun, 11 Jul 2021 01:30:00 +1400", time.Date(2021, 7, 10, 11, 30, 0, 0, time.UTC), time.Date(2021, 7, 11, 1, 30, 0, 0, time.UTC), ""},
		{"Sat, 10 Jul 2021 13:30:00 -1200", time.Date(2021, 7, 11, 1, 30, 0, 0, time.UTC), time.Date(2021, 7, 10, 13, 30, 0, 0, time.UTC), ""},
		// No time of day written: gofeed's, in its location.
		{"11 Jul 2021", time.Date(2021, 7, 11, 0, 0, 0, 0, time.UTC), time.Date(2021, 7, 11, 0, 0, 0, 0, time.UTC), ""},
	} {
		got, note := feedTime(tc.text, tc.parsed)
		if !got.Equal(tc.want) || got.Location() != time.UTC || note != tc.note {
			t.Errorf("feedTime(%q, %v) = %v, %q; want %v, %q", tc.text, tc.parsed, got, note, tc.want, tc.note)
		}
	}
}
