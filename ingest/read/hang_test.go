package read

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestFetchHangsMidBody serves JSON lines, then hangs until the fetch times
// out: every article sent before the hang is kept and the URL is reported,
// the same on every try (issue 22, item 4: the parallel decoding dropped
// some of them at random).
func TestFetchHangsMidBody(t *testing.T) {
	const sent = 3*jsonlChunkLines + 17 // several chunks, the last one short
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		for i := 1; i <= sent; i++ {
			fmt.Fprintf(w, `{"id":"%d","source":"s","title":"title %d","body":"body %d"}`+"\n", i, i, i)
		}
		fmt.Fprint(w, `{"id":"partial","title":"cut`) // a line cut short: never an article
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)

	tries := 20
	if testing.Short() {
		tries = 3
	}
	for try := 0; try < tries; try++ {
		var articles, problems, incomplete int
		err := Read(context.Background(), []string{srv.URL + "/a.jsonl"}, ReadOptions{
			Timeout:    100 * time.Millisecond,
			Problem:    func(p Problem) { problems++ },
			Incomplete: func(string) { incomplete++ },
		}, func(Article) error { articles++; return nil })
		if err != nil {
			t.Fatalf("try %d: %v", try, err)
		}
		if articles != sent || problems != 1 || incomplete != 1 {
			t.Fatalf("try %d: %d articles, %d problems, %d incomplete; want %d, 1, 1", try, articles, problems, incomplete, sent)
		}
	}
}
