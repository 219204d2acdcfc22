package read

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestImplausibleDatesUnknown reads articles dated before 1900 and more than
// a year after the run: their dates are stored as unknown with a warning
// naming the date, and plausible dates are kept (issue 22, item 7: one
// article dated 9999-12-31 stretched a weekly timeline to 416,301 lines).
func TestImplausibleDatesUnknown(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		date string
		want time.Time // zero: unknown
		warn string    // in the warning; "" for none
	}{
		{"2025-02-28", time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC), ""},
		{"2026-02-28", time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC), ""}, // within a year of the run
		{"2026-03-02", time.Time{}, "more than a year after this run (2025-03-01)"},
		{"2099-12-31", time.Time{}, "more than a year after this run"},
		{"9999-12-31", time.Time{}, "outside 1900–2100"},
		{"1899-12-31", time.Time{}, "outside 1900–2100"},
		{"1900-01-01", time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), ""},
	} {
		var got []Article
		var warnings []string
		in := `{"id":"1","source":"s","title":"t","body":"b","date":"` + tc.date + `"}` + "\n"
		err := Read(context.Background(), []string{"-"}, ReadOptions{
			Format: FormatJSONL, Stdin: strings.NewReader(in), Now: now,
			Problem: func(p Problem) {
				if p.Warning {
					warnings = append(warnings, p.Reason)
				}
			},
		}, func(a Article) error { got = append(got, a); return nil })
		if err != nil || len(got) != 1 {
			t.Fatalf("%s: %d articles, %v", tc.date, len(got), err)
		}
		if !got[0].Published.Equal(tc.want) {
			t.Errorf("%s: published %v, want %v", tc.date, got[0].Published, tc.want)
		}
		joined := strings.Join(warnings, "; ")
		switch {
		case tc.warn == "" && joined != "":
			t.Errorf("%s: warnings %q, want none", tc.date, joined)
		case tc.warn != "" && (len(warnings) != 1 || !strings.Contains(joined, tc.warn) || !strings.Contains(joined, tc.date)):
			t.Errorf("%s: warnings %q, want one naming the date and saying %q", tc.date, joined, tc.warn)
		}
	}
}
