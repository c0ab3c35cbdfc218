//go:build !linux

package fileread

func newHugeBlock() []byte { return make([]byte, hugePage) }
