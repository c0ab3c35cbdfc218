package registration

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestScanMarked checks that the scanner tells which files it read hold the
// marker, so lint need not read them again for suppressions.
func TestScanMarked(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	with := write("With.cs", []byte("class A { } // bgmanifest:ignore BG101 reason\n"))
	without := write("Without.cs", []byte("class B { }\n"))
	utf16 := write("Wide.cs", []byte{0xFF, 0xFE, 'c', 0, 'l', 0})
	edited := write("Edited.cs", []byte("class C { }\n"))
	missing := filepath.Join(dir, "Missing.cs")
	files := []SourceFile{{Path: with}, {Path: without}, {Path: utf16}, {Path: edited}, {Path: missing}}
	overlay := map[string][]byte{edited: []byte("// bgmanifest:ignore-file BG101\nclass C { }\n")}

	facts := ScanWithOverlay(files, overlay, Options{Jobs: 2, Marker: []byte("bgmanifest:ignore")})
	want := map[string]bool{with: true, without: false, utf16: true, edited: true}
	if !reflect.DeepEqual(facts.Marked, want) {
		t.Errorf("Marked = %v, want %v (the unreadable file absent)", facts.Marked, want)
	}
	if facts := Scan(files, Options{}); facts.Marked != nil {
		t.Errorf("without a marker, Marked = %v, want nil", facts.Marked)
	}
}
