//go:build unix

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHostileInputs is the catalogue of hostile inputs (issue 17), each
// generated at test time beside a good article in a folder: the hostile
// entry is reported with the reason given, the good article is ingested,
// and the exit status is 3 (or 0 when only a warning is due). A FIFO that
// were opened would block the run forever, and a URL that never ends or
// trickles would too without the fetch's total deadline: the test would
// time out. The README's "Hostile input costs bounded memory and time"
// lists the same kinds and limits.
func TestHostileInputs(t *testing.T) {
	// A feed that never ends, and a URL that trickles a byte every few
	// milliseconds: both end only when the fetch is cut.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/endless.rss":
			w.Write([]byte(`<rss version="2.0"><channel><title>Endless</title>`))
			for i := 0; r.Context().Err() == nil; i++ {
				if _, err := fmt.Fprintf(w, "<item><title>Item %d</title><description>Body %d.</description></item>", i, i); err != nil {
					return
				}
			}
		case "/trickle.jsonl":
			tick := time.NewTicker(5 * time.Millisecond)
			defer tick.Stop()
			for {
				w.Write([]byte(" "))
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-tick.C:
				}
			}
		}
	}))
	defer srv.Close()
	var mentions strings.Builder
	mentions.WriteString("One name\n2021-07-11\n")
	for range 300 {
		mentions.WriteString("Joe Biden spoke. ")
	}
	big := strings.Repeat("a", 200<<10) // 200 KiB, past --max-article-bytes 64 KiB
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	var people strings.Builder
	people.WriteString("Many people\n2021-07-11\n")
	for i := range 300 {
		fmt.Fprintf(&people, "Minister John %s said the talks went well. ", surname(i))
	}
	tests := []struct {
		name   string
		plant  func(t *testing.T, dir string) // creates the entry "bad" names
		bad    string
		args   []string
		code   int
		reason string // in the "skipped:" or "warning:" line of the entry
		stored int    // articles stored when not as the exit status says (the good one, and the hostile one when only warned of)
	}{
		{"fifo", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "pipe.txt", nil, 3, "a named pipe (FIFO), not a regular file", 0},
		{"symlink out of the folder", func(t *testing.T, dir string) {
			out := filepath.Join(t.TempDir(), "secret.txt")
			os.WriteFile(out, []byte("Secret\nbody\n"), 0o644)
			must(t, os.Symlink(out, filepath.Join(dir, "secret.txt")))
		}, "secret.txt", nil, 3, "outside the folder, not followed", 0},
		{"symlink loop", func(t *testing.T, dir string) {
			must(t, os.Symlink("loop.txt", filepath.Join(dir, "loop.txt")))
		}, "loop.txt", nil, 3, "symbolic link not followed", 0},
		{"feed description bomb", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "bomb.rss.gz"), gz(`<rss version="2.0"><channel><item><title>Big</title><description>`+big+`</description></item></channel></rss>`), 0o644))
		}, "bomb.rss.gz", nil, 3, "record 1: item larger than 65536 bytes", 0},
		{"CSV field bomb", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "bomb.csv.gz"), gz("title,body\nBig,\""+big+"\"\n"), 0o644))
		}, "bomb.csv.gz", nil, 3, ":2: line longer than 65536 bytes", 0},
		{"JSON string bomb", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "bomb.json.gz"), gz(`[{"title":"Big","body":"`+big+`"}]`), 0o644))
		}, "bomb.json.gz", nil, 3, "record 1: a record of more than", 0},
		{"JSON line bomb", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "bomb.jsonl.gz"), gz(`{"title":"Big","body":"`+big+"\"}\n"), 0o644))
		}, "bomb.jsonl.gz", nil, 3, ":1: line longer than 65536 bytes", 0},
		{"many entities", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "people.txt"), []byte(people.String()), 0o644))
		}, "people.txt", []string{"--max-entities", "50"}, 0, "more than the limit of 50 (--max-entities)", 0},
		{"many mentions", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "mentions.txt"), []byte(mentions.String()), 0o644))
		}, "mentions.txt", []string{"--max-mentions", "100"}, 0, "(--max-mentions)", 0},
		{"socket", func(t *testing.T, dir string) {
			l, err := net.Listen("unix", filepath.Join(dir, "sock.txt"))
			must(t, err)
			t.Cleanup(func() { l.Close() })
		}, "sock.txt", nil, 3, "a socket, not a regular file", 0},
		{"text file over the article cap", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "big.txt"), []byte("Big\n"+big), 0o644))
		}, "big.txt", nil, 3, "larger than 65536 bytes", 0},
		{"symlink to a FIFO", func(t *testing.T, dir string) {
			fifo := filepath.Join(dir, "pipe.fifo") // no extension read: only the link is
			must(t, syscall.Mkfifo(fifo, 0o644))
			must(t, os.Symlink(fifo, filepath.Join(dir, "link.txt")))
		}, "link.txt", nil, 3, "named pipe", 0},
		{"FIFO named on the command line", func(t *testing.T, dir string) {
			must(t, syscall.Mkfifo(filepath.Join(dir, "..", "named.txt"), 0o644))
		}, "named.txt", []string{"named.txt"}, 3, "named pipe", 0},
		{"decompression bomb", func(t *testing.T, dir string) {
			// 1 MiB of small records, each under the article cap.
			line := `{"title":"Zeros","body":"` + strings.Repeat("0", 1000) + `"}` + "\n"
			must(t, os.WriteFile(filepath.Join(dir, "zeros.jsonl.gz"), gz(strings.Repeat(line, 1<<20/len(line))), 0o644))
		}, "zeros.jsonl.gz", []string{"--max-input-bytes", "100000"}, 3, "more than 100000 bytes after decompression", 2}, // the records before the cap, one text, are kept
		{"endless feed over HTTP", func(*testing.T, string) {}, srv.URL + "/endless.rss",
			[]string{srv.URL + "/endless.rss"}, 3, "times --max-article-bytes); the feed is not read", 0},
		{"URL that trickles", func(*testing.T, string) {}, srv.URL + "/trickle.jsonl",
			[]string{"--timeout", "300ms", srv.URL + "/trickle.jsonl"}, 3, "fetch: body not read within 300ms", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "in")
			must(t, os.Mkdir(in, 0o755))
			must(t, os.WriteFile(filepath.Join(in, "good.txt"), []byte("A good title\nA good body.\n"), 0o644))
			tt.plant(t, in)
			args := append([]string{"ingest", "--max-article-bytes", "65536"}, tt.args...)
			r := ng(t, dir, tt.code, append(args, "in")...)
			line := ""
			for _, l := range strings.Split(r.stderr, "\n") {
				if strings.Contains(l, tt.bad) && strings.Contains(l, tt.reason) {
					line = l
				}
			}
			if line == "" {
				t.Errorf("no line reporting %s with %q in:\n%s", tt.bad, tt.reason, r.stderr)
			}
			st := ng(t, dir, 0, "stats")
			if !strings.Contains(st.stdout, "articles\t") {
				t.Fatalf("stats:\n%s", st.stdout)
			}
			want := 1
			if tt.code == 0 {
				want = 2
			}
			if tt.stored != 0 {
				want = tt.stored
			}
			if !strings.Contains(st.stdout, fmt.Sprintf("articles\t%d\n", want)) {
				t.Errorf("want %d articles stored:\n%s", want, st.stdout)
			}
		})
	}
}

// surname is a made-up surname, distinct for every i < 26³.
func surname(i int) string {
	return "Q" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676%26)) + "ov"
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
