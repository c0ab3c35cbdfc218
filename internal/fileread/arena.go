package fileread

import "sync"

// Arena hands out byte slices carved from large blocks. A workspace check
// reads some 60 000 small files and drops their bytes as soon as each App
// is scanned; one allocation per file made the garbage collector sweep and
// mark through 140 MB, and the fresh pages cost page faults. An Arena
// reused from App to App (Reset, then the next scan) allocates its blocks
// once. It is safe for concurrent use.
//
// A slice from Alloc is valid until Reset: the caller must not keep it, or
// anything that shares its memory, past that point.
type Arena struct {
	// Huge makes the blocks 2 MB, on huge pages where the system has
	// them (see newHugeBlocks): for an arena that grows to tens of MB and
	// is not reused, such as the bytes of the files a run shares between
	// Apps. An arena reused App after App keeps its small blocks: it
	// faults its pages in once, and a 2 MB page for an App of a few
	// files would be zeroed for nothing.
	Huge bool

	mu     sync.Mutex
	blocks [][]byte
	cur    int      // index of the block being carved
	off    int      // bytes used in blocks[cur]
	spare  [][]byte // Huge blocks allocated, not used yet (see newHugeBlocks)
}

// arenaBlock is the size of a block; a request over a quarter of it gets
// its own allocation, so that a big file cannot pin a half-empty block.
const arenaBlock = 256 << 10

// hugePage is the size of a transparent huge page on x86-64 and arm64,
// and of a Huge arena's blocks.
const hugePage = 2 << 20

// Alloc returns n bytes (not zeroed). Its capacity is n, so an append
// cannot spill into a neighbour.
func (a *Arena) Alloc(n int) []byte {
	if a == nil {
		return make([]byte, n)
	}
	size := arenaBlock
	if a.Huge {
		size = hugePage
	}
	if n > size/4 {
		return make([]byte, n)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.blocks) == 0 || a.off+n > size {
		if len(a.blocks) > 0 {
			a.cur++
		}
		if a.cur == len(a.blocks) {
			if a.Huge {
				if len(a.spare) == 0 {
					a.spare = newHugeBlocks()
				}
				a.blocks = append(a.blocks, a.spare[0])
				a.spare = a.spare[1:]
			} else {
				a.blocks = append(a.blocks, make([]byte, size))
			}
		}
		a.off = 0
	}
	b := a.blocks[a.cur][a.off : a.off+n : a.off+n]
	a.off += n
	return b
}

// Reset makes every block available again; slices handed out before are
// then reused.
func (a *Arena) Reset() {
	a.mu.Lock()
	a.cur, a.off = 0, 0
	a.mu.Unlock()
}

// Fill overwrites every block with c. Tests call it after Reset to prove
// that nothing kept a slice of the arena past that point.
func (a *Arena) Fill(c byte) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, b := range a.blocks {
		for i := range b {
			b[i] = c
		}
	}
}
