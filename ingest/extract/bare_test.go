package extract

import (
	"sort"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/ingest/read"
)

// TestUnknownNameKeys checks the per-article key of names the lexicon does
// not know (issue 14 item 2): a clitic before a first name is not part of
// the key, and no clitic is read off a first name. The tagger is
// the embedded Arabic model; the expected IDs are what it reads in these
// sentences (checked when the test was written).
func TestUnknownNameKeys(t *testing.T) {
	x := extractor(t)
	day := time.Date(2022, 5, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, body string
		want       []string // IDs among the mentions
		notWant    []string // IDs never found
	}{
		{"clitic before a first name", "قال الباحث سعيد الناصري وأحمد بوكوس إن اللغة الأمازيغية تتقدم",
			[]string{"person:احمد-بوكوس"}, []string{"person:واحمد-بوكوس"}},
		{"clitic before a first name, ل", "وجه الوزير رسالة لأحمد بوكوس عميد المعهد",
			[]string{"person:احمد-بوكوس"}, []string{"person:لاحمد-بوكوس"}},
		{"no clitic read off a name that is a first name", "قال وليد الحداد إن الحزب يرفض",
			[]string{"person:وليد-الحداد"}, []string{"person:ليد-الحداد"}},
		{"full name", "وقال محمد العبيدي في تصريح للصحافة إن الوضع صعب",
			[]string{"person:محمد-العبيدي"}, []string{"person:حمد-العبيدي"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := read.Article{ID: "t", Title: "-", Body: tt.body, Published: day}
			ms, _ := x.Mentions(&a)
			var got []string
			for _, m := range ms {
				got = append(got, m.EntityID)
			}
			sort.Strings(got)
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("%q: %q not among %q", tt.body, w, got)
				}
			}
			for _, n := range tt.notWant {
				if contains(got, n) {
					t.Errorf("%q: found %q among %q", tt.body, n, got)
				}
			}
		})
	}
}
