package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// lineageFixtures are the fixtures of the lineage tests, written for the
// project: Lima 2018's declaration and Los Angeles 2022's plan, which
// renews two of its paragraphs.
func lineageFixtures(t *testing.T, names ...string) []string {
	t.Helper()
	var paths []string
	for _, n := range names {
		paths = append(paths, filepath.Join("..", "..", "graph", "ingest", "testdata", "lineage", n))
	}
	return paths
}

// TestOverlapCommand runs overlap on a store of the fixtures, in process
// and then beside a server holding the store (through its GraphQL API):
// the same output byte for byte, exit statuses included.
func TestOverlapCommand(t *testing.T) {
	store := t.TempDir()
	files := lineageFixtures(t, "lima_2018_declaration_en.txt", "los_angeles_2022_plan_en.txt")
	if code, _, errs := run(t, append([]string{"--store", store, "ingest"}, files...)...); code != 0 {
		t.Fatal(errs)
	}
	cases := [][]string{
		{"2022"}, {"--json", "Los Angeles"}, {"los angelos"}, {"--theme", "forests", "9"},
		{"--first", "1", "summit/2022-los-angeles"}, {"--first", "0", "IX Summit of the Americas"},
		{"Lima"}, {"Atlantis"}, {"--theme", "theme/no-such-theme", "2022"}, {"--theme", "Inter-American Development Bank", "2022"},
	}
	type result struct {
		code        int
		out, stderr string
	}
	local := make([]result, len(cases))
	for i, args := range cases {
		code, out, errs := run(t, append([]string{"--store", store, "overlap"}, args...)...)
		local[i] = result{code, out, errs}
	}

	// The table: the summit, its counts, Lima's row, the renewals with
	// their evidence, the mandates not renewed.
	r := local[0]
	if r.code != 0 {
		t.Fatalf("overlap 2022: %+v", r)
	}
	for _, want := range []string{
		"Los Angeles 2022 (IX Summit of the Americas, summit/2022-los-angeles)\n3 mandates, 2 renewing earlier ones (2 RENEWS links)\n",
		"RENEWS, best first (2)\n", "NOT RENEWED by this summit or a later one (2)\n",
		`renewal word "continue"`, `renewal word "reaffirm"`,
	} {
		if !strings.Contains(r.out, want) {
			t.Errorf("overlap 2022: no %q in\n%s", want, r.out)
		}
	}
	if !regexp.MustCompile(`(?m)^Lima 2018 +4 +2 +2 +2$`).MatchString(r.out) {
		t.Errorf("overlap 2022: Lima's row (4 mandates, 2 renewed, by 2, 2 not renewed) missing:\n%s", r.out)
	}
	if !regexp.MustCompile(`(?m)^1\.00 +1\. Continue strengthening the Inter-American Network of Water Authorities… +Lima 2018: 1\. Strengthen the Inter-American Network`).MatchString(r.out) {
		t.Errorf("overlap 2022: the water network's renewal missing:\n%s", r.out)
	}
	if !regexp.MustCompile(`(?m)^Lima 2018 +3\. Publish municipal procurement`).MatchString(r.out) ||
		!regexp.MustCompile(`(?m)^Lima 2018 +4\. Convene a hemispheric workshop`).MatchString(r.out) {
		t.Errorf("overlap 2022: the mandates not renewed missing:\n%s", r.out)
	}

	var js overlapReport
	if err := json.Unmarshal([]byte(local[1].out), &js); err != nil || local[1].code != 0 {
		t.Fatalf("overlap --json: %v %+v", err, local[1])
	}
	if js.Summit.ID != "summit/2022-los-angeles" || js.Mandates != 3 || js.Renewing != 2 || js.RenewalsTotal != 2 ||
		len(js.Renewals) != 2 || js.NotRenewedTotal != 2 || len(js.Summits) != 1 || js.Summits[0].Renewed != 2 {
		t.Errorf("overlap --json: %+v", js)
	}
	if r := local[2]; r.code != 0 || !strings.HasPrefix(r.out, `no summit is called "los angelos"; did you mean Los Angeles 2022 (summit/2022-los-angeles, score 0.90)? Its overlap:`) {
		t.Errorf("did you mean: %+v", r)
	}
	if r := local[3]; r.code != 0 || !strings.Contains(r.out, "theme Forests and biodiversity (theme/forests-and-biodiversity)\n1 mandate, 1 renewing earlier ones (1 RENEWS link)\n") {
		t.Errorf("--theme: %+v", r)
	}
	if r := local[4]; r.code != 0 || !strings.Contains(r.out, "RENEWS, best first (1 of 2; --first 0 for all)") || !strings.Contains(r.out, "(1 of 2; --first 0 for all)\nSUMMIT") {
		t.Errorf("--first 1: %+v", r)
	}
	if r := local[5]; r.code != 0 || r.out != local[0].out {
		t.Errorf("--first 0 by name: %+v\nwant\n%s", r, local[0].out)
	}
	if r := local[6]; r.code != 0 || !strings.Contains(r.out, "4 mandates, 0 renewing earlier ones (0 RENEWS links)\nno earlier summit has mandates here\n") {
		t.Errorf("Lima: %+v", r)
	}
	if r := local[7]; r.code != 1 || !strings.Contains(r.stderr, `no summit is called "Atlantis"`) {
		t.Errorf("Atlantis: %+v", r)
	}
	if r := local[8]; r.code != 1 || !strings.Contains(r.stderr, `no theme with id "theme/no-such-theme"`) {
		t.Errorf("unknown theme: %+v", r)
	}
	if r := local[9]; r.code != 1 || !strings.Contains(r.stderr, `no theme is called "Inter-American Development Bank"`) {
		t.Errorf("an institution as theme: %+v", r)
	}

	startServer(t, store)
	if _, err := openAppRead(context.Background(), store); err == nil {
		t.Fatal("the store opened beside the server")
	}
	for i, args := range cases {
		code, out, errs := run(t, append([]string{"--store", store, "overlap"}, args...)...)
		if got := (result{code, out, errs}); got != local[i] {
			t.Errorf("overlap %q beside the server:\n%+v\nin process:\n%+v", args, got, local[i])
		}
	}
}

func TestOverlapUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"overlap"}, 2, "give a summit"},
		{[]string{"overlap", "--first", "-1", "2022"}, 2, "--first must be 0 (all) or more"},
		{[]string{"overlap", "-h"}, 0, "usage: summitgraph [--store DIR] overlap [--theme T] [--first N] [--json] SUMMIT"},
		{[]string{"help"}, 0, "  overlap  print a summit's overlap report"},
	} {
		code, out, errs := run(t, append([]string{"--store", t.TempDir()}, tt.args...)...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("%q: exit %d, output %q; want %d and %q", tt.args, code, out+errs, tt.code, tt.want)
		}
	}
}
