// Package draw makes pictures of query results: an ego network or any small
// projection (SVG and Graphviz DOT), the paths between two actors (SVG and
// DOT) and the timelines of several actors (SVG).
//
// The pictures are for people and for the tools people open them in: SVG
// for a browser or an editor, DOT for Graphviz (dot, neato) and for Gephi's
// DOT import. Nodes are entities: their area grows with the articles naming
// them, their colour is their type (person, organization, location), and
// edge widths grow with the articles behind the link.
//
// Names are written in both scripts as logical-order Unicode text; the
// Arabic name is marked direction="rtl" and xml:lang="ar" so that the
// renderer (a browser, resvg, Graphviz with a font that has Arabic) shapes
// and orders it. Nothing here measures glyphs: widths are estimated from the
// number of grapheme clusters, which is enough to keep labels apart.
//
// Output is deterministic: the same input gives the same bytes. Graphs are
// laid out radially, in rings of hop distance around the ego (see
// positions), which needs no seed; coordinates are written to 0.1 px. DOT
// leaves the layout to Graphviz.
//
// Errors are those of the writer, or a description of an input that cannot
// be drawn (an empty projection, a path without entities).
package draw
