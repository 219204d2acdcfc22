package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// TestCheckRecorder: the time of the last check reads back as recorded (to
// the nanosecond, in UTC), from the store and from a read-only opening of
// it, which records too; the zero Time forgets it.
func TestCheckRecorder(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.LastChecked(ctx); err != nil || !got.IsZero() {
		t.Fatalf("a new store: last checked %v (%v), want never", got, err)
	}
	when := time.Date(2026, 12, 1, 17, 4, 5, 123456789, time.FixedZone("UTC+3", 3*3600))
	if err := s.RecordChecked(ctx, when); err != nil {
		t.Fatal(err)
	}
	if got, err := s.LastChecked(ctx); err != nil || !got.Equal(when) || got.Location() != time.UTC {
		t.Errorf("last checked %v (%v), want %v in UTC", got, err, when)
	}
	ro, err := sqlite.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if got, err := ro.LastChecked(ctx); err != nil || !got.Equal(when) {
		t.Errorf("read-only: last checked %v (%v), want %v", got, err, when)
	}
	later := when.Add(time.Hour)
	if err := ro.RecordChecked(ctx, later); err != nil {
		t.Fatalf("read-only store of a writable file: %v", err)
	}
	if got, err := s.LastChecked(ctx); err != nil || !got.Equal(later) {
		t.Errorf("after the read-only store recorded: %v (%v), want %v", got, err, later)
	}
	if err := s.RecordChecked(ctx, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if got, err := ro.LastChecked(ctx); err != nil || !got.IsZero() {
		t.Errorf("after forgetting: %v (%v), want never", got, err)
	}
}
