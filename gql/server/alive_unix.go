//go:build unix

package server

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with the given id runs (signal 0
// checks without sending; EPERM means it runs as another user).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
