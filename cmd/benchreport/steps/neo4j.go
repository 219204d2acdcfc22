package steps

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/cmd/benchreport/report"
)

// Neo4jOptions says what Neo4j measures.
type Neo4jOptions struct {
	Bin    string   // the newsgraph binary
	Corpus []string // inputs, as newsgraph ingest takes them
	// URI is the server; its database (NEO4J_DATABASE, default neo4j) is
	// EMPTIED. Credentials come from NEO4J_USERNAME (default neo4j) and
	// NEO4J_PASSWORD, or the URI's user information, which is moved there
	// so that no command line carries it.
	URI string
	// PID is the server's process ID, to add its CPU seconds (0: the
	// client's only).
	PID int
	// Warmup is how many of the corpus's first JSON lines the warm-up
	// ingests (0: the whole corpus).
	Warmup int
	Batch  int    // rows per UNWIND batch of the anchor; 0 is 500
	Dir    string // scratch folder (the warm-up corpus)
	Out    io.Writer
}

// Bench names and systems of Neo4j.
const (
	Neo4jBench    = "neo4j-ingest"
	Neo4jIngest   = "newsgraph ingest (first, emptied database)"
	Neo4jReingest = "newsgraph re-ingest (unchanged)"
	Neo4jAnchor   = "UNWIND anchor: the same rows, batches of 500"
)

// Neo4j measures, after an untimed warm-up of each on the corpus's first
// opts.Warmup articles: the first ingest of opts.Corpus into the emptied
// database, its unchanged re-ingest, and the UNWIND anchor writing the same
// nodes and relationships into the emptied database.
func Neo4j(ctx context.Context, opts Neo4jOptions) error {
	if opts.Batch <= 0 {
		opts.Batch = 500
	}
	u, err := url.Parse(opts.URI)
	if err != nil {
		return fmt.Errorf("neo4j: the URI does not parse")
	}
	if u.User != nil {
		os.Setenv("NEO4J_USERNAME", u.User.Username())
		if p, ok := u.User.Password(); ok {
			os.Setenv("NEO4J_PASSWORD", p)
		}
		u.User = nil
	}
	uri := u.String()
	db := &neo4jDB{uri: uri, database: envOr("NEO4J_DATABASE", "neo4j")}
	d, err := driver.NewDriverWithContext(uri, driver.BasicAuth(envOr("NEO4J_USERNAME", "neo4j"), os.Getenv("NEO4J_PASSWORD"), ""))
	if err != nil {
		return fmt.Errorf("neo4j %s: %w", uri, err)
	}
	defer d.Close(ctx)
	if err := d.VerifyConnectivity(ctx); err != nil {
		return emitSkips(opts.Out, Neo4jBench, fmt.Sprintf("cannot reach %s (%v)", uri, err), Neo4jIngest, Neo4jReingest, Neo4jAnchor)
	}
	db.d = d
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return err
	}
	defer os.RemoveAll(opts.Dir)
	ingest := func(corpus []string) (Figures, error) {
		cpu0 := serverCPU(opts.PID)
		f, err := Measure(ctx, "", nil, opts.Bin, append([]string{"--store", uri, "ingest", "--quiet"}, corpus...)...)
		f.CPUS += serverCPU(opts.PID) - cpu0
		return partialOK(f, err)
	}

	warm := opts.Corpus
	if opts.Warmup > 0 {
		if w, err := corpusPrefix(opts.Corpus, opts.Warmup, filepath.Join(opts.Dir, "warmup.jsonl")); err == nil {
			warm = []string{w}
		}
	}
	if err := db.wipe(ctx); err != nil {
		return err
	}
	if _, err := ingest(warm); err != nil {
		return fmt.Errorf("warm-up ingest: %w", err)
	}
	if _, err := ingest(warm); err != nil {
		return fmt.Errorf("warm-up re-ingest: %w", err)
	}
	if _, err := db.anchor(ctx, opts); err != nil {
		return fmt.Errorf("warm-up anchor: %w", err)
	}

	if err := db.wipe(ctx); err != nil {
		return err
	}
	first, err := ingest(opts.Corpus)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	again, err := ingest(opts.Corpus)
	if err != nil {
		return fmt.Errorf("re-ingest: %w", err)
	}
	articles, err := db.count(ctx, "MATCH (a:Article) RETURN count(a) AS n")
	if err != nil {
		return err
	}
	cpuNote := "CPU: the newsgraph process's"
	if opts.PID > 0 {
		cpuNote += fmt.Sprintf(" and the server's (pid %d)", opts.PID)
	}
	if err := emit(opts.Out, report.Record{Bench: Neo4jBench, System: Neo4jIngest, Baseline: true,
		WallS: first.WallS, CPUS: first.CPUS, N: float64(articles), Unit: "articles", PeakRSSMB: mb(first.MaxRSSKiB),
		Note: "the newsgraph binary as a child process (batch 500, its default); " + cpuNote + "; peak RSS the client's"}); err != nil {
		return err
	}
	if err := emit(opts.Out, report.Record{Bench: Neo4jBench, System: Neo4jReingest,
		WallS: again.WallS, CPUS: again.CPUS, N: float64(articles), Unit: "articles", PeakRSSMB: mb(again.MaxRSSKiB),
		Note: "the same corpus again: every fingerprint matches, nothing is written"}); err != nil {
		return err
	}
	rec, err := db.anchor(ctx, opts)
	if err != nil {
		return fmt.Errorf("anchor: %w", err)
	}
	return emit(opts.Out, rec)
}

type neo4jDB struct {
	uri, database string
	d             driver.DriverWithContext
}

// wipe deletes every node and relationship, keeping constraints and
// indexes.
func (db *neo4jDB) wipe(ctx context.Context) error {
	sess := db.d.NewSession(ctx, driver.SessionConfig{DatabaseName: db.database})
	defer sess.Close(ctx)
	// CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.Run.
	// Relationships go first: a DETACH DELETE of 10,000 nodes that carry
	// hundreds of thousands of co-mentions exceeds the test server's
	// transaction memory.
	for _, q := range []string{
		"MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS",
		"MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
	} {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("neo4j %s: empty the database: %w", db.uri, err)
		}
	}
	return nil
}

func (db *neo4jDB) count(ctx context.Context, q string) (int64, error) {
	res, err := driver.ExecuteQuery(ctx, db.d, q, nil, driver.EagerResultTransformer, driver.ExecuteQueryWithDatabase(db.database))
	if err != nil || len(res.Records) != 1 {
		return 0, fmt.Errorf("neo4j %s: %s: %v", db.uri, q, err)
	}
	n, _ := res.Records[0].Get("n")
	v, _ := n.(int64)
	return v, nil
}

// A group of rows written by one query: nodes of one label set, or
// relationships of one type between two labels.
type group struct {
	query string
	rows  []map[string]any
}

var name = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// anchor reads back every node and relationship the ingest wrote, empties
// the database, and writes them again by UNWIND batches, timing the writes
// only. Relationships are matched to their ends by the ends' label
// (Article or Entity, whose id is unique) and id.
func (db *neo4jDB) anchor(ctx context.Context, opts Neo4jOptions) (report.Record, error) {
	rec := report.Record{Bench: Neo4jBench, System: Neo4jAnchor, Unit: "rows"}
	groups := map[string]*group{}
	var order []string
	add := func(key, query string, row map[string]any) {
		g := groups[key]
		if g == nil {
			g = &group{query: query}
			groups[key] = g
			order = append(order, key)
		}
		g.rows = append(g.rows, row)
	}
	nodes, rels, left := 0, 0, 0
	sess := db.d.NewSession(ctx, driver.SessionConfig{DatabaseName: db.database, AccessMode: driver.AccessModeRead})
	defer sess.Close(ctx)
	_, err := sess.ExecuteRead(ctx, func(tx driver.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", nil)
		if err != nil {
			return nil, err
		}
		for res.Next(ctx) {
			r := res.Record()
			labels, _ := r.Get("labels")
			props, _ := r.Get("props")
			ls := strs(labels)
			if len(ls) == 0 {
				left++
				continue
			}
			sort.Strings(ls)
			ll := labelList(ls)
			if ll == "" {
				left++
				continue
			}
			q := "UNWIND $rows AS row CREATE (n" + ll + ") SET n = row"
			p, _ := props.(map[string]any)
			add("n"+strings.Join(ls, ":"), q, p)
			nodes++
		}
		if err := res.Err(); err != nil {
			return nil, err
		}
		res, err = tx.Run(ctx, "MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a) AS la, a.id AS a, labels(b) AS lb, b.id AS b, properties(r) AS props", nil)
		if err != nil {
			return nil, err
		}
		for res.Next(ctx) {
			r := res.Record()
			t, _ := r.Get("type")
			la, _ := r.Get("la")
			lb, _ := r.Get("lb")
			a, _ := r.Get("a")
			b, _ := r.Get("b")
			props, _ := r.Get("props")
			ts, _ := t.(string)
			ka, kb := key(strs(la)), key(strs(lb))
			if !name.MatchString(ts) || ka == "" || kb == "" || a == nil || b == nil {
				left++
				continue
			}
			q := fmt.Sprintf("UNWIND $rows AS row MATCH (a:%s {id: row.a}) MATCH (b:%s {id: row.b}) CREATE (a)-[r:`%s`]->(b) SET r = row.p", ka, kb, ts)
			add("r"+ts+ka+kb, q, map[string]any{"a": a, "b": b, "p": props})
			rels++
		}
		return nil, res.Err()
	})
	if err != nil {
		return rec, fmt.Errorf("neo4j %s: read back: %w", db.uri, err)
	}
	if err := db.wipe(ctx); err != nil {
		return rec, err
	}
	w := db.d.NewSession(ctx, driver.SessionConfig{DatabaseName: db.database})
	defer w.Close(ctx)
	batches := 0
	cpu0, srv0, start := selfCPU(), serverCPU(opts.PID), time.Now()
	for _, k := range order {
		g := groups[k]
		for i := 0; i < len(g.rows); i += opts.Batch {
			batch := g.rows[i:min(i+opts.Batch, len(g.rows))]
			if _, err := w.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
				res, err := tx.Run(ctx, g.query, map[string]any{"rows": batch})
				if err != nil {
					return nil, err
				}
				_, err = res.Consume(ctx)
				return nil, err
			}); err != nil {
				return rec, fmt.Errorf("neo4j %s: write: %w", db.uri, err)
			}
			batches++
		}
	}
	rec.WallS = time.Since(start).Seconds()
	rec.CPUS = selfCPU() - cpu0 + serverCPU(opts.PID) - srv0
	rec.N = float64(nodes + rels)
	rec.Note = fmt.Sprintf("%d nodes and %d relationships read back from the ingested database, written by %d parameterised UNWIND batches of at most %d rows in %d queries (one per label set or relationship type), one transaction each; CPU: this process's", nodes, rels, batches, opts.Batch, len(order))
	if opts.PID > 0 {
		rec.Note += " and the server's"
	}
	if left > 0 {
		rec.Note += fmt.Sprintf("; %d nodes or relationships without an Article or Entity end not written", left)
	}
	return rec, nil
}

// key is the label that identifies a node by id: Article or Entity, or "".
func key(labels []string) string {
	for _, l := range labels {
		if l == "Article" || l == "Entity" {
			return l
		}
	}
	return ""
}

// labelList writes labels as Cypher's :`A`:`B`; labels are checked to be
// plain names, as ours are.
func labelList(labels []string) string {
	var b strings.Builder
	for _, l := range labels {
		if !name.MatchString(l) {
			return ""
		}
		b.WriteString(":`" + l + "`")
	}
	return b.String()
}

func strs(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// serverCPU is the CPU seconds of process pid so far, 0 when pid is 0 or
// cannot be read.
func serverCPU(pid int) float64 {
	if pid <= 0 {
		return 0
	}
	s, err := procCPU(pid)
	if err != nil {
		return 0
	}
	return s
}

// corpusPrefix writes the first n lines of the JSON lines files under
// inputs (in walk order) to path, for the warm-up.
func corpusPrefix(inputs []string, n int, path string) (string, error) {
	out, err := os.Create(path)
	if err != nil {
		return "", err
	}
	defer out.Close()
	bw := bufio.NewWriter(out)
	left := n
	for _, in := range inputs {
		err := filepath.WalkDir(in, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || left == 0 || !strings.HasSuffix(p, ".jsonl") {
				return err
			}
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 8<<20)
			for left > 0 && sc.Scan() {
				bw.Write(sc.Bytes())
				bw.WriteByte('\n')
				left--
			}
			return sc.Err()
		})
		if err != nil {
			return "", err
		}
	}
	if left == n {
		return "", fmt.Errorf("no JSON lines under %v", inputs)
	}
	return path, bw.Flush()
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
