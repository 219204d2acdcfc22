// Package read turns news files into Articles: it opens inputs (files,
// folders, "-" for standard input, http(s) URLs, gzip-compressed any of
// them), caps their size, decodes their text (declared, sniffed or forced
// encodings; mojibake is diagnosed), tells their format (plain text in the
// seed format, JSON lines, JSON, CSV/TSV, RSS/Atom/JSON Feed, HTML pages)
// and streams one Article at a time to a callback. It also parses the dates
// news is written with (ParseDate: Gregorian and Hijri, Arabic and English
// month names, numeric orders) and gives each article a stable ID from its
// record, URL or text (NormalizeURL, TextFingerprint).
//
// Folders yield regular files only, and symbolic links whose target lies
// within the folder named (anywhere with ReadOptions.FollowSymlinks);
// FIFOs, sockets, devices, links to folders and loops are reported, so a
// walk never blocks or loops. A path named that is no regular file is
// reported too: only "-" reads a stream.
//
// A link is an article's ID only where its input may speak for it: an
// item of a fetched feed or export linking to another site (registrable
// domain) than the URL it was fetched from keeps the link as its URL, and
// its ID is the link scoped to that URL (ScopedID), with one warning per
// input. A file speaks for no site: its links stay IDs, and Vouches and
// Article.ClaimsID let the pipeline refuse one that would replace an
// article fetched from the link's own site. A fetch is bounded in total by
// ReadOptions.Timeout, not per read.
//
// Memory is bounded by the article cap (ReadOptions.MaxArticleBytes), not
// by the input: every reader cuts a line, field, string or element at the
// cap while reading it (a feed document holds at most feedDocFactor caps,
// a JSON value twice the cap), whatever an input inflates to.
//
// Read never holds a corpus in memory whole, and nothing but the callback's
// error is fatal: a broken record or input is reported as a Problem (file,
// line, reason; Warning for a caveat) to ReadOptions.Problem and skipped.
// Articles come in input order, and the same bytes always give the same
// articles with the same IDs.
//
// The package imports graph/norm and graph only; extraction
// (ingest/extract) and the pipeline (ingest) consume its Articles.
package read
