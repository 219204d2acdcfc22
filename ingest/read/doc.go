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
// Read never holds a corpus in memory whole, and nothing but the callback's
// error is fatal: a broken record or input is reported as a Problem (file,
// line, reason; Warning for a caveat) to ReadOptions.Problem and skipped.
// Articles come in input order, and the same bytes always give the same
// articles with the same IDs.
//
// The package imports graph/norm and graph only; extraction
// (ingest/extract) and the pipeline (ingest) consume its Articles.
package read
