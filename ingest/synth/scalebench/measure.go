package scalebench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// ChildArg, as the first argument of the benchmark's own executable, makes
// it the measuring child: the program whose main sees it calls Child with
// the arguments after it.
//
// Why a child: Linux gives a process, at exec, the peak resident set of the
// memory it replaces, and Go starts commands with vfork, whose memory is
// the parent's; so ru_maxrss of a command the benchmark started itself
// would be at least the benchmark's own peak (tens of MB, the source corpus
// and all). A small fresh process between them sets that floor at its own
// few MB instead.
const ChildArg = "-scalebench-child"

// Figures is what the measuring child reports of one command, on file
// descriptor 3.
type Figures struct {
	WallS     float64 `json:"wall_s"`      // seconds, from exec to exit
	CPUS      float64 `json:"cpu_s"`       // user + system seconds (getrusage)
	MaxRSSKiB int64   `json:"max_rss_kib"` // ru_maxrss: KiB on Linux
	Exit      int     `json:"exit"`        // exit status; -1 when it did not exit
	Stderr    string  `json:"stderr,omitempty"`
}

// Child runs args[0] with args[1:], standard input, output and error
// inherited, and writes its wall time, CPU time (user + system), peak
// resident set (ru_maxrss, KiB on Linux), exit status and the tail of its standard error as JSON to file
// descriptor 3. It returns the exit status to exit with: the command's, or
// 1 when it could not be run or measured.
func Child(args []string) int {
	report := os.NewFile(3, "figures")
	if report == nil || len(args) == 0 {
		fmt.Fprintln(os.Stderr, "scalebench child: no command, or no file descriptor 3")
		return 1
	}
	var stderr tail
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	f := Figures{WallS: time.Since(start).Seconds(), Exit: -1}
	if ps := cmd.ProcessState; ps != nil {
		f.Exit = ps.ExitCode()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			f.MaxRSSKiB = int64(ru.Maxrss)
			f.CPUS = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
		}
	}
	if err != nil || f.Exit != 0 {
		f.Stderr = strings.TrimSpace(stderr.String())
		if f.Exit == -1 && err != nil {
			f.Stderr = strings.TrimSpace(err.Error() + "\n" + f.Stderr)
		}
	}
	if err := json.NewEncoder(report).Encode(f); err != nil {
		fmt.Fprintln(os.Stderr, "scalebench child:", err)
		return 1
	}
	if f.Exit < 0 {
		return 1
	}
	return f.Exit
}

// Command is what Measure runs: Bin with Args, standard input from Stdin
// (nil: none), standard output to Stdout and the command's standard error
// to Stderr (nil: discarded; the child reports its tail in Figures.Stderr
// either way).
type Command struct {
	Bin            string
	Args           []string
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// Measure runs c under the measuring child — self, the benchmark's own
// executable, whose main calls Child on ChildArg — in a process group of
// its own that is killed when ctx ends, and returns what the child
// measured. A command that exits non-zero is not an error: its status is
// in Figures.Exit. Errors: self cannot be started, ctx ended, or the child
// reported nothing.
func Measure(ctx context.Context, self string, c Command) (Figures, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return Figures{}, err
	}
	defer r.Close()
	cmd := exec.CommandContext(ctx, self, append([]string{ChildArg, c.Bin}, c.Args...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.Stdin, c.Stdout, c.Stderr
	cmd.ExtraFiles = []*os.File{w}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	what := strings.TrimSpace(c.Bin + " " + strings.Join(c.Args, " "))
	if err := cmd.Start(); err != nil {
		w.Close()
		return Figures{}, fmt.Errorf("start %s: %w", self, err)
	}
	w.Close()
	report, rerr := io.ReadAll(r)
	werr := cmd.Wait()
	if ctx.Err() != nil {
		return Figures{Exit: -1}, fmt.Errorf("%s: %w", what, ctx.Err())
	}
	var fig Figures
	if err := json.Unmarshal(report, &fig); err != nil || rerr != nil {
		return Figures{Exit: -1}, fmt.Errorf("%s: no figures from the measuring child (%v)", what, errors.Join(rerr, werr, err))
	}
	return fig, nil
}

// measure runs bin with args under the child, its standard output to the
// file outFile and to out when not nil.
func measure(ctx context.Context, self, bin string, args []string, outFile string, out *bytes.Buffer) (Figures, error) {
	f, err := os.Create(outFile)
	if err != nil {
		return Figures{}, err
	}
	defer f.Close()
	var stdout io.Writer = f
	if out != nil {
		stdout = io.MultiWriter(f, out)
	}
	return Measure(ctx, self, Command{Bin: bin, Args: args, Stdout: stdout})
}
