package ingest

// CapIDs turns Run's capping of IDs on or off, for tests that need a store
// to reject a write, and returns a func that restores it.
func CapIDs(on bool) (restore func()) {
	was := capIDs
	capIDs = on
	return func() { capIDs = was }
}
