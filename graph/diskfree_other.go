//go:build !unix

package graph

func diskFree(string) int64 { return -1 }
