package server

import (
	"io"
	"net/http"
	"time"
)

// streamStall is how long a streamed export or backup may go without a
// write reaching the client before the connection is dropped.
const streamStall = time.Minute

// streaming returns a writer for a long response: each write moves the
// connection's write deadline streamStall ahead, so that an export or a
// backup of any size completes at the pace the client reads it, while a
// client that stops reading is still dropped (the server's WriteTimeout
// would cut a large one at a fixed time from the request).
func streaming(w http.ResponseWriter, stall time.Duration) io.Writer {
	rc := http.NewResponseController(w)
	if err := rc.SetWriteDeadline(time.Now().Add(stall)); err != nil {
		return w // not a connection with deadlines (a test's recorder)
	}
	return &deadlineWriter{w: w, rc: rc, stall: stall, set: time.Now()}
}

type deadlineWriter struct {
	w     io.Writer
	rc    *http.ResponseController
	stall time.Duration
	set   time.Time // when the deadline was last moved
}

func (d *deadlineWriter) Write(p []byte) (int, error) {
	// Moving it is a lock and a timer reset: once a second is enough.
	if now := time.Now(); now.Sub(d.set) > time.Second || d.stall < 2*time.Second {
		if err := d.rc.SetWriteDeadline(now.Add(d.stall)); err != nil {
			return 0, err
		}
		d.set = now
	}
	return d.w.Write(p)
}
