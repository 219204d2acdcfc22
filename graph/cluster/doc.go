// Package cluster merges, at query time, the nodes a store holds for one
// actor whom the lexicon does not know: "person:احمد-عصيد",
// "person:واحمد-عصيد" (a clitic left on the first word),
// "person:احمد-عصيد-قائلا" (a verb after the name) and "person:عصيد" (the
// surname alone) are one node of a Clustering.
//
// The stored IDs never change: a Clustering is a mapping from store IDs to
// the ID of the node that represents their cluster, derived from the
// store's entities alone (Compute), so re-ingesting the same articles gives
// the same mapping and no stored ID drifts. Store wraps a graph.Store so
// that every read — projections, evidence, profiles, mentions, relations,
// name lookups — sees merged nodes; writes go through unchanged.
//
// # The key
//
// Only made IDs (TYPE:KEY, see graph.Entity; lexicon IDs hold no colon)
// are clustered, and only with made IDs of the same type. KEY is the folded
// words of the name joined by "-" (graph/norm). The cluster key of a made
// ID is KEY with, in this order:
//
//  1. spelling: "عبد" joined to the word after it (عبد-الله and عبدالله
//     are one key);
//  2. clitic: a proclitic (و ف, then ب ك ل after either or alone) removed
//     from the first word when at least three letters remain, they do not
//     start with ال or ل, and either they are a first name
//     (Options.FirstName: "ومحمد") or the key with them as first word is
//     itself a made ID of the type ("واحمد-عصيد" when "احمد-عصيد" is
//     stored). A one-word key needs the bare word stored with more
//     articles than itself, and loses only a conjunction (و ف) or, before
//     a place, ب "in" ("بسلا" beside "سلا"; not the organisation "بريتش"
//     beside "ريتش", "كرونا" beside "رونا" or the place "لسان", "tongue",
//     beside "سان"): one word is little evidence.
//
// Trailing words ("احمد-بوكوس-فيابي", "…-قائلا") are not cut from keys:
// the store holds no evidence that tells them from surnames (on
// ar-news-2022 the words that follow three or more stored two-word person
// names are all surnames: العلمي, الصديقي, الجواهري). A name with one is
// merged only by absorption, when it is the one longer name.
//
// IDs with one cluster key are one cluster.
//
// # Absorption
//
// A key S is a sub-name of a longer key L of the same type when
//
//   - S, of two or more words, is a prefix of L ("حزب-العداله" of
//     "حزب-العداله-والتنميه");
//   - for persons, S has two or more words, does not start with a link
//     (ابو ام بن ابن بنت), and L has S's first and last word and S's
//     words in order (a middle name: "احمد-عصيد" of "احمد-بن-محمد-عصيد");
//   - for persons, S is one word, L's last word, not after a link in L
//     (غسان of ابو-غسان is no surname), not a first name, not starting
//     with ال (الحسن, النعمان are shared by too many), and S has no more
//     articles than L (the surname alone).
//
// The longer absorbs the shorter only when the corpus makes it
// unambiguous: the keys S is a sub-name of form one chain (each a sub-name
// of the next), and then S joins the shortest of them. A lone first name
// ("محمد") is never absorbed, and a prefix with two longer names
// ("نور-الدين" of "نور-الدين-الطبوبي" and "نور-الدين-مضيان") stays alone.
//
// # The representative
//
// A cluster reads as one of its members: one whose key is its own words
// (no clitic removed), then the one with most articles, then fewest words,
// then the smallest ID. It is derived like the clustering, so it can change
// when articles are added; stored IDs never do, and every member's ID
// resolves to the cluster.
//
// # Across scripts
//
// Options.Linker, when set, links an Arabic-script key to a Latin-script
// key of the same type, both of two words or more, when it scores them at
// least Options.LinkThreshold and each is the other's best-scoring
// candidate, alone (mutual best: a corpus holds more near misses than the
// lexicon a model is calibrated on). A Linker that is also a Blocker is
// asked to score only the pairs that share a block. nil leaves scripts
// apart.
//
// # Hidden nodes
//
// A made person ID whose key is one common given name (Options.FirstName:
// person:محمد, person:ومحمد) is no actor: within-article resolution has
// already tied every such mention it could to a fuller name, so what is
// left gathers different people. So is a made organisation ID whose key
// is one head noun of organisations' names (Options.HeadNoun:
// organization:منظمه "organisation", organization:المعهد "the institute"). Projections leave it and its edges out
// (Clustering.Hidden); Resolve finds it only by its exact ID; the store
// keeps it, and --no-cluster shows it.
//
// # Kept by the store
//
// Store reads a clustering a Deriver store (graph/sqlite) kept at its
// current write generation under Options.Fingerprint and RulesVersion,
// and keeps one it computes; a store opened read-only computes it per
// command.
//
// # Counts
//
// A merged node's counts (articles, mentions, edge weights) are the sums of
// its members': an article that names two members of one cluster counts
// twice. Within-article resolution makes that rare; Store.Mentions and
// Store.Evidence, which list articles, count each article once.
package cluster
