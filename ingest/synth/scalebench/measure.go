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

// figures is what the child reports on file descriptor 3.
type figures struct {
	WallS  float64 `json:"wall_s"`
	CPUS   float64 `json:"cpu_s"` // user + system seconds (getrusage)
	MaxRSS int64   `json:"max_rss_kib"`
	Exit   int     `json:"exit"`
	Stderr string  `json:"stderr,omitempty"`
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
	f := figures{WallS: time.Since(start).Seconds(), Exit: -1}
	if ps := cmd.ProcessState; ps != nil {
		f.Exit = ps.ExitCode()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			f.MaxRSS = int64(ru.Maxrss)
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

// measure runs bin with args under the child (self ChildArg bin args...),
// its standard output to the file outFile and to out when not nil, in a
// process group of its own that is killed when ctx ends.
func measure(ctx context.Context, self, bin string, args []string, outFile string, out *bytes.Buffer) (figures, error) {
	f, err := os.Create(outFile)
	if err != nil {
		return figures{}, err
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		return figures{}, err
	}
	defer r.Close()
	cmd := exec.CommandContext(ctx, self, append([]string{ChildArg, bin}, args...)...)
	cmd.Stdout = f
	if out != nil {
		cmd.Stdout = io.MultiWriter(f, out)
	}
	cmd.Stderr = io.Discard // the child reports the command's
	cmd.ExtraFiles = []*os.File{w}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	if err := cmd.Start(); err != nil {
		w.Close()
		return figures{}, fmt.Errorf("start %s: %w", self, err)
	}
	w.Close()
	report, rerr := io.ReadAll(r)
	werr := cmd.Wait()
	if ctx.Err() != nil {
		return figures{Exit: -1}, fmt.Errorf("%s %s: %w", bin, strings.Join(args, " "), ctx.Err())
	}
	var fig figures
	if err := json.Unmarshal(report, &fig); err != nil || rerr != nil {
		return figures{Exit: -1}, fmt.Errorf("%s %s: no figures from the child (%v)", bin, strings.Join(args, " "), errors.Join(rerr, werr, err))
	}
	return fig, nil
}
