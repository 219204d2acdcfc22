//go:build unix

package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// TestSymlinksRefused plants a symbolic link where each of the store's files
// would be, pointing at a victim file, and checks that the store refuses it
// with a message naming the link, and that the victim keeps its bytes
// (issue 22, item 1: a planted g.db.lock emptied any file an ingest could write).
func TestSymlinksRefused(t *testing.T) {
	const content = "precious: must not be truncated\n"
	for _, suffix := range []string{"", "-wal", "-shm", "-journal", ".lock"} {
		t.Run("g.db"+suffix, func(t *testing.T) {
			dir := t.TempDir()
			victim := filepath.Join(dir, "victim.txt")
			if err := os.WriteFile(victim, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			store := filepath.Join(dir, "g.db")
			link := store + suffix
			if err := os.Symlink(victim, link); err != nil {
				t.Fatal(err)
			}
			s, err := sqlite.Open(context.Background(), store)
			if err == nil {
				s.Close()
				t.Fatalf("Open with %s a symlink: no error", filepath.Base(link))
			}
			if !strings.Contains(err.Error(), link) || !strings.Contains(err.Error(), "symbolic link") {
				t.Errorf("Open error = %q, want it to name %s as a symbolic link", err, link)
			}
			if b, _ := os.ReadFile(victim); string(b) != content {
				t.Errorf("victim now holds %q, want %q", b, content)
			}
		})
	}
}

// TestLockRefusesSymlink plants the lock link after the store is open, so
// only Lock's own O_NOFOLLOW stands between it and the victim.
func TestLockRefusesSymlink(t *testing.T) {
	const content = "precious: must not be truncated\n"
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	if err := os.WriteFile(victim, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(dir, "g.db")
	s, err := sqlite.Open(context.Background(), store)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := os.Symlink(victim, store+".lock"); err != nil {
		t.Fatal(err)
	}
	_, unlock, err := s.Lock(context.Background(), graph.LockOptions{Owner: "test"})
	if err == nil {
		unlock()
		t.Fatal("Lock through a symlinked lock file: no error")
	}
	if !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("Lock error = %q, want it to say the lock path is a symbolic link", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != content {
		t.Errorf("victim now holds %q, want %q", b, content)
	}
}

// TestLockFileMode checks the documented mode of a new lock file: 0644 less
// the umask, never more.
func TestLockFileMode(t *testing.T) {
	store := filepath.Join(t.TempDir(), "g.db")
	s, err := sqlite.Open(context.Background(), store)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, unlock, err := s.Lock(context.Background(), graph.LockOptions{Owner: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	for _, p := range []string{store, store + ".lock"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if m := fi.Mode().Perm(); m&^0o644 != 0 {
			t.Errorf("%s mode %v, want at most 0644", filepath.Base(p), m)
		}
	}
}
