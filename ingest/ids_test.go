package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestArticleIDs checks how each kind of input names its articles: by URL,
// by source and record ID, by record ID scoped to the input, by path, by
// text.
func TestArticleIDs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		file  string // its name, under a temporary folder; "-" for stdin
		data  string
		whole bool // read the folder rather than the file
		want  []string
	}{
		{name: "text file", file: "a.txt", data: "Title\nBody text.\n", want: []string{"file:a.txt"}},
		{name: "text file in a folder", file: "sub/a.txt", data: "Title\nBody text.\n", whole: true, want: []string{"file:sub/a.txt"}},
		{
			name: "jsonl: url, source and id, bare id, nothing",
			file: "export.jsonl",
			data: `{"id":"1","url":"https://www.x.example/a/1/?utm_source=t","title":"t1"}
{"id":"1","source":"web","title":"t2"}
{"id":"1","title":"t3"}
{"title":"t4"}
`,
			want: []string{"x.example/a/1", "web:1", "export.jsonl#1", "sha256:" + textFingerprint(&Article{Title: "t4"})[:32]},
		},
		{
			// a relative URL is unique only within its export, like a bare id
			name: "jsonl: relative URLs",
			file: "export.jsonl",
			data: `{"url":"/news/1","title":"t1"}
{"url":"news/2?id=7","source":"web","title":"t2"}
{"id":"3","url":"/news/3","title":"t3"}
{"url":"example.org/news/4","title":"t4"}
{"url":"//cdn.example.org/news/5","title":"t5"}
`,
			want: []string{"export.jsonl#/news/1", "web:news/2?id=7", "export.jsonl#3", "example.org/news/4", "cdn.example.org/news/5"},
		},
		{name: "jsonl in a folder", file: "2021/export.jsonl", data: `{"id":7,"title":"t"}` + "\n", whole: true, want: []string{"2021/export.jsonl#7"}},
		{name: "csv bare id", file: "export.csv", data: "id,title\n1,t1\n2,t2\n", want: []string{"export.csv#1", "export.csv#2"}},
		{name: "stdin", file: "-", data: `{"id":"1","title":"t"}` + "\n", want: []string{"stdin#1"}},
		{
			// An unresolvable link is no ID: the GUID is, scoped to the
			// feed's title for want of a host, or else to the input.
			name: "feed without a base",
			file: "f.rss",
			data: `<rss version="2.0"><channel><title>Site</title>
<item><title>t1</title><link>/news/1</link><guid isPermaLink="false">n1</guid></item></channel></rss>`,
			want: []string{"Site:n1"},
		},
		{
			name: "feed without a base or title",
			file: "f.rss",
			data: `<rss version="2.0"><channel>
<item><title>t1</title><link>/news/1</link><guid isPermaLink="false">n1</guid></item></channel></rss>`,
			want: []string{"f.rss#n1"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			opts := ReadOptions{}
			in := "-"
			if tc.file == "-" {
				opts.Stdin = strings.NewReader(tc.data)
			} else {
				path := filepath.Join(dir, tc.file)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
					t.Fatal(err)
				}
				in = path
				if tc.whole {
					in = dir
				}
			}
			arts, probs := readAll(t, opts, in)
			for _, p := range probs {
				if !p.Warning {
					t.Errorf("problem: %v", p)
				}
			}
			var ids []string
			for _, a := range arts {
				ids = append(ids, a.ID)
			}
			if !reflect.DeepEqual(ids, tc.want) {
				t.Errorf("IDs\n got %q\nwant %q", ids, tc.want)
			}
		})
	}
}
