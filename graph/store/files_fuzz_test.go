package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzCheckFiles hands the check that runs before Badger opens a store
// arbitrary MANIFEST, value log and table bytes: it must never panic and
// never change a file, whatever it says of them.
//
//	go test ./graph/store -run '^$' -fuzz FuzzCheckFiles -fuzztime 2m -parallel 1
func FuzzCheckFiles(f *testing.F) {
	f.Add([]byte("Bdgr\x00\x00\x00\x08"), make([]byte, 20), []byte{})
	f.Add([]byte("Bdgr\x00\x00\x00\x08\x00\x00\x00\x04\xde\xad\xbe\xef\x0a\x02\x08\x01"), append(make([]byte, 20), 0xab, 0xab, 0xab), bytes.Repeat([]byte{1}, 64))
	f.Add([]byte("Bdgr"), []byte{1, 2, 3}, bytes.Repeat([]byte{0xff}, 40))
	f.Fuzz(func(t *testing.T, manifest, vlog, sst []byte) {
		dir := t.TempDir()
		files := map[string][]byte{"MANIFEST": manifest, "000001.vlog": vlog}
		if len(sst) > 0 {
			files["000001.sst"] = sst
		}
		for name, b := range files {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		checkFiles(dir, 1<<20, true)
		for name, b := range files {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil || !bytes.Equal(got, b) {
				t.Fatalf("%s changed by the check", name)
			}
		}
		if entries, _ := os.ReadDir(dir); len(entries) != len(files) {
			t.Fatalf("the check left %d files, not %d", len(entries), len(files))
		}
	})
}
