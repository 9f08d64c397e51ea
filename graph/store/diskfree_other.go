//go:build !unix

package store

func diskFree(string) int64 { return -1 }
