// Package fileread reads whole files with a size limit, as cheaply as the
// operating system allows.
//
// A workspace check reads tens of thousands of small sources once each.
// On Unix, os.Open costs nine system calls per file (openat, fstat, four
// fcntl and an epoll_ctl that fails, because the runtime tries to register
// every descriptor with its poller, then read and close); strace of the
// large benchmark workspace counted 244 000 fcntl and 61 000 failed
// epoll_ctl calls. Regular files never block, so the poller buys nothing
// here: the Unix version opens, stats, reads and closes through package
// syscall, four calls per file. Other systems use package os.
package fileread

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrNotRegular is the error for a FIFO, socket or device where a file was
// expected. Such a name can come from a repository (a symlink to
// /dev/stdin, an <Import Project="/dev/zero"/>): reading it could block
// for ever or never end, so it is refused before any byte is read.
var ErrNotRegular = errors.New("not a regular file (a FIFO, socket or device)")

// Whole reads the file at path, refusing one over limit bytes with an
// error that says so (what describes the file: "project file", "config").
func Whole(path string, limit int64, what string) ([]byte, error) {
	return WholeIn(nil, path, limit, what)
}

// WholeIn is Whole with the bytes allocated from a (see Arena).
func WholeIn(a *Arena, path string, limit int64, what string) ([]byte, error) {
	data, size, err := limited(path, limit, a)
	if err != nil {
		return nil, err
	}
	if data == nil && size > limit {
		return nil, fmt.Errorf("%s %s is %d bytes, over the %d-byte limit", what, path, size, limit)
	}
	return data, nil
}

// Limited reads the file at path unless it is larger than limit bytes; then
// it returns no data and the file's size, so that the caller can report
// it. Errors are *os.PathError values worded as os.ReadFile's.
func Limited(path string, limit int64) (data []byte, size int64, err error) {
	return limited(path, limit, nil)
}

// LimitedIn is Limited with the bytes allocated from a (see Arena).
func LimitedIn(a *Arena, path string, limit int64) (data []byte, size int64, err error) {
	return limited(path, limit, a)
}

// limitedPortable is Limited through package os: one descriptor, its
// size from Stat, one exact allocation.
func limitedPortable(path string, limit int64, a *Arena) ([]byte, int64, error) {
	// Opening a named pipe can block until a writer comes: look first.
	if st, err := os.Stat(path); err == nil && !st.IsDir() && !st.Mode().IsRegular() {
		return nil, 0, &os.PathError{Op: "open", Path: path, Err: ErrNotRegular}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if st.IsDir() {
		// read it as os.ReadFile would, so the error stays the same
		b, err := io.ReadAll(io.LimitReader(f, limit+1))
		return b, int64(len(b)), err
	}
	if !st.Mode().IsRegular() {
		return nil, 0, &os.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
	if st.Size() > limit {
		return nil, st.Size(), nil
	}
	buf := a.Alloc(int(st.Size()))
	n, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF {
		err = nil // the file shrank meanwhile: keep what is there
	}
	return buf[:n], int64(n), err
}

// Head reads the first len(buf) bytes of the regular file at path into
// buf (fewer when the file is shorter) and returns how many it read. A
// directory, FIFO, socket or device is refused with ErrNotRegular before
// any byte is read. It is for sniffing a file's kind: a manifest's first
// bytes tell whether it is XML at all.
func Head(path string, buf []byte) (int, error) { return head(path, buf) }

// headPortable is Head through package os.
func headPortable(path string, buf []byte) (int, error) {
	// Opening a named pipe can block until a writer comes: look first.
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return 0, &os.PathError{Op: "open", Path: path, Err: ErrNotRegular}
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return n, err
}
