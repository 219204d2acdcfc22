package read

import (
	"context"
	"strings"
	"testing"
)

// TestInvalidUTF8SameInEveryJSONFormat reads one record of invalid UTF-8
// between two good ones as JSON lines and as a JSON array: both skip it with
// the same reason and keep the others (issue 22, item 8: the array reader
// replaced the bytes with U+FFFD without a word).
func TestInvalidUTF8SameInEveryJSONFormat(t *testing.T) {
	records := []string{
		`{"id":"1","source":"s","title":"one","body":"first"}`,
		"{\"id\":\"2\",\"source\":\"s\",\"title\":\"caf\xe9\",\"body\":\"second\"}",
		`{"id":"3","source":"s","title":"three","body":"third"}`,
	}
	for _, tc := range []struct {
		format Format
		input  string
		where  string // the problem's place
	}{
		{FormatJSONL, strings.Join(records, "\n") + "\n", "stdin:2"},
		{FormatJSON, "[" + strings.Join(records, ",\n") + "]", "stdin: record 2"},
		{FormatJSON, "[" + records[1] + "," + records[0] + "]", "stdin: record 1"}, // the first element decides the shape
	} {
		var titles, problems []string
		err := Read(context.Background(), []string{"-"}, ReadOptions{
			Format: tc.format, Stdin: strings.NewReader(tc.input),
			Problem: func(p Problem) { problems = append(problems, p.Error()) },
		}, func(a Article) error { titles = append(titles, a.Title); return nil })
		if err != nil {
			t.Fatalf("%s: %v", tc.format, err)
		}
		if want := tc.where + ": " + invalidUTF8; len(problems) != 1 || problems[0] != want {
			t.Errorf("%s %q…: problems %q, want [%q]", tc.format, tc.input[:20], problems, want)
		}
		for _, title := range titles {
			if strings.ContainsRune(title, '\uFFFD') || title == "" {
				t.Errorf("%s: title %q read from invalid UTF-8", tc.format, title)
			}
		}
	}
}

// TestUTF16ArabicHint reads an Arabic text in UTF-16LE without a byte-order
// mark: its letters have no NUL byte, only the spaces and line breaks between
// them, and the problem still suggests --encoding (issue 22, item 8).
func TestUTF16ArabicHint(t *testing.T) {
	line := "بايدن يلتقي الكاظمي\nالتقى الرئيس الأمريكي جو بايدن رئيس الوزراء العراقي مصطفى الكاظمي في واشنطن\n"
	var b []byte
	for _, r := range line {
		b = append(b, byte(r), byte(r>>8)) // UTF-16LE: every rune here is in the BMP
	}
	var problems []string
	err := Read(context.Background(), []string{"-"}, ReadOptions{
		Format: FormatText, Stdin: strings.NewReader(string(b)),
		Problem: func(p Problem) { problems = append(problems, p.Reason) },
	}, func(Article) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], "--encoding utf-16le") {
		t.Errorf("problems %q, want one suggesting --encoding utf-16le", problems)
	}
}
