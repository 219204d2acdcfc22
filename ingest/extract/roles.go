package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

// A party is what kind of thing a mention names, for the role table: a
// person, an organisation, a news outlet (an organisation that reports),
// a country (a polity: its government acts), a capital city (a
// government named by its seat: "Washington accused Tehran"), or a place
// (every other location: a city, a region, a district), which is where an
// event happens.
type party uint8

const (
	partyPerson party = 1 << iota
	partyOrg
	partyCountry
	partyCapital
	partyPlace
	partyMedia
)

// Fillers of a role.
const (
	actors     = partyPerson | partyOrg | partyCountry                             // who can act with force
	speakers   = partyPerson | partyOrg | partyCountry | partyCapital | partyMedia // who can talk, back, blame, threaten
	everywhere = speakers | partyPlace
	// A news outlet does not fight (its attacks are in words: see
	// verbalAttack) and is no side of talks (an interview is no
	// negotiation), and does not travel; it may be attacked ("Israel
	// bombed the Al Jazeera office"), meet (an interview was judged a
	// meeting), back and blame. An outlet set off by a dash is a byline
	// and no party at all (byline).
	talkers = speakers &^ partyMedia
)

// roles declares which parties may fill the subject and the object of each
// relation type; emit drops a relation whose arguments do not fit.
//
//   - ATTACKS: both sides act with force — people, organisations,
//     countries; a news outlet may be a target, never an attacker. A
//     government named by its capital may strike ("شنت تل
//     أبيب غارات على سوريا"), but as the object a capital or another place
//     is where the fighting is, not a side of it ("Israel bombarded
//     Damascus" is a strike on a place); and no other place acts
//     ("Aleppo bomb blast kills six" is a blast in a place).
//   - SUPPORTS, CRITICIZES, THREATENS, MEETS, DISCUSSES, INVITES: the
//     speakers — a capital may stand for its government ("Washington
//     accused Tehran"); a city council is an organisation and fits as one.
//     A news outlet is a speaker, but no side of talks.
//   - VISITS: a speaker visits anyone or anywhere: the object may be a
//     place. A capital does not travel, so its subject is an actor.
//   - STATEMENT: the speaker is a speaker; it has no object.
var roles = map[graph.RelationType]struct{ subject, object party }{
	graph.Attacks:    {actors | partyCapital, actors | partyMedia},
	graph.Supports:   {speakers, speakers},
	graph.Criticizes: {speakers, speakers},
	graph.Threatens:  {speakers, speakers},
	graph.Meets:      {speakers, speakers},
	graph.Discusses:  {talkers, talkers},
	graph.Invites:    {speakers, speakers},
	graph.Visits:     {actors, everywhere},
	graph.Statement:  {speakers, 0},
}

// capitals are the capital cities of the lexicon that news uses for the
// government seated there.
var capitals = map[string]bool{
	"washington-dc": true, "tehran": true, "baghdad": true, "damascus": true, "beirut": true, "moscow": true,
	"beijing": true, "ankara": true, "riyadh": true, "cairo": true, "london": true, "paris": true, "berlin": true,
	"kabul": true, "tripoli": true, "khartoum": true, "tunis": true, "algiers": true, "rabat": true, "amman": true,
	"doha": true, "abu-dhabi": true, "sanaa": true, "manama": true, "muscat": true, "kyiv": true, "brussels": true,
	"islamabad": true, "new-delhi": true, "tokyo": true, "seoul": true, "pyongyang": true, "ottawa": true,
	"rome": true, "madrid": true,
	"erbil":    true, // the seat of the Kurdistan Regional Government
	"tel-aviv": true, // Arabic news name Israel's government by it
}

// partyOf classifies a mention by its type and, for a location, the kind
// of its lexicon entry; a location the lexicon does not know (a tagger's)
// is a place.
func partyOf(m *Mention, lex *lexicon.Lexicon) party {
	switch m.Type {
	case graph.Person:
		return partyPerson
	case graph.Organization:
		if outlet(m, lex) {
			return partyMedia
		}
		return partyOrg
	}
	if capitals[m.EntityID] {
		return partyCapital
	}
	if e := lex.Entry(m.EntityID); e != nil && (e.Kind == "country" || e.Kind == "former country") {
		return partyCountry
	}
	return partyPlace
}

// fits reports whether subj (and obj, when not nil) may fill the roles of
// typ.
func fits(typ graph.RelationType, subj, obj *Mention, lex *lexicon.Lexicon) bool {
	r, ok := roles[typ]
	if !ok {
		return false
	}
	if partyOf(subj, lex)&r.subject == 0 {
		return false
	}
	return obj == nil || partyOf(obj, lex)&r.object != 0
}

// outletWords in an organisation ID the tagger made name a news outlet
// (IDs are folded: قناه for قناة).
var outletWords = map[string]bool{"news": true, "tv": true, "television": true, "radio": true, "channel": true,
	"newspaper": true, "قناه": true, "صحيفه": true, "جريده": true}

// outlet reports whether an organisation mention names a news outlet: a
// lexicon entry of kind media, or a made ID with an outlet's word
// ("organization:national-news-agency").
func outlet(m *Mention, lex *lexicon.Lexicon) bool {
	if e := lex.Entry(m.EntityID); e != nil {
		return e.Kind == "media"
	}
	id, made := strings.CutPrefix(m.EntityID, "organization:")
	if !made {
		return false
	}
	for w := range strings.SplitSeq(id, "-") {
		if outletWords[w] {
			return true
		}
	}
	return false
}
