package read

import (
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/newsgraph/newsgraph/graph"
)

// site returns the site a host belongs to: its registrable domain
// ("www.bbc.co.uk" and "feeds.bbc.co.uk" are "bbc.co.uk", by the Public
// Suffix List), lower-cased, without "www." or a port. An IP address, a
// name without a public suffix ("localhost") or one that is itself a
// public suffix is its own site. "" for "".
func site(host string) string {
	host = strings.ToLower(strings.TrimSpace(host))
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if host == "" || net.ParseIP(host) != nil {
		return host
	}
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return strings.TrimPrefix(host, "www.")
}

// siteOfURL returns the site of an absolute http(s) URL, or "".
func siteOfURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return site(u.Host)
}

// Vouches tells whether input, an input as Article.Input names it, was
// fetched from the site of link, an absolute http(s) URL: a server speaks
// for the articles of its own site only. A file, "stdin" or a URL of
// another site vouches for no link.
func Vouches(input, link string) bool {
	in := siteOfURL(input)
	return in != "" && in == siteOfURL(link)
}

// ClaimsID tells whether a's ID is its link (its URL, normalised) though
// its input does not vouch for it (see Vouches): a saved page's canonical
// link, a file's url column. Such an ID is the article's, as a folder's
// owner vouches for its files, until it names an article stored from a
// URL of the link's site: then the pipeline keeps that one and stores a
// under an ID scoped to its input (see ScopedID).
func (a *Article) ClaimsID() bool {
	if a.URL == "" || siteOfURL(a.URL) == "" || Vouches(a.Input, a.URL) {
		return false
	}
	id := NormalizeURL(a.URL)
	return a.ID == id || a.ID == graph.CapID(id)
}

// ScopedID is the ID an article gets whose link may not be its ID: the
// link, normalised, scoped to the input that names it, as bare record IDs
// are ("https://feeds.example.org/rss#other.example/news/1").
func ScopedID(input, link string) string {
	return input + "#" + NormalizeURL(link)
}

// urlHost returns the host of raw, a URL, or "".
func urlHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Host
}
