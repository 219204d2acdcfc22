package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// TestScheduleMissed checks the count of slots a run that overran ran
// into, which the schedule logs as skipped (issue 17, item 4).
func TestScheduleMissed(t *testing.T) {
	hourly, err := cron.ParseStandard("0 * * * *")
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		opts scheduleOptions
		now  time.Time
		want int
	}{
		{"every, on time", scheduleOptions{every: time.Hour}, t0.Add(20 * time.Minute), 0},
		{"every, the next slot is now", scheduleOptions{every: time.Hour}, t0.Add(time.Hour), 0},
		{"every, overran one slot", scheduleOptions{every: time.Hour}, t0.Add(90 * time.Minute), 1},
		{"every, overran three", scheduleOptions{every: time.Hour}, t0.Add(3*time.Hour + time.Second), 3},
		{"cron, on time", scheduleOptions{cron: hourly}, t0.Add(59 * time.Minute), 0},
		{"cron, overran two", scheduleOptions{cron: hourly}, t0.Add(150 * time.Minute), 2},
		{"skip-initial: no slot before", scheduleOptions{every: time.Hour}, t0, 0},
	} {
		last := t0
		if strings.HasPrefix(tc.name, "skip-initial") {
			last = time.Time{}
		}
		if got := tc.opts.missed(last, tc.now); got != tc.want {
			t.Errorf("%s: missed %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestScheduledRunMaxRun runs one scheduled ingest of a URL that trickles
// a byte every few milliseconds under a --timeout of a minute: --max-run
// stops it, and the run history records it as failed with the reason
// (issue 17, item 4: "a stuck run is reported in runs").
func TestScheduledRunMaxRun(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		w.Write([]byte(`{"id":"1","source":"s","title":"one","body":"Joe Biden met Mustafa al-Kadhimi."}` + "\n" + `{"id":"2","title":"`))
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			w.Write([]byte("x"))
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-tick.C:
			}
		}
	}))
	defer srv.Close()

	path := filepath.Join(t.TempDir(), "g.db")
	opts := ingestOptions{
		globalOptions: globalOptions{store: path},
		paths:         []string{srv.URL + "/a.jsonl"},
		read:          read.ReadOptions{Timeout: time.Minute},
		quiet:         true,
		lockTimeout:   time.Second,
		stdout:        io.Discard,
		stderr:        io.Discard,
	}
	lex, err := loadLexicon("")
	if err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	scheduledRun(context.Background(), extract.NewExtractor(lex), opts, 300*time.Millisecond, slog.New(slog.NewTextHandler(&log, nil)))
	if !strings.Contains(log.String(), `msg="run failed"`) || !strings.Contains(log.String(), "still running after --max-run 300ms") {
		t.Errorf("log:\n%s\nwant the run failed, still running after --max-run 300ms", log.String())
	}
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	runs, err := s.Runs(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 || runs[0].Status != graph.RunFailed || runs[0].Finished.IsZero() ||
		!strings.Contains(strings.Join(runs[0].Errors, "\n"), "stopped: still running after --max-run 300ms") {
		t.Errorf("runs %+v, want one failed run stopped by --max-run", runs)
	}
}
