package main

import (
	"runtime/debug"
	"testing"
)

func TestBuildVersion(t *testing.T) {
	vcs := []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}
	for _, tc := range []struct {
		what    string
		ldflags string
		info    *debug.BuildInfo
		want    string
	}{
		{"no build info", "dev", nil, "dev"},
		{"-ldflags wins", "v1.4.0", &debug.BuildInfo{Main: debug.Module{Version: "v1.3.0"}}, "v1.4.0"},
		{"go install module@v1.3.0", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v1.3.0"}}, "v1.3.0"},
		{"go build in a changed checkout", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v1.3.1-0.20261130000000-0123456789ab+dirty"}, Settings: vcs},
			"v1.3.1-0.20261130000000-0123456789ab+dirty (commit 0123456789ab, modified)"},
		{"go build -buildvcs=false", "dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev"},
		{"a clean checkout", "dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs[:2]}, "dev (commit 0123456789ab)"},
	} {
		if got := buildVersion(tc.ldflags, tc.info, tc.info != nil); got != tc.want {
			t.Errorf("%s: buildVersion = %q, want %q", tc.what, got, tc.want)
		}
	}
}
