package steps

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/cmd/benchreport/report"
	"github.com/newsgraph/newsgraph/ingest/synth/scalebench"
)

// Figures are what Measure measured of one command.
type Figures = scalebench.Figures

// Measure runs bin with args under the measuring child (scalebench.Measure),
// with standard input from the file stdin ("" for none), standard output
// to stdout (nil discards it) and the command's standard error to ours. It
// fails when the command cannot be run, exits non-zero, or ctx ends.
func Measure(ctx context.Context, stdin string, stdout io.Writer, bin string, args ...string) (Figures, error) {
	self, err := os.Executable()
	if err != nil {
		return Figures{}, err
	}
	c := scalebench.Command{Bin: bin, Args: args, Stdout: stdout, Stderr: os.Stderr}
	if stdin != "" {
		f, err := os.Open(stdin)
		if err != nil {
			return Figures{}, err
		}
		defer f.Close()
		c.Stdin = f
	}
	f, err := scalebench.Measure(ctx, self, c)
	if err != nil {
		return Figures{}, err
	}
	if f.Exit != 0 {
		what := strings.TrimSpace(bin + " " + strings.Join(args, " "))
		return f, fmt.Errorf("%s: exit status %d: %s", what, f.Exit, lastLine(f.Stderr))
	}
	return f, nil
}

// exitPartial is newsgraph ingest's exit status when it skipped broken
// input, reported, and ingested the rest (cmd/newsgraph/exit.go).
const exitPartial = 3

// partialOK takes an ingest that skipped broken input for one that worked.
func partialOK(f Figures, err error) (Figures, error) {
	if err != nil && f.Exit == exitPartial {
		return f, nil
	}
	return f, err
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// selfCPU returns this process's user + system seconds so far.
func selfCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// procCPU returns the user + system seconds of process pid so far, from
// /proc/PID/stat (clock ticks of USER_HZ, 100 on Linux).
func procCPU(pid int) (float64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name, field 2, is in parentheses and may hold spaces.
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, fmt.Errorf("/proc/%d/stat: no command name", pid)
	}
	f := strings.Fields(s[i+1:])
	// f[0] is field 3 (state); utime and stime are fields 14 and 15.
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(f)+2)
	}
	var ut, st int64
	if _, err := fmt.Sscan(f[11], &ut); err != nil {
		return 0, fmt.Errorf("/proc/%d/stat: utime: %w", pid, err)
	}
	if _, err := fmt.Sscan(f[12], &st); err != nil {
		return 0, fmt.Errorf("/proc/%d/stat: stime: %w", pid, err)
	}
	return float64(ut+st) / 100, nil
}

// emit writes rec as a JSON line to w.
func emit(w io.Writer, rec report.Record) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

func mb(kib int64) float64 { return float64(kib) / 1024 }
