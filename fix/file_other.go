//go:build !unix && !windows

package fix

import (
	"errors"
	"io/fs"
	"os"
	"time"
)

// tryLock cannot lock on this platform; the fixer still compares the file
// with its snapshot right before writing it.
func tryLock(*os.File) (unlock func(), busy bool, err error) { return func() {}, false, nil }

const lockPoll = 2 * time.Millisecond

// replaceable: without link counts, the fixer writes in place.
func replaceable(fs.FileInfo) bool { return false }

func keepOwner(*os.File, fs.FileInfo) error { return errors.New("not supported") }
