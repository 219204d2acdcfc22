package read

import (
	"context"
	"io"
	"runtime"
	"strings"
	"testing"
)

// newHostile streams prefix, n bytes of 'a', then suffix, without holding
// them: a generated input larger than the memory a reader may use.
func newHostile(prefix string, n int64, suffix string) io.Reader {
	return io.MultiReader(strings.NewReader(prefix), io.LimitReader(fill('a'), n), strings.NewReader(suffix))
}

// fill reads as an endless run of its byte.
type fill byte

func (f fill) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(f)
	}
	return len(p), nil
}

// The peak RSS of the process on such inputs is measured by hand, not in
// a test (README, "Hostile input"): generate gzip bombs of 300 MB of 'a'
// inside one field, e.g. for a feed
//
//	python3 -c 'import gzip,sys; f=gzip.open("/tmp/bomb.rss.gz","wb"); f.write(b"<rss version=\"2.0\"><channel><item><title>Big</title><description>"); [f.write(b"a"*(1<<20)) for _ in range(300)]; f.write(b"</description></item></channel></rss>"); f.close()'
//	/usr/bin/time -v newsgraph --store /tmp/g.db ingest -q /tmp/bomb.rss.gz
//
// and the same with a CSV field, a JSON string, a JSON line.

// TestReadersBoundMemory feeds each reader one value far past the
// article cap — a feed's description, a CSV field, a JSON string, a JSON
// line, a text file, a page — and checks that the bytes allocated while
// reading stay a small multiple of the cap, not the size of the value:
// each reader cuts at the cap while reading. The good record after the
// hostile one is still read where the format lets the reader find it
// again.
func TestReadersBoundMemory(t *testing.T) {
	const (
		limit = 64 << 10 // --max-article-bytes
		huge  = 48 << 20 // the hostile value: 768 times the cap
		// The allocation allowed: the feed reader keeps a document of up
		// to feedDocFactor caps and the parser's tree of it; the JSON
		// decoder a buffer of twice the window; bufio buffers of 64 KiB.
		// 64 caps = 4 MiB, less than a tenth of the value.
		bound = 64 * limit
	)
	tests := []struct {
		format         Format
		prefix, suffix string
		want           []string // titles read
		reason         string   // part of the problem reported
	}{
		{FormatFeed,
			`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://x.example/</link><item><title>Big</title><link>http://x.example/1</link><description>`,
			`</description></item><item><title>Small</title><link>http://x.example/2</link><description>Fine body.</description></item></channel></rss>`,
			[]string{"Small"}, "item larger than"},
		{FormatFeed,
			`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Big</title><description><![CDATA[`,
			`]]></description></item><item><title>Small</title><description>Fine body.</description></item></channel></rss>`,
			[]string{"Small"}, "item larger than"},
		{FormatCSV, "title,body\nBig,\"", "\"\nSmall,Fine body.\n", []string{"Small"}, "longer than"},
		{FormatJSON, `[{"title":"Big","body":"`, `"},{"title":"Small","body":"Fine body."}]`, []string{"Small"}, "skipped"},
		// Brackets and an escaped quote in the strings of the record skipped.
		{FormatJSON, `[{"title":"Big","n":[1,{"x":"]}"}],"body":"\"`, `"}, {"title":"Small","body":"]\"}"}]`, []string{"Small"}, "skipped"},
		{FormatJSON, `[{"title":"A","body":"B"}, "`, `" , {"title":"Small","body":"Fine body."}]`, []string{"A", "Small"}, "skipped"},
		{FormatJSON, `{"title":"Big","body":"`, `"}`, nil, "the rest of the file is skipped"},
		{FormatJSONL, `{"title":"Big","body":"`, "\"}\n{\"title\":\"Small\",\"body\":\"Fine body.\"}\n", []string{"Small"}, "longer than"},
		{FormatText, "Big\n", "", nil, "larger than"},
		{FormatHTML, "<html><head><title>Big</title></head><body><p>", "</p></body></html>", nil, "larger than"},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			var titles []string
			var probs []Problem
			opts := ReadOptions{
				MaxArticleBytes: limit,
				Format:          tt.format,
				Stdin:           newHostile(tt.prefix, huge, tt.suffix),
				Problem:         func(p Problem) { probs = append(probs, p) },
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			err := Read(context.Background(), []string{"-"}, opts, func(a Article) error {
				titles = append(titles, a.Title)
				return nil
			})
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > bound {
				t.Errorf("allocated %d bytes reading a value of %d, want at most %d", alloc, huge, bound)
			}
			if strings.Join(titles, "|") != strings.Join(tt.want, "|") {
				t.Errorf("titles %q, want %q", titles, tt.want)
			}
			found := false
			for _, p := range probs {
				found = found || strings.Contains(p.Reason, tt.reason)
			}
			if !found {
				t.Errorf("problems %v, want one with %q", probs, tt.reason)
			}
		})
	}
}
