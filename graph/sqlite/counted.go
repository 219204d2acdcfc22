package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// countProjection counts the projection f gives at the article or
// sentence level from the facts of the articles that pass f
// (graph.Counter), in one pass over their mentions: articles are the
// outer loop (CROSS JOIN fixes SQLite's join order), so one article's rows
// come together, and each article's mentions lie together in the table.
// The Counter is given every entity of f's types.
func countProjection(ctx context.Context, q querier, f graph.Filter) (*graph.Counter, error) {
	tw, targs := typeFilter(f, "e")
	all, err := scanEntities(q.QueryContext(ctx, `SELECT e.id, e.type, e.kind, e.name, e.name_ar, e.aliases, e.wikidata, e.parent, 0, 0, NULL, NULL
		FROM entities e WHERE `+tw+` ORDER BY e.id`, targs...))
	if err != nil {
		return nil, err
	}
	index := make(map[string]int32, len(all))
	for i, e := range all {
		index[e.ID] = int32(i)
	}
	c := graph.NewCounter(all)
	aw, args := articleFilter(f)
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.published, m.entity_id, m.count, m.sentences FROM articles a
		CROSS JOIN mentions m ON m.article_id = a.id WHERE `+aw, args...)
	if err != nil {
		return nil, fmt.Errorf("projection: %w", err)
	}
	defer rows.Close()
	var (
		article   string
		published time.Time
		mentions  []graph.CountedMention
	)
	for rows.Next() {
		var id, entity string
		var date sql.NullString
		var m graph.CountedMention
		var sentences []byte
		if err := rows.Scan(&id, &date, &entity, &m.Count, &sentences); err != nil {
			return nil, fmt.Errorf("projection: %w", err)
		}
		if id != article {
			c.Add(published, mentions)
			article, published, mentions = id, parseTime(date), mentions[:0]
		}
		i, ok := index[entity]
		if !ok {
			continue // of a type f leaves out
		}
		m.Entity = i
		if err := json.Unmarshal(sentences, &m.Sentences); err != nil {
			return nil, fmt.Errorf("projection: article %s, entity %s: sentences: %w", id, entity, err)
		}
		mentions = append(mentions, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("projection: %w", err)
	}
	c.Add(published, mentions)
	return c, nil
}
