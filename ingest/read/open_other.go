//go:build !unix

package read

import "os"

// openRegular opens path for reading; the caller checks that what was
// opened is a regular file.
func openRegular(path string) (*os.File, error) { return os.Open(path) }
