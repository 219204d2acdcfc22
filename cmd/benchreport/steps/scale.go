package steps

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/cmd/benchreport/report"
	"github.com/newsgraph/newsgraph/ingest/synth/scalebench"
)

// ScaleOptions says what Scale measures.
type ScaleOptions struct {
	Bin   string // the newsgraph binary
	Sizes string // comma-separated corpus sizes, articles
	Dir   string // benchscale's -out: corpora (kept), stores, results
	Out   io.Writer
}

// Scale builds cmd/benchscale (from the current directory, the repository
// root), runs it at opts.Sizes on SQLite and prints a record per command
// run from its results.json: per size, a bench of the ingest (the
// baseline) and the unchanged re-ingest, and one of the query commands,
// cold and warm.
func Scale(ctx context.Context, opts ScaleOptions) error {
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return err
	}
	exe := filepath.Join(opts.Dir, "benchscale")
	build := exec.CommandContext(ctx, "go", "build", "-o", exe, "./cmd/benchscale")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build benchscale: %w", err)
	}
	results := filepath.Join(opts.Dir, "results.json")
	os.Remove(results)
	cmd := exec.CommandContext(ctx, exe, "-sizes", opts.Sizes, "-out", opts.Dir, "-bin", opts.Bin)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr // the tables are in results.md
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("benchscale: %w", err)
	}
	data, err := os.ReadFile(results)
	if err != nil {
		return fmt.Errorf("benchscale: %w", err)
	}
	var res scalebench.Results
	if err := json.Unmarshal(data, &res); err != nil {
		return fmt.Errorf("benchscale: %s: %w", results, err)
	}
	return scaleRecords(opts.Out, &res)
}

// scaleRecords prints res's steps as records.
func scaleRecords(w io.Writer, res *scalebench.Results) error {
	for _, s := range res.Steps {
		size := strconv.Itoa(s.Size)
		rec := report.Record{Bench: fmt.Sprintf("scale %s n=%s: queries", s.Store, size), System: s.Name + " " + s.Pass,
			WallS: s.WallS, CPUS: s.CPUS, PeakRSSMB: mb(s.MaxRSS)}
		switch s.Name {
		case "ingest", "re-ingest":
			rec.Bench = fmt.Sprintf("scale %s n=%s: ingest", s.Store, size)
			rec.System = s.Name
			rec.Baseline = s.Name == "ingest"
			rec.N, rec.Unit = float64(s.Size), "articles"
			if s.StoreBytes > 0 && s.Name == "ingest" {
				rec.Note = fmt.Sprintf("store %.0f MB with its WAL", float64(s.StoreBytes)/(1<<20))
			}
		default:
			if s.Name == "path" && s.Pass == "cold" {
				rec.Note = "the actors of path, neighbors, entity, relations and timeline: " + strings.Join(report.NonEmpty(res.ActorA, res.ActorB), ", ")
			}
		}
		rec.System = strings.TrimSpace(rec.System)
		if s.Exit != 0 {
			rec = report.Record{Bench: rec.Bench, System: rec.System, Skip: fmt.Sprintf("exit %d: %s", s.Exit, lastLine(s.Stderr))}
		}
		if err := emit(w, rec); err != nil {
			return err
		}
	}
	return nil
}
