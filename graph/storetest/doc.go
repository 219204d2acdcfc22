// Package storetest is the conformance suite every graph.Store backend
// passes. A backend's tests call Run with a function that opens a fresh,
// empty store:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) graph.Store { ... })
//	}
//
// The suite checks the store contract of package graph, above all its
// invariant: any sequence of applies, re-applies, replacements and deletes
// leaves a store that answers exactly as one fresh Apply of the surviving
// documents would.
package storetest
