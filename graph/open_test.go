package graph

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestScheme(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"newsgraph.db", ""},
		{"/var/lib/newsgraph/g.db", ""},
		{`C:\data\g.db`, ""},
		{"neo4j://localhost:7687", "neo4j"},
		{"NEO4J+S://host", "neo4j+s"},
		{"bolt://127.0.0.1:7687", "bolt"},
	} {
		if got := Scheme(tc.in); got != tc.want {
			t.Errorf("Scheme(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"neo4j://neo4j:secret@db:7687", "neo4j://neo4j:xxxxx@db:7687"},
		{"bolt://db:7687", "bolt://db:7687"},
		{"g.db", "g.db"},
		{"neo4j://user:se%zzcret@db", "neo4j://user:xxxxx@db"}, // unparsable escapes: still redacted
		{"https://user@host/feed", "https://user@host/feed"},   // a user name alone is kept, as url.URL.Redacted keeps it
		{"http://u:p@a.test/x?y=http://v:q@b.test/", "http://u:xxxxx@a.test/x?y=http://v:xxxxx@b.test/"},
		{"http://example.org/a@b", "http://example.org/a@b"}, // "@" in the path is no userinfo
		{`fetch "http://u:p:q@127.0.0.1:80/f.rss": no answer`, `fetch "http://u:xxxxx@127.0.0.1:80/f.rss": no answer`},
		{"http://u:p%20q@h/%41 and ftp://a:b@c", "http://u:xxxxx@h/%41 and ftp://a:xxxxx@c"}, // percent escapes kept as written
		{"://x:y@z", "://x:y@z"},                                                             // no scheme
		{"http://u:p@h", "http://u:xxxxx@h"},
		// A run-history message is plain text, not a URL to re-encode.
		{`http://h.test/feed.rss: date "12 مايو 2999" has the year 2999`, `http://h.test/feed.rss: date "12 مايو 2999" has the year 2999`},
	} {
		if got := Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOpenPicksBackendByScheme(t *testing.T) {
	var opened string
	backend := func(name string, schemes ...string) Backend {
		return Backend{Name: name, Schemes: schemes, Open: func(context.Context, string) (Store, error) {
			opened = name
			return nil, nil
		}}
	}
	backends := []Backend{backend("file"), backend("graphdb", "neo4j", "bolt")}
	for _, tc := range []struct{ location, want string }{
		{"g.db", "file"},
		{"bolt://x", "graphdb"},
		{"neo4j://x", "graphdb"},
	} {
		opened = ""
		if _, err := Open(context.Background(), tc.location, backends); err != nil || opened != tc.want {
			t.Errorf("Open(%q) opened %q (err %v), want %q", tc.location, opened, err, tc.want)
		}
	}
	_, err := Open(context.Background(), "neo4j+s://u:pw@x", backends[:1])
	if !errors.Is(err, ErrUnsupportedStore) || strings.Contains(err.Error(), "pw@") {
		t.Errorf("Open without a Neo4j backend: %v", err)
	}
}
