package fileread

import (
	"syscall"
	"unsafe"
)

// hugeBlocksPerChunk is how many Huge blocks one allocation holds.
const hugeBlocksPerChunk = 8

// newHugeBlocks returns hugeBlocksPerChunk blocks of hugePage zero bytes,
// each aligned to a huge page, whose pages the kernel is asked to back
// with huge pages (madvise MADV_HUGEPAGE, honoured where transparent huge
// pages are enabled for madvised memory, the common default). A file's
// bytes are written once, by read, into fresh memory: with 4 KB pages that
// was a page fault per 4 KB, a fifth of the CPU of checking a 1 400-file
// App; one fault per 2 MB costs the same zeroing and little else.
//
// The Go heap aligns large objects to 8 KB, not 2 MB, so the blocks are
// carved from one allocation of one block more than they need: the
// unaligned ends, never touched, cost address space and the collector's
// accounting, an eighth of the chunk (a block per allocation was half,
// and with a run's 64 MB of shared bytes would have doubled its heap
// against the memory limit). The chunk stays on the Go heap, so the
// collector frees it as any other slice.
func newHugeBlocks() [][]byte {
	b := make([]byte, (hugeBlocksPerChunk+1)*hugePage)
	off := 0
	if r := int(uintptr(unsafe.Pointer(&b[0])) % hugePage); r != 0 {
		off = hugePage - r
	}
	b = b[off : off+hugeBlocksPerChunk*hugePage]
	_ = syscall.Madvise(b, 14) // MADV_HUGEPAGE; a kernel without it says EINVAL, and nothing changes
	out := make([][]byte, hugeBlocksPerChunk)
	for i := range out {
		out[i] = b[i*hugePage : (i+1)*hugePage : (i+1)*hugePage]
	}
	return out
}
