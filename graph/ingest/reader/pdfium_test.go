package reader

import (
	"context"
	"errors"
	"os"
	"testing"
)

// TestDamagedKeepsEngine: a PDF the engine reports damaged (cut short at
// any length) leaves its instance as it was, and it is kept for the next
// file rather than killed and started anew, which cost most of the time
// of reading damaged files (and of FuzzReadPDF); the next good file reads
// as before.
func TestDamagedKeepsEngine(t *testing.T) {
	data, err := os.ReadFile("testdata/pdf/mandates-transparency.pdf")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	want, err := ReadAs(ctx, "good.pdf", data, PDF)
	if err != nil {
		t.Fatal(err)
	}
	killed := enginesKilled.Load()
	for i := 1; i < 40; i++ {
		_, err := ReadAs(ctx, "cut.pdf", data[:len(data)*i/40], PDF)
		if !errors.Is(err, ErrDamaged) {
			t.Fatalf("cut at %d/40: %v, want ErrDamaged", i, err)
		}
		if !engineReported(err) {
			t.Errorf("cut at %d/40: %v is not taken for the engine's own report", i, err)
		}
	}
	if n := enginesKilled.Load() - killed; n != 0 {
		t.Errorf("%d engine instances killed after damaged files the engine reported", n)
	}
	got, err := ReadAs(ctx, "good.pdf", data, PDF)
	if err != nil || string(got.Data) != string(want.Data) {
		t.Errorf("the good file after damaged ones: %v, %d bytes of text, want %d", err, len(got.Data), len(want.Data))
	}
	if engineReported(errors.New("wasm error: out of bounds memory access")) {
		t.Error("an error of the engine's runtime is taken for one it reported")
	}
}
