//go:build unix

package fileread

import (
	"os"
	"syscall"
)

func limited(path string, limit int64, a *Arena) ([]byte, int64, error) {
	fd, err := openRetry(path)
	if err != nil {
		return nil, 0, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := fstatRetry(fd, &st); err != nil {
		return nil, 0, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFREG:
	case syscall.S_IFDIR:
		return nil, 0, &os.PathError{Op: "read", Path: path, Err: syscall.EISDIR}
	default:
		return nil, 0, &os.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
	size := int64(st.Size)
	if size > limit {
		return nil, size, nil
	}
	buf := a.Alloc(int(size))
	n, err := readInto(fd, buf) // fewer bytes when the file shrank meanwhile
	if err != nil {
		return nil, 0, &os.PathError{Op: "read", Path: path, Err: err}
	}
	return buf[:n], int64(n), nil
}

// readInto reads from fd until buf is full or the file ends, and returns
// how many bytes it read.
func readInto(fd int, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		k, err := syscall.Read(fd, buf[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return n, err
		}
		if k == 0 {
			break
		}
		n += k
	}
	return n, nil
}

func head(path string, buf []byte) (int, error) {
	fd, err := openRetry(path)
	if err != nil {
		return 0, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := fstatRetry(fd, &st); err != nil {
		return 0, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return 0, &os.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
	n, err := readInto(fd, buf)
	if err != nil {
		return n, &os.PathError{Op: "read", Path: path, Err: err}
	}
	return n, nil
}

func openRetry(path string) (int, error) {
	for {
		// O_NONBLOCK: opening a FIFO without a writer returns at once
		// (it is then refused as not regular); regular files ignore it.
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

func fstatRetry(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}
