package tagger

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// validIOB2 reports whether tags form a valid IOB2 sequence.
func validIOB2(tags []string) error {
	prev := "O"
	for i, t := range tags {
		if tagIndex(t) < 0 {
			return fmt.Errorf("tag %d: %q is not a tag", i, t)
		}
		if strings.HasPrefix(t, "I-") && prev[2:] != t[2:] && prev != "B-"+t[2:] {
			return fmt.Errorf("tag %d: %s after %s", i, t, prev)
		}
		if strings.HasPrefix(t, "I-") && prev == "O" {
			return fmt.Errorf("tag %d: %s after O", i, t)
		}
		prev = t
	}
	return nil
}

func TestDefault(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		words string
		want  string
	}{
		{"en", "Prime Minister Tony Blair flew to Baghdad on Monday .", "O O B-PER I-PER O O B-LOC O O O"},
		{"ar", "قال الرئيس العراقي برهم صالح في بغداد .", ""},
	} {
		m, err := Default(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		words := strings.Fields(tc.words)
		got := m.Tag(words)
		if err := validIOB2(got); err != nil {
			t.Errorf("%s: %v", tc.lang, err)
		}
		if tc.want != "" && strings.Join(got, " ") != tc.want {
			t.Errorf("%s: Tag(%q) = %v, want %s", tc.lang, tc.words, got, tc.want)
		}
		t.Logf("%s: %v", tc.lang, got)
	}
	if _, err := Default("fr"); err == nil {
		t.Error(`Default("fr"): no error`)
	}
}

func TestSaveLoad(t *testing.T) {
	m, err := Default("en")
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := m.Save(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := m2.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("save, load, save: %d bytes then %d", a.Len(), b.Len())
	}
}
