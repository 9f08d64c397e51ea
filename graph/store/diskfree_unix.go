//go:build unix

package store

import (
	"os"

	"golang.org/x/sys/unix"
)

// diskFree is the space left to unprivileged writers on the file system
// holding dir, in bytes; -1 when it cannot be told.
func diskFree(dir string) int64 {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return -1
	}
	return int64(st.Bavail) * int64(st.Bsize)
}

// probeLock reports whether a process holds the store folder dir for
// writing (Badger locks the folder itself), taking a shared lock for as
// long as it takes to run fn: the files are looked at before Badger opens
// them, and not while a writer changes them.
func probeLock(dir string, fn func() error) (held bool, err error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, fn()
	}
	defer f.Close()
	if err := unix.Flock(int(f.Fd()), unix.LOCK_SH|unix.LOCK_NB); err != nil {
		return true, nil
	}
	defer unix.Flock(int(f.Fd()), unix.LOCK_UN)
	return false, fn()
}
