package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/ingest/lexicon"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// entityIDs returns the IDs the extractor finds in body, dated day.
func entityIDs(x *Extractor, body string, day time.Time) map[string]bool {
	a := read.Article{ID: "t", Title: "-", Body: body, Published: day}
	ms, _ := x.Mentions(&a)
	got := make(map[string]bool)
	for _, m := range ms {
		got[m.EntityID] = true
	}
	return got
}

// TestRolePastHolder checks that a role phrase qualified as a former,
// late or ex- holder's names no one, in either language, with the
// qualifier before or after it, while the person named beside it is still
// found. The sitting holders on 2021-09-01 are taken from 20-iraq.jsonl:
// Raisi (Iran, since 2021-08-03), Salih (Iraq's president, 2018–2022),
// al-Kadhimi (Iraq's prime minister, 2020–2022).
func TestRolePastHolder(t *testing.T) {
	x := extractor(t)
	day := time.Date(2021, 9, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, body string
		want       []string // among the IDs found
		notWant    []string // never found
	}{
		{"former before, EN", "Former Iranian President Hassan Rouhani gave an interview in Tehran.",
			[]string{"hassan-rouhani", "iran", "tehran"}, []string{"ebrahim-raisi"}},
		{"former lower-case, EN", "He met former President of Iran Hassan Rouhani.",
			[]string{"hassan-rouhani"}, []string{"ebrahim-raisi"}},
		{"the late, EN", "the late Iraqi president Jalal Talabani was buried in Sulaymaniyah.",
			[]string{"jalal-talabani", "iraq"}, []string{"barham-salih"}},
		{"ex- hyphenated, EN", "Ex-Iraqi prime minister Haider al-Abadi spoke.",
			[]string{"haider-al-abadi"}, []string{"mustafa-al-kadhimi"}},
		{"then-, EN", "He wrote to then-Iraqi president Fuad Masum.",
			nil, []string{"barham-salih"}},
		{"السابق after", "قال الرئيس الإيراني السابق حسن روحاني إن",
			[]string{"hassan-rouhani", "iran"}, []string{"ebrahim-raisi"}},
		{"الأسبق after", "قال رئيس الوزراء العراقي الأسبق حيدر العبادي إن",
			[]string{"haider-al-abadi", "iraq"}, []string{"mustafa-al-kadhimi"}},
		{"الراحل after", "قال الرئيس العراقي الراحل جلال طالباني",
			[]string{"jalal-talabani"}, []string{"barham-salih"}},
		{"الراحل before", "أحيا أنصار الراحل الرئيس العراقي جلال طالباني ذكراه",
			[]string{"jalal-talabani"}, []string{"barham-salih"}},
		{"no name after", "انتقد رئيس الوزراء العراقي السابق الحكومة",
			[]string{"iraq"}, []string{"mustafa-al-kadhimi"}},
		{"feminine", "قال الرئيس الإيراني السابقة", nil, []string{"ebrahim-raisi"}},
		// Controls: unqualified phrases still name the sitting holder;
		// "والسابق" coordinates (the prime minister and his predecessor).
		{"sitting, AR", "قال الرئيس الإيراني إن", []string{"ebrahim-raisi"}, nil},
		{"sitting, EN", "The Iranian president said on Monday", []string{"ebrahim-raisi"}, nil},
		{"coordinated", "التقى رئيس الوزراء العراقي والسابق", []string{"mustafa-al-kadhimi"}, nil},
		{"outgoing is sitting", "قال الرئيس العراقي المنتهية ولايته", []string{"barham-salih"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := entityIDs(x, tt.body, day)
			for _, id := range tt.want {
				if !got[id] {
					t.Errorf("%q: %s not found in %v", tt.body, id, got)
				}
			}
			for _, id := range tt.notWant {
				if got[id] {
					t.Errorf("%q: found %s, the sitting holder", tt.body, id)
				}
			}
			for id := range got {
				if strings.HasPrefix(id, "person:ex") || strings.HasPrefix(id, "person:former") || strings.HasPrefix(id, "person:late") {
					t.Errorf("%q: a qualifier made a person: %s", tt.body, id)
				}
			}
		})
	}
}

// TestRolePastHolderAdjectiveBetween uses a role phrase without a
// nationality ("Prime Minister", "رئيس الوزراء"), so that a nationality
// adjective can stand between it and the qualifier.
func TestRolePastHolderAdjectiveBetween(t *testing.T) {
	lex, err := lexicon.New([]*lexicon.Entry{
		{ID: "iraq", Type: "location", Name: "Iraq", NameAr: "العراق", Adjectives: []string{"Iraqi", "العراقي"}},
		{ID: "pm", Type: "person", Name: "Sitting Premier", Roles: []lexicon.Role{{Title: "PM",
			Phrases: []string{"Prime Minister", "رئيس الوزراء"}, From: "2020-01-01"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(lex)
	day := time.Date(2021, 9, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		body string
		pm   bool
	}{
		{"قال رئيس الوزراء العراقي الأسبق إن", false},
		{"قال رئيس الوزراء العراقي إن", true},
		{"Former Iraqi Prime Minister spoke", false},
		{"The Iraqi Prime Minister spoke", true},
		{"the late Prime Minister", false},
	} {
		if got := entityIDs(x, tt.body, day)["pm"]; got != tt.pm {
			t.Errorf("%q: sitting holder found %v, want %v", tt.body, got, tt.pm)
		}
	}
}

// TestRoleCases reads testdata/cases/roles (copied from
// ../shared/cases/inputs/roles): each article names a former office
// holder with a qualified role phrase, and only that person counts. IDs
// are the source ("t") and the record id.
func TestRoleCases(t *testing.T) {
	arts, probs := readAll(t, read.ReadOptions{}, "testdata/cases/roles/former-office-holder.jsonl")
	if len(arts) != 2 || len(probs) != 0 {
		t.Fatalf("read %d articles, problems %v", len(arts), probs)
	}
	x := extractor(t)
	want := map[string]struct{ person, sitting string }{
		"t:r1": {"hassan-rouhani", "ebrahim-raisi"},
		"t:r4": {"nouri-al-maliki", "mustafa-al-kadhimi"},
	}
	for _, a := range arts {
		w, ok := want[a.ID]
		if !ok {
			t.Fatalf("unexpected article %s", a.ID)
		}
		ms, _ := x.Mentions(&a)
		got := map[string]bool{}
		var persons []string
		for _, m := range ms {
			got[m.EntityID] = true
			if m.Type == "person" && !contains(persons, m.EntityID) {
				persons = append(persons, m.EntityID)
			}
		}
		if !got[w.person] || got[w.sitting] || len(persons) != 1 {
			t.Errorf("%s: persons %v, want only %s (never %s)", a.ID, persons, w.person, w.sitting)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
