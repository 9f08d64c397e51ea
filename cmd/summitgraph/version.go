package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

// Set at build time, for builds without a VCS stamp (from a source
// tarball, with -buildvcs=false, in a container without .git):
//
//	go build -ldflags "-X main.version=v0.3.0 -X main.commit=$(git rev-parse HEAD)" ./cmd/summitgraph
//
// They win over the build information when set.
var (
	version = ""
	commit  = ""
)

func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "version", "", "Print the version, the commit it was built from, and the Go version.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, versionString())
	return nil
}

// versionString is the version and commit set at build time (see version),
// or else the module version and VCS commit of the build information, and
// the Go version.
func versionString() string {
	bi, _ := debug.ReadBuildInfo()
	return versionOf(bi, version, commit)
}

func versionOf(bi *debug.BuildInfo, setVersion, setCommit string) string {
	v, c, modified, goVersion := "(devel)", "unknown", false, "unknown"
	if bi != nil {
		goVersion = bi.GoVersion
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				c = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if modified {
		c += " (modified)"
	}
	if setVersion != "" {
		v = setVersion
	}
	if setCommit != "" {
		c = setCommit
	}
	return fmt.Sprintf("summitgraph %s commit %s %s", v, c, goVersion)
}
