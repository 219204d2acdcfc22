//go:build !unix

package query

import "time"

// cpuTime is not measured here: benchmarks report no CPU-time figure.
func cpuTime() time.Duration { return 0 }
