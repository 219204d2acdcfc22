package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/ingest/norm"
)

// ErrBadDate is returned by ParseDate for text that is not a date it can
// read with certainty.
var ErrBadDate = errors.New("unreadable date")

// months maps folded month names — English, Egyptian/Gulf Arabic (يناير…),
// Levantine/Iraqi Arabic (كانون الثاني…) and Maghrebi Arabic (يوليوز، غشت…) —
// to month numbers. Two-word names are keyed with a single space.
var months = func() map[string]time.Month {
	m := make(map[string]time.Month)
	add := func(month time.Month, names ...string) {
		for _, n := range names {
			m[norm.Key(n)] = month
		}
	}
	add(time.January, "january", "jan", "يناير", "كانون الثاني", "جانفي")
	add(time.February, "february", "feb", "فبراير", "شباط", "فيفري")
	add(time.March, "march", "mar", "مارس", "آذار")
	add(time.April, "april", "apr", "أبريل", "إبريل", "ابريل", "نيسان", "أفريل")
	add(time.May, "may", "مايو", "أيار", "ماي")
	add(time.June, "june", "jun", "يونيو", "يونيه", "حزيران", "جوان")
	add(time.July, "july", "jul", "يوليو", "يوليه", "تموز", "يوليوز", "جويلية")
	add(time.August, "august", "aug", "أغسطس", "اغسطس", "آب", "غشت", "أوت")
	add(time.September, "september", "sep", "sept", "سبتمبر", "أيلول", "شتنبر")
	add(time.October, "october", "oct", "أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول")
	add(time.November, "november", "nov", "نوفمبر", "تشرين الثاني", "نونبر")
	add(time.December, "december", "dec", "ديسمبر", "كانون الأول", "كانون الاول", "دجنبر")
	return m
}()

// ignorable are words a date may carry that say nothing about which day it
// is: weekday names and the Gregorian-era marker م.
var ignorable = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range []string{
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "wed", "thu", "fri", "sat", "sun",
		"الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
		"م", "of", "the",
	} {
		m[norm.Key(w)] = true
	}
	return m
}()

// isoLayouts are tried first, on the text as given (digits made ASCII).
var isoLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
	time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
}

// timeOfDay matches a clock time with optional seconds, AM/PM and zone.
var timeOfDay = regexp.MustCompile(`\b\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s*[AaPp]\.?[Mm]\.?)?(\s*(Z|[+-]\d{2}:?\d{2}|GMT|UTC|[A-Z]{3,4}))?`)

// ParseDate reads a publication date as news sites write it: ISO 8601,
// RFC 822/1123, or day, month and year with the month as a number or as an
// English or Arabic month name in any of its naming systems
// ("11-يوليو-2021", "11 تموز 2021", "July 11, 2021", "١١/٧/٢٠٢١"). Numeric dates
// are read day first, as in the Arab world, unless the year comes first.
// Dates without a time are midnight UTC. Hijri dates (marked هـ) are refused,
// not converted: a wrong date is worse than an unknown one.
func ParseDate(s string) (time.Time, error) {
	return ParseDateOrder(s, "")
}

// DateOrder says in which order a numeric date gives day, month and year.
type DateOrder string

// Date orders. Auto reads year-first dates (2021/07/11) and otherwise day
// first, with four-digit years only; an explicit order also accepts
// two-digit years, 00–69 as 20xx and 70–99 as 19xx.
const (
	OrderAuto DateOrder = ""
	OrderDMY  DateOrder = "dmy"
	OrderMDY  DateOrder = "mdy"
	OrderYMD  DateOrder = "ymd"
)

// ParseDateOrder is ParseDate with numeric dates read in the given order,
// for corpora that write them month first ("4/5/17" is 5 April 2017 with
// OrderMDY).
func ParseDateOrder(s string, order DateOrder) (time.Time, error) {
	s = strings.TrimSpace(norm.Digits(s))
	if s == "" {
		return time.Time{}, fmt.Errorf("%w: empty", ErrBadDate)
	}
	for _, layout := range isoLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	// A time of day and a zone say nothing about the day once the layouts
	// above failed: drop them ("الأحد، 12 مايو 2024 09:30:00 +0300").
	s2 := timeOfDay.ReplaceAllString(s, " ")
	toks := norm.Tokens(s2)
	var nums []int
	var month time.Month
	for i := 0; i < len(toks); i++ {
		f := toks[i].Fold
		if i+1 < len(toks) {
			if m, ok := months[f+" "+toks[i+1].Fold]; ok {
				if month != 0 && month != m {
					return time.Time{}, fmt.Errorf("%w: %q names two months", ErrBadDate, s)
				}
				month = m
				i++
				continue
			}
		}
		if m, ok := months[f]; ok {
			// "تموز/يوليو": both naming systems side by side must agree.
			if month != 0 && month != m {
				return time.Time{}, fmt.Errorf("%w: %q names two months", ErrBadDate, s)
			}
			month = m
			continue
		}
		if f == "هـ" || f == "ه" {
			return time.Time{}, fmt.Errorf("%w: %q is a Hijri date", ErrBadDate, s)
		}
		if ignorable[f] {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			// ordinal suffixes: 1st, 2nd, 11th
			for _, suf := range []string{"st", "nd", "rd", "th"} {
				if v, ok := strings.CutSuffix(f, suf); ok {
					n, err = strconv.Atoi(v)
					break
				}
			}
			if err != nil {
				return time.Time{}, fmt.Errorf("%w: %q: unexpected %q", ErrBadDate, s, toks[i].Text)
			}
		}
		nums = append(nums, n)
	}
	var y, d int
	var m time.Month
	switch {
	case month != 0 && len(nums) == 2:
		m = month
		switch {
		case nums[0] > 31 && nums[1] <= 31:
			y, d = nums[0], nums[1]
		case nums[1] > 31 && nums[0] <= 31:
			d, y = nums[0], nums[1]
		default:
			return time.Time{}, fmt.Errorf("%w: %q: cannot tell day from year", ErrBadDate, s)
		}
	case month == 0 && len(nums) == 3:
		switch {
		case order == OrderMDY:
			m, d, y = time.Month(nums[0]), nums[1], nums[2]
		case order == OrderYMD || order == OrderAuto && nums[0] > 31:
			y, m, d = nums[0], time.Month(nums[1]), nums[2]
		default:
			d, m, y = nums[0], time.Month(nums[1]), nums[2]
		}
		if order != OrderAuto && y < 100 {
			y += 2000
			if y >= 2070 {
				y -= 100
			}
		}
	default:
		return time.Time{}, fmt.Errorf("%w: %q: want day, month and year", ErrBadDate, s)
	}
	if y < 1000 || y > 9999 {
		return time.Time{}, fmt.Errorf("%w: %q: year %d", ErrBadDate, s, y)
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != m || t.Day() != d {
		return time.Time{}, fmt.Errorf("%w: %q: no such day", ErrBadDate, s)
	}
	return t, nil
}
