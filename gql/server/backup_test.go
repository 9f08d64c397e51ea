package server

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"summitgraph/gql"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/store"

	badger "github.com/dgraph-io/badger/v4"
)

// TestBackupCutWhenItFails: a backup over HTTP that meets a value it
// cannot read (a value-log entry damaged on disk while the server runs,
// which fails its checksum) is cut: the client reads a 200 and then a
// broken body, never a clean end, and FetchBackup (what `summitgraph
// backup` uses beside a server) reports it cut short.
func TestBackupCutWhenItFails(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.LoadCatalog(ctx, cat.Graph()); err != nil {
		t.Fatal(err)
	}
	// A value larger than the value threshold (1 MiB) lives in the value
	// log, which Badger reads against its checksum.
	marker := []byte("backup-cut-test-value:")
	big := bytes.Repeat(marker, (2<<20)/len(marker))
	if err := st.DB().Update(func(txn *badger.Txn) error { return txn.Set([]byte("zz|large"), big) }); err != nil {
		t.Fatal(err)
	}
	damageValueLog(t, dir, marker)

	s := New(st, cat, Config{Tokens: []gql.Token{{Label: "test", Secret: secret}}}, nil)
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)

	res, err := http.Get(hs.URL + "/backup")
	if err != nil {
		t.Fatal(err)
	}
	body, readErr := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d (%q): the backup failed before streaming, not midway", res.StatusCode, body)
	}
	if readErr == nil {
		t.Fatalf("the client read a clean end of a backup that failed (%d bytes, trailer %q)", len(body), res.Trailer.Get("X-Backup-Status"))
	}
	if got := res.Trailer.Get("X-Backup-Status"); got == "complete" {
		t.Errorf("a failed backup's trailer says %q", got)
	}

	var b bytes.Buffer
	err = FetchBackup(ctx, strings.TrimPrefix(hs.URL, "http://"), "", &b)
	if err == nil {
		t.Fatalf("FetchBackup took a failed backup for a whole one (%d bytes)", b.Len())
	}
	t.Logf("the client read a 200, %d bytes, then %v; FetchBackup: %v", len(body), readErr, err)
}

// damageValueLog flips a byte inside the value that starts with marker in
// the store's value log, through the file (the store maps it, and sees
// the change).
func damageValueLog(t *testing.T, dir string, marker []byte) {
	t.Helper()
	logs, _ := filepath.Glob(filepath.Join(dir, "*.vlog"))
	for _, name := range logs {
		f, err := os.OpenFile(name, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		// The file is made at its full size (512 MiB, sparse); the value
		// is near its start.
		data := make([]byte, 8<<20)
		n, _ := f.ReadAt(data, 0)
		i := bytes.Index(data[:n], marker)
		if i < 0 {
			continue
		}
		if _, err := f.WriteAt([]byte{data[i+1<<20] ^ 0xff}, int64(i+1<<20)); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("no value log in %s holds the large value (%v)", dir, logs)
}
