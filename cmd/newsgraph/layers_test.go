package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// module is this module's path; layerRules name packages relative to it.
const module = "github.com/newsgraph/newsgraph"

// layerRule says which packages of this module pkg may import (outside its
// tests). pkg or an allowed entry ending in "/..." stands for every package
// below that folder (not the folder itself); "*" allows anything. The rules
// draw the picture of docs/architecture.md ("Layers"): arrows point down,
// from cmd through query and the ingest pipeline to the readers and graph,
// with graph/norm, the text normalisation, at the bottom.
type layerRule struct {
	pkg   string
	allow []string
}

var layerRules = []layerRule{
	// The model and the stores: nothing of ingest or query.
	{"graph/norm", nil},
	// Transliteration scoring: names and their folding only.
	{"graph/translit", []string{"graph/norm"}},
	{"graph", []string{"graph/norm"}},
	{"graph/sqlite", []string{"graph", "graph/norm"}},
	{"graph/neo4j", []string{"graph", "graph/norm"}},
	{"graph/neo4j/neo4jtest", []string{"graph", "graph/norm", "graph/neo4j"}},
	{"graph/export", []string{"graph", "graph/norm"}},
	{"graph/storetest", []string{"graph", "graph/norm"}},
	// Clustering one actor's made IDs: a view of a store, above graph.
	{"graph/cluster", []string{"graph", "graph/norm"}},
	// Reading and extraction, each below the pipeline that joins them.
	{"ingest/lexicon", []string{"graph", "graph/norm"}},
	{"ingest/lexicon/gen", []string{"graph", "graph/norm", "ingest/lexicon"}},
	{"ingest/read", []string{"graph", "graph/norm"}},
	{"ingest/extract", []string{"graph", "graph/norm", "ingest/lexicon", "ingest/read", "ingest/extract/..."}},
	// Parts of extraction (a tagger, word clusters): below the Extractor.
	{"ingest/extract/...", []string{"graph", "graph/norm", "ingest/lexicon", "ingest/read", "ingest/extract/..."}},
	{"ingest", []string{"graph", "graph/norm", "ingest/lexicon", "ingest/read", "ingest/extract", "ingest/extract/..."}},
	// Evaluation against gold data: may run the pipeline.
	{"ingest/nereval", []string{"graph", "graph/norm", "ingest", "ingest/lexicon", "ingest/read", "ingest/extract", "ingest/extract/..."}},
	{"ingest/releval", []string{"graph", "graph/norm", "ingest", "ingest/lexicon", "ingest/read", "ingest/extract", "ingest/extract/...", "ingest/nereval"}}, // nereval: a CoNLL gold file read as a corpus
	// Measuring resolution reads a store only, never the extractor.
	{"ingest/reseval", []string{"graph", "graph/norm"}},
	// Synthetic corpora recombined from a real one, and the scale
	// benchmark that ingests and queries them with the newsgraph binary.
	{"ingest/synth", []string{"graph", "graph/norm", "ingest/read"}},
	{"ingest/synth/scalebench", []string{"graph", "graph/norm", "ingest/read", "ingest/synth"}},
	// Graph algorithms over a projection: never ingest.
	{"query", []string{"graph", "graph/norm"}},
	// Pictures of query results: above the algorithms whose results they draw.
	{"query/draw", []string{"graph", "graph/norm", "query"}},
	{"cmd/newsgraph", []string{"*"}},
	{"cmd/benchscale", []string{"*"}},
	// make bench-report: its aggregation and markdown know only the
	// measuring child; its steps may read a store, ingest and the
	// scale benchmark.
	{"cmd/benchreport/report", []string{"ingest/synth/scalebench"}},
	{"cmd/benchreport/steps", []string{"graph", "graph/norm", "graph/sqlite", "graph/neo4j", "ingest/read", "ingest/synth", "ingest/synth/scalebench", "cmd/benchreport/report"}},
	{"cmd/benchreport", []string{"*"}},
}

// matches reports whether pattern (a package, "dir/..." or "*") covers pkg.
func matches(pattern, pkg string) bool {
	if pattern == "*" {
		return true
	}
	if dir, ok := strings.CutSuffix(pattern, "/..."); ok {
		return strings.HasPrefix(pkg, dir+"/")
	}
	return pattern == pkg
}

// checkLayers returns a message for every import between this module's
// packages that rules do not allow, and for every package no rule names.
// imports maps each package's import path to its non-test imports (any
// module's); an exact rule wins over a "/..." one.
func checkLayers(imports map[string][]string, rules []layerRule) []string {
	const where = "layerRules in cmd/newsgraph/layers_test.go (and the picture in docs/architecture.md)"
	var bad []string
	pkgs := make([]string, 0, len(imports))
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	slices.Sort(pkgs)
	for _, full := range pkgs {
		pkg, ok := ours(full)
		if !ok {
			continue
		}
		var rule *layerRule
		for i := range rules {
			if rules[i].pkg == pkg {
				rule = &rules[i]
				break
			}
			if rule == nil && matches(rules[i].pkg, pkg) {
				rule = &rules[i]
			}
		}
		if rule == nil {
			bad = append(bad, "package "+pkg+" is in no layer: add it to "+where+" with the packages of this module it may import")
			continue
		}
		for _, imp := range imports[full] {
			dep, ok := ours(imp)
			if !ok {
				continue
			}
			if !slices.ContainsFunc(rule.allow, func(a string) bool { return matches(a, dep) }) {
				bad = append(bad, pkg+" → "+dep+": "+rule.pkg+" may import only ["+strings.Join(rule.allow, " ")+
					"]; move the code to a lower layer, or, if the arrow is right, add "+dep+" to the "+rule.pkg+" entry of "+where)
			}
		}
	}
	return bad
}

// ours returns p relative to the module ("" for its root) and whether it is
// one of the module's packages.
func ours(p string) (string, bool) {
	if p == module {
		return "", true
	}
	rel, ok := strings.CutPrefix(p, module+"/")
	return rel, ok
}

// TestLayers lists the module's packages with go list and checks every
// import between them against layerRules.
func TestLayers(t *testing.T) {
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goCmd); err != nil {
		if goCmd, err = exec.LookPath("go"); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("CI=true but no go command to list the packages: %v", err)
			}
			t.Skipf("no go command to list the packages: %v", err)
		}
	}
	cmd := exec.Command(goCmd, "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...")
	cmd.Dir = filepath.Join("..", "..")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list ./...: %v", err)
	}
	imports := make(map[string][]string)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		imports[f[0]] = f[1:]
	}
	// The list must hold the layers it checks, or the check passes on nothing.
	for _, p := range []string{"graph", "graph/norm", "ingest", "ingest/read", "ingest/extract", "query", "cmd/newsgraph"} {
		if _, ok := imports[module+"/"+p]; !ok {
			t.Fatalf("go list did not list %s; got %d packages", p, len(imports))
		}
	}
	for _, msg := range checkLayers(imports, layerRules) {
		t.Error(msg)
	}
}

// TestCheckLayers runs the checker on made-up import lists: a clean one, an
// arrow pointing up, a package in no layer, and the "/..." rules.
func TestCheckLayers(t *testing.T) {
	rules := []layerRule{
		{"graph/norm", nil},
		{"graph", []string{"graph/norm"}},
		{"ingest/read", []string{"graph", "graph/norm"}},
		{"ingest/extract/...", []string{"graph/norm", "ingest/read"}},
		{"ingest", []string{"graph", "ingest/read", "ingest/extract/..."}},
		{"cmd/newsgraph", []string{"*"}},
	}
	m := func(p string) string { return module + "/" + p }
	for _, tc := range []struct {
		name    string
		imports map[string][]string
		want    []string // a substring of each message, in order
	}{
		{"clean", map[string][]string{
			m("graph/norm"):             {"strings", "golang.org/x/text/unicode/norm"},
			m("graph"):                  {"fmt", m("graph/norm")},
			m("ingest/read"):            {m("graph")},
			m("ingest/extract/tagger"):  {m("ingest/read"), m("graph/norm")},
			m("ingest"):                 {m("ingest/read"), m("ingest/extract/tagger")},
			m("cmd/newsgraph"):          {m("ingest"), m("graph"), "os"},
			"example.com/other/package": {m("ingest")}, // not ours: not checked
		}, nil},
		{"graph imports ingest", map[string][]string{
			m("graph"):       {m("graph/norm"), m("ingest/read")},
			m("ingest/read"): {m("graph")},
		}, []string{"graph → ingest/read: graph may import only [graph/norm]; move the code"}},
		{"leaf imports anything", map[string][]string{
			m("graph/norm"): {m("graph")},
		}, []string{"graph/norm → graph: graph/norm may import only []"}},
		{"package in no layer", map[string][]string{
			m("ingest/write"): {m("graph")},
		}, []string{"package ingest/write is in no layer: add it to layerRules"}},
		{"a part of extraction imports the pipeline", map[string][]string{
			m("ingest/extract/brown"): {m("ingest/read"), m("ingest")},
		}, []string{"ingest/extract/brown → ingest: ingest/extract/... may import only"}},
		{"the extract folder is not below itself", map[string][]string{
			m("ingest/extract"): {m("ingest/read")},
		}, []string{"package ingest/extract is in no layer"}},
	} {
		got := checkLayers(tc.imports, rules)
		if len(got) != len(tc.want) {
			t.Errorf("%s: %d messages %q, want %d", tc.name, len(got), got, len(tc.want))
			continue
		}
		for i := range got {
			if !strings.Contains(got[i], tc.want[i]) {
				t.Errorf("%s: message %q, want it to contain %q", tc.name, got[i], tc.want[i])
			}
		}
	}
}
