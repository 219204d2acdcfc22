package extract

import (
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/ingest/read"
)

// TestGenericAndAmbiguousNames checks that generic bodies (مجلس النواب,
// وزارة الخارجية, "the interior ministry") and ambiguous names (المالكي,
// عمان, حزب التقدم, الجيل الجديد) name an actor only with their context
// (issue 14 item 4). Entities are those of the embedded lexicon
// (20-iraq.jsonl, 12-mena.jsonl); method is "lexicon" for an adjacent cue,
// "context" for the article's dominant country.
func TestGenericAndAmbiguousNames(t *testing.T) {
	x := extractor(t)
	day := time.Date(2022, 5, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, body string
		want       []string // "id method" among the mentions
		notWant    []string // IDs, or ID prefixes ending in ':', never found
	}{
		{"full name", "قال مجلس النواب العراقي إن",
			[]string{"council-of-representatives-of-iraq lexicon"}, nil},
		{"no cue: no actor, no rule node", "صوت مجلس النواب على القانون وأعلنت وزارة الخارجية",
			nil, []string{"council-of-representatives-of-iraq", "house-of-representatives-morocco", "ministry-of-foreign-affairs-iraq", "organization:"}},
		{"dominant country", "قالت الرباط إن المغرب يرحب. وصادق مجلس النواب على القانون في المغرب.",
			[]string{"house-of-representatives-of-morocco context"}, []string{"council-of-representatives-of-iraq"}},
		{"dominant Iraq", "في العراق أزمة. وصوت مجلس النواب على الموازنة، بحسب مصادر في العراق.",
			[]string{"council-of-representatives-of-iraq context"}, []string{"house-of-representatives-of-morocco"}},
		{"no country dominates", "العراق والمغرب: صوت مجلس النواب", nil,
			[]string{"council-of-representatives-of-iraq", "house-of-representatives-of-morocco"}},
		{"adjective after, no such body", "قال مجلس النواب الأردني إن",
			[]string{"organization:مجلس-النواب-الاردني rule", "jordan adjective"}, []string{"council-of-representatives-of-iraq"}},
		{"genitive before, EN", "Iraq's interior ministry said on Monday",
			[]string{"ministry-of-interior-iraq lexicon"}, nil},
		{"adjective before, EN", "a Moroccan interior ministry statement",
			[]string{"ministry-of-interior-of-morocco lexicon"}, nil},
		{"no cue, EN", "The interior ministry said on Monday", nil,
			[]string{"ministry-of-interior-iraq", "ministry-of-interior-of-morocco", "organization:"}},
		// المالكي is also the Maliki school and other Malikis.
		{"المالكي alone", "وفق المذهب المالكي قال الفقيه المالكي", nil, []string{"nouri-al-maliki"}},
		{"المالكي after the full name", "قال نوري المالكي إن الحكومة فشلت. وأضاف المالكي",
			[]string{"nouri-al-maliki lexicon", "nouri-al-maliki coreference"}, nil},
		{"المالكي after a title", "قال السيد المالكي", []string{"nouri-al-maliki lexicon"}, nil},
		// عمان alone is Oman; Amman with a cue.
		{"عمان alone", "وصل الوفد إلى عمان", []string{"oman lexicon"}, []string{"amman"}},
		{"عمان, the Jordanian capital", "وصل الوفد إلى العاصمة الأردنية عمان", []string{"amman lexicon"}, []string{"oman"}},
		{"عمان, Jordan dominant", "قال الأردن إن الأردن يرحب، من عمان", []string{"amman context"}, []string{"oman"}},
		// Morocco's PPS is not Iraq's Taqaddum; حزب التقدم alone needs Iraq.
		{"PPS", "قال حزب التقدم والاشتراكية", []string{"party-of-progress-and-socialism lexicon"}, []string{"taqaddum"}},
		{"حزب التقدم, no cue", "قال حزب التقدم", nil, []string{"taqaddum"}},
		{"حزب التقدم, Iraq dominant", "في العراق قال حزب التقدم إن العراق", []string{"taqaddum context"}, nil},
		{"الجيل الجديد, a phrase", "إن الجيل الجديد من الشباب", nil, []string{"new-generation"}},
		{"الجيل الجديد, a party", "قالت حركة الجيل الجديد", []string{"new-generation lexicon"}, nil},
		// The EU is one node, and not the adjective of Europe.
		{"the EU", "قال الاتحاد الأوروبي وأضاف الاتحاد الاوروبي", []string{"european-union lexicon"}, []string{"europe"}},
		{"PJD, Morocco dominant", "في المغرب قال حزب العدالة والتنمية إن المغرب",
			[]string{"justice-and-development-party-morocco context"}, []string{"justice-and-development-party-turkey"}},
		{"AKP by name", "قال حزب العدالة والتنمية التركي", []string{"justice-and-development-party-turkey lexicon"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := read.Article{ID: "t", Title: "-", Body: tt.body, Published: day}
			ms, _ := x.Mentions(&a)
			var got []string
			for _, m := range ms {
				got = append(got, m.EntityID+" "+m.Method)
			}
			sort.Strings(got)
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("%q: %q not among %q", tt.body, w, got)
				}
			}
			for _, n := range tt.notWant {
				for _, g := range got {
					id, _, _ := strings.Cut(g, " ")
					if id == n || strings.HasSuffix(n, ":") && strings.HasPrefix(id, n) {
						t.Errorf("%q: found %q", tt.body, g)
					}
				}
			}
		})
	}
}
