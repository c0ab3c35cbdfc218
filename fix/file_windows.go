//go:build windows

package fix

import (
	"errors"
	"io/fs"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// lockOffset is the byte the lock covers: far past the end of any file the
// fixer edits. Windows byte-range locks are mandatory, so locking the
// content would make other programs' reads fail; a lock beyond the end of
// the file only excludes other fixers, like flock on Unix.
const lockOffset = 1 << 62

// tryLock takes an exclusive LockFileEx lock on f without waiting. busy is
// true when another handle holds it.
func tryLock(f *os.File) (unlock func(), busy bool, err error) {
	h := windows.Handle(f.Fd())
	ol := &windows.Overlapped{Offset: uint32(lockOffset & 0xFFFFFFFF), OffsetHigh: uint32(lockOffset >> 32)}
	err = windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	switch {
	case err == nil:
		return func() { _ = windows.UnlockFileEx(h, 0, 1, 0, ol) }, false, nil
	case errors.Is(err, windows.ERROR_LOCK_VIOLATION):
		return nil, true, nil
	}
	return nil, false, err
}

// lockPoll is how long tryLock waits between attempts.
const lockPoll = 2 * time.Millisecond

// replaceable is false on Windows: renaming over a file that is open (the
// fixer holds it open for its lock) fails, and writing in place keeps the
// file's ACL, alternate data streams and hard links without asking.
func replaceable(fs.FileInfo) bool { return false }

// keepOwner is not used on Windows (see replaceable).
func keepOwner(*os.File, fs.FileInfo) error { return errors.New("not supported") }
