package nlp_test

import (
	"strings"
	"testing"

	"summitgraph/nlp"
)

// TestWarnings checks that every paragraph without a summit is reported,
// naming file and line, and nothing else is.
func TestWarnings(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string // what follows "file:" in each, in order: "line: message…"
	}{
		{seedFile, nil},
		{"initiative-numbering.txt", []string{"14: mandate 14.3 is cut off and has no citation"}},
		{"spanish-lettered.txt", []string{
			"17: mandate 1 has no citation",
			"19: item b has no citation",
			"23: item e is cut off and has no citation",
		}},
		{"initiatives-no-mandates-line.txt", []string{"14: mandate 1 is cut off"}},
		{"no-heading.txt", []string{"11: mandate 1 is cut off"}},
		{"indented-sublist.txt", []string{"14: mandate 1 has no citation", "16: item 1 has no citation", "17: item 2 has no citation", "18: item 3 is cut off"}},
		{"real-numbering.txt", []string{"21: mandate 6 is cut off"}},
		{"crlf-bom.txt", []string{"14: mandate 1 is cut off"}},
		{"wrapped-pagebreak.txt", []string{"47: mandate 1 is cut off"}},
		{"upd-cutoff.txt", []string{"9: mandate 1 has no citation; kept without a summit"}},
		{"unresolved-citations.txt", []string{
			`9: citation "Hemispheric Plan on Firearms, IX Summit of the Americas, Lima, 2015": its clues (Lima; IX Summit of the Americas; 2015) name no single summit`,
			`11: citation "Declaration of Santa Cruz + 10, 2006": its clues`,
			`13: citation "Inter-American Committee against Terrorism, 2003": no summit of the catalog met in 2003`,
			`15: citation "Inter-American Committee against Terrorism, 2003"`,
			`17: citation "Inter-American Committee against Terrorism, 2003"`,
			"19: mandate 1 is cut off",
		}},
		{"furniture-only.txt", []string{" no mandates found"}}, // no line
	} {
		t.Run(strings.TrimSuffix(tc.file, ".txt"), func(t *testing.T) {
			p := parseFixture(t, tc.file)
			if len(p.Warnings) != len(tc.want) {
				t.Fatalf("%d warnings, want %d:\n%s", len(p.Warnings), len(tc.want), joinWarnings(p.Warnings))
			}
			for i, w := range p.Warnings {
				if w.File != tc.file {
					t.Errorf("warning %d names file %q, want %q", i, w.File, tc.file)
				}
				if got := w.String(); !strings.HasPrefix(got, tc.file+":"+tc.want[i]) {
					t.Errorf("warning %d: %q\n  want it to start with %q", i, got, tc.file+":"+tc.want[i])
				}
			}
			// Every unattributed paragraph has a warning at its line.
			at := map[int]bool{}
			for _, w := range p.Warnings {
				at[w.Line] = true
			}
			for i, m := range p.Paragraphs {
				if m.Cite.Summit == nil && !at[m.Line] {
					t.Errorf("paragraph %d (line %d) has no summit and no warning", i, m.Line)
				}
			}
		})
	}
}

func joinWarnings(ws []nlp.Warning) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString("  " + w.String() + "\n")
	}
	return b.String()
}

// TestTruncated checks that only a last paragraph stopping mid-sentence is
// marked cut off.
func TestTruncated(t *testing.T) {
	for _, tc := range []struct {
		file  string
		index int // the truncated paragraph; -1 for none
	}{
		{seedFile, -1},
		{"initiative-numbering.txt", 4},
		{"spanish-lettered.txt", 6},
		{"indented-sublist.txt", 8},
		{"real-numbering.txt", 5},
		{"wrapped-pagebreak.txt", 6},
		{"upd-cutoff.txt", -1}, // ends with "(UPD).": uncited, not cut mid-sentence
	} {
		t.Run(strings.TrimSuffix(tc.file, ".txt"), func(t *testing.T) {
			p := parseFixture(t, tc.file)
			for i, m := range p.Paragraphs {
				if m.Truncated != (i == tc.index) {
					t.Errorf("paragraph %d: truncated %v, want %v", i, m.Truncated, i == tc.index)
				}
			}
		})
	}
}
