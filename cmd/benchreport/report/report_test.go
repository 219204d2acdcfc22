package report

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    int    // records
		wantErr string // substring of the error; "" for none
	}{
		{"one line", `{"bench":"b","system":"s","wall_s":1.5,"cpu_s":2,"n":10,"unit":"articles"}`, 1, ""},
		{"blank lines and a skip", "\n{\"bench\":\"b\",\"system\":\"s\",\"wall_s\":1}\n\n{\"system\":\"spaCy\",\"skip\":\"not installed\"}\n", 2, ""},
		{"not JSON", "{\"bench\":\"b\",\"system\":\"s\",\"wall_s\":1}\nPageRank took 3 s\n", 1, "step peer: line 2"},
		{"a field of no Record is ignored", `{"bench":"b","system":"s","wall_s":1,"bytes":4096}`, 1, ""},
		{"a misspelt wall_s", `{"bench":"b","system":"s","wall":1}`, 0, "step peer: line 1: wall_s 0"},
		{"no system", `{"bench":"b","wall_s":1}`, 0, "line 1: no bench or system"},
		{"no wall time", `{"bench":"b","system":"s","cpu_s":1}`, 0, "line 1: wall_s 0"},
		{"negative CPU", `{"bench":"b","system":"s","wall_s":1,"cpu_s":-1}`, 0, "want wall_s > 0"},
		{"two values on a line", `{"bench":"b","system":"s","wall_s":1} {"bench":"b","system":"t","wall_s":1}`, 0, "more than one JSON value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := Parse(strings.NewReader(tt.in), "peer", 2)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("Parse error %v, want one containing %q", err, tt.wantErr)
			}
			if len(recs) != tt.want {
				t.Fatalf("Parse: %d records, want %d", len(recs), tt.want)
			}
			for _, r := range recs {
				if r.Step != "peer" || r.Rep != 2 {
					t.Errorf("record %+v: step %q rep %d, want peer and 2", r, r.Step, r.Rep)
				}
			}
		})
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	}
	for _, tt := range tests {
		if got := Median(tt.in); got != tt.want {
			t.Errorf("Median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if got := Median(nil); !math.IsNaN(got) {
		t.Errorf("Median(nil) = %v, want NaN", got)
	}
}

func rec(bench, system string, rep int, wall, cpu float64, baseline bool) Record {
	return Record{Bench: bench, System: system, Rep: rep, WallS: wall, CPUS: cpu, Baseline: baseline}
}

func TestAggregate(t *testing.T) {
	// Three repetitions in which the machine's load moved both systems:
	// the per-repetition ratios of peer to ours are 2, 4 and 3 (median 3),
	// while the ratio of the medians would be 20/8 = 2.5 and of the minima
	// 10/5 = 2.
	recs := []Record{
		rec("pagerank", "ours", 1, 5, 5, true), rec("pagerank", "peer", 1, 10, 10, false),
		rec("pagerank", "ours", 2, 8, 6, true), rec("pagerank", "peer", 2, 32, 30, false),
		rec("pagerank", "ours", 3, 10, 9, true), rec("pagerank", "peer", 3, 30, 29, false),
		{Bench: "pagerank", System: "igraph", Rep: 1, Skip: "not installed"},
		{Bench: "pagerank", System: "igraph", Rep: 2, Skip: "not installed"},
		{System: "spaCy", Rep: 1, Skip: "pip failed"},
		rec("other", "alone", 1, 2, 1, false),
	}
	benches, skips, err := Aggregate(recs)
	if err != nil {
		t.Fatal(err)
	}
	if len(benches) != 2 || benches[0].Name != "pagerank" || benches[1].Name != "other" {
		t.Fatalf("benches %+v, want pagerank then other", benches)
	}
	pr := benches[0]
	want := []struct {
		system                   string
		wallMin, wallMed, cpuMed float64
		ratio                    float64
	}{
		{"ours", 5, 8, 6, 1},
		{"peer", 10, 30, 29, 3},
	}
	if len(pr.Rows) != len(want) {
		t.Fatalf("rows %+v", pr.Rows)
	}
	for i, w := range want {
		r := pr.Rows[i]
		if r.System != w.system || r.WallMin != w.wallMin || r.WallMed != w.wallMed || r.CPUMed != w.cpuMed || r.Ratio != w.ratio || r.Reps != 3 {
			t.Errorf("row %d = %+v, want %+v", i, r, w)
		}
	}
	if !pr.Rows[0].Baseline || pr.Rows[1].Baseline {
		t.Errorf("baseline flags %v %v, want true false", pr.Rows[0].Baseline, pr.Rows[1].Baseline)
	}
	if len(pr.Skips) != 1 || pr.Skips[0].System != "igraph" {
		t.Errorf("pagerank skips %+v, want igraph once", pr.Skips)
	}
	if len(skips) != 1 || skips[0].System != "spaCy" {
		t.Errorf("other skips %+v, want spaCy", skips)
	}
	if r := benches[1].Rows[0]; !math.IsNaN(r.Ratio) {
		t.Errorf("a bench without baseline: ratio %v, want NaN", r.Ratio)
	}
}

func TestAggregateRatioMissingRep(t *testing.T) {
	// The peer failed in repetition 2: its ratios are of repetitions 1
	// and 3 only, 2 and 4, median 3.
	recs := []Record{
		rec("b", "ours", 1, 1, 1, true), rec("b", "peer", 1, 2, 2, false),
		rec("b", "ours", 2, 1, 1, true),
		rec("b", "ours", 3, 2, 2, true), rec("b", "peer", 3, 8, 8, false),
	}
	benches, _, err := Aggregate(recs)
	if err != nil {
		t.Fatal(err)
	}
	if r := benches[0].Rows[1]; r.Ratio != 3 || len(r.Ratios) != 2 {
		t.Errorf("peer ratio %v of %v, want 3 of 2", r.Ratio, r.Ratios)
	}
}

func TestAggregateTwoBaselines(t *testing.T) {
	recs := []Record{rec("b", "ours", 1, 1, 1, true), rec("b", "also ours", 1, 1, 1, true)}
	if _, _, err := Aggregate(recs); err == nil || !strings.Contains(err.Error(), "two baseline") {
		t.Errorf("Aggregate: %v, want an error about two baselines", err)
	}
}

// TestRun runs the harness end to end with small shell steps: one that
// measures two systems, one that prints a line that is no JSON, an
// optional one that fails, and one skipped before it runs.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	counter := filepath.Join(dir, "rep")
	// The fake step counts its runs in a file, so that each repetition
	// prints other figures: peer/ours ratios 2, 3 and 4.
	fake := `n=$(cat ` + counter + ` 2>/dev/null || echo 0); n=$((n+1)); echo $n > ` + counter + `
echo '{"bench":"ingest","system":"ours","baseline":true,"wall_s":2,"cpu_s":3,"n":100,"unit":"articles","peak_rss_mb":90}'
echo "{\"bench\":\"ingest\",\"system\":\"peer\",\"wall_s\":$((n*2+2)),\"cpu_s\":1,\"estimated\":true}"
echo '{"bench":"ingest","system":"other peer","skip":"not installed"}'`
	opts := Options{Reps: 3, Steps: []Step{
		{Name: "fake", Title: "Fake", About: "A fake step.", Command: []string{"sh", "-c", fake}},
		{Name: "chatty", Title: "Chatty", Command: []string{"sh", "-c", `echo '{"bench":"x","system":"y","wall_s":1}'; echo 'took 3 s'`}},
		{Name: "peer", Title: "Peer", Optional: true, Command: []string{"sh", "-c", "echo 'no module named spacy' >&2; exit 1"}},
		{Name: "absent", Title: "Absent", Optional: true, Skip: "compare.py is missing"},
	}}
	var log bytes.Buffer
	opts.Log = &log
	rep, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Steps) != 4 {
		t.Fatalf("%d steps, want 4", len(rep.Steps))
	}
	fake0 := rep.Steps[0]
	if len(fake0.Errors) != 0 || len(fake0.Benches) != 1 {
		t.Fatalf("fake step: %+v", fake0)
	}
	peer := fake0.Benches[0].Rows[1]
	if peer.Ratio != 3 || peer.Reps != 3 || peer.WallMin != 4 || peer.WallMed != 6 {
		t.Errorf("peer row %+v, want ratio 3 (of 2, 3, 4), 3 reps, wall 4 and 6", peer)
	}
	if e := rep.Steps[1].Errors; len(e) != 1 || !strings.Contains(e[0], "step chatty: line 2") {
		t.Errorf("chatty step errors %q, want one naming step chatty, line 2", e)
	}
	if s := rep.Steps[2].Skips; len(s) != 1 || !strings.Contains(s[0].Reason, "no module named spacy") || len(rep.Steps[2].Errors) != 0 {
		t.Errorf("failed optional step: skips %+v errors %v, want one skip with its stderr", s, rep.Steps[2].Errors)
	}
	if !rep.Failed() {
		t.Error("Failed() = false with the chatty step failed")
	}
	rep.Limits = []Limit{{Label: "ours vs peer", Bench: "ingest", System: "peer", Want: 0.3, Target: "≥ 30%"},
		{Label: "cores", Bench: "ingest", System: "ours", CPU: true, Want: 1.8, Target: "≥ 1.8"}}
	var md bytes.Buffer
	Markdown(&md, rep)
	out := md.String()
	for _, want := range []string{
		"generated by make bench-report",
		"| ours vs peer | 300% | 200%–400% | ≥ 30% | yes |",
		"| cores | 1.50 cores |  | ≥ 1.8 | no |",
		"| ours ★ | 2.00 | 2.00 | 3.00 | 1.50 | 100 articles | 50.0 articles/s | 90 | 1 | 3 |",
		"| peer | ~4.00 | ~6.00 | ~1.00 | 0.17 |  |  |  | 3.00 (2.00–4.00) | 3 |",
		"- skipped: ingest, other peer: not installed",
		"- **failed**: step chatty: line 2",
		"- skipped: compare.py is missing",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	if testing.Verbose() {
		os.Stdout.WriteString(out)
	}
}
