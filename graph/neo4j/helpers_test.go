package neo4j_test

import "time"

func timeParse(s string) (time.Time, error) { return time.Parse("2006-01-02", s) }

func day(v any) string {
	t, ok := v.(time.Time)
	if !ok {
		return "0001-01-01"
	}
	return t.UTC().Format("2006-01-02")
}
