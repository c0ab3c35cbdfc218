package fileread

import (
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
func appendEntries(out []os.DirEntry, dir string, b []byte) []os.DirEntry {
	const nameOff = 19
	for len(b) >= nameOff {
		reclen := int(*(*uint16)(unsafe.Pointer(&b[16])))
		if reclen < nameOff || reclen > len(b) {
			break // a malformed record: keep what was read
		}
		rec := b[:reclen]
		b = b[reclen:]
		name := rec[nameOff:]
		for i, c := range name {
			if c == 0 {
				name = name[:i]
				break
			}
		}
		if len(name) == 0 || string(name) == "." || string(name) == ".." {
			continue
		}
		e := &dirEntry{dir: dir, name: string(name)}
		switch rec[18] {
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
				continue
			}
			e.typ = info.Mode().Type()
		}
		out = append(out, e)
	}
	return out
}

func openDirRetry(dir string) (int, error) {
	for {
		fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
