package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestDisplayWidth(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"Kadhimi", 7},
		{"الكاظمي", 7},             // Arabic letters take one column each
		{"مُصْطَفَى", 5},           // five letters; the harakat (combining marks) take none
		{"北京", 4},                  // CJK ideographs take two
		{"first\nsecond line", 11}, // the widest line
	} {
		if got := displayWidth(tc.s); got != tc.want {
			t.Errorf("displayWidth(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width int
		want  string
	}{
		{"Iraq", 10, "Iraq"}, // fits
		{"Global Coalition against Daesh", 20, "Global Coalition…"}, // at a word
		{"Mustafa al-Kadhimi", 13, "Mustafa…"},                      // the word keeps half the width
		{"Internationalisation", 8, "Interna…"},                     // one long word: at a letter
		{"تنظيم الدولة الإسلامية", 14, "تنظيم الدولة…"},             // Arabic at a word, its logical end
		{"مُصْطَفَى الكاظمي", 4, "مُصْطَ…"},                         // each letter keeps its mark
		{"北京大学", 5, "北京…"},                                          // never half an ideograph
	} {
		got := truncate(tc.s, tc.width)
		if got != tc.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
		}
		if w := displayWidth(got); w > tc.width {
			t.Errorf("truncate(%q, %d) is %d wide", tc.s, tc.width, w)
		}
	}
}

func TestFit(t *testing.T) {
	cols := []column{
		{title: "#", number: true, keep: 5},
		{title: "NAME", keep: 5},
		{title: "ARABIC", keep: 3},
		{title: "TYPE", keep: 1},
		{title: "ARTICLES", number: true, keep: 2},
	}
	row := []string{"1", "Global Coalition against Daesh", "التحالف الدولي ضد داعش", "organization", "12"}
	title := func(cs []column) string {
		var ts []string
		for _, c := range cs {
			ts = append(ts, c.title)
		}
		return strings.Join(ts, " ")
	}
	for _, tc := range []struct {
		width   int
		columns string
		cells   []string
	}{
		// 1+30+22+12+8 + a 16-column frame = 89: wider than 80, so the
		// widest text narrows first, to 25 and 22 columns.
		{80, "# NAME ARABIC TYPE ARTICLES", []string{"1", "Global Coalition…", "التحالف الدولي ضد داعش", "organization", "12"}},
		{120, "# NAME ARABIC TYPE ARTICLES", row},
		// At 50 even the narrowest names (10 columns) leave no room for
		// TYPE, the least kept; then ARTICLES goes.
		{50, "# NAME ARABIC ARTICLES", []string{"1", "Global…", "التحالف…", "12"}},
		{30, "# NAME", []string{"1", "Global Coalition…"}},
	} {
		cells := [][]string{append([]string(nil), row...)}
		gotCols, gotCells := fit(append([]column(nil), cols...), cells, tc.width)
		if title(gotCols) != tc.columns || !reflect.DeepEqual(gotCells[0], tc.cells) {
			t.Errorf("fit to %d: columns %q, cells %q; want %q, %q", tc.width, title(gotCols), gotCells[0], tc.columns, tc.cells)
		}
		width := 3*len(gotCols) + 1
		for k, c := range gotCols {
			width += max(displayWidth(c.title), displayWidth(gotCells[0][k]))
		}
		if width > tc.width {
			t.Errorf("fit to %d: the box is %d wide", tc.width, width)
		}
	}
}

// TestFitOptional checks that optional columns go before any name is cut,
// and that a long title does not keep its column wide.
func TestFitOptional(t *testing.T) {
	cols := []column{
		{title: "#", number: true, keep: 5},
		{title: "NAME", keep: 5},
		{title: "TYPE", keep: 1, optional: true},
		{title: "EVIDENCE (ARTICLES NAMING BOTH)"},
	}
	row := []string{"1", "Mustafa al-Kadhimi", "person", "2021-07-11 — تسلّم دعوة من الولايات المتحدة"}
	// 1+18+6+42 (the shadda takes no column) + a 13-column frame = 80:
	// at 79 TYPE goes, and the rest, 71, fits whole.
	gotCols, gotCells := fit(append([]column(nil), cols...), [][]string{append([]string(nil), row...)}, 79)
	if len(gotCols) != 3 || gotCols[2].title != cols[3].title || !reflect.DeepEqual(gotCells[0], []string{row[0], row[1], row[3]}) {
		t.Errorf("fit to 79: %v %q", gotCols, gotCells[0])
	}
	// At 50 the evidence narrows to 50-10-1-18 = 21 columns, its title too.
	gotCols, gotCells = fit(append([]column(nil), cols...), [][]string{append([]string(nil), row...)}, 50)
	want := []string{"1", "Mustafa al-Kadhimi", "2021-07-11 — تسلّم…"}
	if len(gotCols) != 3 || gotCols[2].title != "EVIDENCE (ARTICLES…" || !reflect.DeepEqual(gotCells[0], want) {
		t.Errorf("fit to 50: %q %q; want EVIDENCE (ARTICLES… and %q", gotCols[2].title, gotCells[0], want)
	}
}
