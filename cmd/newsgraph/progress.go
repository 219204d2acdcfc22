package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// showsProgress says whether a command draws a progress bar on w: only
// when w is a terminal and -q is not given, never into a pipe or a file.
func showsProgress(w io.Writer, quiet bool) bool {
	f, ok := w.(*os.File)
	return !quiet && ok && term.IsTerminal(int(f.Fd()))
}

// newBar is the progress bar ingest and export draw on w (a terminal: see
// showsProgress): a description, a count, redrawn at most ten times a
// second and cleared when finished. With a known total (not -1) it shows
// the share done and an estimate of the time left; opts add to or
// override that.
func newBar(w io.Writer, description string, total int64, opts ...progressbar.Option) *progressbar.ProgressBar {
	common := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(description),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionShowCount(),
	}
	if total >= 0 {
		common = append(common, progressbar.OptionSetPredictTime(true), progressbar.OptionSetWidth(30))
	}
	return progressbar.NewOptions64(total, append(common, opts...)...)
}
