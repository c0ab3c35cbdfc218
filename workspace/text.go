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

// existingFile returns path if it exists, else the same path with its
// components matched case-insensitively against their directories'
// entries, and the file's information (nil if it cannot be had) so a
// caller need not stat the path again. Projects written on Windows often
// spell a reference or an include with a case the file system of a Linux
// CI machine does not forgive ("..\tasks\Tasks.csproj" for
// Tasks/Tasks.csproj). A checkout made on Linux may even hold two folders
// Windows sees as one (Util/ and util/): each spelling of a component is
// tried, as Windows would find the file in either.
func existingFile(path string) (string, os.FileInfo, bool) {
	return existingFileIn(path, listDir)
}

// existingFileIn is existingFile with directories listed by list (names
// of the entries; ok false when the directory cannot be read), which a
// discovery caches: the paths of one project share their folders.
func existingFileIn(path string, list func(dir string) ([]string, bool)) (string, os.FileInfo, bool) {
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
	budget := maxCaseTries
	fixed, ok := foldPath(dir, strings.Split(rest, string(filepath.Separator)), list, &budget)
	if !ok {
		return path, nil, false
	}
	info, _ := os.Stat(fixed) // nil when the case-corrected path still does not stat
	return fixed, info, true
}

func listDir(dir string) ([]string, bool) {
	entries, err := fileread.ReadDir(dir)
	if err != nil {
		return nil, false
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names, true
}

// maxCaseTries bounds the other spellings one look-up follows: a path
// whose folders exist in several spellings would otherwise try every
// combination.
const maxCaseTries = 32

// foldPath resolves parts below dir, each part as spelled first, then in
// any other spelling its directory holds; ok is false when no spelling
// leads to an existing path.
func foldPath(dir string, parts []string, list func(string) ([]string, bool), budget *int) (string, bool) {
	if len(parts) == 0 {
		return dir, true
	}
	part := parts[0]
	join := func(name string) string {
		if dir == "" {
			return name
		}
		return filepath.Join(dir, name)
	}
	if part == "." || part == ".." || part == "" {
		return foldPath(join(part), parts[1:], list, budget)
	}
	readFrom := dir
	if readFrom == "" {
		readFrom = "."
	}
	names, ok := list(readFrom)
	if !ok {
		return "", false
	}
	for _, n := range names {
		if n == part {
			if fixed, ok := foldPath(join(n), parts[1:], list, budget); ok {
				return fixed, true
			}
			break
		}
	}
	for _, n := range names {
		if n == part || !strings.EqualFold(n, part) {
			continue
		}
		if *budget <= 0 {
			return "", false
		}
		*budget--
		if fixed, ok := foldPath(join(n), parts[1:], list, budget); ok {
			return fixed, true
		}
	}
	return "", false
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
