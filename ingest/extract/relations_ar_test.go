package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/ingest/read"
)

// arTyped returns the typed relations (not STATEMENT) extracted from an
// Arabic text, and the mentions found, for a failure message.
func arTyped(t *testing.T, text string) (typed, names []string) {
	t.Helper()
	x := extractor(t)
	a := read.Article{ID: "t", Body: text, Published: time.Date(2022, 7, 11, 0, 0, 0, 0, time.UTC)}
	doc := x.Extract(&a)
	for _, s := range relationStrings(doc) {
		if !strings.HasPrefix(s, "STATEMENT") {
			typed = append(typed, s)
		}
	}
	ms, _ := x.Mentions(&a)
	for _, m := range ms {
		names = append(names, m.EntityID+"/"+m.Method)
	}
	return typed, names
}

// checkArabic runs table rows: want lists relations that must be found,
// notWant relations that must not. The sentences are written for these
// tests after the kinds of error the hand check of ar-news-2022 found
// (testdata/relations/README.md), not copied from the corpus.
func checkArabic(t *testing.T, rows []arRow) {
	t.Helper()
	for _, tc := range rows {
		t.Run(tc.name, func(t *testing.T) {
			typed, names := arTyped(t, tc.text)
			got := strings.Join(typed, "\n") + "\n"
			for _, w := range tc.want {
				if !strings.Contains(got, w+"\n") {
					t.Errorf("%s\nlacks %q; got %q (mentions %v)", tc.text, w, typed, names)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w+"\n") {
					t.Errorf("%s\nhas %q; got %q (mentions %v)", tc.text, w, typed, names)
				}
			}
		})
	}
}

type arRow struct {
	name, text    string
	want, notWant []string
}

// Kind 1: دعا/دعوة is INVITES only with an invitation complement.
func TestArabicInvites(t *testing.T) {
	checkArabic(t, []arRow{
		{"call on X to do Y", "ودعا بايدن الصين إلى ضبط النفس وعدم التصعيد.",
			nil, []string{"INVITES joe-biden -> china"}},
		{"call on X with ل and a verbal noun", "جدد الرئيس ماكرون دعوته إيران للإسراع في إنهاء التحقيق.",
			nil, []string{"INVITES emmanuel-macron -> iran"}},
		{"call on citizens to vote", "ودعا الرئيس اللبناني ميشال عون اللبنانيين إلى المشاركة في الانتخابات.",
			nil, []string{"INVITES michel-aoun -> lebanon"}},
		{"invitation to visit", "دعا الرئيس بايدن الرئيس التركي رجب طيب أردوغان لزيارة واشنطن.",
			[]string{"INVITES joe-biden -> recep-tayyip-erdogan"}, nil},
		{"invitation to a summit", "ودعت فرنسا المغرب إلى قمة باريس الشهر المقبل.",
			[]string{"INVITES france -> morocco"}, nil},
		{"invitation to take part in a conference", "ودعا الملك عبد الله الثاني إيران للمشاركة في المؤتمر الإقليمي.",
			[]string{"INVITES abdullah-ii-of-jordan -> iran"}, nil},
		{"invitation noun with a host", "تلقى الكاظمي دعوة من إيران لزيارة طهران.",
			[]string{"INVITES iran -> mustafa-al-kadhimi"}, nil},
	})
}

// Kind 2: a name that only describes another is no argument.
func TestArabicDescriptiveNames(t *testing.T) {
	checkArabic(t, []arRow{
		{"country in a minister's title", "استقبل ناصر بوريطة، وزير الشؤون الخارجية والتعاون الإفريقي، السفير الألماني الجديد.",
			nil, []string{"MEETS africa -- nasser-bourita", "MEETS nasser-bourita -- africa"}},
		{"nationality in a title", "وزار مارات خوسنولين نائب رئيس الوزراء الروسي منطقة خيرسون.",
			nil, []string{"VISITS person:مارات-خوسنولين -> russia"}},
		{"organisation of the one who acts", "وانتقد سعيد محمد، رئيس منظمة العفو الدولية، حكومة المغرب.",
			nil, []string{"CRITICIZES person:سعيد-محمد -> amnesty-international"}},
		{"killing of a journalist of a network", "وأدان رئيس الوزراء شهباز شريف اغتيال الصحفية بشبكة الجزيرة.",
			nil, []string{"CRITICIZES shehbaz-sharif -> al-jazeera"}},
		{"the decision of a person is the person's", "وانتقدت حركة امتداد قرار الحلبوسي.",
			[]string{"CRITICIZES imtidad -> mohamed-al-halbousi"}, nil},
	})
}

// Kind 3: a trigger noun modifying another noun takes no subject from
// before that noun.
func TestArabicFrameNouns(t *testing.T) {
	checkArabic(t, []arRow{
		{"conference of support", "وشارك المغرب في مؤتمر دعم أوكرانيا في برلين.",
			nil, []string{"SUPPORTS morocco -> ukraine"}},
		{"named conference of support", "وانعقد مؤتمر بروكسل السادس لدعم سوريا الثلاثاء.",
			nil, []string{"SUPPORTS brussels -> syria"}},
		{"support as a verb stays", "ويدعم المغرب أوكرانيا في الأمم المتحدة.",
			[]string{"SUPPORTS morocco -> ukraine"}, nil},
	})
}

// Kind 4: direction in relative clauses and noun chains.
func TestArabicDirection(t *testing.T) {
	checkArabic(t, []arRow{
		{"relative verb agreeing with a later subject", "والتقى الوزير الشيخ محمد بن زايد الذي رحبت طهران باختياره رئيسا.",
			nil, []string{"SUPPORTS mohamed-bin-zayed-al-nahyan -> tehran"}},
		{"relative verb agreeing with the antecedent", "وعرضت الولايات المتحدة، التي انتقدت إيران من قبل، المساعدة.",
			[]string{"CRITICIZES united-states -> iran"}, nil},
		{"the genitive of fighting is fought", "وشارك المغرب في الحملة لمحاربة داعش في العراق وسوريا.",
			nil, []string{"ATTACKS islamic-state -> syria"}},
	})
}

// Kind 5: an organisation keyword split from its name, and a name repeated
// in Latin script, are the same actor.
func TestArabicSplitNames(t *testing.T) {
	checkArabic(t, []arRow{
		{"keyword split from the name", "وانتقدت منظمة \"تاماينوت\" الحكومة المغربية.",
			nil, []string{"CRITICIZES organization:منظمه -> tamaynut"}},
	})
}
