package neo4j

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Whole-graph metrics inside the database, with Neo4j Graph Data Science
// (GDS) when the server has it: the co-mention graph is projected into
// GDS's in-memory catalog under a name of its own, the algorithm streams
// its result, and the projection is dropped. See docs/neo4j.md, "Whole-graph
// metrics at scale (Graph Data Science)", for installing GDS and for how
// the results compare with package query's.

// The parameters GDS's PageRank runs with. Damping is query.Damping.
// Package query iterates until the L1 change of the scores (summing to 1)
// is below n·1e-12, at most 1,000 rounds; GDS stops when every score (on
// its scale, which sums to about n) changes by less than its tolerance, by
// by default 1e-7 after at most 20 rounds: on the test fixture (150
// entities, gds_test.go) those defaults leave scores up to 3.7e-4 (4%)
// from query's. These settings bring GDS to the same fixed point — a change
// below 1e-10 on its scale is below 1e-10/n on query's — and leave 9e-12.
const (
	GDSDamping       = 0.85
	GDSTolerance     = 1e-10
	GDSMaxIterations = 1000
)

// gdsProcedures are the GDS procedures the methods below call.
var gdsProcedures = []string{"gds.graph.project", "gds.graph.drop", "gds.pageRank.stream", "gds.louvain.stream"}

// HasGDS reports whether the server offers the GDS procedures GDSPageRank
// and GDSLouvain call (SHOW PROCEDURES, which any user may run). An error
// means the server could not be asked, not that GDS is missing.
func (s *Store) HasGDS(ctx context.Context) (bool, error) {
	recs, err := s.read(ctx, `SHOW PROCEDURES YIELD name WHERE name IN $names RETURN count(*) AS n`,
		map[string]any{"names": gdsProcedures})
	if err != nil {
		return false, fmt.Errorf("neo4j %s: look for graph data science: %w", s.where, err)
	}
	if len(recs) != 1 {
		return false, fmt.Errorf("neo4j %s: look for graph data science: %d rows", s.where, len(recs))
	}
	return num(recs[0], "n") == int64(len(gdsProcedures)), nil
}

// GDSVersion returns the version of GDS on the server (gds.version()), or
// an error when it has none.
func (s *Store) GDSVersion(ctx context.Context) (string, error) {
	recs, err := s.read(ctx, `RETURN gds.version() AS version`, nil)
	if err != nil {
		return "", fmt.Errorf("neo4j %s: gds.version(): %w", s.where, err)
	}
	if len(recs) != 1 {
		return "", fmt.Errorf("neo4j %s: gds.version(): %d rows", s.where, len(recs))
	}
	return str(recs[0], "version"), nil
}

// qGDSProject projects every entity and the CO_MENTIONED relationships
// between them, both ways, weighted by articles: the co-mention graph of
// an unfiltered projection at the article edge level (entities without
// MENTIONS are deleted on every write, so :Entity is exactly the entities
// query ranks). Native projection reads the store directly, without Cypher.
const qGDSProject = `CALL gds.graph.project($graph, 'Entity',
  {CO_MENTIONED: {orientation: 'UNDIRECTED', properties: 'articles'}})
YIELD nodeCount, relationshipCount
RETURN nodeCount, relationshipCount`

const qGDSDrop = `CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName`

// qGDSPageRank streams the weighted PageRank of every projected entity.
const qGDSPageRank = `CALL gds.pageRank.stream($graph, {
  relationshipWeightProperty: 'articles',
  dampingFactor: $damping, maxIterations: $maxIterations, tolerance: $tolerance})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score`

// qGDSLouvain streams the Louvain community of every projected entity.
const qGDSLouvain = `CALL gds.louvain.stream($graph, {
  relationshipWeightProperty: 'articles', maxLevels: $maxLevels, tolerance: $tolerance})
YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).id AS id, communityId`

// GDSPageRank computes the edge-weighted PageRank of every entity of the
// co-mention graph inside the database with GDS (gds.pageRank.stream,
// damping GDSDamping, at most GDSMaxIterations rounds, tolerance
// GDSTolerance), over CO_MENTIONED weighted by articles. The scores are
// scaled to sum to 1, as query.PageRank's do: GDS's sum to about the
// number of entities (each starts at 1 − d), and the two are proportional
// at the fixed point, both spreading the rank of entities without links
// evenly (query explicitly; GDS by the constant 1 − d). Keys are entity
// IDs. It fails when the server lacks GDS (see HasGDS).
func (s *Store) GDSPageRank(ctx context.Context) (map[string]float64, error) {
	scores := map[string]float64{}
	sum := 0.0
	err := s.withGDSGraph(ctx, func(tx gdsRunner, name string) error {
		res, err := tx.Run(ctx, qGDSPageRank, map[string]any{
			"graph": name, "damping": GDSDamping, "maxIterations": GDSMaxIterations, "tolerance": GDSTolerance})
		if err != nil {
			return err
		}
		for res.Next(ctx) {
			r := res.Record()
			x, _ := r.Get("score")
			f, ok := x.(float64)
			if !ok {
				return fmt.Errorf("pagerank score %v is %T, not a float", x, x)
			}
			scores[str(r, "id")] = f
			sum += f
		}
		return res.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j %s: gds pagerank: %w", s.where, err)
	}
	if sum > 0 {
		for id := range scores {
			scores[id] /= sum
		}
	}
	return scores, nil
}

// GDSLouvain partitions the co-mention graph into communities inside the
// database with GDS's Louvain (gds.louvain.stream, weights articles, at
// most maxLevels levels, a level kept while it gains more than tolerance in
// modularity; GDS's defaults are 10 and 1e-4, query.Louvain's 1e-7 and no
// limit). It returns each entity ID's community number; the numbers mean
// nothing but equality. Louvain is greedy and GDS runs it in parallel, so
// the partition can differ from query.Louvain's, and from run to run, with
// a similar modularity (query.Modularity compares them).
func (s *Store) GDSLouvain(ctx context.Context, maxLevels int, tolerance float64) (map[string]int64, error) {
	of := map[string]int64{}
	err := s.withGDSGraph(ctx, func(tx gdsRunner, name string) error {
		res, err := tx.Run(ctx, qGDSLouvain, map[string]any{"graph": name, "maxLevels": maxLevels, "tolerance": tolerance})
		if err != nil {
			return err
		}
		for res.Next(ctx) {
			r := res.Record()
			of[str(r, "id")] = num(r, "communityId")
		}
		return res.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j %s: gds louvain: %w", s.where, err)
	}
	return of, nil
}

// gdsRunner runs one query: a session's auto-commit Run.
type gdsRunner interface {
	Run(ctx context.Context, cypher string, params map[string]any, configurers ...func(*driver.TransactionConfig)) (driver.ResultWithContext, error)
}

// withGDSGraph projects the co-mention graph under a fresh name, calls fn
// with it and drops the projection, also when fn fails. All three run in
// one session, on one server: GDS keeps projections in that server's
// memory. The session is a write session so that in a cluster it reaches
// the server it wrote to.
func (s *Store) withGDSGraph(ctx context.Context, fn func(tx gdsRunner, name string) error) (err error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return fmt.Errorf("graph name: %w", err)
	}
	name := "newsgraph-" + hex.EncodeToString(b[:])
	sess := s.session(ctx, driver.AccessModeWrite)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, qGDSProject, map[string]any{"graph": name})
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("project %s: %w", name, err)
	}
	defer func() {
		// Dropped with a context of its own: a cancelled ctx must not leave
		// the projection holding the server's memory.
		res, derr := sess.Run(context.WithoutCancel(ctx), qGDSDrop, map[string]any{"graph": name})
		if derr == nil {
			_, derr = res.Consume(context.WithoutCancel(ctx))
		}
		if derr != nil {
			if err == nil {
				err = fmt.Errorf("drop %s: %w", name, derr)
			} else {
				err = fmt.Errorf("%w (and dropping %s failed too: %w)", err, name, derr)
			}
		}
	}()
	return fn(sess, name)
}
