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
