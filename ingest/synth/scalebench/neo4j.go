package scalebench

import (
	"context"
	"fmt"
	"os"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// wipeNeo4j deletes every node and relationship of the database
// NEO4J_DATABASE (default neo4j) at uri, as graph/neo4j/neo4jtest.Wipe
// does for the tests, with the credentials NEO4J_USERNAME (default neo4j)
// and NEO4J_PASSWORD, the ones newsgraph reads.
func wipeNeo4j(ctx context.Context, uri string) error {
	user := os.Getenv("NEO4J_USERNAME")
	if user == "" {
		user = "neo4j"
	}
	db := os.Getenv("NEO4J_DATABASE")
	if db == "" {
		db = "neo4j"
	}
	d, err := driver.NewDriverWithContext(uri, driver.BasicAuth(user, os.Getenv("NEO4J_PASSWORD"), ""))
	if err != nil {
		return fmt.Errorf("scalebench: neo4j %s: %w", uri, err)
	}
	defer d.Close(ctx)
	// CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.Run.
	sess := d.NewSession(ctx, driver.SessionConfig{DatabaseName: db})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("scalebench: neo4j %s: empty the database: %w", uri, err)
	}
	return nil
}
