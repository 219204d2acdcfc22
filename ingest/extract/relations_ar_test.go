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
		{"call on citizens to vote", "وكان الرئيس ميشال عون دعا اللبنانيين إلى المشاركة في الانتخابات.",
			nil, []string{"INVITES michel-aoun -> lebanon"}},
		{"invitation to visit", "دعا الرئيس بايدن الرئيس التركي رجب طيب أردوغان لزيارة واشنطن.",
			[]string{"INVITES joe-biden -> recep-tayyip-erdogan"}, nil},
		{"invitation to a summit", "ودعت فرنسا المغرب إلى قمة باريس الشهر المقبل.",
			[]string{"INVITES france -> morocco"}, nil},
		{"invitation to take part in a conference", "ودعا الملك عبد الله الثاني إيران للمشاركة في المؤتمر الإقليمي.",
			[]string{"INVITES abdullah-ii-of-jordan -> iran"}, nil},
		{"invitation to make a visit", "ودعا الملك محمد السادس رئيس الحكومة الإسبانية بيدرو سانشيز للقيام بزيارة رسمية.",
			[]string{"INVITES mohamed-vi -> pedro-sanchez"}, nil},
		{"invitation to a country", "ودعت إندونيسيا الرئيس بايدن إلى جاكرتا الشهر المقبل.",
			[]string{"INVITES indonesia -> joe-biden"}, nil},
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
		{"organisation in quotes in the title", "واتهم أحمد محمد، رئيس منظمة “تاماينوت”، السلطات المغربية بالتمييز.",
			nil, []string{"CRITICIZES person:احمد-محمد -> tamaynut"}},
		{"a person's name inside a university's", "وقدم نبذة عن المشاركين في اللقاء الفكري، وهما: الدكتور مصطفى الغرافي، أستاذ البلاغة والنقد بجامعة مولاي إسماعيل بمكناس، والذي صدرت له أعمال.",
			nil, []string{"MEETS person:اسماعيل-بمكناس -- person:مصطفي-الغرافي", "MEETS person:مصطفي-الغرافي -- person:اسماعيل-بمكناس"}},
		{"killing of a journalist of a network", "وأدان رئيس الوزراء شهباز شريف اغتيال الصحفية بشبكة الجزيرة.",
			nil, []string{"CRITICIZES shehbaz-sharif -> al-jazeera"}},
		{"nationality adjective describing a thing", "وانتقد المحامي سعيد محمد قانون المكتب المغربي لحقوق المؤلف.",
			nil, []string{"CRITICIZES person:سعيد-محمد -> morocco"}},
		{"nationality adjective after forces stands for the state", "وهاجمت روسيا القوات الأوكرانية في الشرق.",
			[]string{"ATTACKS russia -> ukraine"}, nil},
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

// Kind 5: a name repeated in Latin script in brackets is the same actor.
func TestArabicSplitNames(t *testing.T) {
	checkArabic(t, []arRow{
		{"a name repeated in Latin script", "وانتقدت شركة \"إير كوريو تريدنغ كورب\" (Air Koryo Trading Corp) القرار.",
			nil, []string{"CRITICIZES organization:اير-كوريو-تريدنغ-كورب -> organization:air-koryo-trading-corp"}},
	})
}

// Kind 5, continued: a verb carrying its object as a pronoun, or agreeing
// with a relative pronoun before it, has no object (or subject) after it;
// a masdar after a preposition takes its genitive as subject; a condition
// splits clauses; a trigger inside a name is no trigger.
func TestArabicVerbReadings(t *testing.T) {
	checkArabic(t, []arRow{
		{"object pronoun on the verb", "وستنضم الهند إلى القوات المشتركة التي تدعمها الولايات المتحدة في البحرين.",
			nil, []string{"SUPPORTS united-states -> bahrain"}},
		{"relative verb agreeing with the antecedent", "ومع ذلك ظل الرأي العام الذي ظل ينتقد إسرائيل خلال الحرب على غزة.",
			nil, []string{"CRITICIZES israel -> gaza"}},
		{"masdar after a preposition", "وأعرب الأمين العام عن امتنان الأمم المتحدة على دعم المملكة المغربية لعمليات السلام.",
			nil, []string{"SUPPORTS united-nations -> morocco"}},
		{"masdar of purpose", "وقرر الوزراء تقديم أموال لدعم كييف ويصل إجمالي ما خصصه الاتحاد الأوروبي إلى ملياري يورو.",
			nil, []string{"SUPPORTS kyiv -> european-union"}},
		{"condition between", "وقال زيلينسكي إنه مستعد للحوار إذا انسحبت روسيا إلى حدودها.",
			nil, []string{"DISCUSSES volodymyr-zelensky -> russia"}},
		{"speaker resumed by a pronoun", "قال أمير قطر الشيخ تميم بن حمد آل ثاني إنه بحث مع الرئيس الإيراني إبراهيم رئيسي أهمية الحوار.",
			[]string{"DISCUSSES tamim-bin-hamad-al-thani -> ebrahim-raisi"}, nil},
		{"a verb whose object is another masdar", "لكنه أيد قصف الناتو لصربيا عام 1999.",
			nil, []string{"SUPPORTS nato -> serbia"}},
		{"stop of support", "وتشترط تركيا وقف دعم حزب العمال الكردستاني.",
			nil, []string{"SUPPORTS turkey -> pkk"}},
		{"sociologist", "وعالمة الاجتماع فاطمة المرنيسي والشاعر المغربي محمد الخمار الكنوني.",
			nil, []string{"MEETS person:فاطمه-المرنيسي -- person:محمد-الخمار-الكنوني"}},
	})
}

// Kind 4, continued: noun chains.
func TestArabicNounChains(t *testing.T) {
	checkArabic(t, []arRow{
		{"joint meetings of two bodies", "وعلى هامش اجتماعات صندوق النقد الدولي والبنك الدولي قال الوزير إن النمو سيتباطأ.",
			nil, []string{"MEETS imf -- world-bank"}},
		{"a name before a masdar past a verb", "وكان السعدي قد تحدث عن استهداف الجيش الإسرائيلي للصحفيين.",
			nil, []string{"ATTACKS person:السعدي -> israel-defence-forces"}},
	})
}

// Kinds of error the second held-out sample found (issue 18; its notes in
// ingest/releval/testdata/verdicts), with sentences written for the test.
func TestArabicHeldOut2Kinds(t *testing.T) {
	checkArabic(t, []arRow{
		// A preposition is not repeated on a conjunct: Syria is where,
		// like Mosul; after على both are targets.
		{name: "shared place mark", text: "يواصل داعش هجماته بالموصل وسوريا رغم خسائره.",
			notWant: []string{"ATTACKS islamic-state -> syria"}},
		{name: "shared target mark", text: "شن داعش هجمات على العراق وسوريا.",
			want: []string{"ATTACKS islamic-state -> iraq", "ATTACKS islamic-state -> syria"}},
		// A name with its verb right after it opens a clause of its own.
		{name: "headline second clause", text: "خطوة مزعجة لطهران وواشنطن تتهم موسكو بالتصعيد",
			want: []string{"CRITICIZES washington-dc -> moscow"}, notWant: []string{"CRITICIZES tehran -> moscow"}},
		// A pair of one entity is no relation, nor are the names joined to it.
		{name: "co-objects of one verb", text: "أدانت الخارجية روسيا والكرملين رغم نفي روسيا أي مسؤولية.",
			notWant: []string{"CRITICIZES kremlin -> russia", "CRITICIZES russia -> kremlin"}},
		// A person attacking with هاجم attacks in words.
		{name: "verbal attack", text: "هاجم بنكيران أخنوش بسبب غلاء الأسعار.",
			want: []string{"CRITICIZES abdelilah-benkirane -> aziz-akhannouch"}, notWant: []string{"ATTACKS abdelilah-benkirane -> aziz-akhannouch"}},
		// An imperfect verb right after a noun phrase has it as subject:
		// the name after the verb is the object, not a VSO subject.
		{name: "noun subject before the verb", text: "قال مصدر دبلوماسي إن دولا أخرى تدعم أوكرانيا بينها السويد والمجر.",
			notWant: []string{"SUPPORTS ukraine -> sweden"}},
		{name: "particle before the verb", text: "كما يدعم العراق جهود المغرب.",
			want: []string{"SUPPORTS iraq -> morocco"}},
		{name: "verb continuing a phrase", text: "شاركت الوزيرة في حفلات مع مشاهير والتقت الرئيس بوتين والرئيس أردوغان.",
			notWant: []string{"MEETS recep-tayyip-erdogan -- vladimir-putin", "MEETS vladimir-putin -- recep-tayyip-erdogan"}},
		// "Led by X" qualifies the noun before: X is not the object.
		{name: "led by", text: "واتهم باشاغا الحكومة برئاسة الدبيبة بتعطيل الانتخابات.",
			notWant: []string{"CRITICIZES person:فتحي-باشاغا -> abdul-hamid-dbeibah", "CRITICIZES fathi-bashagha -> abdul-hamid-dbeibah"}},
		// A partitive between the preposition and the target.
		{name: "partitive", text: "جاء ذلك بعد استهداف القوات الأمريكية لعدد من فصائل الحشد الشعبي.",
			want: []string{"ATTACKS us-forces -> popular-mobilization-forces"}},
		// A noun's object is marked; a bare name after its genitive is in
		// another phrase.
		{name: "bare name after a genitive", text: "قرئ سؤال في اجتماع غوغل عن زيادة أمازون رواتب موظفيها.",
			notWant: []string{"MEETS google -- organization:امازون", "MEETS google -> organization:امازون"}},
		{name: "reception takes a bare object", text: "يأتي هذا عقب استقبال الملك محمد السادس بالرباط بيدرو سانشيز رئيس الحكومة الإسبانية.",
			want: []string{"MEETS mohamed-vi -> pedro-sanchez"}},
		// A country or capital after a noun of stance acts on the marked name.
		{name: "country as genitive subject", text: "حذرت الأمم المتحدة من المجاعة بالموازاة مع اتهام واشنطن لموسكو باستخدام الجوع.",
			want: []string{"CRITICIZES washington-dc -> moscow"}, notWant: []string{"CRITICIZES united-nations -> washington-dc"}},
		// An organisation in a title whose holder is named just after is the
		// holder's description.
		{name: "title holder named after", text: "وانتقدت عضوة البرلمان الأوروبي عن حزب الخضر مارغريت أوكين القرار الإسرائيلي.",
			notWant: []string{"CRITICIZES european-parliament -> person:مارغريت-اوكين"}},
		// بحث في is research on a topic, not talks.
		{name: "research on a topic", text: "صدر كتاب جديد للناقد محمد الداهي يبحث في المشروع التخيلي للمؤرخ عبد الله العروي.",
			notWant: []string{"DISCUSSES person:محمد-الداهي -> person:عبد-الله-العروي", "DISCUSSES person:عبد-الله-العروي -- person:محمد-الداهي", "DISCUSSES person:محمد-الداهي -- person:عبد-الله-العروي"}},
		// In a sports sentence يلتقي is "plays against" and الهجوم the attack on the pitch.
		{name: "sports fixture", text: "وتلتقي ألمانيا متصدرة المجموعة الثانية مع اليونان في دور الثمانية من البطولة بعد التعادل في المباراة الأولى.",
			notWant: []string{"MEETS germany -> greece", "MEETS germany -- greece", "MEETS greece -- germany"}},
		{name: "meeting beside a cup", text: "التقى الشيخ تميم بن حمد الرئيس الفرنسي ماكرون في الدوحة لبحث العلاقات قبل كأس العالم.",
			want: []string{"MEETS tamim-bin-hamad-al-thani -> emmanuel-macron"}},
		// After أنه or حيث the verb's subject is given: two joined names are
		// both met, not each other's sides.
		{name: "co-objects after a given subject", text: "واوضح انه التقى نصرالله والرئيس الايراني محمود احمدي نجاد والرئيس السوري بشار الاسد.",
			notWant: []string{"MEETS mahmoud-ahmadinejad -- person:نصرالله", "MEETS person:نصرالله -- mahmoud-ahmadinejad"}},
		{name: "score", text: "وتلتقي إسبانيا مع فرنسا في الدور المقبل بعد أن تغلبت على إيطاليا 6-2 و6-3.",
			notWant: []string{"MEETS spain -> france", "MEETS france -- spain", "MEETS spain -- france"}},
		// يدين … إلى is "owes to".
		{name: "owes to", text: "ويدين الرئيس بوتين بهذا الفوز إلى الرئيس أردوغان.",
			notWant: []string{"CRITICIZES vladimir-putin -> recep-tayyip-erdogan"}},
		// In a report of a match it is "owes" whoever it is owed to
		// (ar-newspapers-2012, five wrong verdicts); the price is a
		// condemnation with a match in its sentence.
		{name: "owes in a match report", text: "ويدين فريق الرئيس بوتين بهذا الفوز للرئيس أردوغان الذي سجل هدفي المباراة.",
			notWant: []string{"CRITICIZES vladimir-putin -> recep-tayyip-erdogan"}},
		// An attack (هجوم) by a person on a person is in words.
		{name: "verbal attack noun", text: "شن الرئيس أردوغان هجوماً على الرئيس ماكرون بسبب تصريحاته.",
			want: []string{"CRITICIZES recep-tayyip-erdogan -> emmanuel-macron"}, notWant: []string{"ATTACKS recep-tayyip-erdogan -> emmanuel-macron"}},
		// One name read in two parts is one party.
		{name: "name in two parts", text: "زار الرئيس الإسرائيلي إسحق هرتسوغ أنقرة في وقت سابق هذا الشهر.",
			want: []string{"VISITS yitzhak-herzog -> ankara"}},
		// Other senses of a trigger: a quoted name, a thesis defended, an
		// institution's name.
		{name: "quoted name", text: `أكد ائتلاف "دعم مصر" صاحب الأغلبية بالبرلمان المصري أن مضيق تيران ممر دولي.`,
			notWant: []string{"SUPPORTS egypt -> organization:بالبرلمان-المصري"}},
		{name: "thesis defended", text: "ناقش الباحث أحمد التوفيق رسالة جامعية بجامعة محمد الخامس.",
			notWant: []string{"DISCUSSES person:احمد -> mohammed-v-university", "DISCUSSES mohammed-v-university -- person:احمد"}},
		{name: "institution's name", text: "قال رئيس المركز المغربي للحوار الشيخ أحمد التوفيق لهسبريس إن الوضع صعب.",
			notWant: []string{"DISCUSSES person:احمد-التوفيق -> hespress", "DISCUSSES hespress -- person:احمد-التوفيق"}},
	})
}

// Arguments may nest: a role phrase ("للأمين العام للأمم المتحدة",
// Guterres) holds an organisation's name. The reader once sliced the text
// between two such arguments backwards and panicked (found by the scale
// benchmark on a recombined ar-news-2022 article).
func TestNestedArguments(t *testing.T) {
	text := "جددت هولندا والمغرب تأكيد دعمهما للمبعوث الشخصي للأمين العام للأمم المتحدة للصحراء، ستيفان دي ميستورا، وجهوده لاستئناف عملية سياسية."
	typed, names := arTyped(t, text) // panicked before
	if len(names) == 0 {
		t.Fatalf("no mentions in %q", text)
	}
	t.Logf("relations %q, mentions %v", typed, names)
}

// Relative clauses and gapping, the rows a review of versions 38–40 wrote
// on sentences of its own (docs/eval.md, version 41): what the first
// versions of those rules got wrong, and what they got right and must
// keep.
func TestRelativeAndGappingReview(t *testing.T) {
	checkArabic(t, []arRow{
		// The clause's own name after its verb is not the noun's object.
		{"clause agent", "يدين بوتين بشدة الهجوم الذي شنه أردوغان.",
			nil, []string{"ATTACKS vladimir-putin -> recep-tayyip-erdogan"}},
		{"clause agent after a pronoun", "أشاد الكاظمي بالزيارة التي قام بها أردوغان إلى بغداد.",
			nil, []string{"VISITS mustafa-al-kadhimi -> recep-tayyip-erdogan"}},
		{"clause agent of an invitation", "رفض أردوغان الدعوة التي وجهها بايدن لزيارة واشنطن.",
			nil, []string{"INVITES recep-tayyip-erdogan -> joe-biden"}},
		// A name the clause marks with a preposition is the noun's object,
		// its subject the name before the noun.
		{"marked object after the clause", "جدد الرئيس الروسي فلاديمير بوتين الدعم الذي تقدمه بلاده للرئيس السوري بشار الأسد.",
			[]string{"SUPPORTS vladimir-putin -> bashar-al-assad"}, nil},
		{"marked object in the clause", "جددت إيران التهديد الذي وجهته إلى إسرائيل الأسبوع الماضي.",
			[]string{"THREATENS iran -> israel"}, nil},
		{"a light verb and a clause between", "قام الرئيس التركي رجب طيب أردوغان بالزيارة التي طال انتظارها إلى السعودية.",
			[]string{"VISITS recep-tayyip-erdogan -> saudi-arabia"}, nil},
		// English relatives.
		{"which for a whole clause", "Erdogan visited Saudi Arabia, which Iran welcomed.",
			nil, []string{"SUPPORTS iran -> saudi-arabia"}},
		{"nested relatives", "Iran, which Israel, which the United States supports, attacked in April, threatened Saudi Arabia.",
			nil, []string{"THREATENS israel -> saudi-arabia"}},
		{"a participle after the clause", "Israel struck Syria, which Russia supports, attacking Hezbollah.",
			[]string{"SUPPORTS russia -> syria"}, []string{"ATTACKS syria -> hezbollah"}},
		{"a negator inside the clause", "Iran, which Israel did not attack, threatened Israel.",
			[]string{"THREATENS iran -> israel"}, []string{"THREATENS iran -> israel (negated)"}},
		{"a negator after the clause", "Hezbollah, which Israel attacked in 2006, never threatened Saudi Arabia.",
			[]string{"ATTACKS israel -> hezbollah", "THREATENS hezbollah -> saudi-arabia (negated)"}, nil},
		// Gapping stops where the second name opens a clause of its own.
		{"a verb after the second place", "Emmanuel Macron met Ebrahim Raisi in Tehran and Recep Tayyip Erdogan in Ankara said Turkey would not join.",
			[]string{"MEETS emmanuel-macron -> ebrahim-raisi"}, []string{"MEETS emmanuel-macron -> recep-tayyip-erdogan"}},
		{"a time after the second place", "Vladimir Putin met Recep Tayyip Erdogan in Moscow and Ebrahim Raisi in Tehran on the same day.",
			[]string{"MEETS vladimir-putin -> recep-tayyip-erdogan", "MEETS vladimir-putin -> ebrahim-raisi"}, nil},
		{"an Arabic verb after the second place", "التقى بوتين برجب طيب أردوغان في موسكو وبشار الأسد في دمشق يستقبل إبراهيم رئيسي.",
			nil, []string{"MEETS vladimir-putin -> bashar-al-assad"}},
		{"Arabic gapping with a day after", "التقى بوتين بأردوغان في موسكو والرئيس السوري بشار الأسد في دمشق يوم الثلاثاء.",
			[]string{"MEETS vladimir-putin -> bashar-al-assad"}, nil},
	})
}

// TestSportsReport: in an article a third of whose sentences are about
// sport, a fixture needs no sports word of its own (version 46); a meeting
// in an article with one sports sentence among many is a meeting.
func TestSportsReport(t *testing.T) {
	report := "تصدر المنتخب الإسباني المجموعة بعد فوزه في المباراة الأولى بهدفين. " +
		"وسجل اللاعب الهدف الثاني في الشوط الثاني من المباراة. " +
		"وفي الجولة الثالثة الأخيرة الاثنين المقبل، تلتقي إسبانيا مع كرواتيا."
	politics := "وسيلتقي الرئيس العراقي برهم صالح الرئيس الأمريكي جو بايدن في واشنطن. " +
		"ويبحث الجانبان العلاقات الثنائية. وأكد المتحدث أهمية الزيارة. وقال إن الحكومة ستعمل على تعزيز التعاون. " +
		"وأضاف أن الوفد يضم وزراء الخارجية والدفاع والمالية. " +
		"وفي الرياضة، فاز المنتخب العراقي في المباراة بهدفين وسجل اللاعب الهدف الثاني في الشوط الثاني."
	// A report whose sentences each hold one or two sports words, none
	// a sports sentence, its words sport's one in forty (version 54).
	sparse := "أعلن النادي تعاقده مع مدرب جديد للموسم المقبل بعد مفاوضات طويلة. وقال المدرب إن هدف الإدارة واضح منذ البداية. " +
		"وأضاف أن كل لاعب في الفريق سيحصل على فرصة في الملعب خلال الأسابيع المقبلة. " +
		"وتعرض النادي لخسارة مالية كبيرة العام الماضي بسبب غياب الجماهير عن الملعب. وخسر الفريق أمام منافسه في كأس السوبر. " +
		"وتلتقي قطر مع البحرين يوم الاثنين."
	checkArabic(t, []arRow{
		{"a fixture in a sports report", report, nil, []string{"MEETS spain -> croatia", "MEETS spain -- croatia"}},
		{"a meeting beside a sports brief", politics, []string{"MEETS barham-salih -> joe-biden"}, nil},
		{"a fixture in a report of long sentences", sparse, nil, []string{"MEETS qatar -> bahrain", "MEETS qatar -- bahrain"}},
	})
}

// TestReview44to46: a second review helper's sentences (its own, written
// for the review) on versions 44–46: what their first versions dropped
// that was right, and what they must still drop (version 47).
func TestReview44to46(t *testing.T) {
	checkArabic(t, []arRow{
		{"a title in apposition between commas", "وقال أردوغان، الرئيس التركي، الذي زار دمشق عام 2009، إن تركيا لا تريد الحرب.",
			[]string{"VISITS recep-tayyip-erdogan -> damascus"}, nil},
		{"a broken plural of the shape of a nisba", "والتقى أردوغان الأهالي الذين زاروا أنقرة للمطالبة بعودة أبنائهم.",
			nil, []string{"VISITS recep-tayyip-erdogan -> ankara"}},
		{"readiness in an apposition, a finite verb after", "Biden, ready to leave, met Kadhimi at the White House on Monday.",
			[]string{"MEETS joe-biden -> mustafa-al-kadhimi"}, nil},
		{"a wish in a relative clause, a finite verb after", "Hezbollah, which had long wanted revenge, attacked Israel with rockets on Sunday.",
			[]string{"ATTACKS hezbollah -> israel"}, nil},
		{"readiness for something else, past a comma", "وفي إطار استعدادها للقمة، استقبلت السعودية الرئيس الأمريكي جو بايدن في جدة.",
			[]string{"MEETS saudi-arabia -> joe-biden"}, nil},
		{"heads of state beside a match report", "Russian President Vladimir Putin met Erdogan in Sochi on Friday to discuss Syria. Meanwhile, Turkey beat Russia 2-1 in a friendly match in Antalya. Turkey's coach praised his squad after the match.",
			[]string{"MEETS vladimir-putin -> recep-tayyip-erdogan"}, nil},
		{"a meeting set, two sports sentences after", "يلتقي الرئيس الأمريكي جو بايدن ولي العهد السعودي محمد بن سلمان في جدة الأسبوع المقبل. ويأتي اللقاء بعد أن فاز المنتخب السعودي على الأرجنتين في مباراة تاريخية. وقال مدرب المنتخب إن اللاعبين قدموا أفضل مباراة في البطولة.",
			[]string{"MEETS joe-biden -> mohammed-bin-salman"}, nil},
		{"a fixture between countries in a match report", "England beat Iran 6-2 in their Group B opener at Khalifa stadium. Wales drew 1-1 with the United States in the other group match. Iran meet the United States on Tuesday.",
			nil, []string{"MEETS iran -> united-states", "MEETS iran -- united-states"}},
	})
}

// TestReview49: a review helper's sentences (its own, written for the
// review) on version 49's first form: what it dropped that was right, and
// what it must still drop. Every row fails on that form.
func TestReview49(t *testing.T) {
	checkArabic(t, []arRow{
		{"an adverb with ل and the article before the subject", "التقى للمرة الأولى بايدن والرئيس الصيني شي جين بينغ في بالي.",
			[]string{"MEETS joe-biden -- xi-jinping"}, nil},
		{"an adverb with ب and the article before the subject", "زار بالأمس الرئيس التركي أردوغان العاصمة العراقية بغداد.",
			[]string{"VISITS recep-tayyip-erdogan -> iraq"}, nil},
		{"a possibility without أن", "رغم احتمال التصعيد، زار بلينكن كييف والتقى الرئيس الأوكراني فولوديمير زيلينسكي.",
			[]string{"VISITS antony-blinken -> kyiv", "MEETS antony-blinken -> volodymyr-zelensky"}, nil},
		{"a country whose name begins with a part word", "أدانت جنوب أفريقيا إسرائيل.",
			[]string{"CRITICIZES south-africa -> israel"}, nil},
		{"a verb that makes the meeting", "جمع اللقاء بوتين وأردوغان في قصر الرئاسة بأنقرة.",
			[]string{"MEETS recep-tayyip-erdogan -- vladimir-putin"}, nil},
		{"a verb that makes the attack", "نفذ الهجوم الحوثيون على السعودية.",
			[]string{"ATTACKS houthis -> saudi-arabia"}, nil},
		{"members of a delegation, to discuss", "استقبل محافظ البصرة أسعد العيداني وفدا يضم رجل الأعمال سالم الحسني وكرم كردي لبحث الاستثمار.",
			nil, []string{"DISCUSSES person:سالم-الحسني -- person:كرم-كردي"}},
		{"a visit called for, the call long", "دعا الرئيس التركي رجب طيب أردوغان نظيره الروسي فلاديمير بوتين إلى زيارة تركيا.",
			[]string{"INVITES recep-tayyip-erdogan -> vladimir-putin"}, []string{"VISITS vladimir-putin -> turkey"}},
	})
}

// TestReview51: a review helper's English sentences (its own, written for
// the review) on version 51's first form: what it dropped that was right,
// and what it must still drop. Every row but the last three fails on
// that form (those guard what 51 fixed and the mends must keep fixed).
func TestReview51(t *testing.T) {
	checkArabic(t, []arRow{
		{"a visit to a place named with a noun of place", "Recep Tayyip Erdogan visited Hatay province after the earthquake.",
			[]string{"VISITS recep-tayyip-erdogan -> location:hatay"}, nil},
		{"an airport visited", "Joe Biden visited the Kabul airport on Monday.",
			[]string{"VISITS joe-biden -> kabul"}, nil},
		{"a camp as a faction", "Iran supported the Assad camp throughout the war.",
			[]string{"SUPPORTS iran -> bashar-al-assad"}, nil},
		{"a group's camp struck", "Turkish jets bombed a PKK camp in northern Iraq.",
			[]string{"ATTACKS turkey -> pkk"}, nil},
		{"a group's province", "The Taliban attacked the Islamic State province in Afghanistan.",
			[]string{"ATTACKS taliban -> islamic-state"}, nil},
		{"crossing as a verb", "Russian forces attacked Ukraine crossing from Belarus.",
			[]string{"ATTACKS russia -> ukraine"}, nil},
		{"a call, then a clause that states", "Joe Biden called for a ceasefire after Israel attacked Hamas.",
			[]string{"ATTACKS israel -> hamas"}, nil},
		{"an outlet's office bombed", "Israel bombed the Al Jazeera office in Gaza on Saturday.",
			[]string{"ATTACKS israel -> al-jazeera"}, nil},
		{"an outlet attacks in words", "CNN attacked Joe Biden over his handling of the withdrawal.",
			[]string{"CRITICIZES cnn -> joe-biden"}, []string{"ATTACKS cnn -> joe-biden"}},
		{"an outlet's reporters are people", "The Islamic State attacked Al Jazeera reporters in Mosul.",
			nil, []string{"ATTACKS islamic-state -> al-jazeera"}},
		{"a byline after a dash", "Turkish jets pound Daesh targets - Daily Sabah",
			nil, []string{"ATTACKS islamic-state -> daily-sabah"}},
		{"a place's name before a noun of place", "Jaish al-Islam shelled Salah Eddin neighborhood in Aleppo city.",
			nil, []string{"ATTACKS jaish-al-islam -> person:salah-eddin"}},
	})
}

// TestReview53: a review helper's sentences (its own, written for the
// review) on version 53's first form, which read each of them wrong.
func TestReview53(t *testing.T) {
	checkArabic(t, []arRow{
		{"a support with a pronoun asked for", "ودعا حزب الله إيران إلى دعمه في مواجهة إسرائيل.",
			nil, []string{"SUPPORTS hezbollah -> israel"}},
		{"leading a criticism", "NATO leads the criticism of Russia.",
			[]string{"CRITICIZES nato -> russia"}, nil},
		{"joining someone in condemning an attack", "Erdogan joined Putin in condemning the attack on Ukraine.",
			nil, []string{"ATTACKS recep-tayyip-erdogan -> ukraine"}},
		{"welcomed to a city, passive", "Raisi was welcomed to Ankara by Recep Tayyip Erdogan.",
			[]string{"MEETS recep-tayyip-erdogan -> ebrahim-raisi"}, []string{"SUPPORTS recep-tayyip-erdogan -> ebrahim-raisi"}},
	})
}
