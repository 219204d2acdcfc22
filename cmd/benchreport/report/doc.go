// Package report is the harness of `make bench-report` (cmd/benchreport,
// issue 19): it runs benchmark steps, external commands that print one JSON
// line per measured system, a number of repetitions each, aggregates what
// they print and writes docs/benchmarks.md.
//
// A step's standard output is JSON lines (Record), for example
//
//	{"bench": "sqlite-ingest", "system": "newsgraph ingest", "baseline": true,
//	 "wall_s": 9.5, "cpu_s": 18.0, "n": 3972, "unit": "articles", "peak_rss_mb": 95}
//	{"skip": "spaCy is not installed", "system": "spaCy en_core_web_sm"}
//
// wall_s and cpu_s are seconds (cpu_s: user + system time of the measured
// process or processes); peak_rss_mb is MiB and optional; "estimated": true
// marks figures scaled from part of the work. Blank lines and fields of no
// Record are ignored; a line that is not such an object fails the step,
// with the step's name and the line's number.
//
// Aggregate takes, per (bench, system), the minimum and median over the
// repetitions of wall and CPU seconds, and per bench the ratio of every
// system's wall time to that of the bench's baseline system (the line
// marked "baseline": true) computed within each repetition, then the median
// of those ratios: so a repetition slowed by the machine's other load slows
// both sides of its ratio. Markdown writes the tables.
package report
