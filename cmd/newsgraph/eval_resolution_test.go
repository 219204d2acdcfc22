package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// resolutionFixture writes graph.db into dir from three invented articles
// — an invented person, Karim Haddad, as a lexicon node and a rule node
// with a trailing word, and a bare ministry — and an actor list, and
// returns the list's path.
func resolutionFixture(t *testing.T, dir string) string {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "graph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	haddad := graph.Entity{ID: "karim-haddad", Type: graph.Person, Name: "Karim Haddad", NameAr: "كريم حداد"}
	rule := graph.Entity{ID: "person:كريم-حداد", Type: graph.Person, Kind: "found by rule", NameAr: "كريم حداد"}
	visit := graph.Entity{ID: "person:كريم-حداد-يزور", Type: graph.Person, Kind: "found by rule", NameAr: "كريم حداد يزور"}
	ministry := graph.Entity{ID: "organization:وزاره-الدفاع", Type: graph.Organization, Kind: "found by rule", NameAr: "وزارة الدفاع"}
	var docs []graph.Document
	for i, ents := range [][]graph.Entity{{haddad, ministry}, {haddad, rule}, {rule, visit}} {
		d := graph.Document{Article: graph.Article{ID: string(rune('a' + i)), Title: "invented", Hash: "h"}, Entities: ents}
		for _, e := range ents {
			d.Mentions = append(d.Mentions, graph.Mention{EntityID: e.ID, Count: 1})
		}
		docs = append(docs, d)
	}
	if err := s.Apply(ctx, docs); err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(dir, "actors.jsonl")
	body := "# invented\n{\"actor\": \"Karim Haddad\", \"ids\": [\"karim-haddad\"], \"forms\": [\"كريم حداد\"]}\n"
	if err := os.WriteFile(list, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return list
}

func TestEvalResolution(t *testing.T) {
	dir := t.TempDir()
	list := resolutionFixture(t, dir)
	// As stored (--no-cluster): the figures of the nodes the store holds.
	r := ng(t, dir, 0, "--no-cluster", "eval", "resolution", "--actors", list, "--format", "json")
	var out struct {
		Actors []struct {
			Actor             string
			Nodes             []struct{ ID string }
			Articles, Largest int
			Share             float64
		}
		ActorsFound    int            `json:"actors_found"`
		MeanNodes      float64        `json:"mean_nodes_per_actor"`
		OneNode        int            `json:"actors_one_node"`
		MadeIDs        int            `json:"made_ids"`
		ExtendingIDs   int            `json:"extending_ids"`
		TopJunk        int            `json:"top_junk"`
		TopJunkReasons map[string]int `json:"top_junk_reasons"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("json: %v\n%s", err, r.stdout)
	}
	// By hand: karim-haddad in a b, person:كريم-حداد in b c, the visit
	// node in c: three nodes, three articles, the largest (2 articles,
	// karim-haddad first by ID) holds 2 of 3.
	a := out.Actors[0]
	if len(out.Actors) != 1 || len(a.Nodes) != 3 || a.Articles != 3 || a.Largest != 2 || !nearly(a.Share, 2.0/3) {
		t.Errorf("actor: %+v; want 3 nodes, 3 articles, largest 2, share 2/3", out.Actors)
	}
	// Three made IDs; the visit node extends person:كريم-حداد (2 articles
	// ≥ its 1), the ministry is generic, person:كريم-حداد a duplicate.
	if out.ActorsFound != 1 || out.MeanNodes != 3 || out.OneNode != 0 || out.MadeIDs != 3 || out.ExtendingIDs != 1 ||
		out.TopJunk != 3 || out.TopJunkReasons["extends"] != 1 || out.TopJunkReasons["generic"] != 1 || out.TopJunkReasons["duplicate"] != 1 {
		t.Errorf("summary: %+v", out)
	}

	r = ng(t, dir, 0, "--no-cluster", "eval", "resolution", "--actors", list, "--format", "table")
	for _, want := range []string{
		"actors: 1 listed, 1 found in the store; 3.00 nodes per actor found; 0 exactly one node; largest node's share 0.67 on average",
		"IDs: 4 entities, 3 made by rules or a tagger, 1 of them extend another ID with trailing words",
		"junk (a heuristic): 3 of the top 4 nodes by articles (75.0%): duplicate 1, extends 1, generic 1",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, r.stdout)
		}
	}
	r = ng(t, dir, 0, "--no-cluster", "eval", "resolution", "--actors", list, "--format", "tsv")
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "Karim Haddad\t3\t3\t2\t") {
		t.Errorf("tsv:\n%s", r.stdout)
	}
	// Clustered (the default): the visit node, the one longer name of
	// person:كريم-حداد, joins it (graph/cluster), which then holds all 3
	// articles: 2 nodes, the largest 3 of 3.
	r = ng(t, dir, 0, "eval", "resolution", "--actors", list, "--format", "tsv")
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "Karim Haddad\t2\t3\t3\t") {
		t.Errorf("clustered tsv:\n%s", r.stdout)
	}

	// query entity names the IDs a node merges; a member's ID finds it.
	r = ng(t, dir, 0, "query", "entity", "person:كريم-حداد-يزور")
	// Articles b and c name the rule node, c the visit node: 2, not 3.
	if want := "merges 2 IDs: person:كريم-حداد, person:كريم-حداد-يزور"; !strings.Contains(r.stdout+r.stderr, want) || !strings.Contains(r.stdout, "articles:    2\n") {
		t.Errorf("query entity lacks %q or the 2 articles of both:\n%s%s", want, r.stderr, r.stdout)
	}
	if r = ng(t, dir, 0, "--no-cluster", "query", "entity", "person:كريم-حداد-يزور"); strings.Contains(r.stdout+r.stderr, "merges") {
		t.Errorf("--no-cluster merged:\n%s", r.stdout)
	}

	// A reader's verdicts on the nodes as stored (--no-cluster, so that the
	// visit node is one): the ministry is generic, the rule node a
	// duplicate, karim-haddad fine, the visit node not judged.
	verdicts := filepath.Join(dir, "verdicts.tsv")
	body := "# invented\nkarim-haddad\tok\norganization:وزاره-الدفاع\tgeneric\tno country\nperson:كريم-حداد\tduplicate\n"
	if err := os.WriteFile(verdicts, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	r = ng(t, dir, 0, "--no-cluster", "eval", "resolution", "--actors", list, "--verdicts", verdicts, "--format", "table")
	for _, want := range []string{
		"junk (verdicts of " + verdicts + "): 2 of the top 4 nodes by articles (50.0%): duplicate 1, generic 1; 1 not judged",
		"(not judged)",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, r.stdout)
		}
	}
	r = ng(t, dir, 0, "--no-cluster", "eval", "resolution", "--actors", list, "--verdicts", verdicts, "--format", "json")
	var judged struct {
		Hand struct {
			Junk     int            `json:"junk"`
			Kinds    map[string]int `json:"junk_kinds"`
			Unjudged int            `json:"unjudged"`
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &judged); err != nil || judged.Hand.Junk != 2 || judged.Hand.Unjudged != 1 || judged.Hand.Kinds["generic"] != 1 {
		t.Errorf("json hand judgement: %+v (%v)", judged.Hand, err)
	}
	if err := os.WriteFile(verdicts, []byte("karim-haddad\tmaybe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ng(t, dir, 1, "eval", "resolution", "--actors", list, "--verdicts", verdicts)

	ng(t, dir, 2, "eval", "resolution")
	ng(t, dir, 2, "eval", "resolution", "--actors", list, "--junk-top", "0")
	ng(t, dir, 1, "eval", "resolution", "--actors", filepath.Join(dir, "missing.jsonl"))
}
