package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

// Record is one line a step prints: the figures of one system in one
// repetition, or a Skip saying why a system could not be measured.
type Record struct {
	Bench  string `json:"bench"`
	System string `json:"system"`
	// Baseline marks the system that the other systems of the bench are
	// compared with ("ours"); at most one per bench.
	Baseline  bool    `json:"baseline,omitempty"`
	WallS     float64 `json:"wall_s"`                // seconds
	CPUS      float64 `json:"cpu_s"`                 // user + system seconds
	N         float64 `json:"n,omitempty"`           // how many Unit were processed
	Unit      string  `json:"unit,omitempty"`        // "articles", "rows", ...
	PeakRSSMB float64 `json:"peak_rss_mb,omitempty"` // MiB, 0 when not measured
	Note      string  `json:"note,omitempty"`
	// Estimated marks figures extrapolated rather than measured whole
	// (e.g. a peer timed on part of the work and scaled): "~" in the report.
	Estimated bool   `json:"estimated,omitempty"`
	Skip      string `json:"skip,omitempty"` // why System was not measured
	// Set by the harness, not the step.
	Step string `json:"step,omitempty"`
	Rep  int    `json:"rep,omitempty"` // 1-based repetition
}

// Parse reads the JSON lines of step's output in repetition rep. A line
// that is not a JSON object, or a measurement without bench, system or a
// positive wall_s, is an error naming step and the line's number.
func Parse(r io.Reader, step string, rep int) ([]Record, error) {
	var recs []Record
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var rec Record
		dec := json.NewDecoder(bytes.NewReader(b)) // fields not of Record are ignored
		if err := dec.Decode(&rec); err != nil {
			return recs, fmt.Errorf("step %s: line %d: %w: %q", step, line, err, clip(string(b), 120))
		}
		if dec.More() {
			return recs, fmt.Errorf("step %s: line %d: more than one JSON value: %q", step, line, clip(string(b), 120))
		}
		if rec.Skip == "" {
			switch {
			case rec.Bench == "" || rec.System == "":
				return recs, fmt.Errorf("step %s: line %d: no bench or system: %q", step, line, clip(string(b), 120))
			case !(rec.WallS > 0) || rec.CPUS < 0 || math.IsInf(rec.WallS, 0):
				return recs, fmt.Errorf("step %s: line %d: wall_s %v, cpu_s %v: want wall_s > 0 and cpu_s >= 0", step, line, rec.WallS, rec.CPUS)
			}
		}
		rec.Step, rec.Rep = step, rep
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		return recs, fmt.Errorf("step %s: %w", step, err)
	}
	return recs, nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// Row is what a bench's system measured over the repetitions.
type Row struct {
	System           string
	Baseline         bool
	Reps             int     // repetitions measured
	WallMin, WallMed float64 // seconds
	CPUMin, CPUMed   float64 // seconds
	N                float64
	Unit             string
	PeakRSSMB        float64 // the largest of the repetitions'; 0 when not measured
	Note             string  // the last repetition's
	Estimated        bool    // a repetition's figures were estimated
	Ratio            float64 // median over the repetitions of wall / the baseline's wall in the same repetition; NaN without a baseline
	Ratios           []float64
}

// Bench is one bench's rows, in the order their systems first appeared,
// and the systems skipped, with why.
type Bench struct {
	Name  string
	Step  string
	Rows  []Row
	Skips []Skip
}

// Skip is a system a step could not measure.
type Skip struct {
	Bench, System, Reason string
}

// Aggregate groups recs by bench and system (in order of first
// appearance). A skip repeated in every repetition is kept once. It fails
// when a bench names two baseline systems.
func Aggregate(recs []Record) ([]Bench, []Skip, error) {
	var benches []*Bench
	byName := map[string]*Bench{}
	type key struct{ bench, system string }
	byKey := map[key][]Record{}
	var order []key
	var skips []Skip
	seenSkip := map[Skip]bool{}
	for _, r := range recs {
		if r.Skip != "" {
			s := Skip{r.Bench, r.System, r.Skip}
			if !seenSkip[s] {
				seenSkip[s] = true
				if b := byName[r.Bench]; b != nil {
					b.Skips = append(b.Skips, s)
				} else {
					skips = append(skips, s)
				}
			}
			continue
		}
		b := byName[r.Bench]
		if b == nil {
			b = &Bench{Name: r.Bench, Step: r.Step}
			byName[r.Bench] = b
			benches = append(benches, b)
		}
		k := key{r.Bench, r.System}
		if _, ok := byKey[k]; !ok {
			order = append(order, k)
		}
		byKey[k] = append(byKey[k], r)
	}
	// Skips of a bench that appeared only later belong to it too.
	kept := skips[:0]
	for _, s := range skips {
		if b := byName[s.Bench]; b != nil && s.Bench != "" {
			b.Skips = append(b.Skips, s)
		} else {
			kept = append(kept, s)
		}
	}
	skips = kept

	baseline := map[string]string{}
	for _, k := range order {
		for _, r := range byKey[k] {
			if !r.Baseline {
				continue
			}
			if other, ok := baseline[k.bench]; ok && other != k.system {
				return nil, nil, fmt.Errorf("bench %s: two baseline systems, %q and %q", k.bench, other, k.system)
			}
			baseline[k.bench] = k.system
		}
	}
	for _, k := range order {
		rs := byKey[k]
		row := Row{System: k.system, Baseline: baseline[k.bench] == k.system, Reps: len(rs), Ratio: math.NaN()}
		var wall, cpu []float64
		for _, r := range rs {
			wall = append(wall, r.WallS)
			cpu = append(cpu, r.CPUS)
			row.N, row.Unit, row.Note = r.N, r.Unit, r.Note
			row.Estimated = row.Estimated || r.Estimated
			row.PeakRSSMB = math.Max(row.PeakRSSMB, r.PeakRSSMB)
		}
		row.WallMin, row.WallMed = minOf(wall), Median(wall)
		row.CPUMin, row.CPUMed = minOf(cpu), Median(cpu)
		if base, ok := baseline[k.bench]; ok {
			perRep := map[int]float64{}
			for _, r := range byKey[key{k.bench, base}] {
				perRep[r.Rep] = r.WallS
			}
			for _, r := range rs {
				if b, ok := perRep[r.Rep]; ok && b > 0 {
					row.Ratios = append(row.Ratios, r.WallS/b)
				}
			}
			if len(row.Ratios) > 0 {
				row.Ratio = Median(row.Ratios)
			}
		}
		b := byName[k.bench]
		b.Rows = append(b.Rows, row)
	}
	out := make([]Bench, len(benches))
	for i, b := range benches {
		out[i] = *b
	}
	return out, skips, nil
}

// Median is the median of xs: the middle value, or the mean of the two
// middle values of an even count; NaN for none. xs is not changed.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

func minOf(xs []float64) float64 {
	m := math.NaN()
	for i, x := range xs {
		if i == 0 || x < m {
			m = x
		}
	}
	return m
}

// errSkipLines joins the reasons of a step's skip lines for a log line.
func skipLines(recs []Record) string {
	var s []string
	for _, r := range recs {
		if r.Skip != "" {
			s = append(s, strings.TrimSpace(r.System+" "+r.Skip))
		}
	}
	return strings.Join(s, "; ")
}

var errNoRecords = errors.New("printed no records")
