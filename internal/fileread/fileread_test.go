package fileread

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"
)

func TestLimited(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	small := write("small.cs", []byte("class A {}\n"))
	empty := write("empty.cs", nil)
	big := write("big.cs", make([]byte, 100))
	sub := filepath.Join(dir, "sub.cs")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		path     string
		limit    int64
		want     string
		wantSize int64
		wantErr  string // substring of the error; "" for none
	}{
		{"whole file", small, 1 << 20, "class A {}\n", 11, ""},
		{"exactly at the limit", small, 11, "class A {}\n", 11, ""},
		{"empty file", empty, 10, "", 0, ""},
		{"over the limit: no data, the size", big, 99, "", 100, ""},
		{"missing file", filepath.Join(dir, "nope.cs"), 10, "", 0, "no such file or directory"},
		{"a directory where a file was expected", sub, 10, "", 0, "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, read := range []struct {
				name string
				fn   func(string, int64) ([]byte, int64, error)
			}{{"Limited", Limited}, {"portable", func(p string, n int64) ([]byte, int64, error) { return limitedPortable(p, n, nil) }},
				{"arena", func(p string, n int64) ([]byte, int64, error) { return LimitedIn(&Arena{}, p, n) }}} {
				got, size, err := read.fn(tt.path, tt.limit)
				if tt.wantErr != "" {
					if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), tt.path) {
						t.Fatalf("%s: err = %v, want one naming %s and saying %q", read.name, err, tt.path, tt.wantErr)
					}
					var pe *fs.PathError
					if !errors.As(err, &pe) {
						t.Errorf("%s: err %T is not a *fs.PathError", read.name, err)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s: %v", read.name, err)
				}
				if string(got) != tt.want || size != tt.wantSize {
					t.Errorf("%s: got %q (size %d), want %q (size %d)", read.name, got, size, tt.want, tt.wantSize)
				}
			}
		})
	}
}

// The error for a missing file is the one os.ReadFile gives, so notes read
// the same whichever reader ran.
func TestLimitedErrorMatchesOS(t *testing.T) {
	p := filepath.Join(t.TempDir(), "missing.vb")
	_, _, err := Limited(p, 10)
	_, osErr := os.ReadFile(p)
	if err == nil || osErr == nil || err.Error() != osErr.Error() {
		t.Fatalf("Limited: %v; os.ReadFile: %v", err, osErr)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(err, fs.ErrNotExist) = false for %v", err)
	}
}

// TestArena: slices never overlap, have no spare capacity, survive until
// Reset, and the blocks are reused after it; big requests get their own.
func TestArena(t *testing.T) {
	var a Arena
	allocDistinct(t, &a, func(i int) int { return 1 + i*37%5000 }, 200*5000)
	blocks := len(a.blocks)
	a.Reset()
	for i := 0; i < 200; i++ {
		a.Alloc(1 + i*37%5000)
	}
	if len(a.blocks) != blocks {
		t.Errorf("after Reset the same requests took %d blocks, before %d", len(a.blocks), blocks)
	}
	big := a.Alloc(arenaBlock)
	if len(big) != arenaBlock || len(a.blocks) != blocks {
		t.Errorf("a request of a whole block came from the arena")
	}
	var nilArena *Arena
	if b := nilArena.Alloc(10); len(b) != 10 {
		t.Errorf("a nil Arena allocates: got %d bytes", len(b))
	}
}

// allocDistinct allocates from a the sizes size(0), size(1), … (at most
// 200 requests, until limit bytes), fills each slice with its own byte,
// and fails when a slice has no exact length and capacity or a later one
// overwrote it. It returns the bytes allocated.
func allocDistinct(t *testing.T, a *Arena, size func(i int) int, limit int) (total int) {
	t.Helper()
	var got [][]byte
	for i := 0; i < 200 && total < limit; i++ {
		n := size(i)
		b := a.Alloc(n)
		if len(b) != n || cap(b) != n {
			t.Fatalf("Alloc(%d): len %d cap %d", n, len(b), cap(b))
		}
		for j := range b {
			b[j] = byte(i)
		}
		got = append(got, b)
		total += n
	}
	for i, b := range got {
		for _, c := range b {
			if c != byte(i) {
				t.Fatalf("slice %d was overwritten by a later one", i)
			}
		}
	}
	return total
}

// TestHugeArena: a Huge arena's slices never overlap and have no spare
// capacity; its blocks are 2 MB, aligned to 2 MB where the chunk could be
// aligned (Linux), and come several per allocation.
func TestHugeArena(t *testing.T) {
	a := Arena{Huge: true}
	total := allocDistinct(t, &a, func(i int) int { return 1 + i*7919%(hugePage/4) }, 5*hugePage)
	if len(a.blocks) < 3 {
		t.Fatalf("%d bytes took %d blocks", total, len(a.blocks))
	}
	for i, b := range a.blocks {
		if len(b) != hugePage || cap(b) != hugePage {
			t.Errorf("block %d: len %d cap %d, want %d", i, len(b), cap(b), hugePage)
		}
		if runtime.GOOS == "linux" && uintptr(unsafe.Pointer(&b[0]))%hugePage != 0 {
			t.Errorf("block %d is not aligned to a huge page", i)
		}
	}
	if big := a.Alloc(hugePage/4 + 1); len(big) != hugePage/4+1 {
		t.Errorf("a big request: %d bytes", len(big))
	}
}

// TestNotRegularRefusedWithoutBlocking: a FIFO nobody writes to, a device
// that never ends and a symlink to one are refused at once, never read.
func TestNotRegularRefusedWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "Evil.cs")
	if err := syscallMkfifo(fifo); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	link := filepath.Join(dir, "Zero.csproj")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	for _, p := range []string{fifo, link, "/dev/zero"} {
		done := make(chan error, 1)
		go func() {
			_, _, err := Limited(p, 1<<20)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("Limited(%s) = %v, want ErrNotRegular", p, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Limited(%s) blocked", p)
		}
	}
	if _, err := Whole(filepath.Join(dir, "missing"), 10, "config"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Whole(missing) = %v", err)
	}
	big := filepath.Join(dir, "big.sln")
	if err := os.WriteFile(big, make([]byte, 11), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Whole(big, 10, "solution"); err == nil || !strings.Contains(err.Error(), "over the 10-byte limit") {
		t.Errorf("Whole(11 bytes, limit 10) = %v", err)
	}
}

// TestHead reads the first bytes of regular files, all of a short one,
// and refuses FIFOs, devices and directories at once; so does the
// portable version other systems use.
func TestHead(t *testing.T) {
	for _, v := range []struct {
		name string
		head func(string, []byte) (int, error)
	}{{"Head", Head}, {"portable", headPortable}} {
		t.Run(v.name, func(t *testing.T) { testHead(t, v.head) })
	}
}

func testHead(t *testing.T, Head func(string, []byte) (int, error)) {
	dir := t.TempDir()
	long := filepath.Join(dir, "Package.appxmanifest")
	if err := os.WriteFile(long, []byte("<?xml version=\"1.0\"?><Package/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	short := filepath.Join(dir, "empty.appxmanifest")
	if err := os.WriteFile(short, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 5)
	if n, err := Head(long, buf); err != nil || string(buf[:n]) != "<?xml" {
		t.Errorf("Head(long) = %q, %v", buf[:n], err)
	}
	big := make([]byte, 100)
	if n, err := Head(long, big); err != nil || string(big[:n]) != "<?xml version=\"1.0\"?><Package/>" {
		t.Errorf("Head(long, 100 bytes) = %q, %v", big[:n], err)
	}
	if n, err := Head(short, buf); err != nil || n != 0 {
		t.Errorf("Head(empty) = %d, %v", n, err)
	}
	if _, err := Head(filepath.Join(dir, "missing"), buf); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Head(missing) = %v, want ErrNotExist", err)
	}
	refused := []string{dir}
	if runtime.GOOS != "windows" {
		fifo := filepath.Join(dir, "fifo.appxmanifest")
		if err := syscallMkfifo(fifo); err == nil {
			refused = append(refused, fifo)
		}
		refused = append(refused, "/dev/zero")
	}
	for _, p := range refused {
		done := make(chan error, 1)
		go func() {
			_, err := Head(p, buf)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("Head(%s) = %v, want ErrNotRegular", p, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Head(%s) blocked", p)
		}
	}
}
