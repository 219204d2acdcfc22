package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// ErrUnsupportedStore is returned by Open for a store location no
// registered backend serves.
var ErrUnsupportedStore = errors.New("unsupported store")

// Backend opens stores of one kind. Schemes lists the URI schemes it serves;
// a backend with no schemes serves plain file paths.
type Backend struct {
	Name    string
	Schemes []string
	Open    func(ctx context.Context, location string) (Store, error)
	// OpenReadOnly, when set, opens a store only to read it (see
	// OpenReadOnly); nil means Open serves reads too.
	OpenReadOnly func(ctx context.Context, location string) (Store, error)
}

// neo4jSchemes are the URI schemes of Neo4j's drivers; a location with one of
// them is a Neo4j server even before a backend for it is registered.
var neo4jSchemes = []string{"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}

// Scheme returns the URI scheme of a store location, or "" for a file path.
// Windows drive letters ("C:\...") are paths, not schemes.
func Scheme(location string) string {
	i := strings.Index(location, "://")
	if i <= 1 {
		return ""
	}
	return strings.ToLower(location[:i])
}

// OpenReadOnly opens the store at location for queries, with the backend's
// OpenReadOnly where it has one: a store that cannot be written (a read-only
// folder or file) can still be read.
func OpenReadOnly(ctx context.Context, location string, backends []Backend) (Store, error) {
	ro := make([]Backend, len(backends))
	for i, b := range backends {
		ro[i] = b
		if b.OpenReadOnly != nil {
			ro[i].Open = b.OpenReadOnly
		}
	}
	return Open(ctx, location, ro)
}

// Open opens the store at location with the first backend that serves its
// scheme.
func Open(ctx context.Context, location string, backends []Backend) (Store, error) {
	scheme := Scheme(location)
	for _, b := range backends {
		if scheme == "" && len(b.Schemes) == 0 {
			return b.Open(ctx, location)
		}
		for _, s := range b.Schemes {
			if s == scheme {
				return b.Open(ctx, location)
			}
		}
	}
	for _, s := range neo4jSchemes {
		if s == scheme {
			return nil, fmt.Errorf("store %s: %w: the Neo4j backend is not yet supported in this build; use a file path for the embedded SQLite store", Redact(location), ErrUnsupportedStore)
		}
	}
	return nil, fmt.Errorf("store %s: %w: unknown scheme %q (want a file path, or neo4j://, neo4j+s://, bolt://)", Redact(location), ErrUnsupportedStore, scheme)
}
