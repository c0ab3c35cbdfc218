//go:build !unix

package fileread

import "errors"

func syscallMkfifo(string) error { return errors.New("no mkfifo") }
