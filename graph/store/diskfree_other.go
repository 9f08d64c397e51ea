//go:build !unix

package store

func diskFree(string) int64 { return -1 }

func probeLock(_ string, fn func() error) (bool, error) { return false, fn() }
