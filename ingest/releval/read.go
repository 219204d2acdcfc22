package releval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// The files of a re3d source folder that Read reads. entities.json is not
// read: relations carry their arguments' offsets and text.
const (
	DocumentsFile = "documents.json"
	RelationsFile = "relations.json"
)

// Span is a run of bytes of a gold document's text: [Start, End).
type Span struct{ Start, End int }

// Document is one gold document with its relations.
type Document struct {
	ID     string // re3d's _id
	Source string // the source folder's name: "BBC Online"
	Title  string // not part of Text, and not read by the extractor
	URL    string
	Text   string
	Origin string // "file:line" it was read from
	// Relations are the gold relations of the document, in file order.
	Relations []Relation
	// Warnings are the relations of the document whose offsets did not cut
	// out their text, repaired or dropped (then not in Relations), in file
	// order.
	Warnings []Warning
}

// Relation is one gold relation: Type links the Source argument to the
// Target argument, as the words of Trigger say.
type Relation struct {
	ID   string
	Type string // re3d's type: FightingAgainst, CommWith, …
	// Byte offsets into the document's Text. Trigger is trimmed of the
	// spaces around its words.
	Source, Target, Trigger             Span
	SourceText, TargetText, TriggerText string
	Confidence                          float64
	Origin                              string // "file:line"
}

// Read reads re3d gold data from dir: a source folder holding
// documents.json and relations.json, or a folder whose subfolders are
// source folders (read in name order; subfolders without documents.json
// are skipped). Offsets are converted from code points to bytes and
// checked: each argument's offsets must cut out its annotated text. Where
// they do not, Read repairs them when it can (see argSpan) and otherwise
// leaves the relation out; either way the document's Warnings say so, and
// Read does not fail for it. It fails for unreadable files, bad JSON, and
// relations without a type or of a document it does not hold.
func Read(dir string) ([]Document, error) {
	if _, err := os.Stat(filepath.Join(dir, DocumentsFile)); err == nil {
		return readSource(dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	var docs []Document
	seen := make(map[string]string) // document ID → origin
	sources := 0
	for _, e := range entries { // ReadDir sorts by name
		sub := filepath.Join(dir, e.Name())
		if !e.IsDir() {
			continue
		}
		if _, err := os.Stat(filepath.Join(sub, DocumentsFile)); err != nil {
			continue
		}
		sources++
		d, err := readSource(sub)
		if err != nil {
			return nil, err
		}
		for _, doc := range d {
			if o, ok := seen[doc.ID]; ok {
				return nil, fmt.Errorf("read %s: document %s is also at %s", doc.Origin, doc.ID, o)
			}
			seen[doc.ID] = doc.Origin
		}
		docs = append(docs, d...)
	}
	if sources == 0 {
		return nil, fmt.Errorf("gold %s: no %s here nor in any subfolder (want a re3d source folder or a folder of them)", dir, DocumentsFile)
	}
	return docs, nil
}

type docJSON struct {
	ID         string  `json:"_id"`
	Title      string  `json:"title"`
	Text       *string `json:"text"`
	SourceName string  `json:"sourceName"`
	SourceURL  string  `json:"sourceUrl"`
}

type relJSON struct {
	ID          string  `json:"_id"`
	Begin       *int    `json:"begin"`
	End         *int    `json:"end"`
	SourceBegin *int    `json:"sourceBegin"`
	SourceEnd   *int    `json:"sourceEnd"`
	Source      string  `json:"source"`
	TargetBegin *int    `json:"targetBegin"`
	TargetEnd   *int    `json:"targetEnd"`
	Target      string  `json:"target"`
	Type        string  `json:"type"`
	Value       string  `json:"value"`
	DocumentID  string  `json:"documentId"`
	Confidence  float64 `json:"confidence"`
}

// readSource reads one source folder.
func readSource(dir string) ([]Document, error) {
	source := filepath.Base(dir)
	var docs []Document
	byID := make(map[string]int)
	var offsets [][]int // per document: byte offset of each code point, and len(text) last
	var runes [][]rune  // per document: its code points
	name := filepath.Join(dir, DocumentsFile)
	err := eachLine(name, func(line int, raw []byte) error {
		var d docJSON
		if err := json.Unmarshal(raw, &d); err != nil {
			return err
		}
		switch {
		case d.ID == "":
			return errors.New("document without an _id")
		case d.Text == nil:
			return fmt.Errorf("document %s without a text", d.ID)
		}
		if _, dup := byID[d.ID]; dup {
			return fmt.Errorf("document %s read twice", d.ID)
		}
		byID[d.ID] = len(docs)
		docs = append(docs, Document{
			ID: d.ID, Source: source, Title: d.Title, URL: d.SourceURL, Text: *d.Text,
			Origin: fmt.Sprintf("%s:%d", name, line),
		})
		offsets = append(offsets, runeOffsets(*d.Text))
		runes = append(runes, []rune(*d.Text))
		return nil
	})
	if err != nil {
		return nil, err
	}
	name = filepath.Join(dir, RelationsFile)
	err = eachLine(name, func(line int, raw []byte) error {
		var r relJSON
		if err := json.Unmarshal(raw, &r); err != nil {
			return err
		}
		i, ok := byID[r.DocumentID]
		switch {
		case r.Type == "":
			return fmt.Errorf("relation %s without a type", r.ID)
		case !ok:
			return fmt.Errorf("relation %s of document %q, which %s does not hold", r.ID, r.DocumentID, DocumentsFile)
		}
		doc := &docs[i]
		rel := Relation{ID: r.ID, Type: r.Type, SourceText: r.Source, TargetText: r.Target,
			Confidence: r.Confidence, Origin: fmt.Sprintf("%s:%d", name, line)}
		text, runes := doc.Text, runes[i]
		var srcNote, tgtNote string
		var errs []string
		var err error
		if rel.Source, srcNote, err = argSpan(text, offsets[i], runes, "source", r.SourceBegin, r.SourceEnd, r.Source); err != nil {
			errs = append(errs, err.Error())
		}
		if rel.Target, tgtNote, err = argSpan(text, offsets[i], runes, "target", r.TargetBegin, r.TargetEnd, r.Target); err != nil {
			errs = append(errs, err.Error())
		}
		if rel.Trigger, _, err = argSpan(text, offsets[i], runes, "trigger", r.Begin, r.End, ""); err != nil {
			errs = append(errs, err.Error())
		}
		if len(errs) > 0 {
			doc.Warnings = append(doc.Warnings, Warning{Origin: rel.Origin, Relation: r.ID,
				Reason: joinNotes(append(errs, srcNote, tgtNote)...)})
			return nil
		}
		if note := joinNotes(srcNote, tgtNote); note != "" {
			doc.Warnings = append(doc.Warnings, Warning{Origin: rel.Origin, Relation: r.ID, Repaired: true, Reason: note})
		}
		rel.Trigger = trimSpace(doc.Text, rel.Trigger)
		rel.TriggerText = doc.Text[rel.Trigger.Start:rel.Trigger.End]
		doc.Relations = append(doc.Relations, rel)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// eachLine calls f with each non-blank line of the file, a UTF-8 byte order
// mark removed from the first, and wraps its error with the file and line.
func eachLine(name string, f func(line int, raw []byte) error) error {
	file, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("gold: %w", err)
	}
	defer file.Close()
	return scanLines(file, name, f)
}

func scanLines(r io.Reader, name string, f func(line int, raw []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	for n := 1; sc.Scan(); n++ {
		raw := sc.Bytes()
		if n == 1 {
			raw = []byte(strings.TrimPrefix(string(raw), "\ufeff"))
		}
		if strings.TrimSpace(string(raw)) == "" {
			continue
		}
		if err := f(n, raw); err != nil {
			return fmt.Errorf("read %s line %d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// runeOffsets returns the byte offset of each code point of text, then
// len(text): offsets[i] is where code point i starts.
func runeOffsets(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

// trimSpace narrows s to the text inside its leading and trailing white
// space; a span of white space only is kept as it is.
func trimSpace(text string, s Span) Span {
	t := text[s.Start:s.End]
	inner := strings.TrimFunc(t, unicode.IsSpace)
	if inner == "" {
		return s
	}
	start := s.Start + len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
	return Span{start, start + len(inner)}
}

// Types returns the gold relation types of docs, in order of frequency
// (then name), with their counts.
func Types(docs []Document) ([]string, map[string]int) {
	counts := make(map[string]int)
	for _, d := range docs {
		for _, r := range d.Relations {
			counts[r.Type]++
		}
	}
	types := make([]string, 0, len(counts))
	for t := range counts {
		types = append(types, t)
	}
	sort.Slice(types, func(i, j int) bool {
		if counts[types[i]] != counts[types[j]] {
			return counts[types[i]] > counts[types[j]]
		}
		return types[i] < types[j]
	})
	return types, counts
}
