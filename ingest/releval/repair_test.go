package releval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// offsetsFixture is testdata/re3d-offsets: one invented document and eight
// relations whose offsets cut out their text, or not (see
// TestReadRepair). Its text:
//
//	Colonel Dusk met Abu ’Amir in Velmar. Later the Ödland Council—its
//	envoys—condemned the Northern Front. The Northern Front attacked the port.
const offsetsFixture = "testdata/re3d-offsets"

func TestReadRepair(t *testing.T) {
	docs, err := Read(offsetsFixture)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	d := docs[0]
	text := d.Text
	// at is the byte span of the n-th (from 0) occurrence of s in text.
	at := func(s string, n int) Span {
		i := -1
		for range n + 1 {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return Span{i, i + len(s)}
	}
	rels := make(map[string]Relation)
	for _, r := range d.Relations {
		rels[r.ID] = r
	}
	warns := make(map[string]Warning)
	for _, w := range d.Warnings {
		warns[w.Relation] = w
	}
	for _, tc := range []struct {
		id string
		// kept: in Relations; then source and target are the spans read.
		kept             bool
		source, target   Span
		warning          string // "" for none; else a part of its reason
		repaired         bool
		relationsFileRow int // the line of relations.json, for Origin
	}{
		{"R1-exact", true, at("Colonel Dusk", 0), at("Abu ’Amir", 0), "", false, 1},
		// The annotation has a straight apostrophe, the text a curly one.
		{"R2-quote", true, at("Colonel Dusk", 0), at("Abu ’Amir", 0),
			`target offsets [17, 26) cut out "Abu ’Amir", its text "Abu 'Amir" but for quotes, dashes or spaces: kept`, true, 2},
		// Source offsets 4 code points late.
		{"R3-shifted", true, at("the Ödland Council", 0), at("the Northern Front", 0),
			"found at [44, 62), -4 code points away", true, 3},
		{"R4-absent", false, Span{}, Span{}, `not its text "the Southern Front"; the text is not within 50 code points either`, false, 4},
		{"R5-missing", false, Span{}, Span{}, "target offsets missing", false, 5},
		{"R6-outside", false, Span{}, Span{}, "target offsets [500, 508) outside the text's 141 code points", false, 6},
		// A hyphen in the annotation, an em dash in the text, and offsets 2
		// code points early.
		{"R7-dash-shifted", true, at("Council—its envoys", 0), at("the Northern Front", 0),
			"found at [55, 73), +2 code points away", true, 7},
		// Two occurrences, 17 and 3 code points away: the nearer is taken.
		{"R8-nearest", true, at("The Northern Front", 0), at("Northern Front", 1),
			"found at [108, 122), +3 code points away", true, 8},
	} {
		t.Run(tc.id, func(t *testing.T) {
			r, kept := rels[tc.id]
			if kept != tc.kept {
				t.Fatalf("kept %v, want %v (warnings %+v)", kept, tc.kept, d.Warnings)
			}
			if kept && (r.Source != tc.source || r.Target != tc.target) {
				t.Errorf("source %v %q, target %v %q; want %v, %v", r.Source, text[r.Source.Start:r.Source.End],
					r.Target, text[r.Target.Start:r.Target.End], tc.source, tc.target)
			}
			w, warned := warns[tc.id]
			if warned != (tc.warning != "") {
				t.Fatalf("warning %+v, want one: %v", w, tc.warning != "")
			}
			if !warned {
				return
			}
			if w.Repaired != tc.repaired || !strings.Contains(w.Reason, tc.warning) {
				t.Errorf("warning %+v; want repaired %v and a reason with %q", w, tc.repaired, tc.warning)
			}
			origin := filepath.Join(offsetsFixture, RelationsFile) + ":" + string(rune('0'+tc.relationsFileRow))
			if w.Origin != origin || !strings.HasPrefix(w.String(), origin+": relation "+tc.id+" ") {
				t.Errorf("warning %q, origin %q; want origin %q", w, w.Origin, origin)
			}
		})
	}
	// 4 repaired (R2, R3, R7, R8), 3 dropped (R4, R5, R6), counted the same
	// by Repaired and by Score.
	if rep, drop := Repaired(docs); rep != 4 || drop != 3 {
		t.Errorf("Repaired = %d, %d; want 4, 3", rep, drop)
	}
	if r := Score(docs, nil); r.Repaired != 4 || r.Dropped != 3 || r.GoldTotal != 5 {
		t.Errorf("Score: %d repaired, %d dropped, %d gold; want 4, 3, 5", r.Repaired, r.Dropped, r.GoldTotal)
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Abu ’Amir", "Abu 'Amir", true},
		{"“Free Army”", `"Free Army"`, true},
		{"al–Nusra", "al-Nusra", true},
		{"al\u00a0Nusra", "al Nusra", true},
		{"al  Nusra", "al Nusra", false}, // code points are not merged
		{"Nusra", "nusra", false},        // case is kept
		{"ab", "abc", false},
	} {
		if got := foldedEqual([]rune(tc.a), []rune(tc.b)); got != tc.want {
			t.Errorf("foldedEqual(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestReadNeverFailsOnOffsets checks that offsets which cut out the wrong
// text are warnings, not a failed Read.
func TestReadNeverFailsOnOffsets(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, DocumentsFile), []byte(`{"_id": "D", "text": "Ärzte met Bob."}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, RelationsFile), []byte(`{"_id": "R", "documentId": "D", "type": "CommWith", "begin": 6, "end": 9, "sourceBegin": 0, "sourceEnd": 5, "source": "Carl", "targetBegin": 10, "targetEnd": 13, "target": "Bob"}`+"\n"), 0o644)
	docs, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs[0].Relations) != 0 || len(docs[0].Warnings) != 1 || docs[0].Warnings[0].Repaired {
		t.Errorf("relations %+v, warnings %+v; want none and one dropped", docs[0].Relations, docs[0].Warnings)
	}
}
