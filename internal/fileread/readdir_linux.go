package fileread

import (
	"bytes"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unsafe"
)

// dirBufs holds the buffers getdents64 fills; a listing is parsed into
// entries before its buffer goes back.
var dirBufs = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

func readDir(dir string) ([]os.DirEntry, error) {
	fd, err := openDirRetry(dir)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: dir, Err: err}
	}
	defer syscall.Close(fd)
	bp := dirBufs.Get().(*[]byte)
	defer dirBufs.Put(bp)
	buf := *bp
	var out []os.DirEntry
	for {
		n, err := syscall.ReadDirent(fd, buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			sortEntries(out)
			return out, &os.PathError{Op: "readdirent", Path: dir, Err: err}
		}
		if n <= 0 {
			break
		}
		out = appendEntries(out, dir, buf[:n])
	}
	sortEntries(out)
	return out, nil
}

func sortEntries(es []os.DirEntry) {
	slices.SortFunc(es, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
}

// appendEntries parses linux_dirent64 records: ino (8 bytes), off (8),
// reclen (2), type (1), then the name, NUL-terminated.
//
// The walk lists every directory of the tree, and two allocations per
// entry (its record and its name) were most of the walk's allocations: a
// buffer's entries share one slice of records, and their names one
// string, cut into each name. The records are read twice, to size both.
func appendEntries(out []os.DirEntry, dir string, b []byte) []os.DirEntry {
	n, size := 0, 0
	eachRecord(b, func(name []byte, _ byte) { n, size = n+1, size+len(name) })
	if n == 0 {
		return out
	}
	buf := make([]byte, 0, size)
	eachRecord(b, func(name []byte, _ byte) { buf = append(buf, name...) })
	names := unsafe.String(unsafe.SliceData(buf), len(buf)) // buf is not written again
	entries := make([]dirEntry, 0, n)
	eachRecord(b, func(name []byte, typ byte) {
		e := dirEntry{dir: dir, name: names[:len(name)]}
		names = names[len(name):]
		switch typ {
		case syscall.DT_REG:
		case syscall.DT_DIR:
			e.typ = fs.ModeDir
		case syscall.DT_LNK:
			e.typ = fs.ModeSymlink
		case syscall.DT_FIFO:
			e.typ = fs.ModeNamedPipe
		case syscall.DT_SOCK:
			e.typ = fs.ModeSocket
		case syscall.DT_CHR:
			e.typ = fs.ModeDevice | fs.ModeCharDevice
		case syscall.DT_BLK:
			e.typ = fs.ModeDevice
		default:
			// DT_UNKNOWN (some file systems): ask, as os.ReadDir does; an
			// entry that vanished meanwhile is left out, as there.
			info, err := os.Lstat(dir + "/" + e.name)
			if err != nil {
				return
			}
			e.typ = info.Mode().Type()
		}
		entries = append(entries, e)
	})
	out = slices.Grow(out, len(entries))
	for i := range entries {
		out = append(out, &entries[i])
	}
	return out
}

// eachRecord calls f with the name and type of each record of b but "."
// and "..", in order; a malformed record ends the listing (what was read
// before it is kept).
func eachRecord(b []byte, f func(name []byte, typ byte)) {
	const nameOff = 19
	for len(b) >= nameOff {
		reclen := int(*(*uint16)(unsafe.Pointer(&b[16])))
		if reclen < nameOff || reclen > len(b) {
			return
		}
		rec := b[:reclen]
		b = b[reclen:]
		name := rec[nameOff:]
		if i := bytes.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		if len(name) == 0 || string(name) == "." || string(name) == ".." {
			continue
		}
		f(name, rec[18])
	}
}

func openDirRetry(dir string) (int, error) {
	for {
		fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
