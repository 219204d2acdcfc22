package read

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// jsonlEvents reads b as JSON lines on one goroutine (workers = 1) or
// several, and returns what the reader reported, in order.
func jsonlEvents(t *testing.T, b []byte, workers, maxArticle int) []string {
	t.Helper()
	var out []string
	rd := &reader{
		opts: ReadOptions{MaxArticleBytes: maxArticle, MaxInputBytes: DefaultMaxInputBytes, Problem: func(p Problem) {
			out = append(out, "problem "+p.Error())
		}},
		fn: func(a Article) error {
			out = append(out, fmt.Sprintf("article %s %q %q %s %s", a.ID, a.Title, a.Origin, a.Lang, a.ContentHash()))
			return nil
		},
		cur: "stdin",
	}
	rd.opts.Incomplete = func(string) {}
	src := source{name: "stdin", rel: "stdin"}
	r := &capped{r: bytes.NewReader(b), n: DefaultMaxInputBytes}
	var err error
	if workers == 1 {
		err = rd.readJSONLSequential(context.Background(), r, src)
	} else {
		err = rd.readJSONLParallel(context.Background(), r, src, workers)
	}
	return append(out, fmt.Sprintf("end %v cut short %v", err, rd.cutShort))
}

// TestJSONLParallelIsSequential checks that decoding lines on several
// goroutines reports exactly what one goroutine does, in the same order.
func TestJSONLParallelIsSequential(t *testing.T) {
	var many strings.Builder
	for i := 0; i < 1000; i++ {
		switch i % 7 {
		case 3:
			many.WriteString("{broken\n")
		case 5:
			many.WriteString("\n")
		default:
			fmt.Fprintf(&many, `{"id":"%d","title":"t%d","date":"2021-13-45","body":"Biden %d"}`+"\n", i, i%50, i)
		}
	}
	cases := map[string][]byte{
		"empty":              nil,
		"one, no newline":    []byte(`{"id":"1","title":"a","body":"b"}`),
		"blank lines":        []byte("\n\n{\"title\":\"a\",\"body\":\"b\"}\n\n"),
		"too long":           []byte(`{"title":"` + strings.Repeat("x", 300) + `"}` + "\n" + `{"title":"a","body":"b"}`),
		"many, some broken":  []byte(many.String()),
		"invalid UTF-8":      []byte("{\"title\":\"\xff\"}\n{\"title\":\"ok\",\"body\":\"b\"}\n"),
		"crlf and duplicate": []byte("{\"id\":\"1\",\"title\":\"a\",\"body\":\"b\"}\r\n{\"id\":\"1\",\"title\":\"a\",\"body\":\"b\"}\r\n"),
	}
	if b, err := os.ReadFile(filepath.Join("..", "..", "shared", "corpora", "ar-news-2022", "articles.jsonl")); err == nil {
		cases["ar-news-2022, first 500 lines"] = []byte(strings.Join(strings.SplitAfter(string(b), "\n")[:500], ""))
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			want := jsonlEvents(t, b, 1, 256)
			for _, workers := range []int{2, 3, 8} {
				if got := jsonlEvents(t, b, workers, 256); !reflect.DeepEqual(got, want) {
					t.Errorf("%d workers:\n%s\nwant (one goroutine):\n%s", workers, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
		})
	}
}

// TestJSONLParallelStopsOnCallbackError checks that an error from the
// callback stops the reader, and that no goroutine is left reading.
func TestJSONLParallelStopsOnCallbackError(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, `{"id":"%d","title":"t","body":"b %d"}`+"\n", i, i)
	}
	n := 0
	stop := fmt.Errorf("stop")
	rd := &reader{opts: ReadOptions{MaxArticleBytes: 1 << 16, Problem: func(Problem) {}}, fn: func(Article) error {
		if n++; n == 300 {
			return stop
		}
		return nil
	}}
	if err := rd.readJSONLParallel(context.Background(), strings.NewReader(b.String()), source{name: "x"}, 4); err != stop {
		t.Fatalf("err %v, want the callback's", err)
	}
	if n != 300 {
		t.Errorf("callback called %d times after its error", n-300)
	}
}
