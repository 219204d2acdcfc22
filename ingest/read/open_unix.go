//go:build unix

package read

import (
	"os"
	"syscall"
)

// openRegular opens path for reading without blocking: a FIFO put in the
// place of a file after the walk looked at it would otherwise block open
// until a writer comes. The caller checks that what was opened is a
// regular file.
func openRegular(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
