package main

import (
	"runtime/debug"
	"sync"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// appVersion is what --version, run records and lock owners say: see
// buildVersion. It reads the build information once.
var appVersion = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	return buildVersion(version, info, ok)
})

// buildVersion says which build this is: ldflags, the version set with
// -ldflags "-X main.version=...", when it is set (not "dev"); else the
// module version the go command recorded (v1.2.3 for go install
// module@v1.2.3, a pseudo-version or "(devel)" for a build in a checkout),
// followed by the VCS revision, and ", modified" for a build of a changed
// tree, when the build recorded them (go build does in a git checkout
// unless -buildvcs=false). "dev" when nothing is known.
func buildVersion(ldflags string, info *debug.BuildInfo, ok bool) string {
	if ldflags != "" && ldflags != "dev" {
		return ldflags
	}
	if !ok || info == nil {
		return "dev"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "dev"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return v
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v += " (commit " + rev
	if modified == "true" {
		v += ", modified"
	}
	return v + ")"
}
