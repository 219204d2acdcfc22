package lexicon

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
)

//go:embed data/*.jsonl
var data embed.FS

// Entry is one entity of the lexicon.
type Entry struct {
	ID       string   `json:"id"`
	Type     string   `json:"type"`
	Kind     string   `json:"kind,omitempty"`
	Name     string   `json:"name"`
	NameAr   string   `json:"name_ar,omitempty"`
	Wikidata string   `json:"wikidata,omitempty"`
	Aliases  []string `json:"aliases,omitempty"`
	// Weak are aliases that are also common words or common names (حميد,
	// رئيسي): they name the entity only with support in the article. A
	// canonical name listed here too is weak as well.
	Weak []string `json:"weak,omitempty"`
	// Generic are names every country's body of the kind shares (مجلس
	// النواب, وزارة الدفاع, "Interior Ministry") or that name this entry
	// only in its country's context (عمان is Amman only where Jordan is
	// the context; elsewhere Oman): they name the entry only with a cue
	// for its country (Lexicon.Country) — see extract.Mentions. A name
	// listed here too is generic only.
	Generic []string `json:"generic,omitempty"`
	// Adjectives are nationality adjectives (الأمريكي, Iranian): they link an
	// article to a country without being a name of it.
	Adjectives []string `json:"adjectives,omitempty"`
	// Roles are offices the entity held; their phrases name the holder in
	// articles dated within the term.
	Roles []Role `json:"roles,omitempty"`
	// Parent is the ID of the entity this one belongs to (US forces → the
	// United States; a PMF faction → the PMF), or "".
	Parent string `json:"parent,omitempty"`
	// Source says where the entry's facts come from: "" for newsgraph's
	// own curation, else the dictionary it was converted from.
	Source string `json:"source,omitempty"`
}

// Role is an office held from From to To (YYYY-MM-DD; empty To: still
// held).
type Role struct {
	Title   string   `json:"title"`             // "Prime Minister of Iraq"
	Phrases []string `json:"phrases,omitempty"` // "رئيس الوزراء العراقي", "Iraqi prime minister"
	From    string   `json:"from,omitempty"`
	To      string   `json:"to,omitempty"`
}

// Entity returns the entry as a graph entity. Its aliases are the entry's
// aliases and then its weak ones: a weak alias needs support to count in
// running text, but someone who looks up رئيسي means Raisi.
func (e *Entry) Entity() graph.Entity {
	aliases := e.Aliases
	if len(e.Weak) > 0 {
		seen := make(map[string]bool, len(e.Aliases)+2)
		for _, n := range e.names() {
			seen[norm.Key(n)] = true
		}
		aliases = append([]string(nil), e.Aliases...)
		for _, w := range e.Weak {
			if k := norm.Key(w); !seen[k] {
				seen[k] = true
				aliases = append(aliases, w)
			}
		}
	}
	return graph.Entity{
		ID: e.ID, Type: graph.EntityType(e.Type), Kind: e.Kind,
		Name: e.Name, NameAr: e.NameAr, Aliases: aliases, Wikidata: e.Wikidata, Parent: e.Parent,
	}
}

// names returns every name the entry is found by.
func (e *Entry) names() []string {
	return append([]string{e.Name, e.NameAr}, e.Aliases...)
}

// Lexicon is a set of entries and the matcher built over them. Build one
// per run and share it: it is read-only once built.
type Lexicon struct {
	entries []*Entry
	digest  string
	// The matcher — a token trie of some 50 MB — is built on first use:
	// a re-ingest that finds nothing changed needs the digest only.
	build sync.Once
	root  *node
	vocab map[string]bool // every folded token some name consists of
	byID  map[string]*Entry
}

type node struct {
	next map[string]*node
	// ends holds the entries whose name ends here; exact, when set, is the
	// case-sensitive spelling an acronym alias ("US") must have in the text.
	ends []terminal
}

type terminal struct {
	entry *Entry
	exact []string
	kind  Kind
	role  *Role // for KindRole
}

// Kind says how a matched phrase names its entity.
type Kind int

// The kinds of names.
const (
	KindName      Kind = iota // a name or strong alias: names the entity on its own
	KindWeak                  // a weak alias: names it only with support in the article
	KindAdjective             // a nationality adjective: links to the country, names no one
	KindRole                  // a role phrase: names whoever held the role at the article's date
	KindGeneric               // a generic name: names the entry only with a cue for its country
)

func (k Kind) String() string {
	switch k {
	case KindWeak:
		return "weak"
	case KindAdjective:
		return "adjective"
	case KindRole:
		return "role"
	case KindGeneric:
		return "generic"
	}
	return "name"
}

// Default returns the lexicon embedded in the binary: every data/*.jsonl
// file in name order, a later file's entry replacing an earlier one with the
// same ID (so curated files, numbered higher, win over converted ones).
func Default() (*Lexicon, error) {
	files, err := fs.Glob(data, "data/*.jsonl")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var entries []*Entry
	for _, f := range files {
		b, err := data.ReadFile(f)
		if err != nil {
			return nil, err
		}
		es, err := Read(bytes.NewReader(b), path.Base(f))
		if err != nil {
			return nil, err
		}
		entries = merge(entries, es)
	}
	return New(entries)
}

// Read parses JSON-lines entries. Blank lines and lines starting with '#'
// are ignored, so files can carry a header (attribution, licence).
func Read(r io.Reader, name string) ([]*Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var entries []*Entry
	seen := make(map[string]int)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		var e Entry
		dec := json.NewDecoder(strings.NewReader(text))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return nil, fmt.Errorf("read lexicon %s line %d: %w", name, line, err)
		}
		if err := e.validate(); err != nil {
			return nil, fmt.Errorf("read lexicon %s line %d: %w", name, line, err)
		}
		if prev, ok := seen[e.ID]; ok {
			return nil, fmt.Errorf("read lexicon %s line %d: id %q already defined on line %d", name, line, e.ID, prev)
		}
		seen[e.ID] = line
		entries = append(entries, &e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read lexicon %s: %w", name, err)
	}
	return entries, nil
}

func (e *Entry) validate() error {
	if e.ID == "" {
		return fmt.Errorf("entry without id")
	}
	if _, err := graph.ParseEntityType(e.Type); err != nil || graph.EntityType(e.Type) != graph.Person &&
		graph.EntityType(e.Type) != graph.Organization && graph.EntityType(e.Type) != graph.Location {
		return fmt.Errorf("entry %s: type %q, want person, organization or location", e.ID, e.Type)
	}
	if e.Name == "" && e.NameAr == "" {
		return fmt.Errorf("entry %s: needs name or name_ar", e.ID)
	}
	for _, r := range e.Roles {
		for _, d := range []string{r.From, r.To} {
			if _, err := r.parse(d); err != nil {
				return fmt.Errorf("entry %s: role %q: %v", e.ID, r.Title, err)
			}
		}
	}
	return nil
}

// WithOverrides returns a lexicon of l's entries with extra merged over them:
// an extra entry replaces the entry of the same ID.
func (l *Lexicon) WithOverrides(extra []*Entry) (*Lexicon, error) {
	return New(merge(l.entries, extra))
}

func merge(base, over []*Entry) []*Entry {
	idx := make(map[string]int, len(base))
	out := append([]*Entry(nil), base...)
	for i, e := range out {
		idx[e.ID] = i
	}
	for _, e := range over {
		if i, ok := idx[e.ID]; ok {
			out[i] = e
			continue
		}
		idx[e.ID] = len(out)
		out = append(out, e)
	}
	return out
}

// New checks the entries and returns their lexicon. Its matcher is built
// when first needed.
func New(entries []*Entry) (*Lexicon, error) {
	l := &Lexicon{entries: entries}
	h := sha256.New()
	for _, e := range entries {
		if err := e.validate(); err != nil {
			return nil, err
		}
		b, _ := json.Marshal(e)
		h.Write(b)
		h.Write([]byte{'\n'})
	}
	l.digest = hex.EncodeToString(h.Sum(nil))[:16]
	return l, nil
}

// index builds the matcher once; every method that matches calls it first.
func (l *Lexicon) index() {
	l.build.Do(func() {
		l.root, l.vocab, l.byID = &node{}, make(map[string]bool), make(map[string]*Entry, len(l.entries))
		for _, e := range l.entries {
			l.byID[e.ID] = e
		}
		for _, e := range l.entries {
			l.addEntry(e)
		}
	})
}

func (l *Lexicon) addEntry(e *Entry) {
	// A name also listed as weak is weak: the curator says the word is
	// common (حديثة is Haditha, and حديثه "his talk" once folded).
	weak := make(map[string]bool, len(e.Weak)+len(e.Generic))
	for _, name := range e.Weak {
		weak[norm.Key(name)] = true
	}
	for _, name := range e.Generic {
		weak[norm.Key(name)] = true
	}
	for _, name := range e.names() {
		if !weak[norm.Key(name)] {
			l.add(e, name, KindName, nil)
		}
	}
	generic := make(map[string]bool, len(e.Generic))
	for _, name := range e.Generic {
		generic[norm.Key(name)] = true
		l.add(e, name, KindGeneric, nil)
	}
	for _, name := range e.Weak {
		if !generic[norm.Key(name)] {
			l.add(e, name, KindWeak, nil)
		}
	}
	for _, name := range e.Adjectives {
		l.add(e, name, KindAdjective, nil)
	}
	for i := range e.Roles {
		for _, phrase := range e.Roles[i].Phrases {
			l.add(e, phrase, KindRole, &e.Roles[i])
		}
	}
}

func (l *Lexicon) add(e *Entry, name string, kind Kind, role *Role) {
	toks := norm.Tokens(name)
	if len(toks) == 0 {
		return
	}
	n := l.root
	var exact []string
	caseSensitive := false
	for _, t := range toks {
		l.vocab[t.Fold] = true
		if n.next == nil {
			n.next = make(map[string]*node)
		}
		c := n.next[t.Fold]
		if c == nil {
			c = &node{}
			n.next[t.Fold] = c
		}
		n = c
		exact = append(exact, norm.Plain(t.Text))
		if isAcronym(t.Text) {
			caseSensitive = true
		}
	}
	for i, t := range n.ends {
		if t.entry == e && equal(t.exact, exactOrNil(caseSensitive, exact)) {
			if kind < t.kind { // a name is stronger than a weak alias of the same words
				n.ends[i].kind, n.ends[i].role = kind, role
			}
			if kind != KindRole || t.kind != KindRole {
				return
			}
		}
	}
	n.ends = append(n.ends, terminal{entry: e, exact: exactOrNil(caseSensitive, exact), kind: kind, role: role})
}

// isAcronym reports whether a Latin token must match case-sensitively: short
// all-capital tokens such as "US" or "UN" are ordinary words when lower-cased.
func isAcronym(s string) bool {
	if len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func exactOrNil(caseSensitive bool, exact []string) []string {
	if caseSensitive {
		return exact
	}
	return nil
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Country returns the country e belongs to: e itself when it is one (a
// location of kind "country"), else the first country up its Parent
// chain; nil when there is none (the UN, a continent).
func (l *Lexicon) Country(e *Entry) *Entry {
	l.index()
	for i := 0; e != nil && i < 10; i++ {
		if e.Type == "location" && e.Kind == "country" {
			return e
		}
		e = l.byID[e.Parent]
	}
	return nil
}

// Entry returns the entry of the given ID, or nil when there is none.
func (l *Lexicon) Entry(id string) *Entry {
	l.index()
	return l.byID[id]
}

// Len returns the number of entries.
func (l *Lexicon) Len() int { return len(l.entries) }

// Entries returns the entries; callers must not modify them.
func (l *Lexicon) Entries() []*Entry { return l.entries }

// Digest identifies the lexicon's content: it changes whenever an entry
// does, so articles read with another lexicon are re-extracted.
func (l *Lexicon) Digest() string { return l.digest }

// Match is a name found in text: tokens [Start, End) refer to Entry, in
// the way Kind says; Role is the role a KindRole phrase names.
type Match struct {
	Entry      *Entry
	Start, End int // token indexes
	Kind       Kind
	Role       *Role
}

// Match finds the names of the lexicon in toks, leftmost-longest, without
// overlaps. When a span names more than one entry, each gets a Match.
func (l *Lexicon) Match(toks []norm.Token) []Match {
	l.index()
	// Each token may be read several ways: as written, or without a
	// clitic (للأمم is a word of one phrase and ل + الأمم of another). A
	// token with no reading that is a name word starts or continues no
	// name: it has no forms.
	forms := make([][]string, len(toks))
	var all []string
	ends := make([]int, len(toks))
	for i, t := range toks {
		all = l.appendForms(all, t.Fold)
		ends[i] = len(all)
	}
	for i := range toks {
		start := 0
		if i > 0 {
			start = ends[i-1]
		}
		forms[i] = all[start:ends[i]:ends[i]]
	}
	var out []Match
	var (
		i       int // the token a name would start at
		bestEnd int
		best    []terminal
		walk    func(n *node, j int)
	)
	walk = func(n *node, j int) {
		if j > i {
			if ends := matching(n.ends, toks[i:j]); len(ends) > 0 && j > bestEnd {
				bestEnd, best = j, ends
			}
		}
		if j == len(toks) {
			return
		}
		for _, f := range forms[j] {
			if c := n.next[f]; c != nil {
				walk(c, j+1)
			}
		}
	}
	for i < len(toks) {
		if len(forms[i]) == 0 {
			i++ // no name has the word
			continue
		}
		bestEnd, best = -1, nil
		walk(l.root, i)
		if bestEnd < 0 {
			i++
			continue
		}
		for _, t := range best {
			out = append(out, Match{Entry: t.entry, Start: i, End: bestEnd, Kind: t.kind, Role: t.role})
		}
		i = bestEnd
	}
	return out
}

// appendForms appends to out the readings of a folded token that are words
// of some name: itself, and itself without its clitics.
func (l *Lexicon) appendForms(out []string, tok string) []string {
	if l.vocab[tok] {
		out = append(out, tok)
	}
	var buf [maxProclitics]string
	for _, c := range proclitics(buf[:0], tok) {
		if l.vocab[c] && c != tok {
			out = append(out, c)
		}
	}
	return out
}

func matching(ends []terminal, toks []norm.Token) []terminal {
	var out []terminal
	for _, t := range ends {
		if t.exact != nil {
			ok := true
			for k := range toks {
				if norm.Plain(toks[k].Text) != t.exact[k] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// Has reports whether tok (folded) is a word some name consists of.
func (l *Lexicon) Has(tok string) bool {
	l.index()
	return l.vocab[tok]
}

// Form returns the vocabulary word a folded text token stands for: the token
// itself when names contain it, else the token without its Arabic proclitics
// when that is a name word, else the token unchanged.
func (l *Lexicon) Form(tok string) string {
	l.index()
	if l.vocab[tok] {
		return tok
	}
	var buf [maxProclitics]string
	for _, c := range proclitics(buf[:0], tok) {
		if l.vocab[c] {
			return c
		}
	}
	return tok
}

// proclitics appends to out the readings of tok with leading clitics
// removed, most conservative first: a conjunction (و ف), then a
// preposition (ب ك ل); "لل"
// is ل + ال with the alef elided, so للأعرجي reads الاعرجي. The article ال
// itself is never removed: names without it (بغداد، حديثة) do not take it,
// while adjectives that look like them do (الحديثة "the modern", الرئيسي
// "the main").
func proclitics(out []string, tok string) []string {
	bases := [2]string{tok}
	nb := 1
	for _, conj := range [...]string{"و", "ف"} {
		if r, ok := strings.CutPrefix(tok, conj); ok && utf8.RuneCountInString(r) >= 2 {
			out = append(out, r)
			bases[1], nb = r, 2
			break
		}
	}
	for _, base := range bases[:nb] {
		if r, ok := strings.CutPrefix(base, "لل"); ok && utf8.RuneCountInString(r) >= 2 {
			out = append(out, "ال"+r)
		}
		for _, prep := range [...]string{"ب", "ك", "ل"} {
			if r, ok := strings.CutPrefix(base, prep); ok && utf8.RuneCountInString(r) >= 2 {
				out = append(out, r)
			}
		}
	}
	return out
}

// maxProclitics bounds the readings proclitics finds: one without a
// conjunction, and two of each of the two bases (لل and a preposition).
const maxProclitics = 5

func (r *Role) parse(d string) (time.Time, error) {
	if d == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD", d)
	}
	return t, nil
}

// Holds reports whether the role was held on day t: From ≤ t ≤ To, an
// empty bound being open.
func (r *Role) Holds(t time.Time) bool {
	if t.IsZero() {
		return false
	}
	from, _ := r.parse(r.From)
	to, _ := r.parse(r.To)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return (from.IsZero() || !day.Before(from)) && (to.IsZero() || !day.After(to))
}
