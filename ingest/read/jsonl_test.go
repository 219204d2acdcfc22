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

// TestFingerprintsOnDecodingGoroutines: with ReadOptions.Fingerprints the
// JSON lines reader hands on each article's TextFingerprint computed, the
// same as computed afresh, and a title or body changed after reading is
// fingerprinted again, not answered from the cache.
func TestFingerprintsOnDecodingGoroutines(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := 0; i < 300; i++ { // several chunks of jsonlChunkLines
		body := fmt.Sprintf("نص الخبر رقم %d  عن   بغداد\nوالموصل", i%7)
		if i%2 == 0 {
			body = strings.Repeat("a long body that is fingerprinted alone ", 8) + fmt.Sprint(i)
		}
		lines = append(lines, fmt.Sprintf(`{"id":"a%d","title":"Title %d!!","body":%q}`, i, i%5, body))
	}
	path := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []Article
	err := Read(context.Background(), []string{path}, ReadOptions{Fingerprints: true}, func(a Article) error {
		got = append(got, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(lines) {
		t.Fatalf("%d articles, want %d", len(got), len(lines))
	}
	for _, a := range got {
		if a.text.fingerprint == "" && jsonlWorkers() > 1 { // one CPU reads on one goroutine
			t.Fatalf("%s: no fingerprint computed by the reader", a.ID)
		}
		fresh := Article{Title: a.Title, Body: a.Body}
		if TextFingerprint(&a) != TextFingerprint(&fresh) {
			t.Errorf("%s: cached fingerprint differs from a fresh one", a.ID)
		}
		a.Body += " more"
		fresh.Body += " more"
		if TextFingerprint(&a) != TextFingerprint(&fresh) {
			t.Errorf("%s: fingerprint of a changed body answered from the cache", a.ID)
		}
	}
	var plain []Article
	if err := Read(context.Background(), []string{path}, ReadOptions{}, func(a Article) error {
		plain = append(plain, a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i := range plain {
		if plain[i].text != (textPrint{}) {
			t.Fatalf("%s: fingerprint computed though not asked for", plain[i].ID)
		}
		got[i].text = textPrint{}
	}
	if !reflect.DeepEqual(got, plain) {
		t.Error("articles read with Fingerprints differ from those read without, beyond the fingerprint")
	}
}
