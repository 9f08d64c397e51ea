package server

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestStreamingOutlivesWriteTimeout: a response written through streaming
// completes however long it takes, as long as it makes progress, while
// the same response written directly is cut at the server's WriteTimeout.
func TestStreamingOutlivesWriteTimeout(t *testing.T) {
	const chunks, size = 10, 64 << 10
	for _, tc := range []struct {
		name     string
		stream   bool
		complete bool
	}{
		{"direct", false, false},
		{"streaming", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				var out io.Writer = w
				if tc.stream {
					out = streaming(w, 2*time.Second)
				}
				chunk := bytes.Repeat([]byte("x"), size)
				for range chunks {
					if _, err := out.Write(chunk); err != nil {
						return
					}
					time.Sleep(50 * time.Millisecond) // 500 ms in all, a slow export
				}
			}))
			srv.Config.WriteTimeout = 200 * time.Millisecond
			srv.Start()
			defer srv.Close()
			res, err := http.Get(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			n, err := io.Copy(io.Discard, res.Body)
			if got := err == nil && n == chunks*size; got != tc.complete {
				t.Errorf("read %d of %d bytes (err %v); complete %v, want %v", n, chunks*size, err, got, tc.complete)
			}
		})
	}
}
