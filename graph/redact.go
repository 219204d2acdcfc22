package graph

import "strings"

// Redact returns s with the password of every URL in it replaced by
// "xxxxx", as url.URL.Redacted writes it: "http://user:pass@host/feed" becomes
// "http://user:xxxxx@host/feed". s may be a store location, an input URL or
// any message that quotes URLs; everything else in it is left byte for byte
// (no percent-encoding), so a message stays plain text. It is the one
// redaction newsgraph applies before a location or input reaches a message,
// a log, the --errors file, the run history or a stored article.
//
// A URL's userinfo is what lies between "scheme://" and the last "@" before
// the first "/", "?", "#", white space, quote or angle bracket. A user name
// without a password is kept, as url.URL.Redacted keeps it.
func Redact(s string) string {
	var b strings.Builder
	rest := s
	for {
		i := strings.Index(rest, "://")
		if i < 0 {
			break
		}
		start := i + 3
		end := start + strings.IndexFunc(rest[start:], endsAuthority)
		if end < start {
			end = len(rest)
		}
		at := strings.LastIndexByte(rest[start:end], '@')
		if at < 0 || !hasScheme(rest[:i]) {
			b.WriteString(rest[:end])
			rest = rest[end:]
			continue
		}
		userinfo := rest[start : start+at]
		user, _, hasPass := strings.Cut(userinfo, ":")
		b.WriteString(rest[:start])
		b.WriteString(user)
		if hasPass {
			b.WriteString(":xxxxx")
		}
		rest = rest[start+at:] // from the "@"
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(rest)
	return b.String()
}

// endsAuthority reports whether r ends a URL's authority in running text.
func endsAuthority(r rune) bool {
	switch r {
	case '/', '?', '#', '"', '\'', '<', '>', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

// hasScheme reports whether before ends with a URI scheme: a letter, then
// letters, digits, "+", "-" or ".".
func hasScheme(before string) bool {
	i := len(before)
	for i > 0 {
		c := before[i-1]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.' {
			i--
			continue
		}
		break
	}
	if i == len(before) {
		return false
	}
	c := before[i]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
