package server

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// holderFile is written into the store folder by a running server, so that
// another command that finds the store locked can say who holds it.
const holderFile = "summitgraph.pid"

// Holder is the server that holds a store: its process and address.
type Holder struct {
	PID     int       `json:"pid"`
	Addr    string    `json:"addr"`
	Started time.Time `json:"started"`
}

// WriteHolder records in the store folder dir that this process serves
// it at addr.
func WriteHolder(dir, addr string) error {
	b, _ := json.Marshal(Holder{PID: os.Getpid(), Addr: addr, Started: time.Now().UTC()})
	return os.WriteFile(filepath.Join(dir, holderFile), b, 0o644)
}

// RemoveHolder removes the record WriteHolder wrote.
func RemoveHolder(dir string) { os.Remove(filepath.Join(dir, holderFile)) }

// ReadHolder reads which server holds the store folder dir; an error when
// none recorded it, or when the process that did is gone (killed: it could
// not remove its record).
func ReadHolder(dir string) (Holder, error) {
	var h Holder
	b, err := os.ReadFile(filepath.Join(dir, holderFile))
	if err == nil {
		err = json.Unmarshal(b, &h)
	}
	if err == nil && h.PID <= 0 {
		err = fmt.Errorf("%s: no process", holderFile)
	}
	if err == nil && !processAlive(h.PID) {
		err = fmt.Errorf("%s: process %d is gone", holderFile, h.PID)
	}
	return h, err
}
