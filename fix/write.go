package fix

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// ErrReadOnly means a file has no write permission: the fixer does not
// write it (as `gofmt -w` does not), even when it could (as root, or by
// replacing it).
var ErrReadOnly = errors.New("read-only file, not fixing it (make it writable to let --fix edit it)")

// ErrLocked means another process held the file's lock for longer than
// lockTimeout; no fix was applied to it.
var ErrLocked = errors.New("another process is fixing this file; run bgmanifest again")

// lockTimeout bounds the wait for another fixer's lock. A fixer holds a
// lock for the milliseconds of one read-compare-write; only a stuck process
// holds it longer, and a fixer must never hang on it.
var lockTimeout = 10 * time.Second

// maxFileSize is the largest file the fixer edits: the manifest reader and
// the source scanner read less than this.
const maxFileSize = 64 << 20

// held is a file the fixer has open for writing and holds the advisory lock
// of, from its read to its write: concurrent fixers (other bgmanifest
// processes, or goroutines) take the same lock, so exactly one of them
// edits a given content, and the others find the content changed.
type held struct {
	f      *os.File
	info   fs.FileInfo // of the open file, after locking
	unlock func()
}

// openHeld opens the regular file at path for writing and locks it. When the
// path names another file once the lock is ours (another fixer renamed its
// result over it meanwhile), the lock is taken again on the new file.
func openHeld(path string) (*held, error) {
	for range 8 {
		st, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		if !st.Mode().IsRegular() {
			return nil, errors.New("not a regular file")
		}
		if st.Mode().Perm()&0o222 == 0 {
			return nil, ErrReadOnly
		}
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return nil, fmt.Errorf("open for writing: %w", err)
		}
		unlock, err := lockWait(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		info, err := f.Stat()
		if err == nil && !info.Mode().IsRegular() {
			err = errors.New("not a regular file")
		}
		if err != nil {
			unlock()
			f.Close()
			return nil, err
		}
		if now, err := os.Stat(path); err == nil && os.SameFile(now, info) {
			return &held{f: f, info: info, unlock: unlock}, nil
		}
		unlock()
		f.Close()
	}
	return nil, fmt.Errorf("%w (it was replaced again and again while waiting for its lock)", ErrChanged)
}

// lockWait polls tryLock until it succeeds or lockTimeout passes.
func lockWait(f *os.File) (func(), error) {
	deadline := time.Now().Add(lockTimeout)
	for {
		unlock, busy, err := tryLock(f)
		if err != nil {
			return nil, fmt.Errorf("lock: %w", err)
		}
		if !busy {
			return unlock, nil
		}
		if time.Now().After(deadline) {
			return nil, ErrLocked
		}
		time.Sleep(lockPoll)
	}
}

func (h *held) release() {
	h.unlock()
	h.f.Close()
}

// read returns the file's content through the open (locked) handle.
func (h *held) read() ([]byte, error) {
	data, err := io.ReadAll(io.NewSectionReader(h.f, 0, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("larger than the %d MiB the fixer edits", maxFileSize>>20)
	}
	return data, nil
}

// errInPlace asks write to fall back to writing in place.
var errInPlace = errors.New("write in place")

// write stores data as the file's new content. A file with a single name is
// replaced atomically: a temporary file in the same directory with the
// original's mode and owner, synced, renamed over the original, so a reader
// or a crash never sees half a file. A file with hard links, another user's
// file the fixer cannot give back its owner, a directory the fixer cannot
// create files in, and every file on Windows are overwritten in place
// instead, which keeps links, owner, mode and ACLs; if that write fails
// part-way, the original bytes are written back.
func (h *held) write(path string, data, original []byte) error {
	if replaceable(h.info) {
		err := h.replace(path, data)
		if !errors.Is(err, errInPlace) {
			return err
		}
	}
	return h.overwrite(data, original)
}

func (h *held) replace(path string, data []byte) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".bgmanifest-fix-*")
	if err != nil {
		return errInPlace
	}
	tmpName := tmp.Name()
	committed := false
	defer func() {
		if !committed {
			os.Remove(tmpName)
		}
	}()
	if err := keepOwner(tmp, h.info); err != nil {
		tmp.Close()
		return errInPlace
	}
	if err := writeSynced(tmp, data, h.info.Mode()); err != nil {
		return fmt.Errorf("write temporary file: %w", err)
	}
	if err := os.Rename(tmpName, path); err != nil {
		return fmt.Errorf("replace file: %w", err)
	}
	committed = true
	syncDir(dir)
	return nil
}

// overwrite writes data over the open file and cuts it to its length.
func (h *held) overwrite(data, original []byte) error {
	err := writeAllAt(h.f, data)
	if err == nil {
		err = h.f.Sync()
	}
	if err == nil {
		return nil
	}
	if rerr := writeAllAt(h.f, original); rerr != nil {
		return fmt.Errorf("write in place: %w; restoring the original content also failed: %v (the file may be damaged)", err, rerr)
	}
	return fmt.Errorf("write in place: %w (the original content was restored)", err)
}

func writeAllAt(f *os.File, data []byte) error {
	if _, err := f.WriteAt(data, 0); err != nil {
		return err
	}
	return f.Truncate(int64(len(data)))
}

func writeSynced(f *os.File, data []byte, mode fs.FileMode) error {
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Chmod(mode & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky))
	}
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}

// syncDir makes the rename durable where the platform allows it; a failure
// is not an error (the data itself was synced, and Windows cannot sync a
// directory).
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}
