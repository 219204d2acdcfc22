package reseval

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestReadVerdicts(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     map[string]string
		err      string
	}{
		{"ok", "# a comment\n\nkarim-haddad\tok\nperson:سامي-الذي\tnon-entity\t\"سامي الذي\"\r\n",
			map[string]string{"karim-haddad": "ok", "person:سامي-الذي": "non-entity"}, ""},
		{"no verdict", "karim-haddad\n", nil, "line 1: want ID<TAB>VERDICT"},
		{"unknown verdict", "karim-haddad\tjunk\n", nil, `line 1: verdict "junk"`},
		{"twice", "a\tok\n# b\na\tgeneric\n", nil, "line 3: a judged twice"},
	} {
		got, err := ReadVerdicts(strings.NewReader(tc.in))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, %v; want %v", tc.name, got, err, tc.want)
		}
	}
}

func TestJudge(t *testing.T) {
	rep, err := Measure(context.Background(), fixtureStore(t), fixtureActors, 0)
	if err != nil {
		t.Fatal(err)
	}
	// A reader's view of the fixture's eight nodes, one left unjudged: the
	// hospital (a place named after him) is fine, the heuristic's
	// duplicates and extension are duplicates, and "سامي الذي" is a
	// wrong identity (Sami, with "who") rather than no entity.
	v := map[string]string{
		"karim-haddad": "ok", "person:ليلي-ناصر": "ok", "organization:مستشفي-كريم-حداد": "ok",
		"person:كريم-حداد-يزور": "duplicate", "person:وكريم-حداد": "duplicate", "person:ليلي-ناصر-قالت": "duplicate",
		"person:سامي-الذي": "wrong-identity",
	}
	rep.Judge(v)
	h := rep.Hand
	want := &Judgement{Junk: 4, Share: 4.0 / 8, Kinds: map[string]int{"duplicate": 3, "wrong-identity": 1}, Unjudged: 1}
	if !reflect.DeepEqual(h, want) {
		t.Fatalf("judgement %+v, want %+v", h, want)
	}
	for _, n := range rep.Top {
		if n.Verdict != v[n.ID] {
			t.Errorf("%s: verdict %q, want %q", n.ID, n.Verdict, v[n.ID])
		}
	}
}

// TestVerdictFiles reads the verdict files kept in testdata: each must
// parse, so `eval resolution --verdicts` can read it.
func TestVerdictFiles(t *testing.T) {
	for f, top := range map[string]int{
		"testdata/ar-news-2022-top-verdicts.tsv":       200,
		"testdata/ar-newspapers-2012-top-verdicts.tsv": 100,
		"testdata/en-fakes-syria-top-verdicts.tsv":     100,
	} {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		v, err := ReadVerdicts(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if len(v) < top {
			t.Errorf("%s: %d verdicts, want at least the top %d", f, len(v), top)
		}
	}
}
