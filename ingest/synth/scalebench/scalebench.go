package scalebench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/ingest/read"
	"github.com/newsgraph/newsgraph/ingest/synth"
)

// DefaultCorpus is the source corpus, relative to the repository root.
const DefaultCorpus = "../shared/corpora/ar-news-2022"

// Options says what Run measures. Sizes and Dir are required.
type Options struct {
	Sizes []int  // corpus sizes, in articles
	Seed  uint64 // synth.Options.Seed
	Dir   string // where corpora, stores and results go (created)
	// Bin is the newsgraph binary; "" builds ./cmd/newsgraph (from the
	// current directory, the repository root) into Dir.
	Bin string
	// Corpora are the source corpus's inputs; nil means DefaultCorpus.
	Corpora []string
	// Neo4jURI, when set, also benchmarks that Neo4j server, which is
	// emptied first: every node and relationship of its database.
	Neo4jURI string
	// ActorA and ActorB are the one-actor commands' actors (names or IDs);
	// "" takes the persons ranked first and second by `query centrality`.
	ActorA, ActorB string
	// Timeout bounds each newsgraph command; 0 means no bound.
	Timeout time.Duration
	// Log receives a line per step; nil discards them.
	Log io.Writer
}

// Step is one timed newsgraph command.
type Step struct {
	Store  string   `json:"store"` // "sqlite" or "neo4j"
	Size   int      `json:"size"`  // corpus size, articles
	Name   string   `json:"name"`  // "ingest", "re-ingest", or a query: "centrality", "path", "stats", ...
	Pass   string   `json:"pass,omitempty"`
	Args   []string `json:"args"`
	WallS  float64  `json:"wall_s"`
	CPUS   float64  `json:"cpu_s"`       // user + system seconds of the newsgraph process
	MaxRSS int64    `json:"max_rss_kib"` // peak resident set, KiB (ru_maxrss)
	Exit   int      `json:"exit"`        // exit status; -1 when killed
	Stderr string   `json:"stderr,omitempty"`
	// StoreBytes (ingest on SQLite only) is the store file's size after
	// it, with its WAL.
	StoreBytes int64 `json:"store_bytes,omitempty"`
}

// Results is everything Run measured.
type Results struct {
	Machine Machine `json:"machine"`
	// ActorA and ActorB are the actors of the one-actor commands.
	ActorA string `json:"actor_a"`
	ActorB string `json:"actor_b"`
	Steps  []Step `json:"steps"`
}

// Query is a query command of the benchmark: its name in the tables and
// its arguments for actors a and b.
type Query struct {
	Name string
	Args func(a, b string) []string
}

// Queries are the commands timed, in the order they run.
var Queries = []Query{
	{"centrality", func(a, b string) []string { return []string{"query", "centrality"} }},
	{"communities", func(a, b string) []string { return []string{"query", "communities"} }},
	{"path", func(a, b string) []string { return []string{"query", "path", a, b} }},
	{"neighbors", func(a, b string) []string { return []string{"query", "neighbors", a} }},
	{"entity", func(a, b string) []string { return []string{"query", "entity", a} }},
	{"relations", func(a, b string) []string { return []string{"query", "relations", a} }},
	{"timeline", func(a, b string) []string { return []string{"query", "timeline", a} }},
	{"stats", func(a, b string) []string { return []string{"stats"} }},
}

// Run runs the benchmark and returns what it measured, which is also in
// Options.Dir's results.md and results.json. A newsgraph command that fails
// is recorded with its exit status and the benchmark goes on; Run fails on
// what stops it: making a corpus, building the binary, emptying Neo4j,
// writing the results, or ctx.
func Run(ctx context.Context, opts Options) (*Results, error) {
	if len(opts.Sizes) == 0 {
		return nil, errors.New("scalebench: no sizes")
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Corpora == nil {
		opts.Corpora = []string{DefaultCorpus}
	}
	if err := os.MkdirAll(filepath.Join(opts.Dir, "out"), 0o755); err != nil {
		return nil, fmt.Errorf("scalebench: %w", err)
	}
	b := &bench{opts: opts, res: &Results{Machine: machine(ctx), ActorA: opts.ActorA, ActorB: opts.ActorB}}
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("scalebench: %w", err)
	}
	b.self = self
	if b.opts.Bin == "" {
		b.opts.Bin = filepath.Join(opts.Dir, "newsgraph")
		fmt.Fprintf(opts.Log, "go build -o %s ./cmd/newsgraph\n", b.opts.Bin)
		cmd := exec.CommandContext(ctx, "go", "build", "-o", b.opts.Bin, "./cmd/newsgraph")
		cmd.Stdout, cmd.Stderr = opts.Log, opts.Log
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("scalebench: build newsgraph: %w", err)
		}
	}
	stores := []string{"sqlite"}
	if opts.Neo4jURI != "" {
		stores = append(stores, "neo4j")
	}
	for _, n := range opts.Sizes {
		corpus, err := b.corpus(ctx, n)
		if err != nil {
			return b.res, err
		}
		for _, store := range stores {
			if err := b.size(ctx, store, n, corpus); err != nil {
				return b.res, err
			}
		}
	}
	b.res.Machine.LoadEnd = LoadAvg()
	return b.res, b.save()
}

type bench struct {
	opts Options
	res  *Results
	src  *synth.Source // loaded on first need
	self string        // the executable that measures a command (ChildArg)
}

// corpus returns the path of the corpus of n articles, making it unless
// Dir holds it. It is written under a temporary name and renamed, so a
// file by its name is whole.
func (b *bench) corpus(ctx context.Context, n int) (string, error) {
	path := filepath.Join(b.opts.Dir, fmt.Sprintf("synth-s%d-n%d.jsonl", b.opts.Seed, n))
	if _, err := os.Stat(path); err == nil {
		fmt.Fprintf(b.opts.Log, "corpus %s (made before)\n", path)
		return path, nil
	}
	if b.src == nil {
		src, err := synth.Load(ctx, b.opts.Corpora, read.ReadOptions{})
		if err != nil {
			return "", fmt.Errorf("scalebench: %w", err)
		}
		b.src = src
	}
	start := time.Now()
	f, err := os.CreateTemp(b.opts.Dir, ".synth-*.jsonl")
	if err != nil {
		return "", fmt.Errorf("scalebench: %w", err)
	}
	defer os.Remove(f.Name()) // after the rename, nothing
	err = b.src.Write(ctx, f, n, synth.Options{Seed: b.opts.Seed})
	if err == nil {
		err = f.Chmod(0o644) // CreateTemp's 0600 is for secrets
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		return "", fmt.Errorf("scalebench: corpus of %d: %w", n, err)
	}
	fmt.Fprintf(b.opts.Log, "corpus %s made in %.1f s from %d source articles (%d sentences)\n",
		path, time.Since(start).Seconds(), b.src.Articles(), b.src.Sentences())
	return path, nil
}

// Generate makes the corpora of opts.Sizes in opts.Dir, or finds them
// there, and returns their paths; Run does so too.
func Generate(ctx context.Context, opts Options) ([]string, error) {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Corpora == nil {
		opts.Corpora = []string{DefaultCorpus}
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("scalebench: %w", err)
	}
	b := &bench{opts: opts}
	var paths []string
	for _, n := range opts.Sizes {
		p, err := b.corpus(ctx, n)
		if err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// size measures one store at one size.
func (b *bench) size(ctx context.Context, store string, n int, corpus string) error {
	var global []string
	var dbPath string
	switch store {
	case "sqlite":
		dbPath = filepath.Join(b.opts.Dir, fmt.Sprintf("store-n%d.db", n))
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("scalebench: %w", err)
			}
		}
		global = []string{"--store", dbPath}
	case "neo4j":
		fmt.Fprintf(b.opts.Log, "emptying %s\n", b.opts.Neo4jURI)
		if err := wipeNeo4j(ctx, b.opts.Neo4jURI); err != nil {
			return err
		}
		global = []string{"--store", b.opts.Neo4jURI}
	}

	for _, name := range []string{"ingest", "re-ingest"} {
		st := b.run(ctx, store, n, name, "", ingestArgs(global, corpus, fileSize(corpus)), nil)
		if dbPath != "" {
			st.StoreBytes = fileSize(dbPath) + fileSize(dbPath+"-wal")
		}
		b.res.Steps = append(b.res.Steps, st)
		if err := b.save(); err != nil {
			return err
		}
	}

	for _, q := range Queries {
		for _, pass := range []string{"cold", "warm"} {
			var out bytes.Buffer
			args := append(append([]string{}, global...), q.Args(b.res.ActorA, b.res.ActorB)...)
			args = append(args, "--format", "tsv")
			st := b.run(ctx, store, n, q.Name, pass, args, &out)
			b.res.Steps = append(b.res.Steps, st)
			if err := b.save(); err != nil {
				return err
			}
			// The actors of the first size: each corpus holds the smaller
			// ones (synth's prefix property), so they are in every store.
			if q.Name == "centrality" && pass == "cold" && (b.res.ActorA == "" || b.res.ActorB == "") {
				b.actors(ctx, store, n, global, out.Bytes())
			}
		}
	}
	return nil
}

// actors sets the actors not given from the persons ranked first in the
// centrality output top, or, where it has fewer than two, from a ranking of
// persons only (a run not recorded).
func (b *bench) actors(ctx context.Context, store string, n int, global []string, top []byte) {
	ids := persons(top)
	if len(ids) < 2 {
		var out bytes.Buffer
		args := append(append([]string{}, global...), "query", "centrality", "--type", "person", "--top", "2", "--format", "tsv")
		b.run(ctx, store, n, "actors", "", args, &out)
		ids = persons(out.Bytes())
	}
	for _, a := range []*string{&b.res.ActorA, &b.res.ActorB} {
		if *a == "" && len(ids) > 0 {
			*a, ids = ids[0], ids[1:]
		}
	}
	fmt.Fprintf(b.opts.Log, "actors: %q and %q\n", b.res.ActorA, b.res.ActorB)
}

// run runs newsgraph with args under the measuring child (ChildArg), its
// standard output to out and a file in Dir/out, and returns its figures.
func (b *bench) run(ctx context.Context, store string, n int, name, pass string, args []string, out *bytes.Buffer) Step {
	st := Step{Store: store, Size: n, Name: name, Pass: pass, Args: args}
	if b.opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, b.opts.Timeout)
		defer cancel()
	}
	if pass != "" {
		pass = "-" + pass
	}
	file := filepath.Join(b.opts.Dir, "out", fmt.Sprintf("%s-n%d-%s%s.txt", store, n, name, pass))
	m, err := measure(ctx, b.self, b.opts.Bin, args, file, out)
	st.WallS, st.CPUS, st.MaxRSS, st.Exit = m.WallS, m.CPUS, m.MaxRSSKiB, m.Exit
	if err != nil {
		st.Exit = -1
		st.Stderr = err.Error()
	} else if m.Exit != 0 {
		st.Stderr = m.Stderr
	}
	fmt.Fprintf(b.opts.Log, "%s n=%d %-11s %-4s %8.2f s %7.1f MB exit %d\n",
		store, n, name, strings.TrimPrefix(pass, "-"), st.WallS, float64(st.MaxRSS)/1024, st.Exit)
	if st.Exit != 0 {
		fmt.Fprintf(b.opts.Log, "  %s\n", strings.ReplaceAll(st.Stderr, "\n", "\n  "))
	}
	return st
}

// tail keeps the last 2 KiB written to it.
type tail struct{ b []byte }

func (t *tail) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > 2048 {
		t.b = append(t.b[:0], t.b[len(t.b)-2048:]...)
	}
	return len(p), nil
}

func (t *tail) String() string { return string(t.b) }

// persons returns the IDs of the persons in `query centrality --format
// tsv` output (columns rank, id, name, name_ar, type, ...), in its order.
func persons(tsv []byte) []string {
	var ids []string
	sc := bufio.NewScanner(bytes.NewReader(tsv))
	idCol, typeCol := -1, -1
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if idCol < 0 {
			for i, c := range cols {
				switch c {
				case "id":
					idCol = i
				case "type":
					typeCol = i
				}
			}
			if idCol < 0 || typeCol < 0 {
				return nil
			}
			continue
		}
		if idCol < len(cols) && typeCol < len(cols) && cols[typeCol] == "person" {
			ids = append(ids, cols[idCol])
		}
	}
	return ids
}

// ingestArgs is the command line that ingests corpus, of size bytes,
// after the global flags. A corpus of a million articles is 5.5 GB, past
// ingest's default bound on one input (read.DefaultMaxInputBytes): the
// bound is then the corpus's own size, or the run would stop reading at
// 2 GiB.
func ingestArgs(global []string, corpus string, size int64) []string {
	args := append(append([]string(nil), global...), "ingest", "-q")
	if size > read.DefaultMaxInputBytes {
		args = append(args, "--max-input-bytes", strconv.FormatInt(size, 10))
	}
	return append(args, corpus)
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// save writes results.json and results.md in Dir.
func (b *bench) save() error {
	js, err := json.MarshalIndent(b.res, "", "  ")
	if err != nil {
		return fmt.Errorf("scalebench: %w", err)
	}
	if err := writeFile(filepath.Join(b.opts.Dir, "results.json"), append(js, '\n')); err != nil {
		return err
	}
	var md bytes.Buffer
	Markdown(&md, b.res)
	return writeFile(filepath.Join(b.opts.Dir, "results.md"), md.Bytes())
}

func writeFile(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("scalebench: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("scalebench: %w", err)
	}
	return nil
}

// Machine says where and when the benchmark ran.
type Machine struct {
	NProc     int    `json:"nproc"`
	CPU       string `json:"cpu"`
	LoadStart string `json:"load_start"` // /proc/loadavg's 1, 5 and 15 minute averages
	LoadEnd   string `json:"load_end,omitempty"`
	Date      string `json:"date"` // start, UTC
	Commit    string `json:"commit"`
	Go        string `json:"go"`
}

func machine(ctx context.Context) Machine {
	return Machine{NProc: runtime.NumCPU(), Date: time.Now().UTC().Format(time.RFC3339),
		Go: runtime.Version(), LoadStart: LoadAvg(), CPU: CPUModel(), Commit: GitCommit(ctx, "")}
}

// CPUModel is /proc/cpuinfo's first "model name", or "unknown".
func CPUModel() string {
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				return strings.TrimSpace(v)
			}
		}
	}
	return "unknown"
}

// GitCommit is the short commit of the repository at dir ("" for the
// working directory), suffixed "-dirty" when tracked files differ from
// it, or "unknown".
func GitCommit(ctx context.Context, dir string) string {
	git := func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, "git", args...)
		cmd.Dir = dir
		out, err := cmd.Output()
		return string(bytes.TrimSpace(out)), err
	}
	c, err := git("rev-parse", "--short", "HEAD")
	if err != nil {
		return "unknown"
	}
	if st, err := git("status", "--porcelain", "--untracked-files=no"); err == nil && st != "" {
		c += "-dirty"
	}
	return c
}

// LoadAvg returns /proc/loadavg's 1, 5 and 15 minute load averages, or
// "unknown".
func LoadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// Markdown writes the results as tables: for each store, one of ingest
// (wall time, articles/s, peak RSS, store size, unchanged re-ingest) and one
// of the query commands' cold and one of their warm runs, a row per size
// and a cell per command, "wall s / RSS MB". A failed run shows its exit
// status.
func Markdown(w io.Writer, r *Results) {
	m := r.Machine
	fmt.Fprintf(w, "Machine: %d CPUs, %s; load average %s at the start", m.NProc, m.CPU, m.LoadStart)
	if m.LoadEnd != "" {
		fmt.Fprintf(w, ", %s at the end", m.LoadEnd)
	}
	fmt.Fprintf(w, "; %s; commit %s; %s.\n", m.Date, m.Commit, m.Go)
	fmt.Fprintf(w, "Actors of path, neighbors, entity, relations, timeline: %s, %s. Cold: a command's first run after the ingest; warm: its second.\n", r.ActorA, r.ActorB)
	var stores []string
	sizes := map[string][]int{}
	steps := map[string]Step{}
	for _, s := range r.Steps {
		if _, ok := sizes[s.Store]; !ok {
			stores = append(stores, s.Store)
		}
		if l := sizes[s.Store]; len(l) == 0 || l[len(l)-1] != s.Size {
			sizes[s.Store] = append(l, s.Size)
		}
		steps[key(s.Store, s.Size, s.Name, s.Pass)] = s
	}
	for _, store := range stores {
		fmt.Fprintf(w, "\n### %s: ingest\n\n", store)
		fmt.Fprintln(w, "| articles | ingest | articles/s | ingest peak RSS | store | unchanged re-ingest | re-ingest peak RSS | first / re-ingest |")
		fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
		for _, n := range sizes[store] {
			in, ok1 := steps[key(store, n, "ingest", "")]
			re, ok2 := steps[key(store, n, "re-ingest", "")]
			row := []string{commas(n), "", "", "", "", "", "", ""}
			if ok1 {
				row[1], row[3] = secs(in), mb(in.MaxRSS)
				if in.Exit == 0 || in.Exit == 3 {
					row[2] = fmt.Sprintf("%.0f", float64(n)/in.WallS)
				}
				if in.StoreBytes > 0 {
					row[4] = mb(in.StoreBytes / 1024)
				} else {
					row[4] = "–"
				}
			}
			if ok2 {
				row[5], row[6] = secs(re), mb(re.MaxRSS)
				if ok1 && re.WallS > 0 {
					row[7] = fmt.Sprintf("%.1f×", in.WallS/re.WallS)
				}
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
		}
		for _, pass := range []string{"cold", "warm"} {
			fmt.Fprintf(w, "\n### %s: queries, %s (wall s / peak RSS MB)\n\n", store, pass)
			fmt.Fprint(w, "| articles |")
			for _, q := range Queries {
				fmt.Fprintf(w, " %s |", q.Name)
			}
			fmt.Fprint(w, "\n|---|")
			for range Queries {
				fmt.Fprint(w, "---|")
			}
			fmt.Fprintln(w)
			for _, n := range sizes[store] {
				fmt.Fprintf(w, "| %s |", commas(n))
				for _, q := range Queries {
					s, ok := steps[key(store, n, q.Name, pass)]
					switch {
					case !ok:
						fmt.Fprint(w, "  |")
					case s.Exit != 0:
						fmt.Fprintf(w, " exit %d after %.2f s |", s.Exit, s.WallS)
					default:
						fmt.Fprintf(w, " %.2f / %.0f |", s.WallS, float64(s.MaxRSS)/1024)
					}
				}
				fmt.Fprintln(w)
			}
		}
	}
}

func key(store string, n int, name, pass string) string {
	return store + "\x00" + strconv.Itoa(n) + "\x00" + name + "\x00" + pass
}

func secs(s Step) string {
	if s.Exit != 0 && s.Exit != 3 { // 3: ingest skipped broken input, and did the rest
		return fmt.Sprintf("exit %d after %.1f s", s.Exit, s.WallS)
	}
	return fmt.Sprintf("%.1f s", s.WallS)
}

func mb(kib int64) string { return fmt.Sprintf("%.0f MB", float64(kib)/1024) }

// commas writes n with thousands separators: 100,000.
func commas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
