// Package neo4jtest connects tests to the Neo4j test server.
//
// The server is named by NEWSGRAPH_TEST_NEO4J_URI, with credentials from
// NEWSGRAPH_TEST_NEO4J_USERNAME and NEWSGRAPH_TEST_NEO4J_PASSWORD (falling
// back to NEO4J_USERNAME and NEO4J_PASSWORD) and the database from
// NEWSGRAPH_TEST_NEO4J_DATABASE. Without a URI, tests skip — unless
// NEWSGRAPH_TEST_REQUIRE_NEO4J=1, as .ci/run sets, where they fail.
//
// Tests of several packages share the one server and wipe it, so Server
// holds a lock (a file lock, across test processes) until the test ends.
package neo4jtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// Server returns the test server's URI and credentials, holding the server
// for t alone until t ends, and empties its database first. It skips t when
// no server is configured, or fails it when one is required.
func Server(t testing.TB) (string, neo4j.Config) {
	t.Helper()
	uri := os.Getenv("NEWSGRAPH_TEST_NEO4J_URI")
	if uri == "" {
		if os.Getenv("NEWSGRAPH_TEST_REQUIRE_NEO4J") == "1" {
			t.Fatal("NEWSGRAPH_TEST_REQUIRE_NEO4J=1 but NEWSGRAPH_TEST_NEO4J_URI is not set: start one with `make neo4j-up`")
		}
		t.Skip("no Neo4j test server: set NEWSGRAPH_TEST_NEO4J_URI (make neo4j-up starts one) to run the Neo4j tests")
	}
	cfg := neo4j.Config{
		Username: env("NEWSGRAPH_TEST_NEO4J_USERNAME", "NEO4J_USERNAME"),
		Password: env("NEWSGRAPH_TEST_NEO4J_PASSWORD", "NEO4J_PASSWORD"),
		Database: os.Getenv("NEWSGRAPH_TEST_NEO4J_DATABASE"),
	}
	lock(t, uri)
	Wipe(t, uri, cfg)
	return uri, cfg
}

func env(names ...string) string {
	for _, n := range names {
		if v := os.Getenv(n); v != "" {
			return v
		}
	}
	return ""
}

// lock takes an exclusive file lock named after uri until t ends.
func lock(t testing.TB, uri string) {
	t.Helper()
	sum := sha256.Sum256([]byte(uri))
	path := filepath.Join(os.TempDir(), "newsgraph-neo4j-test-"+hex.EncodeToString(sum[:8])+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatalf("neo4j test lock: %v", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatalf("neo4j test lock: %v", err)
	}
	t.Cleanup(func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	})
}

// Wipe deletes every node and relationship in the test database.
func Wipe(t testing.TB, uri string, cfg neo4j.Config) {
	t.Helper()
	ctx := context.Background()
	user := cfg.Username
	if user == "" {
		user = "neo4j"
	}
	db := cfg.Database
	if db == "" {
		db = "neo4j"
	}
	d, err := driver.NewDriverWithContext(uri, driver.BasicAuth(user, cfg.Password, ""))
	if err != nil {
		t.Fatalf("neo4j test server: %v", err)
	}
	defer d.Close(ctx)
	// CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.Run.
	sess := d.NewSession(ctx, driver.SessionConfig{DatabaseName: db})
	defer sess.Close(ctx)
	// Relationships first: 10,000 nodes detached at once can be millions
	// of relationships in one transaction (a 10,000-article store exceeds
	// the server's transaction memory pool).
	for _, q := range []string{
		"MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS",
		"MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
	} {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			t.Fatalf("neo4j test server %s: empty the database: %v", uri, err)
		}
	}
}
