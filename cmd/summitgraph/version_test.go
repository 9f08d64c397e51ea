package main

import (
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestVersionOf: a version and commit set at build time win over the
// build information; without either, the VCS stamp; without a stamp,
// "(devel)" and "unknown".
func TestVersionOf(t *testing.T) {
	stamped := &debug.BuildInfo{GoVersion: "go1.26", Main: debug.Module{Version: "v1.2.3"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.modified", Value: "true"}}}
	bare := &debug.BuildInfo{GoVersion: "go1.26"}
	for _, tc := range []struct {
		bi   *debug.BuildInfo
		v, c string
		want string
	}{
		{stamped, "", "", "summitgraph v1.2.3 commit abc123 (modified) go1.26"},
		{bare, "", "", "summitgraph (devel) commit unknown go1.26"},
		{bare, "v0.3.0", "0123abcd", "summitgraph v0.3.0 commit 0123abcd go1.26"},
		{stamped, "v0.3.0", "0123abcd", "summitgraph v0.3.0 commit 0123abcd go1.26"},
	} {
		if got := versionOf(tc.bi, tc.v, tc.c); got != tc.want {
			t.Errorf("versionOf(%v, %q, %q) = %q, want %q", tc.bi.Main.Version, tc.v, tc.c, got, tc.want)
		}
	}
}

// TestVersionLdflags builds the binary without a VCS stamp and with the
// README's -ldflags, and runs `version`.
func TestVersionLdflags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "summitgraph")
	build := exec.Command("go", "build", "-buildvcs=false", "-ldflags", "-X main.version=v9.8.7 -X main.commit=feedc0de", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "summitgraph v9.8.7 commit feedc0de go") {
		t.Errorf("version: %q %v", out, err)
	}
}
