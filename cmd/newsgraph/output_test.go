package main

import (
	"strings"
	"testing"
)

func TestMarkdownCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a | b", `a \| b`},
		{`back\slash`, `back\\slash`},
		{`\|`, `\\\|`},
		{"*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"},
		{"[link](x) <b>", `\[link\](x) \<b\>`},
		{"line one\nline two\r\nthree", "line one<br>line two<br>three"},
		{"الكاظمي | مصطفى", `الكاظمي \| مصطفى`},
		{"Mustafa al-Kadhimi (مصطفى الكاظمي)", "Mustafa al-Kadhimi (مصطفى الكاظمي)"},
	} {
		if got := markdownCell(tc.in); got != tc.want {
			t.Errorf("markdownCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriteMarkdown(t *testing.T) {
	res := &result{
		columns: []column{
			{name: "rank", title: "#", number: true},
			{name: "name", title: "NAME"},
			{name: "score", title: "SCORE", number: true, digits: 3},
			{name: "url", title: "URL", wide: true},
			{name: "notes", title: "NOTES"},
		},
		rows: [][]any{
			{1, "A | B", 0.123456, "https://x", []string{"one", "two"}},
			{2, "العراق", 2.0, "", "x"},
		},
	}
	var b strings.Builder
	if err := res.write(&b, formatMD); err != nil {
		t.Fatal(err)
	}
	want := `| # | NAME | SCORE | NOTES |
|---:|---|---:|---|
| 1 | A \| B | 0.123 | one<br>two |
| 2 | العراق | 2.000 | x |
`
	if b.String() != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", b.String(), want)
	}
	for _, tc := range []struct {
		in   string
		tty  bool
		want string
	}{
		{"md", false, formatMD}, {"markdown", false, formatMD}, {"table", false, formatTable},
		{"", true, formatTable}, {"", false, formatTSV}, {"tsv", true, formatTSV},
	} {
		if got, err := formatName(tc.in, tc.tty); err != nil || got != tc.want {
			t.Errorf("formatName(%q, tty %v) = %q, %v", tc.in, tc.tty, got, err)
		}
	}
}
