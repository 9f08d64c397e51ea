package ingest_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"summitgraph/graph"
	"summitgraph/graph/ingest"
)

// heavyPDF is a valid one-page PDF whose page draws n text objects: hours
// of work for the engine at the file's default deadline scale, made in
// the test.
func heavyPDF(n int) []byte {
	var content bytes.Buffer
	content.WriteString("BT /F1 2 Tf\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&content, "1 0 0 1 %d %d Tm (ab) Tj\n", 10+i%590, 10+(i/590)%770)
	}
	content.WriteString("ET\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// TestPDFDeadline: a PDF the engine works on past the per-file deadline
// (lowered here) is stopped: it fails with TIMEOUT and a message naming
// the file, nothing of it is written (the store is as before, key for
// key), and the other file of the ingest goes in.
func TestPDFDeadline(t *testing.T) {
	if err := ingest.WarmPDF(); err != nil {
		t.Fatal(err) // the engine's start is not the file's
	}
	in, st := newIngester(t, ingest.Options{FileTimeout: 300 * time.Millisecond, Workers: 1})
	var before bytes.Buffer
	if err := st.Dump(bg, &before); err != nil {
		t.Fatal(err)
	}
	heavy, _ := ingest.Text("heavy.pdf", heavyPDF(400_000))
	rs := in.Ingest(bg, []ingest.Source{heavy}, nil)
	err := rs[0].Err
	if err == nil || graph.ErrorCode(err) != graph.ETIMEOUT || !strings.Contains(err.Error(), "heavy.pdf") || !strings.Contains(err.Error(), "too long") {
		t.Fatalf("heavy.pdf: err = %v (code %s), want TIMEOUT naming the file", err, graph.ErrorCode(err))
	}
	var after bytes.Buffer
	if err := st.Dump(bg, &after); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Errorf("the store changed after heavy.pdf timed out (%d bytes of dump, was %d)", after.Len(), before.Len())
	}
	good, _ := ingest.Text("good.txt", []byte("DEMOCRACY: Transparency\nMANDATES\n\n  1. Strengthen the Inter-American Convention against Corruption follow-up mechanism. (Lima Commitment. Peru, 2018).\n"))
	rs = in.Ingest(bg, []ingest.Source{heavy, good}, nil)
	if rs[0].Err == nil || rs[1].Err != nil || rs[1].Report.Mandates != 1 {
		t.Errorf("heavy.pdf then good.txt: %v, %v (%d mandates)", rs[0].Err, rs[1].Err, rs[1].Report.Mandates)
	}
	t.Logf("heavy.pdf (%d bytes): %v", len(heavy.Data), err)
}
