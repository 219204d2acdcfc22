package read

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// MaxRedirects bounds the redirects one fetch follows.
const MaxRedirects = 10

// errRedirect marks a redirect the fetch policy refuses.
var errRedirect = errors.New("redirect refused")

// fetchClient returns the HTTP client that fetches original: http.DefaultClient's
// transport with redirectPolicy.
func fetchClient(ctx context.Context, original *url.URL) *http.Client {
	internal := isInternalHost(ctx, original.Hostname())
	return &http.Client{
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			return redirectPolicy(req.Context(), req.URL, len(via), internal)
		},
	}
}

// redirectPolicy says whether a fetch follows a redirect to target, the
// hops-th of the fetch: only to http or https, at most MaxRedirects times,
// and to a loopback, link-local, private or unspecified address
// (isInternalHost) only when the URL given was internal too, so that a feed
// on the internet cannot point a scheduled ingest at the machine's own
// services or at a cloud metadata address (169.254.169.254) and have their
// answers stored. The check resolves target's host name once; a name that
// resolves to public addresses here and to an internal one when dialed is not
// caught.
func redirectPolicy(ctx context.Context, target *url.URL, hops int, internalAllowed bool) error {
	shown := graph.Redact(target.String())
	if s := strings.ToLower(target.Scheme); s != "http" && s != "https" {
		return fmt.Errorf("%w: to %s: only http and https are fetched", errRedirect, shown)
	}
	if hops >= MaxRedirects {
		return fmt.Errorf("%w: stopped after %d redirects", errRedirect, MaxRedirects)
	}
	if !internalAllowed && isInternalHost(ctx, target.Hostname()) {
		return fmt.Errorf("%w: to %s: a loopback, link-local or private address, reached from a public URL", errRedirect, shown)
	}
	return nil
}

// isInternalHost reports whether host is, or resolves to, a loopback,
// link-local, private (RFC 1918, RFC 4193) or unspecified address, or is
// "localhost". A name that does not resolve is not internal: its fetch fails
// anyway.
func isInternalHost(ctx context.Context, host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return isInternal(ip)
	}
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return false
	}
	for _, ip := range addrs {
		if isInternal(ip) {
			return true
		}
	}
	return false
}

func isInternal(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsPrivate() || ip.IsUnspecified() || ip.IsInterfaceLocalMulticast()
}
