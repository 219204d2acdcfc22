package graph

import (
	"fmt"
	"strings"
	"time"
)

// RelationType names what one actor did to or with another, as a sentence
// says it.
type RelationType string

// The typed relations newsgraph extracts. STATEMENT links a speaker to the
// article that quotes them and has no object entity.
const (
	Meets      RelationType = "MEETS"
	Visits     RelationType = "VISITS"
	Invites    RelationType = "INVITES"
	Discusses  RelationType = "DISCUSSES"
	Attacks    RelationType = "ATTACKS"
	Supports   RelationType = "SUPPORTS"
	Criticizes RelationType = "CRITICIZES"
	Threatens  RelationType = "THREATENS"
	Statement  RelationType = "STATEMENT"
)

// RelationTypes lists every relation type, in the order tables show them.
// Stores may use it to build per-type statements: the names are constants,
// never user input.
var RelationTypes = []RelationType{Meets, Visits, Invites, Discusses, Attacks, Supports, Criticizes, Threatens, Statement}

// ParseRelationType accepts a relation type in any case ("meets", "MEETS").
func ParseRelationType(s string) (RelationType, error) {
	u := RelationType(strings.ToUpper(strings.TrimSpace(s)))
	for _, t := range RelationTypes {
		if u == t {
			return t, nil
		}
	}
	names := make([]string, len(RelationTypes))
	for i, t := range RelationTypes {
		names[i] = strings.ToLower(string(t))
	}
	return "", fmt.Errorf("unknown relation type %q (want one of %s)", s, strings.Join(names, ", "))
}

// Offsets are byte offsets into the text extraction reads: the article's
// title, a line break, then its body (see ingest.Text).
type Offsets struct{ Start, End int }

// Relation is one typed relation one sentence of an article states: the
// unit of evidence. Counts per pair and type are derived from relations at
// query time, never stored.
type Relation struct {
	Type RelationType
	// Subject acts on Object. For an undirected relation ("talks between X
	// and Y"), Subject < Object by ID and neither is known to act.
	Subject string
	Object  string // "" for STATEMENT, whose object is the article itself
	// Directed is false when word order cannot tell who acts.
	Directed bool
	// Negated marks a relation the sentence denies ("did not meet", "نفى").
	// It is recorded, not dropped, and kept out of typed edges.
	Negated  bool
	Sentence int    // index of the sentence; the title is sentence 0
	Text     string // the sentence, or a window of it around the trigger when it is long
	// TextStart is where Text begins in the article text, so that the
	// offsets below, which point into the article text, can be found in it.
	TextStart   int
	Trigger     Offsets // the word that names the relation: "met", "زيارة"
	SubjectSpan Offsets
	ObjectSpan  Offsets // zero for STATEMENT
	// Pattern names the construction the extractor read the relation by
	// ("svo", "agent", "vso", …; see ingest/extract): what its confidence
	// is measured per. Empty for relations from elsewhere.
	Pattern string
	// Confidence is the measured precision of Pattern, in [0, 1]: the
	// share of its relations a checker found right on development data,
	// smoothed (see ingest/extract.Confidence). Zero means not measured:
	// a relation stored before confidences were kept.
	Confidence float64
}

// DefaultConfidence is the confidence of a relation whose pattern was
// never measured: 0.5, knowing nothing either way (see
// ingest/extract.WilsonCentre). Weights by confidence count a relation
// stored without one (Confidence 0) as this too.
const DefaultConfidence = 0.5

// MinConfidence is the confidence below which query relations hides a
// relation unless told otherwise (--min-confidence).
const MinConfidence = 0.5

// MaxRelationText bounds Relation.Text, so that one run-on sentence does not
// bloat a store.
const MaxRelationText = 600

// EdgeLevel chooses what makes two entities neighbours in a projection.
type EdgeLevel string

// The edge levels, from the weakest evidence to the strongest.
const (
	// ArticleEdges join entities named in the same article.
	ArticleEdges EdgeLevel = "article"
	// SentenceEdges join entities named in the same sentence.
	SentenceEdges EdgeLevel = "sentence"
	// TypedEdges join the subject and object of a typed relation that is
	// not negated (STATEMENT, which has no object entity, never makes one).
	TypedEdges EdgeLevel = "typed"
)

// ParseEdgeLevel accepts the edge levels users type on the command line.
func ParseEdgeLevel(s string) (EdgeLevel, error) {
	switch EdgeLevel(strings.ToLower(s)) {
	case ArticleEdges, "articles":
		return ArticleEdges, nil
	case SentenceEdges, "sentences":
		return SentenceEdges, nil
	case TypedEdges, "relations":
		return TypedEdges, nil
	}
	return "", fmt.Errorf("unknown edge level %q (want sentence, article or typed)", s)
}

// RelationEvidence is a stored relation with the article it came from.
type RelationEvidence struct {
	Relation
	ArticleID string
	Title     string
	URL       string
	Source    string
	Published time.Time // zero when unknown
}

// validate checks r against the entities its document mentions. A party must
// be mentioned, not merely carried: stores remove an entity once no article
// mentions it, and a relation must never outlive one of its parties.
func (r *Relation) validate(mentioned map[string]bool, article string) error {
	known := false
	for _, t := range RelationTypes {
		known = known || r.Type == t
	}
	switch {
	case !known:
		return fmt.Errorf("article %s: relation of unknown type %q", article, r.Type)
	case !mentioned[r.Subject]:
		return fmt.Errorf("article %s: %s relation whose subject %q the document does not mention", article, r.Type, r.Subject)
	case r.Type == Statement && r.Object != "":
		return fmt.Errorf("article %s: STATEMENT relation with an object entity %q", article, r.Object)
	case r.Type != Statement && !mentioned[r.Object]:
		return fmt.Errorf("article %s: %s relation whose object %q the document does not mention", article, r.Type, r.Object)
	case r.Type != Statement && r.Subject == r.Object:
		return fmt.Errorf("article %s: %s relation of %s with itself", article, r.Type, r.Subject)
	case !r.Directed && r.Type != Statement && r.Subject > r.Object:
		return fmt.Errorf("article %s: undirected %s relation must name the lesser ID first", article, r.Type)
	case len(r.Text) > MaxRelationText:
		return fmt.Errorf("article %s: relation text of %d bytes (at most %d)", article, len(r.Text), MaxRelationText)
	}
	return nil
}
