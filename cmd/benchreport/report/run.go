package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/ingest/synth/scalebench"
)

// Step is a benchmark command the harness runs Options.Reps times.
type Step struct {
	Name  string // short, for logs and errors: "sqlite", "scale"
	Title string // the report's section heading
	// About is the section's text: the corpus, what is timed, the units.
	About   string
	Command []string // program and arguments
	Env     []string // added to the harness's environment
	// Optional steps (the peers) turn a failure into a skip line rather
	// than an error of the report.
	Optional bool
	// Skip, when set, says why the step is not run: the report shows it as
	// a skip line.
	Skip string
}

// Options says what Run runs.
type Options struct {
	Steps []Step
	Reps  int       // repetitions of every step; at least 1
	Dir   string    // the steps' working directory; "" is the current one
	Log   io.Writer // the steps' standard error and a line per run; nil discards
	// Done, when set, is called with the report so far after every step,
	// so that an interrupted run can leave what it measured.
	Done func(*Report)
}

// StepResult is what one step measured over the repetitions.
type StepResult struct {
	Step       Step
	LoadBefore string // /proc/loadavg's 1, 5 and 15 minute averages
	LoadAfter  string
	Elapsed    time.Duration
	Benches    []Bench
	Skips      []Skip   // skip lines not of a bench measured
	Errors     []string // a failed run, a malformed line
}

// Report is everything one run of the harness measured.
type Report struct {
	Machine Machine
	Reps    int
	Steps   []StepResult
	// Notes are lines for the head of the report: groups left out, and why.
	Notes []string
	// Limits are the rows of the table of ratios to the limits.
	Limits []Limit
}

// Failed reports whether a step that is not optional failed.
func (r *Report) Failed() bool {
	for _, s := range r.Steps {
		if len(s.Errors) > 0 && !s.Step.Optional {
			return true
		}
	}
	return false
}

// Run runs every step opts.Reps times, one after another, and aggregates
// what each printed. A step that fails, or prints a malformed line, is
// recorded in its StepResult.Errors (an optional step's as a skip) and not
// run again; Run goes on with the next step. Run fails only when ctx ends.
func Run(ctx context.Context, opts Options) (*Report, error) {
	if opts.Reps < 1 {
		opts.Reps = 1
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	rep := &Report{Machine: ReadMachine(ctx, opts.Dir), Reps: opts.Reps}
	for _, st := range opts.Steps {
		res := StepResult{Step: st, LoadBefore: LoadAvg()}
		start := time.Now()
		var recs []Record
		if st.Skip != "" {
			recs = append(recs, Record{Step: st.Name, Rep: 1, Skip: st.Skip})
			fmt.Fprintf(opts.Log, "benchreport: step %s skipped: %s\n", st.Name, st.Skip)
		}
		for i := 1; i <= opts.Reps && st.Skip == ""; i++ {
			fmt.Fprintf(opts.Log, "benchreport: step %s, repetition %d of %d: %s\n", st.Name, i, opts.Reps, strings.Join(st.Command, " "))
			out, err := runStep(ctx, st, opts)
			if ctx.Err() != nil {
				return rep, fmt.Errorf("step %s: %w", st.Name, ctx.Err())
			}
			var got []Record
			if err == nil {
				got, err = Parse(bytes.NewReader(out), st.Name, i)
			}
			if err == nil && len(got) == 0 {
				err = fmt.Errorf("step %s: %w", st.Name, errNoRecords)
			}
			if err != nil {
				if st.Optional {
					recs = append(recs, Record{Step: st.Name, Rep: i, Skip: err.Error()})
				} else {
					res.Errors = append(res.Errors, err.Error())
				}
				fmt.Fprintf(opts.Log, "benchreport: %v\n", err)
				break
			}
			if s := skipLines(got); s != "" {
				fmt.Fprintf(opts.Log, "benchreport: step %s skipped: %s\n", st.Name, s)
			}
			recs = append(recs, got...)
		}
		res.Elapsed = time.Since(start)
		res.LoadAfter = LoadAvg()
		benches, skips, err := Aggregate(recs)
		if err != nil {
			res.Errors = append(res.Errors, fmt.Sprintf("step %s: %v", st.Name, err))
		}
		res.Benches, res.Skips = benches, skips
		rep.Steps = append(rep.Steps, res)
		if opts.Done != nil {
			opts.Done(rep)
		}
	}
	return rep, nil
}

// runStep runs st once and returns its standard output; its standard error
// goes to the log. The error of a failed run carries the tail of its
// standard error.
func runStep(ctx context.Context, st Step, opts Options) ([]byte, error) {
	if len(st.Command) == 0 {
		return nil, fmt.Errorf("step %s: no command", st.Name)
	}
	var stdout bytes.Buffer
	var stderr tail
	cmd := exec.CommandContext(ctx, st.Command[0], st.Command[1:]...)
	cmd.Dir = opts.Dir
	cmd.Env = append(os.Environ(), st.Env...)
	cmd.Stdout = &stdout
	cmd.Stderr = io.MultiWriter(opts.Log, &stderr)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:]
		}
		if msg != "" {
			return stdout.Bytes(), fmt.Errorf("step %s: %w: %s", st.Name, err, msg)
		}
		return stdout.Bytes(), fmt.Errorf("step %s: %w", st.Name, err)
	}
	return stdout.Bytes(), nil
}

// tail keeps the last 4 KiB written to it.
type tail struct{ b []byte }

func (t *tail) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > 4096 {
		t.b = append([]byte(nil), t.b[len(t.b)-4096:]...)
	}
	return len(p), nil
}

func (t *tail) String() string { return string(t.b) }

// Machine says where and when the report was made.
type Machine struct {
	CPU    string // /proc/cpuinfo's first model name
	NProc  int    // logical CPUs
	MemMB  int    // MemTotal, MiB; 0 when unknown
	Date   time.Time
	Commit string // git rev-parse --short HEAD, "-dirty" when tracked files changed
	Go     string
	Kernel string
}

// ReadMachine describes this machine and the repository at dir.
func ReadMachine(ctx context.Context, dir string) Machine {
	m := Machine{CPU: scalebench.CPUModel(), NProc: runtime.NumCPU(), Date: time.Now().UTC(),
		Commit: scalebench.GitCommit(ctx, dir), Go: runtime.Version()}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
				if kb, err := strconv.Atoi(f[1]); err == nil {
					m.MemMB = kb / 1024
				}
			}
		}
	}
	if data, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(data))
	}
	return m
}

// LoadAvg returns /proc/loadavg's 1, 5 and 15 minute load averages, or
// "unknown".
func LoadAvg() string { return scalebench.LoadAvg() }

// ErrStepsFailed is returned by callers when Report.Failed.
var ErrStepsFailed = errors.New("some steps failed; see the report")
