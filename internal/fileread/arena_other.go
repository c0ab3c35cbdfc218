//go:build !linux

package fileread

// newHugeBlocks returns one block: huge pages are asked for on Linux only.
func newHugeBlocks() [][]byte { return [][]byte{make([]byte, hugePage)} }
