package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	"summitgraph/graph"
)

// holderFile is written into the store folder by a running server, so that
// another command that finds the store locked can say who holds it.
const holderFile = "summitgraph.pid"

type holder struct {
	PID     int       `json:"pid"`
	Addr    string    `json:"addr"`
	Started time.Time `json:"started"`
}

func writeHolder(dir, addr string) error {
	b, _ := json.Marshal(holder{PID: os.Getpid(), Addr: addr, Started: time.Now().UTC()})
	return os.WriteFile(filepath.Join(dir, holderFile), b, 0o644)
}

func removeHolder(dir string) { os.Remove(filepath.Join(dir, holderFile)) }

// heldError explains a store that another process holds, in one line.
func heldError(dir string) error {
	var h holder
	b, err := os.ReadFile(filepath.Join(dir, holderFile))
	if err == nil && json.Unmarshal(b, &h) == nil && h.PID > 0 {
		return graph.Errorf(graph.EUNAVAILABLE,
			"store %s is held by a running summitgraph server (pid %d, http://%s, since %s): stop it first, or send files to it with the ingestDocument mutation (see README, Curation)",
			dir, h.PID, h.Addr, h.Started.Local().Format("2006-01-02 15:04"))
	}
	return graph.Errorf(graph.EUNAVAILABLE, "store %s is in use by another process (another summitgraph command?): wait for it to finish, or use another --store", dir)
}

func readHolder(dir string, h *holder) error {
	b, err := os.ReadFile(filepath.Join(dir, holderFile))
	if err != nil {
		return err
	}
	return json.Unmarshal(b, h)
}
