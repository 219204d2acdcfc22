package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// MaxIDBytes bounds the article and entity IDs a store is given. Neo4j
// refuses to index a property of more than about 8 KB (its range index's key
// limit), and the IDs are indexed, so one ~10 KB URL used as an article ID
// failed the whole batch it was written in. The cap is well below that limit
// so that IDs stay practical to type and print; both stores are given the
// same capped IDs (see CapID), so they hold the same articles.
const MaxIDBytes = 512

// capHashLen is the length of the hash suffix of a capped ID, in hex digits:
// 64 bits, so that two long IDs with the same prefix do not collide.
const capHashLen = 16

// CapID returns id unchanged when it is at most MaxIDBytes long, and
// otherwise a readable prefix of it cut at a character boundary, "~", and a
// stable hash of the whole of id: MaxIDBytes long at most, the same for the
// same id on every run and backend, different for different ids (up to a
// 64-bit hash collision). The full value is kept elsewhere where it matters:
// an article's URL in Article.URL, an entity's name in its names.
func CapID(id string) string {
	if len(id) <= MaxIDBytes {
		return id
	}
	sum := sha256.Sum256([]byte(id))
	suffix := "~" + hex.EncodeToString(sum[:])[:capHashLen]
	cut := MaxIDBytes - len(suffix)
	for cut > 0 && !utf8.RuneStart(id[cut]) {
		cut--
	}
	// Nor inside a URL's percent escape ("%D8%A7"): a prefix ending in
	// "%" or "%D" is not a URL any tool would print.
	switch {
	case cut >= 1 && id[cut-1] == '%':
		cut--
	case cut >= 2 && id[cut-2] == '%' && isHex(id[cut-1]):
		cut -= 2
	}
	return id[:cut] + suffix
}

// CapIDs caps every ID in d with CapID: the article's, its entities' and
// their parents', and those its mentions and relations refer to. An
// undirected relation whose parties change order by it is turned round, as
// Validate wants the lesser ID first.
func (d *Document) CapIDs() {
	d.Article.ID = CapID(d.Article.ID)
	for i := range d.Entities {
		d.Entities[i].ID = CapID(d.Entities[i].ID)
		d.Entities[i].Parent = CapID(d.Entities[i].Parent)
	}
	for i := range d.Mentions {
		d.Mentions[i].EntityID = CapID(d.Mentions[i].EntityID)
	}
	for i := range d.Relations {
		r := &d.Relations[i]
		r.Subject, r.Object = CapID(r.Subject), CapID(r.Object)
		if !r.Directed && r.Type != Statement && r.Subject > r.Object {
			r.Subject, r.Object = r.Object, r.Subject
			r.SubjectSpan, r.ObjectSpan = r.ObjectSpan, r.SubjectSpan
		}
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// MadeID reports whether id is one the extractor made for a name the lexicon
// does not know: "TYPE:key", TYPE one of the entity types (person:كريم-حداد,
// organization:hezbollah). Lexicon IDs carry no type prefix (mohamed-vi,
// up-b6d7c964c9).
func MadeID(id string) bool {
	typ, key, ok := strings.Cut(id, ":")
	if !ok || key == "" {
		return false
	}
	switch EntityType(typ) {
	case Person, Organization, Location:
		return true
	}
	return false
}
