package fileread

import (
	"io/fs"
	"os"
)

// ReadDir is os.ReadDir: the entries of dir sorted by name. On Linux it
// lists the directory through four system calls (open, two getdents64,
// close) instead of the nine os.Open, ReadDir and Close cost; the walk of
// a workspace lists every directory of the tree once, 16 000 of them in
// the large benchmark workspace. Errors are worded as os.ReadDir's.
func ReadDir(dir string) ([]os.DirEntry, error) {
	return readDir(dir)
}

// dirEntry is an entry read by the Linux ReadDir: its type comes from the
// directory listing, and Info asks for the rest, as os's entries do.
type dirEntry struct {
	dir, name string
	typ       fs.FileMode
}

func (e *dirEntry) Name() string      { return e.name }
func (e *dirEntry) IsDir() bool       { return e.typ.IsDir() }
func (e *dirEntry) Type() fs.FileMode { return e.typ }
func (e *dirEntry) Info() (fs.FileInfo, error) {
	return os.Lstat(e.dir + string(os.PathSeparator) + e.name)
}
func (e *dirEntry) String() string { return fs.FormatDirEntry(e) }
