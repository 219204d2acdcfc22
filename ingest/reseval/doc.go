// Package reseval measures entity resolution in a store: whether each real
// actor is one node and each node one actor. It reads only the store (its
// entities, their names and the articles that mention them), never the
// extractor, so it measures the graph however its names were found.
//
// # The actor list
//
// An actor list (ReadActors) is JSON lines, one hand-checked actor a line,
// with lines starting "#" as comments:
//
//	{"actor": "Mohammed VI", "ids": ["mohamed-vi"], "forms": ["محمد السادس", "Mohammed VI"], "not": ["جامعة محمد السادس"]}
//
// actor is a display name; ids are store IDs that are this actor (lexicon
// IDs); forms are names that are this actor wherever they occur in a node's
// name; not lists names that contain a form but are someone or something
// else (another Maliki, a university named after a king).
//
// # Which nodes carry an actor
//
// A node carries an actor when its ID is one of the actor's ids, or when one
// of its names — canonical English and Arabic names, aliases, and for a
// rule- or tagger-made ID the words of the ID — contains one of the actor's
// forms as whole words (compared in norm.Key form; the first word may carry
// a one-letter proclitic و ف ب ل ك, and ال may be written لل after ل), and
// none of its names contains one of the actor's not forms (an ID in ids
// carries the actor whatever its names). So a rule-made
// "محمد السادس بتطوان" or "والعاهل محمد السادس" carries Mohammed VI.
//
// # Figures
//
// Per actor: the nodes that carry it, the articles that mention any of them
// (a union, so an article naming two of its nodes counts once), and the
// share of those articles that its largest node (most articles) holds.
// Summary: over the actors found in the store (at least one node), the
// mean number of nodes and of the share, and how many are exactly one node.
//
// Made IDs are those of the form TYPE:KEY ("person:احمد-عصيد") that the
// extractor's rules or a tagger make for names the lexicon does not know
// (lexicon IDs never hold a colon), and any whose kind is "found by …". An extending ID is a made ID equal to
// another ID of the store plus one or more trailing words
// ("person:محمد-السادس-بتطوان" extends "person:محمد-السادس").
//
// Extending IDs overstate the splits: most are full names whose shorter ID
// is itself no actor — a lone first name ("person:محمد-العبيدي" extends
// "person:محمد") or a bare head noun ("organization:حزب-…" extends
// "organization:حزب"). A fragment ID is an extending ID that extends a
// shorter ID of two or more words with at least as many articles: a
// fragment of that name's mentions with words after it
// ("person:احمد-بوكوس-فيابي" of "person:احمد-بوكوس"). It still counts a
// full name whose two-word given name is commoner ("نور-الدين-الطبوبي" of
// "نور-الدين"). Reports give both.
//
// # The junk heuristic
//
// The share of junk among the top nodes by articles is a heuristic, not a
// judgement: a node is counted as junk for the first of these reasons that
// holds, each computable from the store and the actor list alone:
//
//   - extends: a made ID that extends another ID with at least as many
//     articles (a fragment of that one's mentions, "محمد السادس بتطوان";
//     not "عبد الله بادو", which extends the rarer fragment "عبد الله");
//   - stop-word: a made node one of whose words is on StopWords — a verb, a
//     function word or a common noun that no name holds ("سيفتح", "الذي") —
//     or whose whole name is on StopPhrases ("الجيل الجديد");
//   - generic: a node whose canonical name, or one of whose aliases, is a
//     bare generic body on Generic ("مجلس النواب", "وزارة الدفاع", "the
//     interior ministry") — a body of no country, or one that makes every
//     country's body this one;
//   - duplicate: a node that carries a listed actor but is not that actor's
//     largest node.
//
// It misses junk it has no rule for (a wrong identity behind a correct
// name, a wrong type) and so understates the share a reader would judge.
//
// # A reader's verdicts
//
// A verdict file (ReadVerdicts) is a reader's judgement of the top nodes,
// one a line: ID, verdict and a note, tab-separated; the verdict is ok or
// one of the junk kinds of issue 14 (wrong-identity, non-entity, generic,
// wrong-type, duplicate). Report.Judge counts the junk it finds among the
// top nodes and the nodes it does not judge; testdata holds the verdicts on
// the top nodes of the three shared corpora.
package reseval
