//go:build unix

package read

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// article is a text article good enough to be read.
const walkArticle = "A title\nA body of the article.\n"

// TestWalkHostileEntries plants in a folder of one good article the
// entries a shared folder may hold: a FIFO, a socket, symbolic links to
// them, out of the folder, to a folder, and in a loop. Only the article is
// read, each other entry is reported, and nothing blocks: were a FIFO
// opened, Read would wait for a writer forever and the test time out.
func TestWalkHostileEntries(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	must(t, os.WriteFile(secret, []byte("Secret\nNot to be read.\n"), 0o644))
	root := t.TempDir()
	must(t, os.WriteFile(filepath.Join(root, "good.txt"), []byte(walkArticle), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "inner.txt"), []byte("Inner\nRead through a link.\n"), 0o644))
	must(t, syscall.Mkfifo(filepath.Join(root, "fifo.txt"), 0o644))
	// A socket's path is limited to about 100 bytes: listen from within
	// the folder.
	wd, _ := os.Getwd()
	must(t, os.Chdir(root))
	ln, err := net.Listen("unix", "sock.txt")
	must(t, os.Chdir(wd))
	if err != nil {
		t.Fatalf("listen on a socket: %v", err)
	}
	defer ln.Close()
	links := map[string]string{
		"to-fifo.txt":   filepath.Join(root, "fifo.txt"),
		"to-secret.txt": secret,
		"to-inner.txt":  "inner.txt",
		"to-dir.txt":    outside,
		"loop-a.txt":    "loop-b.txt",
		"loop-b.txt":    "loop-a.txt",
		"dangling.txt":  "nowhere.txt",
	}
	for name, target := range links {
		must(t, os.Symlink(target, filepath.Join(root, name)))
	}
	arts, probs := readAll(t, ReadOptions{}, root)
	var titles []string
	for _, a := range arts {
		titles = append(titles, a.Title)
	}
	// good.txt, inner.txt, and to-inner.txt: a link within the folder.
	if strings.Join(titles, "|") != "A title|Inner|Inner" {
		t.Errorf("titles %q, want the good article, the inner one and the inner one through its link", titles)
	}
	want := map[string]string{
		"fifo.txt":      "named pipe",
		"sock.txt":      "socket",
		"to-fifo.txt":   "named pipe",
		"to-secret.txt": "outside the folder",
		"to-dir.txt":    "link to a folder",
		"loop-a.txt":    "symbolic link not followed",
		"loop-b.txt":    "symbolic link not followed",
		"dangling.txt":  "symbolic link not followed",
	}
	got := map[string]string{}
	for _, p := range probs {
		got[filepath.Base(p.File)] = p.Reason
	}
	for name, part := range want {
		if !strings.Contains(got[name], part) {
			t.Errorf("%s: reported %q, want a reason with %q", name, got[name], part)
		}
	}
	if len(probs) != len(want) {
		t.Errorf("%d problems, want %d: %v", len(probs), len(want), probs)
	}

	// --follow-symlinks reads the file outside, still not the FIFO.
	arts, _ = readAll(t, ReadOptions{FollowSymlinks: true}, root)
	if len(arts) != 4 {
		t.Errorf("with FollowSymlinks: %d articles, want 4 (the secret too)", len(arts))
	}

	// The folder named by a relative path: an absolute link into it is
	// within it all the same (it was called outside, and to-fifo.txt's
	// FIFO not named).
	must(t, os.Chdir(filepath.Dir(root)))
	defer os.Chdir(wd)
	_, probs = readAll(t, ReadOptions{}, filepath.Base(root))
	for _, p := range probs {
		if filepath.Base(p.File) == "to-fifo.txt" && !strings.Contains(p.Reason, "named pipe") {
			t.Errorf("relative root: to-fifo.txt reported %q, want the named pipe", p.Reason)
		}
	}
}

// TestNamedFIFORefused: a FIFO named on the command line is reported, not
// read (it would block until a writer comes); "-" is the way to read a
// stream.
func TestNamedFIFORefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	must(t, syscall.Mkfifo(fifo, 0o644))
	var incomplete []string
	arts, probs := readAll(t, ReadOptions{Incomplete: func(in string) { incomplete = append(incomplete, in) }}, fifo)
	if len(arts) != 0 || len(probs) != 1 || !strings.Contains(probs[0].Reason, "named pipe") {
		t.Fatalf("got %d articles and problems %v, want the FIFO reported", len(arts), probs)
	}
	if len(incomplete) != 1 {
		t.Errorf("incomplete %v, want the FIFO", incomplete)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
