//go:build !linux

package fileread

func newBlock(n int) []byte { return make([]byte, n) }
