package registration

import (
	"hash/maphash"
	"sync"
)

// LexCache shares the tokens of files that several Apps of one run read:
// a folder of shared code linked into every sample of a repository, a
// vendored script library. Each App still builds its own model of the file
// (resolution writes to it); the tokens are never written after lexing, so
// Apps checked in parallel read one array. A file is reused only when its
// bytes hash the same as when it was lexed, so an editor's unsaved buffer
// or a file changed during the run is lexed afresh.
//
// Only files marked SourceFile.Linked (the projects list them from
// outside their own directory, so other projects likely do too) or
// SourceFile.Shared (another App lists them) are kept, up to
// maxCachedBytes of source: a run whose files are each read by one App
// keeps nothing alive for nothing.
type LexCache struct {
	seed  maphash.Seed
	mu    sync.Mutex
	files map[string]*cachedLex
	bytes int
	// hits counts the lexes saved (tests read it).
	hits int
}

type cachedLex struct {
	once sync.Once
	sum  uint64
	lang Language
	lx   *Lexed
}

const maxCachedBytes = 64 << 20

// NewLexCache returns an empty cache for one run.
func NewLexCache() *LexCache {
	return &LexCache{seed: maphash.MakeSeed(), files: map[string]*cachedLex{}}
}

// lex returns src's tokens, lexed by lex or taken from an earlier App's
// lexing of the same bytes.
func (c *LexCache) lex(sf SourceFile, src []byte, lex func([]byte) *Lexed) *Lexed {
	if c == nil || !sf.Linked && !sf.Shared {
		return lex(src)
	}
	sum := maphash.Bytes(c.seed, src)
	c.mu.Lock()
	e, ok := c.files[sf.Path]
	switch {
	case !ok && c.bytes+len(src) <= maxCachedBytes:
		e = &cachedLex{sum: sum, lang: sf.Language}
		c.files[sf.Path] = e
		c.bytes += len(src)
	case ok && e.sum == sum && e.lang == sf.Language:
		c.hits++
	default:
		e = nil // full, or other bytes than those cached: lex afresh
	}
	c.mu.Unlock()
	if e == nil {
		return lex(src)
	}
	e.once.Do(func() { e.lx = lex(src) })
	if e.lx == nil {
		// the first lexing panicked (the caller turned that into an
		// internal-error Note): this App's lexing reports it in turn
		return lex(src)
	}
	return e.lx
}
