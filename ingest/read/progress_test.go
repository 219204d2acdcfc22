package read

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestInputBytes checks that InputBytes counts exactly the files Read
// reads, and that BytesRead is told all their bytes.
func TestInputBytes(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":            "Title\n2021-07-11\nBody one.\n",
		"sub/b.jsonl":      `{"id":"b","title":"T","body":"Body two."}` + "\n",
		"README.md":        "not a corpus file, not read\n",
		".hidden/c.txt":    "a hidden folder, not read\n",
		"sub/.d.txt":       "a hidden file, not read\n",
		"sub/deeper/e.csv": "id,title,body\ne,T,Body three.\n",
	}
	var want int64
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if name == "a.txt" || name == "sub/b.jsonl" || name == "sub/deeper/e.csv" {
			want += int64(len(body))
		}
	}
	total, known := InputBytes([]string{dir}, "")
	if !known || total != want {
		t.Errorf("InputBytes = %d, %v; want %d, true", total, known, want)
	}
	var read int64
	n := 0
	err := Read(context.Background(), []string{dir}, ReadOptions{BytesRead: func(k int) { read += int64(k) }}, func(Article) error { n++; return nil })
	if err != nil || n != 3 || read != want {
		t.Errorf("Read: %d articles, %d bytes, %v; want 3 articles, %d bytes", n, read, err, want)
	}
	if _, known := InputBytes([]string{dir, "-"}, ""); known {
		t.Error("InputBytes knows the size of standard input")
	}
	if _, known := InputBytes([]string{"https://example.org/feed.xml"}, ""); known {
		t.Error("InputBytes knows the size of a URL")
	}
}
