//go:build unix

package workspace

import "syscall"

// deviceOf is the file system holding dir.
func deviceOf(dir string) (uint64, bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(dir, &st); err != nil {
		return 0, false
	}
	return uint64(st.Dev), true
}
