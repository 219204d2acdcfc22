package tagger

import (
	"bufio"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"
)

// emissionsDirect returns the emission scores of words as training defines
// them: each word's features (appendFeatures) looked up one by one.
func emissionsDirect(m *Model, words []string) []float32 {
	toks := make([]token, len(words))
	m.analyse(words, toks)
	em := make([]float32, len(words)*numTags)
	var fs []uint64
	for i := range words {
		fs = appendFeatures(fs[:0], toks, i)
		var sum [numTags]int32
		for _, f := range fs {
			if w := m.feats.get(f); w != nil {
				for t := range sum {
					sum[t] += int32(w[t])
				}
			}
		}
		for t := range sum {
			em[i*numTags+t] = float32(sum[t])
		}
	}
	return em
}

// TestTagMatchesFeatures checks that Tag, which caches each word's feature
// sums, precomputes the cluster, bias and gazetteer weights and looks
// features up in batches, scores a sentence exactly as its features do:
// the same emissions and the same best tags as looking up every feature of
// every word, on hand-made sentences (Arabic with proclitics, gazetteer
// names and clustered words; English) and, when ../shared holds them, the
// development sentences, each tagged twice in a shuffled order so that
// words come from the cache as well as fresh; then from four goroutines
// at once, which must get the tags each sentence got alone.
func TestTagMatchesFeatures(t *testing.T) {
	sents := map[string][][]string{
		"ar": {
			strings.Fields("قال رئيس الوزراء العراقي مصطفى الكاظمي في بغداد إن الحكومة ستعمل مع الأمم المتحدة ."),
			strings.Fields("وأكد وزير الخارجية الإيراني حسين أمير عبد اللهيان للصحفيين أن طهران لن تتراجع"),
			strings.Fields("والتقى الرئيس بالوفد الأمريكي في واشنطن ، وبحث معه ملف الطاقة"),
			strings.Fields("ريال مدريد"),
			{"و"},
		},
		"en": {
			strings.Fields("Iraqi Prime Minister Mustafa al-Kadhimi met U.N. envoy Jeanine Hennis-Plasschaert in Baghdad on Monday ."),
			strings.Fields("The European Union said it would send 1,200 observers to Syria"),
			{"Biden"},
		},
	}
	for lang, path := range map[string]string{"ar": "anercorp-dev/anercorp-dev.txt", "en": "conll2003-en/valid.txt"} {
		f, err := os.Open("../../../../shared/gold/" + path)
		if err != nil {
			t.Logf("%s development sentences not found (%v): hand-made sentences only", lang, err)
			continue
		}
		// The first column of the CoNLL file, cut at blank lines and
		// after full stops.
		var words []string
		sc := bufio.NewScanner(f)
		for sc.Scan() && len(sents[lang]) < 1500 {
			fields := strings.Fields(sc.Text())
			if len(fields) > 0 && fields[0] != "-DOCSTART-" {
				words = append(words, fields[0])
			}
			if len(words) > 0 && (len(fields) == 0 || fields[0] == ".") {
				sents[lang] = append(sents[lang], words)
				words = nil
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	wants := map[string][]string{} // the tags of each sentence of order, joined
	for lang, ss := range sents {
		m, err := Default(lang)
		if err != nil {
			t.Fatal(err)
		}
		order := make([]int, 0, 2*len(ss))
		for range 2 {
			for k := range ss {
				order = append(order, k)
			}
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			words := ss[k]
			em := emissionsDirect(m, words)
			n := len(words)
			want := make([]int8, n)
			viterbi(em, &m.trans, make([]float32, n*numTags), make([]int8, n*numTags), want)

			s := m.getScratch(n)
			m.tagIndexes(words, s)
			for i := range em {
				if s.em[i] != em[i] {
					t.Fatalf("%s %q: word %d tag %d: emission %v, features give %v", lang, words, i/numTags, i%numTags, s.em[i], em[i])
				}
			}
			for i := range want {
				if s.best[i] != want[i] {
					t.Fatalf("%s %q: word %d tagged %s, features give %s", lang, words, i, tagNames[s.best[i]], tagNames[want[i]])
				}
			}
			got := m.Tag(words)
			for i := range want {
				if got[i] != tagNames[want[i]] {
					t.Fatalf("%s %q: Tag gives word %d %s, features give %s", lang, words, i, got[i], tagNames[want[i]])
				}
			}
			wants[lang] = append(wants[lang], strings.Join(got, " "))
		}
		// Callers at once share the word cache: each gets the same tags.
		var wg sync.WaitGroup
		errs := make(chan string, 4)
		for g := range 4 {
			wg.Go(func() {
				for j := range order {
					j = (j + g*len(order)/4) % len(order)
					if got := strings.Join(m.Tag(ss[order[j]]), " "); got != wants[lang][j] {
						errs <- lang + " " + strings.Join(ss[order[j]], " ") + ": " + got + ", alone " + wants[lang][j]
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Errorf("tagging at once: %s", e)
		}
	}
}
