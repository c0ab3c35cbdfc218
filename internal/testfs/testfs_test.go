package testfs

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCopyTree(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"Package.appxmanifest":  "<Package/>\r\n",
		"Tasks/SyncTask.cs":     "namespace Tasks {}\n",
		"Tasks/Deep/Nested.txt": "",
	}
	for name, content := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(src, "Empty"), 0o755); err != nil {
		t.Fatal(err)
	}

	dst := filepath.Join(t.TempDir(), "copy")
	CopyTree(t, src, dst)

	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dst, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s not copied: %v", name, err)
			continue
		}
		if string(got) != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if st, err := os.Stat(filepath.Join(dst, "Empty")); err != nil || !st.IsDir() {
		t.Errorf("empty directory not copied: %v", err)
	}
}
