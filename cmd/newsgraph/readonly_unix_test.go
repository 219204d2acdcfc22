//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestQueryReadOnlyStore queries a store that the querying process cannot
// write — a folder and file it does not own (as root, the test runs the
// queries as nobody, since root writes anywhere) — and checks that the
// queries answer and the store's bytes stay as they were (issue 22, item 9:
// "attempt to write a readonly database").
func TestQueryReadOnlyStore(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"1","source":"s","title":"Biden and Kadhimi","body":"Joe Biden met Mustafa al-Kadhimi.","date":"2021-07-26"}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := newsgraph(t, dir, "ingest", in); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	store := filepath.Join(dir, "graph.db")
	before, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534} // nobody
		// nobody must reach the binary and the store, and write neither.
		for _, d := range []string{filepath.Dir(binary), filepath.Dir(dir), dir} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chmod(store, 0o644); err != nil {
			t.Fatal(err)
		}
	} else {
		if err := os.Chmod(store, 0o444); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(dir, 0o755)
	}
	for _, args := range [][]string{
		{"stats"},
		{"query", "timeline", "--format", "json", "Biden"},
		{"query", "path", "--format", "json", "Biden", "Kadhimi"},
		{"runs"},
	} {
		cmd := exec.Command(binary, append([]string{"--store", store}, args...)...)
		cmd.Dir = dir
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Errorf("%s on a read-only store: %v\n%s", strings.Join(args, " "), err, stderr.String())
		}
	}
	after, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("queries changed the store file")
	}
}
