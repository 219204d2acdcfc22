package read

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph/norm"
)

// ErrBadDate is returned by ParseDate for text that is not a date it can
// read with certainty. The errors wrapping it are *DateError.
var ErrBadDate = errors.New("unreadable date")

// DateError says why a date is stored as unknown.
type DateError struct {
	Text string // the date as given
	// Reason follows the quoted date in a sentence: "not understood",
	// "is a Hijri date (year 1445)", "looks like a Hijri date (year 1445)",
	// "has the year 1750, outside 1900–2100", "names the Hijri month شعبان".
	Reason string
	detail string // what exactly did not read, for Error; "" when Reason says it all
}

func (e *DateError) Error() string {
	s := fmt.Sprintf("%v: %q %s", ErrBadDate, e.Text, e.Reason)
	if e.detail != "" {
		s += ": " + e.detail
	}
	return s
}

func (e *DateError) Unwrap() error { return ErrBadDate }

// Warning is the warning a reader gives for an article whose date is
// stored as unknown: `date "1445/09/05" looks like a Hijri date (year
// 1445); stored as unknown`.
func (e *DateError) Warning() string {
	return fmt.Sprintf("date %q %s; stored as unknown", e.Text, e.Reason)
}

// dateWarning is the warning for a date that err kept from being read.
func dateWarning(text string, err error) string {
	var de *DateError
	if errors.As(err, &de) {
		return de.Warning()
	}
	return fmt.Sprintf("date %q not understood; stored as unknown", text)
}

// News years: a date outside them is a misreading (a Hijri year, a typo, a
// placeholder like 0001-01-01), not a publication date. The window is fixed
// rather than relative to today so that parsing does not depend on the
// clock; Read refuses dates more than MaxFuture after the run besides. It
// starts in 1900, after the Hijri years of modern news (1300–1500), so that
// the two calendars cannot be taken for each other, and because no
// newspaper archive of interest here is older.
const (
	minNewsYear = 1900
	maxNewsYear = 2100
	// Hijri years of the modern press: 1300 AH began in 1882, 1500 AH
	// begins in 2077. A numeric date with such a year and no era marker is
	// read as Hijri.
	minHijriYear = 1300
	maxHijriYear = 1500
)

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

// hijriMonths are the folded names of the months of the Hijri calendar,
// with their number. Dates in them are recognised, to be refused with a
// reason or to be passed over for the Gregorian date beside them; they are
// never converted (see ParseDate).
var hijriMonths = func() map[string]int {
	m := make(map[string]int)
	add := func(month int, names ...string) {
		for _, n := range names {
			m[norm.Key(n)] = month
		}
	}
	add(1, "محرم", "muharram")
	add(2, "صفر", "safar")
	add(3, "ربيع الأول", "ربيع الاول", "ربيع أول", "rabi al-awwal", "rabi i")
	add(4, "ربيع الثاني", "ربيع الآخر", "ربيع الاخر", "ربيع ثاني", "rabi al-thani", "rabi ii")
	add(5, "جمادى الأولى", "جمادى الاولى", "جمادى الأول", "جمادى الاول", "jumada al-awwal", "jumada al-ula", "jumada i")
	add(6, "جمادى الآخرة", "جمادى الاخرة", "جمادى الثانية", "جمادى الثاني", "jumada al-akhirah", "jumada al-thani", "jumada ii")
	add(7, "رجب", "rajab")
	add(8, "شعبان", "shaban", "sha'ban")
	add(9, "رمضان", "ramadan", "ramadhan")
	add(10, "شوال", "shawwal")
	add(11, "ذو القعدة", "ذي القعدة", "dhu al-qadah", "dhul qadah", "dhu al-qa'dah")
	add(12, "ذو الحجة", "ذي الحجة", "dhu al-hijjah", "dhul hijjah")
	return m
}()

// Era markers, folded: هـ (هجري) after a Hijri year, م (ميلادي) after a
// Gregorian one.
var (
	hijriMarkers     = keySet("هـ", "ه", "هجري", "هجرية", "ah")
	gregorianMarkers = keySet("م", "ميلادي", "ميلادية", "ad", "ce")
	// dualLinks join the two dates of a dual date: "… هـ الموافق 17 مارس
	// 2024 م", "الموافق لـ".
	dualLinks = keySet("الموافق", "موافق", "ل")
)

// ignorable are words a date may carry that say nothing about which day it
// is: weekday names, and words around a time of day.
var ignorable = keySet(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "wed", "thu", "fri", "sat", "sun",
	"الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
	"of", "the", "at", "الساعة", "في",
)

func keySet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[norm.Key(w)] = true
	}
	return m
}

// isoLayouts are tried first, on the text as given (digits made ASCII):
// ISO 8601, then RFC 822/1123 and their variants — with or without the
// weekday and the seconds, a four- or two-digit year (RFC 822 has two
// digits: "Sun, 11 Jul 21 01:30:00 +0300"), and an offset with or without
// a colon or a zone name.
var isoLayouts = func() []string {
	l := []string{
		time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
		time.RFC850, "Monday, 2-Jan-06 15:04:05 -0700",
	}
	for _, wd := range []string{"Mon, ", ""} {
		for _, year := range []string{"2006", "06"} {
			for _, clock := range []string{"15:04:05", "15:04"} {
				for _, zone := range []string{"-0700", "-07:00", "MST"} {
					l = append(l, wd+"2 Jan "+year+" "+clock+" "+zone)
				}
			}
		}
	}
	return l
}()

// twoDigitYear reports whether layout has a two-digit year, which
// time.Parse reads 69–99 as 19xx and 00–68 as 20xx.
func twoDigitYear(layout string) bool {
	return !strings.Contains(layout, "2006") && strings.Contains(layout, "06")
}

// timeOfDay matches a clock time with optional seconds, AM/PM (Latin or
// Arabic: ص، م، صباحا، مساء) and zone. The zone is group 1 when it is one
// ParseDate understands (an offset, GMT or UTC with or without one), group
// 2 when it is not (an abbreviation such as AST, EET or EDT, which may name
// several offsets, or "بتوقيت مكة").
var timeOfDay = regexp.MustCompile(`(?:T|\b)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?` +
	`(?:\s*(?:[AaPp]\.?[Mm]\.?|صباحاً|صباحا|مساءً|مساء|ص|م)(?:\s|$))?` +
	`(?:\s*(?:((?:GMT|UTC|UT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|Z|[+-]\d{1,2}(?::?\d{2})?|بتوقيت\s+(?:غرينتش|غرينيتش|جرينتش))|([A-Z]{2,5}\b|بتوقيت\s+[^\s\d,،]+(?:\s+(?:المكرمة|المكرمه))?))` +
	// An RFC 822 comment after the zone: "+0300 (AST)".
	`(?:\s*\([^()]{1,40}\))?)?`)

// clock reads the time of day of a timeOfDay match: hours, minutes and
// seconds, with AM/PM. ok is false for a time that is no time of day
// ("25:70").
var clock = regexp.MustCompile(`^T?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:\s*([AaPp])\.?[Mm]\.?|\s*(صباحاً|صباحا|مساءً|مساء|ص|م)(?:\s|$))?`)

func clockOf(match string) (h, m, sec int, ok bool) {
	c := clock.FindStringSubmatch(match)
	if c == nil {
		return 0, 0, 0, false
	}
	h, _ = strconv.Atoi(c[1])
	m, _ = strconv.Atoi(c[2])
	if c[3] != "" {
		sec, _ = strconv.Atoi(c[3])
	}
	pm := strings.EqualFold(c[4], "p") || strings.HasPrefix(c[5], "مساء") || c[5] == "م"
	if c[4] != "" || c[5] != "" {
		if h < 1 || h > 12 {
			return 0, 0, 0, false
		}
		h %= 12
		if pm {
			h += 12
		}
	}
	return h, m, sec, h < 24 && m < 60 && sec < 60
}

// ParseDate reads a publication date as news sites write it: ISO 8601,
// RFC 822/1123 (two-digit years too), or day, month and year with the
// month as a number or as an English or Arabic month name in any of its
// naming systems
// ("11-يوليو-2021", "11 تموز 2021", "July 11, 2021", "١١/٧/٢٠٢١",
// "12 سبتمبر 2021م"). Numeric dates are read day first, as in the Arab
// world, unless the year comes first.
//
// The result is the date and time where it was written, with the location
// set to UTC: "2021-07-11T01:30:00+03:00" is 2021-07-11 01:30 UTC, so that
// its day stays 11 July whatever the offset. Dates without a time, or
// with two, are midnight. Offsets are not kept.
//
// A date is right or unknown. Hijri dates (marked هـ, in a Hijri month, or
// numeric with a year in 1300–1500 and no era marker: "1445/09/05") are
// refused, not converted: tabular conversion can be a day or two off the
// calendar a site uses. A dual date ("5 رمضان 1445 هـ الموافق 17 مارس 2024
// م") gives its Gregorian date. Years outside 1900–2100 are refused. Errors
// are *DateError and wrap ErrBadDate.
func ParseDate(s string) (time.Time, error) {
	return ParseDateOrder(s, "")
}

// DateOrder says in which order a numeric date gives day, month and year.
type DateOrder string

// Date orders. Auto reads year-first numeric dates (2021/07/11) and
// otherwise day first, with four-digit years only; an explicit order also
// accepts two-digit years, 00–69 as 20xx and 70–99 as 19xx, as RFC 822
// dates do in any order ("Sun, 11 Jul 21 01:30:00 +0300").
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
	t, _, err := ParseDateNote(s, order)
	return t, err
}

// ParseDateNote is ParseDateOrder that also says what of a date it read
// but could not use: note is "" or a warning for a date that was read, such
// as `date "July 11, 2021 3:45 PM AST": time zone "AST" not understood; the
// day is taken as written`. The day is right either way, as it is the one
// written; the note tells the user the zone was not read.
func ParseDateNote(s string, order DateOrder) (t time.Time, note string, err error) {
	text := strings.TrimSpace(s)
	s = norm.Digits(text)
	if s == "" {
		return time.Time{}, "", &DateError{Text: text, Reason: "not understood", detail: "empty"}
	}
	// RFC 822's "UT" is UTC, but time.Parse takes no two-letter zone.
	iso := s
	if strings.HasSuffix(iso, " UT") {
		iso += "C"
	}
	for _, layout := range isoLayouts {
		t, err := time.Parse(layout, iso)
		if err != nil {
			continue
		}
		// Two-digit years are 00–69 for 20xx, as with --date-order.
		if twoDigitYear(layout) && t.Year() == 1969 {
			t = t.AddDate(100, 0, 0)
		}
		if err := checkYear(text, t.Year(), eraNone); err != nil {
			return time.Time{}, "", err
		}
		// time.Parse gives an abbreviation it does not know (all but
		// UTC, GMT and the host's own) a zero offset; the day as written
		// is kept all the same, but say that the zone was not read.
		if strings.Contains(layout, "MST") {
			name, _ := t.Zone()
			if !knownZone(name) {
				note = zoneNote(text, name)
			}
			// For "GMT+3" time.Parse keeps the written time as the UTC
			// instant and then labels it +3, moving the wall clock.
			if len(name) > 3 && strings.HasPrefix(name, "GMT") {
				t = t.UTC()
			}
		}
		return wallClock(t), note, nil
	}
	// A time of day and a zone say nothing about the day once the layouts
	// above failed: take them out ("الأحد، 12 مايو 2024 09:30:00 +0300")
	// and read the day. The time of day, if there is one only, is the one
	// written, whatever the zone, as with the layouts.
	var b strings.Builder
	last := 0
	times := timeOfDay.FindAllStringSubmatchIndex(s, -1)
	for _, m := range times {
		end := m[1]
		if m[4] >= 0 {
			// Capitals after a time may be a month or weekday, not a
			// zone: "10:30 JULY 11, 2021".
			if z := s[m[4]:m[5]]; months[norm.Key(z)] != 0 || ignorable[norm.Key(z)] {
				end = m[4]
			} else if note == "" {
				note = zoneNote(text, z)
			}
		}
		b.WriteString(s[last:m[0]])
		b.WriteByte(' ')
		last = end
	}
	b.WriteString(s[last:])
	t, err = parseDay(text, b.String(), order)
	if err != nil {
		return time.Time{}, "", err
	}
	if len(times) == 1 {
		if h, m, sec, ok := clockOf(s[times[0][0]:times[0][1]]); ok {
			t = t.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second)
		}
	}
	return t, note, nil
}

// knownZone reports whether time.Parse read the zone name as a known
// offset.
func knownZone(name string) bool {
	return name == "" || name == "UTC" || name == "GMT" || name == "UT" ||
		strings.HasPrefix(name, "GMT+") || strings.HasPrefix(name, "GMT-") ||
		// time.Parse names an offset of hours alone ("-03") by itself.
		strings.HasPrefix(name, "+") || strings.HasPrefix(name, "-")
}

// writtenOffset matches a numeric offset: "+03:00", "+0300", "-5", "+ 3".
var writtenOffset = regexp.MustCompile(`([+-])\s*(\d{1,2})(?::?(\d{2}))?`)

// offsetOf reads the offset of a zone ParseDate understands (timeOfDay's
// group 1): "+0300", "GMT+3", "Z", "UTC", "بتوقيت غرينتش".
func offsetOf(zone string) (time.Duration, bool) {
	o := writtenOffset.FindStringSubmatch(zone)
	if o == nil {
		return 0, true
	}
	h, _ := strconv.Atoi(o[2])
	m, _ := strconv.Atoi(o[3])
	off := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
	if o[1] == "-" {
		off = -off
	}
	return off, off > -24*time.Hour && off < 24*time.Hour
}

// feedTime is the date and time where text was written, labelled UTC, from
// t, the time gofeed read from text where ParseDateNote could not, and the
// note to give: "" or a time zone warning as from ParseDateNote. gofeed
// gives RSS and Atom times in UTC, which can move the day ("Sat, 10 Jul
// 2021 22:00:00 EDT -0400" is 02:00 on 11 July in UTC), so t is moved back
// by the offset written; failing one, to the time of day written, at an
// offset within −12h…+14h; failing that, t's wall clock in its location.
func feedTime(text string, t time.Time) (time.Time, string) {
	var note string
	off, known := time.Duration(0), false
	s := norm.Digits(text)
	times := timeOfDay.FindAllStringSubmatchIndex(s, -1)
	if len(times) == 1 {
		m := times[0]
		switch {
		case m[2] >= 0:
			off, known = offsetOf(s[m[2]:m[3]])
		case m[4] >= 0:
			// A zone name not understood, unless an offset follows it.
			if o := writtenOffset.FindStringIndex(s[m[5]:]); o != nil && strings.TrimSpace(s[m[5]:m[5]+o[0]]) == "" {
				off, known = offsetOf(s[m[5]+o[0] : m[5]+o[1]])
			} else if z := s[m[4]:m[5]]; months[norm.Key(z)] == 0 && !ignorable[norm.Key(z)] {
				note = zoneNote(text, z)
			}
		}
	}
	if name, _ := t.Zone(); note == "" && !knownZone(name) {
		note = zoneNote(text, name)
	}
	switch {
	case t.Location() != time.UTC:
		return wallClock(t), note
	case known:
		return wallClock(t.In(time.FixedZone("", int(off/time.Second)))), note
	case len(times) != 1:
		return wallClock(t), note
	}
	h, m, sec, ok := clockOf(s[times[0][0]:times[0][1]])
	if !ok {
		return wallClock(t), note
	}
	written := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second
	read := time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute + time.Duration(t.Second())*time.Second
	off = (written - read) % (24 * time.Hour)
	switch {
	case off < -12*time.Hour:
		off += 24 * time.Hour
	case off >= 14*time.Hour:
		off -= 24 * time.Hour
	}
	return wallClock(t.Add(off)), note
}

func zoneNote(text, zone string) string {
	return fmt.Sprintf("date %q: time zone %q not understood; the day is taken as written", text, zone)
}

// wallClock is t's date and time where it was written, labelled UTC.
func wallClock(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// era is the calendar a date part says it is in.
type era int

const (
	eraNone era = iota
	eraHijri
	eraGregorian
)

// checkYear refuses years that are not news years, saying why.
func checkYear(text string, y int, e era) error {
	switch {
	case e == eraNone && y >= minHijriYear && y <= maxHijriYear:
		return &DateError{Text: text, Reason: fmt.Sprintf("looks like a Hijri date (year %d)", y)}
	case y < minNewsYear || y > maxNewsYear:
		return &DateError{Text: text, Reason: fmt.Sprintf("has the year %d, outside %d–%d", y, minNewsYear, maxNewsYear)}
	}
	return nil
}

// datePart is one date of a text that may hold two, a Hijri and a
// Gregorian one.
type datePart struct {
	nums       []int
	month      time.Month // a Gregorian month name, or 0
	hijriMonth int        // a Hijri month name, or 0
	hijriName  string     // hijriMonth as written
	era        era        // from an era marker or the month's calendar
	words      int        // tokens read, for the error of an empty part
}

func (p *datePart) size() int {
	n := len(p.nums)
	if p.month != 0 || p.hijriMonth != 0 {
		n++
	}
	return n
}

// setEra records e, refusing a part that names both calendars.
func (p *datePart) setEra(e era) bool {
	if p.era != eraNone && p.era != e {
		return false
	}
	p.era = e
	return true
}

// parseDay reads the day of s, a date without its time of day: one date,
// or a Hijri and a Gregorian one side by side, of which it takes the
// Gregorian. text is the date as given, for errors.
func parseDay(text, s string, order DateOrder) (time.Time, error) {
	bad := func(detail string) error {
		return &DateError{Text: text, Reason: "not understood", detail: detail}
	}
	var toks, written []string // folded and as written
	for _, t := range norm.Tokens(s) {
		f := t.Fold
		// An era marker written against its year: "2021م", "1445هـ".
		if i := strings.IndexFunc(f, func(r rune) bool { return r < '0' || r > '9' }); i > 0 {
			if mark := f[i:]; hijriMarkers[mark] || gregorianMarkers[mark] {
				toks = append(toks, f[:i], mark)
				written = append(written, t.Text, t.Text)
				continue
			}
		}
		toks = append(toks, f)
		written = append(written, t.Text)
	}

	// Split the tokens into date parts. A part ends at a word that links
	// two dates (الموافق), after an era marker, or once it has a day, a
	// month and a year and another number or month follows.
	parts := []*datePart{{}}
	cur := parts[0]
	next := func() {
		if cur.words > 0 {
			cur = &datePart{}
			parts = append(parts, cur)
		}
	}
	for i := 0; i < len(toks); i++ {
		f := toks[i]
		if dualLinks[f] {
			next()
			continue
		}
		if hijriMarkers[f] || gregorianMarkers[f] {
			e := eraGregorian
			if hijriMarkers[f] {
				e = eraHijri
			}
			if !cur.setEra(e) {
				return time.Time{}, bad("names both calendars")
			}
			cur.words++
			next()
			continue
		}
		if ignorable[f] {
			continue
		}
		// Month names of up to three words, the longest first.
		matched := false
		for n := min(3, len(toks)-i); n >= 1 && !matched; n-- {
			key := strings.Join(toks[i:i+n], " ")
			if m, ok := months[key]; ok {
				matched = true
				i += n - 1
				if cur.size() >= 3 && cur.month != m {
					next()
				}
				// "تموز/يوليو": both naming systems side by side must agree.
				if cur.month != 0 && cur.month != m || cur.hijriMonth != 0 {
					return time.Time{}, bad("names two months")
				}
				if cur.month == 0 && !cur.setEra(eraGregorian) {
					return time.Time{}, bad("names both calendars")
				}
				cur.month = m
				cur.words++
			} else if m, ok := hijriMonths[key]; ok {
				matched = true
				i += n - 1
				if cur.size() >= 3 {
					next()
				}
				if cur.month != 0 || cur.hijriMonth != 0 && cur.hijriMonth != m {
					return time.Time{}, bad("names two months")
				}
				if !cur.setEra(eraHijri) {
					return time.Time{}, bad("names both calendars")
				}
				cur.hijriMonth = m
				cur.hijriName = strings.Join(written[i-n+1:i+1], " ")
				cur.words++
			}
		}
		if matched {
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
				return time.Time{}, bad(fmt.Sprintf("unexpected %q", f))
			}
		}
		if cur.size() >= 3 {
			next()
		}
		cur.nums = append(cur.nums, n)
		cur.words++
	}

	// Take the Gregorian part; refuse when there is none, or when two
	// disagree.
	var got time.Time
	var hijri error
	for _, p := range parts {
		if p.words == 0 {
			continue
		}
		if p.era == eraHijri {
			if hijri == nil {
				hijri = hijriError(text, p)
			}
			continue
		}
		t, err := p.day(text, order)
		var de *DateError
		if errors.As(err, &de) && strings.HasPrefix(de.Reason, "looks like a Hijri") {
			// An unmarked Hijri part of a dual date: "1445/9/5 الموافق
			// 2024/3/17".
			if hijri == nil {
				hijri = err
			}
			continue
		}
		if err != nil {
			return time.Time{}, err
		}
		if !got.IsZero() && !got.Equal(t) {
			return time.Time{}, bad("gives two different dates")
		}
		got = t
	}
	switch {
	case !got.IsZero():
		return got, nil
	case hijri != nil:
		return time.Time{}, hijri
	}
	return time.Time{}, bad("want day, month and year")
}

func hijriError(text string, p *datePart) error {
	for _, n := range p.nums {
		// "5 شعبان 2024": a Hijri month, but a Gregorian year.
		if n > 31 && p.hijriName != "" && (n < minHijriYear || n > maxHijriYear) {
			return &DateError{Text: text, Reason: fmt.Sprintf("names the Hijri month %s", p.hijriName)}
		}
		if n > 31 {
			return &DateError{Text: text, Reason: fmt.Sprintf("is a Hijri date (year %d), not converted", n)}
		}
	}
	return &DateError{Text: text, Reason: "is a Hijri date, not converted"}
}

// day reads a Gregorian or unmarked date part.
func (p *datePart) day(text string, order DateOrder) (time.Time, error) {
	bad := func(detail string) error {
		return &DateError{Text: text, Reason: "not understood", detail: detail}
	}
	nums := p.nums
	var y, d int
	var m time.Month
	switch {
	case p.month != 0 && len(nums) == 2:
		m = p.month
		switch {
		case nums[0] > 31 && nums[1] <= 31:
			y, d = nums[0], nums[1]
		case nums[1] > 31 && nums[0] <= 31:
			d, y = nums[0], nums[1]
		default:
			return time.Time{}, bad("cannot tell day from year")
		}
	case p.month == 0 && len(nums) == 3:
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
		return time.Time{}, bad("want day, month and year")
	}
	if err := checkYear(text, y, p.era); err != nil {
		return time.Time{}, err
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != m || t.Day() != d {
		return time.Time{}, bad("no such day")
	}
	return t, nil
}

// parseDate is ParseDateNote for readers: the date, or the zero time, and
// the warning to give, "" when none.
func parseDate(text string, order DateOrder) (time.Time, string) {
	t, note, err := ParseDateNote(text, order)
	if err != nil {
		return time.Time{}, dateWarning(text, err)
	}
	return t, note
}
