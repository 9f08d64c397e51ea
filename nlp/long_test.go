package nlp

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// longLine is a page of one mandate on one line of about size bytes: catalog
// names, acronyms and capitalized names headed by Network or Commission,
// joined by commas (no sentence ends), as a file without line breaks gives.
func longLine(size int) []byte {
	const piece = "support the Inter-American Convention against Corruption and MESICIC, the Regional Network of Electoral Authorities and the Andean Water Commission of Peru, "
	var b strings.Builder
	b.WriteString("Organization of American States Summits of the Americas\nFollow-up and Implementation: Mandates\n\nCORRUPTION: Probity\nMANDATES\n\n  1. Continue to ")
	for b.Len() < size {
		b.WriteString(piece)
	}
	b.WriteString("and report. (Plan of Action Québec City, 2001).\n")
	return []byte(b.String())
}

// TestLongMandateRefused: a mandate over MaxMandateBytes fails its file with
// its line, before extraction.
func TestLongMandateRefused(t *testing.T) {
	c := testCatalog(t)
	_, err := c.Process("long.txt", longLine(MaxMandateBytes+1000), nil)
	var ie *InputError
	if !errors.As(err, &ie) || ie.Line != 7 || !strings.Contains(err.Error(), "long.txt:7: mandate 1 is 257 KiB long, more than the 256 KiB") {
		t.Fatalf("err %v", err)
	}
	if _, err := c.Process("long.txt", longLine(4<<10), nil); err != nil {
		t.Fatalf("a mandate under the limit: %v", err)
	}
}

// BenchmarkLongLine processes a page of one line of 1, 4 and 16 MiB (read,
// split, refused at its mandate's length): the time per MiB stays flat.
func BenchmarkLongLine(b *testing.B) {
	c := testCatalog(b)
	for _, mib := range []int{1, 4, 16} {
		data := longLine(mib << 20)
		b.Run(fmt.Sprintf("MiB=%d", mib), func(b *testing.B) {
			for b.Loop() {
				if _, err := c.Process("long.txt", data, nil); err == nil {
					b.Fatal("a mandate over the limit was not refused")
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/float64(mib), "s/MiB")
		})
	}
}

// BenchmarkLongMandate extracts one mandate of 8 to 64 KiB of names, the
// worst case for discovery (a head word every 150 bytes): the time per KiB
// stays flat (it grew with the number of names found before).
func BenchmarkLongMandate(b *testing.B) {
	c := testCatalog(b)
	for _, kib := range []int{8, 16, 32, 64} {
		p, err := Parse("long.txt", longLine(kib<<10-200), c)
		if err != nil {
			b.Fatal(err)
		}
		c.Extract(p, nil) // prose's model
		b.Run(fmt.Sprintf("KiB=%d", kib), func(b *testing.B) {
			for b.Loop() {
				c.Extract(p, nil)
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N)/float64(kib), "ms/KiB")
		})
	}
}

// TestLinearWork: parsing and extraction take steps in proportion to the
// size of their input (work counts them; see work.go), so that doubling
// it at most doubles them, give or take 10%. It counts rather than times,
// and holds on a loaded machine; BenchmarkLongLine, BenchmarkLongMandate
// and BenchmarkParseBreaks give the times.
func TestLinearWork(t *testing.T) {
	c := testCatalog(t)
	check := func(what string, small, large int64) {
		t.Helper()
		if small <= 0 {
			t.Fatalf("%s: no work counted", what)
		}
		if r := float64(large) / float64(small); r > 2.2 {
			t.Errorf("%s: %d steps, then %d for twice the input (%.2fx): not linear", what, small, large, r)
		} else {
			t.Logf("%s: %d steps, then %d for twice the input (%.2fx)", what, small, large, r)
		}
	}
	// Page breaks after unfinished paragraphs, numbered items, a line of
	// parentheses: every break once joined the whole paragraph again.
	for _, unit := range breakUnits {
		steps := func(size int) int64 {
			return work.count(func() {
				if _, err := Parse("big.txt", breakPage(unit, size), c); err != nil {
					t.Fatal(err)
				}
			})
		}
		check(fmt.Sprintf("Parse of %q", unit), steps(128<<10), steps(256<<10))
	}
	// One mandate of names: the discovery of names compared each word
	// with every name found before it.
	for _, kib := range []int{8, 32} {
		steps := func(kib int) int64 {
			p, err := Parse("long.txt", longLine(kib<<10-200), c)
			if err != nil {
				t.Fatal(err)
			}
			return work.count(func() { c.Extract(p, nil) })
		}
		check(fmt.Sprintf("Extract of one mandate of %d KiB", kib), steps(kib), steps(2*kib))
	}
	// One mandate of many short sentences, each with a name to discover.
	for _, kib := range []int{8, 32} {
		steps := func(kib int) int64 {
			p, err := Parse("sentences.txt", sentences(kib<<10), c)
			if err != nil {
				t.Fatal(err)
			}
			return work.count(func() { c.Extract(p, nil) })
		}
		check(fmt.Sprintf("Extract of one mandate of %d KiB of sentences", kib), steps(kib), steps(2*kib))
	}
}

// breakUnits repeated after a first mandate make pages of page breaks
// after unfinished paragraphs, of items, and one long line.
var breakUnits = []string{"x\n\n2\n\n", "x),\n\n2\n\n", "    • a. item;\n", ")"}

func breakPage(unit string, size int) []byte {
	return []byte("  1. start\n" + strings.Repeat(unit, size/len(unit)))
}

// sentences is a page of one mandate of about size bytes of short
// sentences, each naming an institution the catalog does not know.
func sentences(size int) []byte {
	var b strings.Builder
	b.WriteString("Organization of American States Summits of the Americas\nFollow-up and Implementation: Mandates\n\nCORRUPTION: Probity\nMANDATES\n\n  1. Continue to work. ")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "The Andean Water Commission of Peru met the OAS. ")
	}
	b.WriteString("(Plan of Action Québec City, 2001).\n")
	return []byte(b.String())
}

// BenchmarkParseBreaks parses pages of 256 KiB and 512 KiB of each of
// breakUnits: the time per KiB stays flat.
func BenchmarkParseBreaks(b *testing.B) {
	c := testCatalog(b)
	for i, unit := range breakUnits {
		for _, kib := range []int{256, 512} {
			data := breakPage(unit, kib<<10)
			b.Run(fmt.Sprintf("unit=%d/KiB=%d", i, kib), func(b *testing.B) {
				for b.Loop() {
					if _, err := Parse("big.txt", data, c); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N)/float64(kib), "ms/KiB")
			})
		}
	}
}
