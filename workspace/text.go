package workspace

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf16"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
)

// decodeText returns project or solution bytes as UTF-8 without a byte
// order mark. Visual Studio writes project files with a UTF-8 BOM and some
// older tools saved them as UTF-16; both must parse.
func decodeText(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return utf16ToUTF8(data[2:], func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 })
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return utf16ToUTF8(data[2:], func(b []byte) uint16 { return uint16(b[1]) | uint16(b[0])<<8 })
	}
	return data
}

func utf16ToUTF8(data []byte, unit func([]byte) uint16) []byte {
	units := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		units = append(units, unit(data[i:i+2]))
	}
	return []byte(string(utf16.Decode(units)))
}

// pathKey is the identity of an absolute path: Windows file systems ignore
// case, so two spellings of one project must not become two projects.
func pathKey(abs string) string {
	if runtime.GOOS == "windows" {
		return strings.ToLower(abs)
	}
	return abs
}

// existingFile returns path if it exists, else the same path with each
// missing component matched case-insensitively against its directory's
// entries, and the file's information (nil if it cannot be had) so a
// caller need not stat the path again. Projects written on Windows often
// spell a reference or an include with a case the file system of a Linux
// CI machine does not forgive ("..\tasks\Tasks.csproj" for
// Tasks/Tasks.csproj).
func existingFile(path string) (string, os.FileInfo, bool) {
	if info, err := os.Stat(path); err == nil {
		return path, info, true
	}
	clean := filepath.Clean(path)
	vol := filepath.VolumeName(clean)
	rest := clean[len(vol):]
	dir := vol
	if strings.HasPrefix(rest, string(filepath.Separator)) {
		dir += string(filepath.Separator)
		rest = strings.TrimLeft(rest, string(filepath.Separator))
	}
	for _, part := range strings.Split(rest, string(filepath.Separator)) {
		next := filepath.Join(dir, part)
		if dir == "" {
			next = part
		}
		if part == "." || part == ".." {
			dir = next
			continue
		}
		if _, err := os.Lstat(next); err != nil {
			readFrom := dir
			if readFrom == "" {
				readFrom = "."
			}
			entries, rerr := os.ReadDir(readFrom)
			if rerr != nil {
				return path, nil, false
			}
			found := false
			for _, e := range entries {
				if strings.EqualFold(e.Name(), part) {
					next = filepath.Join(dir, e.Name())
					found = true
					break
				}
			}
			if !found {
				return path, nil, false
			}
		}
		dir = next
	}
	info, _ := os.Stat(dir) // nil when the case-corrected path still does not stat
	return dir, info, true
}

// MaxProjectFileSize is the largest project, solution, import or
// packages.config file read. Real ones are well under a megabyte; an
// <Import Project="/dev/zero"/> or a sparse 1 GiB .csproj must not be
// read whole.
const MaxProjectFileSize = 8 << 20

// readProjectBytes reads a project, solution or import file: a regular
// file of at most MaxProjectFileSize bytes (a FIFO or device named by a
// repository is refused without blocking).
func readProjectBytes(path string) ([]byte, error) {
	return fileread.Whole(path, MaxProjectFileSize, "project file")
}
