package registration

import (
	"bytes"
	"sync"
	"sync/atomic"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
)

// SharedReads keeps, for one run, the first reading of each file that
// several Apps list (SourceFile.Shared): its bytes, its notes, and the
// prefilter's verdicts on them. A packaging project and the app project
// it packages are two Apps over the same sources (UnigramDev/Unigram's
// 1,400 files), and each App used to read, prefilter and search all of
// them again. The bytes are kept up to maxSharedBytes; past that, the
// verdicts are kept and an App that needs the bytes reads them itself.
//
// A file is read by whichever App comes to it first; an App that finds
// it being read by another goes on with its other files and takes the
// result at the end, so two Apps scanning the same files side by side
// split the reading between them instead of waiting on each other.
type SharedReads struct {
	marker []byte
	mu     sync.Mutex
	files  map[string]*sharedRead
	bytes  int
	budget int // maxSharedBytes; tests lower it
	// reads and searches count the files read and searched for the
	// cache (tests read them).
	reads, searches atomic.Int64
	// verdicts holds the answers of filesWanted's searches on shared
	// pending files, by search and file (the Apps over the same sources
	// ask the same questions).
	verdicts map[string]*sharedVerdict
	// arena holds the bytes of the files read while the budget lasts:
	// they are kept for the whole run anyway, and carving them from large
	// blocks spares a page fault per 4 KB read (see fileread.Arena). It is
	// never reset.
	arena fileread.Arena
}

// sharedVerdict is one search's answer on one file: hit is set before
// done is closed.
type sharedVerdict struct {
	done chan struct{}
	hit  bool
}

// sharedRead is one file's entry: r is set before done is closed.
type sharedRead struct {
	done chan struct{}
	r    firstRead
}

// firstRead is what the first pass of a scan learns from one file.
type firstRead struct {
	lang  Language
	src   []byte // nil when !ok, or when the bytes were not kept (kept false)
	notes []Note
	mk    mark
	ok    bool
	kept  bool
	// in is interesting(src); lex is in || relevantSource(lang, src): the
	// first pass lexes the file.
	in, lex bool
}

const maxSharedBytes = 64 << 20

// NewSharedReads returns an empty cache for a run whose scans use marker
// as Options.Marker (a scan with another marker does not use it).
func NewSharedReads(marker []byte) *SharedReads {
	return &SharedReads{marker: marker, files: map[string]*sharedRead{}, verdicts: map[string]*sharedVerdict{}, budget: maxSharedBytes, arena: fileread.Arena{Huge: true}}
}

// arenaFor returns the arena a shared file is to be read into, or nil
// once the bytes kept have reached the budget: a file read then is not
// kept, and its own allocation goes with it.
func (c *SharedReads) arenaFor() *fileread.Arena {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bytes >= c.budget {
		return nil
	}
	return &c.arena
}

// usableBy reports whether a scan with opts may use c.
func (c *SharedReads) usableBy(opts Options) bool {
	return c != nil && bytes.Equal(c.marker, opts.Marker)
}

// claim returns path's entry; mine is true when the caller created it and
// must read the file and publish the result.
func (c *SharedReads) claim(path string) (e *sharedRead, mine bool) {
	return claimEntry(&c.mu, c.files, path, func() *sharedRead { return &sharedRead{done: make(chan struct{})} })
}

// claimEntry returns m[key], or stores and returns a fresh entry (mine).
func claimEntry[T any](mu *sync.Mutex, m map[string]*T, key string, fresh func() *T) (e *T, mine bool) {
	mu.Lock()
	defer mu.Unlock()
	if e, ok := m[key]; ok {
		return e, false
	}
	e = fresh()
	m[key] = e
	return e, true
}

// publish records r as e's result, keeping the bytes while the budget
// allows.
func (c *SharedReads) publish(e *sharedRead, r firstRead) {
	if r.ok {
		c.mu.Lock()
		if c.bytes+len(r.src) <= c.budget {
			c.bytes += len(r.src)
			r.kept = true
		}
		c.mu.Unlock()
	}
	if !r.kept {
		r.src = nil
	}
	e.r = r
	close(e.done)
}

// ready returns e's result if it has been published.
func (e *sharedRead) ready() (firstRead, bool) {
	select {
	case <-e.done:
		return e.r, true
	default:
		return firstRead{}, false
	}
}

// wait returns e's result once it is published.
func (e *sharedRead) wait() firstRead {
	<-e.done
	return e.r
}

// claimVerdict returns the entry of a search's answer on a file; mine is
// true when the caller created it and must answer (answer).
func (c *SharedReads) claimVerdict(key string) (v *sharedVerdict, mine bool) {
	return claimEntry(&c.mu, c.verdicts, key, func() *sharedVerdict { return &sharedVerdict{done: make(chan struct{})} })
}

func (v *sharedVerdict) answer(hit bool) {
	v.hit = hit
	close(v.done)
}

func (v *sharedVerdict) ready() (hit, ok bool) {
	select {
	case <-v.done:
		return v.hit, true
	default:
		return false, false
	}
}

func (v *sharedVerdict) wait() bool {
	<-v.done
	return v.hit
}
