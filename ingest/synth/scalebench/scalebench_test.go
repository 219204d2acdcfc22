package scalebench

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestMain makes the test binary the measuring child too, as
// cmd/benchscale's main does, and a program that holds memory
// (holdMiB) for TestMeasure.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case ChildArg:
			os.Exit(Child(os.Args[2:]))
		case "-hold":
			holdMiB(os.Args[2])
			return
		}
	}
	os.Exit(m.Run())
}

var sink []byte

// holdMiB allocates and touches the MiB named.
func holdMiB(n string) {
	mib, _ := strconv.Atoi(n)
	sink = make([]byte, mib<<20)
	// One write a page makes it resident; a write a byte would also make
	// the race detector's shadow of every byte resident, which under
	// -race tripled the child's figure (421 MiB for 128 held).
	for i := 0; i < len(sink); i += 4096 {
		sink[i] = 1
	}
}

func TestPersons(t *testing.T) {
	for _, tc := range []struct {
		name, tsv string
		want      []string
	}{
		{"ranking", "rank\tid\tname\tname_ar\ttype\tpagerank\n" +
			"1\tmorocco\tMorocco\tالمغرب\tlocation\t0.03\n" +
			"2\tjoe-biden\tJoe Biden\tجو بايدن\tperson\t0.02\n" +
			"3\tmohamed-vi\tMohammed VI\tمحمد السادس\tperson\t0.01\n", []string{"joe-biden", "mohamed-vi"}},
		{"no person", "rank\tid\ttype\n1\tiraq\tlocation\n", nil},
		{"no type column", "rank\tid\tname\n1\tjoe-biden\tJoe Biden\n", nil},
		{"empty", "", nil},
		{"short row", "rank\tid\tname\ttype\n1\tx\n2\ty\tY\tperson\n", []string{"y"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := persons([]byte(tc.tsv)); !slices.Equal(got, tc.want) {
				t.Errorf("persons = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestMeasure runs commands under the child and checks what it reports:
// exit status, output, standard error, and a peak resident set that is the
// command's own, not this test process's, which holds more than the
// command it measures.
func TestMeasure(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	holdMiB("768") // this process: over 768 MiB resident
	for _, tc := range []struct {
		name           string
		bin            string
		args           []string
		exit           int
		out, stderr    string
		minKiB, maxKiB int64
	}{
		{"exit status and output", "/bin/sh", []string{"-c", "echo out; echo err >&2; exit 3"}, 3, "out\n", "err", 1, 64 << 10},
		{"small command", "/bin/sh", []string{"-c", "true"}, 0, "", "", 1, 64 << 10},
		// 128 MiB held: ru_maxrss at least that, and well under the
		// 768 MiB this process holds (the bound leaves room for -race, under
		// which the child measured 290 MiB).
		{"large command", self, []string{"-hold", "128"}, 0, "", "", 128 << 10, 448 << 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			file := filepath.Join(t.TempDir(), "out.txt")
			fig, err := measure(context.Background(), self, tc.bin, tc.args, file, &out)
			if err != nil {
				t.Fatal(err)
			}
			if fig.Exit != tc.exit {
				t.Errorf("exit %d, want %d", fig.Exit, tc.exit)
			}
			if out.String() != tc.out {
				t.Errorf("output %q, want %q", out.String(), tc.out)
			}
			if data, _ := os.ReadFile(file); string(data) != tc.out {
				t.Errorf("output file %q, want %q", data, tc.out)
			}
			if fig.Stderr != tc.stderr {
				t.Errorf("stderr %q, want %q", fig.Stderr, tc.stderr)
			}
			if fig.MaxRSSKiB < tc.minKiB || fig.MaxRSSKiB > tc.maxKiB {
				t.Errorf("peak RSS %d KiB, want %d–%d", fig.MaxRSSKiB, tc.minKiB, tc.maxKiB)
			}
			if fig.WallS <= 0 {
				t.Errorf("wall time %v s", fig.WallS)
			}
		})
	}
}

// TestRun runs the whole benchmark on a corpus of 30 articles made from
// ingest/synth's fixture, with newsgraph built from this tree.
func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds newsgraph and runs it 20 times")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/newsgraph/newsgraph/cmd/newsgraph").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	var log bytes.Buffer
	opts := Options{Sizes: []int{10, 30}, Seed: 1, Dir: dir, Bin: bin, Corpora: []string{"../testdata/source.jsonl"}, Log: &log}
	res, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	// 2 sizes × (ingest, re-ingest, 8 queries × 2 passes).
	if got, want := len(res.Steps), 2*(2+2*len(Queries)); got != want {
		t.Errorf("%d steps, want %d", got, want)
	}
	// The fixture names Joe Biden, Mustafa al-Kadhimi, Moqtada al-Sadr:
	// two of them are the actors.
	if res.ActorA == "" || res.ActorB == "" || res.ActorA == res.ActorB {
		t.Errorf("actors %q, %q", res.ActorA, res.ActorB)
	}
	for _, s := range res.Steps {
		if s.Exit != 0 && !(s.Name == "path" && s.Exit == 6) { // 6: not connected, an answer
			t.Errorf("%s n=%d %s %s: exit %d: %s", s.Store, s.Size, s.Name, s.Pass, s.Exit, s.Stderr)
		}
		if s.WallS <= 0 || s.MaxRSS <= 0 {
			t.Errorf("%s n=%d %s %s: %v s, %d KiB", s.Store, s.Size, s.Name, s.Pass, s.WallS, s.MaxRSS)
		}
		if s.Name == "ingest" && s.StoreBytes == 0 {
			t.Errorf("n=%d: no store size", s.Size)
		}
	}
	// Corpora are kept and reused: a second run makes none.
	log.Reset()
	opts.Sizes = []int{30}
	if _, err := Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "(made before)") {
		t.Errorf("the corpus of 30 was made again:\n%s", log.String())
	}
	md, err := os.ReadFile(filepath.Join(dir, "results.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"### sqlite: ingest", "### sqlite: queries, cold", "### sqlite: queries, warm", "| 30 |", "Machine: "} {
		if !bytes.Contains(md, []byte(want)) {
			t.Errorf("results.md lacks %q:\n%s", want, md)
		}
	}
	var saved Results
	data, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err == nil {
		err = json.Unmarshal(data, &saved)
	}
	if err != nil || len(saved.Steps) != 2+2*len(Queries) {
		t.Errorf("results.json: %v, %d steps", err, len(saved.Steps))
	}
}

func TestCommas(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 25000: "25,000", 1000000: "1,000,000"} {
		if got := commas(n); got != want {
			t.Errorf("commas(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestIngestArgs(t *testing.T) {
	global := []string{"--store", "s.db"}
	for _, tc := range []struct {
		size int64
		want []string
	}{
		{56 << 20, []string{"--store", "s.db", "ingest", "-q", "c.jsonl"}},                                         // 10k articles
		{2 << 30, []string{"--store", "s.db", "ingest", "-q", "c.jsonl"}},                                          // at the bound
		{5_500_000_000, []string{"--store", "s.db", "ingest", "-q", "--max-input-bytes", "5500000000", "c.jsonl"}}, // 1M articles
	} {
		got := ingestArgs(global, "c.jsonl", tc.size)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ingestArgs(%d) = %q, want %q", tc.size, got, tc.want)
		}
	}
	if !reflect.DeepEqual(global, []string{"--store", "s.db"}) {
		t.Errorf("ingestArgs changed the global flags: %q", global)
	}
}
