//go:build unix

package fix

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// tryLock takes an exclusive flock(2) on f without waiting. flock locks
// belong to the open file description, so two opens in one process (two
// goroutines) exclude each other as two processes do. busy is true when
// another holder has it.
func tryLock(f *os.File) (unlock func(), busy bool, err error) {
	fd := int(f.Fd())
	for {
		err = unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB)
		if !errors.Is(err, unix.EINTR) {
			break
		}
	}
	switch {
	case err == nil:
		return func() { _ = unix.Flock(fd, unix.LOCK_UN) }, false, nil
	case errors.Is(err, unix.EWOULDBLOCK):
		return nil, true, nil
	}
	return nil, false, err
}

// lockPoll is how long tryLock waits between attempts.
const lockPoll = 2 * time.Millisecond

// replaceable reports whether the file may be replaced by renaming a new
// file over it: only when it has a single name (a rename would split hard
// links). The owner is kept with chown (see keepOwner), or the fixer writes
// in place.
func replaceable(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 1
}

// keepOwner gives the new file tmp the owner and group of the original.
// Nothing is done when they are ours already; a chown that fails (another
// user's file) is returned, and the caller writes in place instead.
func keepOwner(tmp *os.File, info fs.FileInfo) error {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return errors.New("no owner information")
	}
	cur, err := tmp.Stat()
	if err != nil {
		return err
	}
	if ct, ok := cur.Sys().(*syscall.Stat_t); ok && ct.Uid == st.Uid && ct.Gid == st.Gid {
		return nil
	}
	return tmp.Chown(int(st.Uid), int(st.Gid))
}
