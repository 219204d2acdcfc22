package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/ingest/extract/brown"
)

// TestTrainClustersCommand runs the command (under "train" in main.go)
// through an app of its own over text in which cat/dog
// and the/a occur in the same contexts by construction.
func TestTrainClustersCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.txt")
	var b strings.Builder
	for i := 0; i < 50; i++ {
		b.WriteString("The cat sleeps. the dog sleeps. A cat runs. a dog runs.\n")
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out", "x.paths")
	var stderr strings.Builder
	app := &cli.App{Name: "newsgraph", Commands: []*cli.Command{trainClustersCommand()}, ErrWriter: &stderr}
	args := []string{"newsgraph", "clusters", "--text", in, "--clusters", "3", "--min-count", "1", "--out", out}
	if err := app.RunContext(context.Background(), args); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := brown.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	// 6 words (folded: "The" is "the"), 3 clusters: {the, a}, {cat, dog}, {sleeps, runs}.
	if len(got) != 6 || got["cat"] != got["dog"] || got["the"] != got["a"] || got["sleeps"] != got["runs"] ||
		got["cat"] == got["the"] || got["cat"] == got["runs"] {
		t.Errorf("clusters %v\n%s", got, stderr.String())
	}
	if _, err := os.Stat(out + ".tmp"); !os.IsNotExist(err) {
		t.Errorf("%s.tmp left behind", out)
	}
}
