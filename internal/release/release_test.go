package main

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func fakeBinaries() map[string][]byte {
	bins := map[string][]byte{}
	for _, t := range Targets {
		bins[t.RID] = []byte("binary for " + t.RID)
	}
	return bins
}

func assemble(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := Assemble("v1.2.3", fakeBinaries(), []byte("MIT License"), []byte("# bgmanifest"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Name] = f.Data
	}
	return out
}

func TestReleaseFileNames(t *testing.T) {
	var got []string
	for name := range assemble(t) {
		got = append(got, name)
	}
	sort.Strings(got)
	want := []string{
		"BgManifest.MSBuild.1.2.3.nupkg",
		"bgmanifest_v1.2.3_checksums.txt",
		"bgmanifest_v1.2.3_darwin_arm64.tar.gz",
		"bgmanifest_v1.2.3_linux_amd64.tar.gz",
		"bgmanifest_v1.2.3_linux_arm64.tar.gz",
		"bgmanifest_v1.2.3_windows_amd64.zip",
		"bgmanifest_v1.2.3_windows_arm64.zip",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("release files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestChecksumsCoverEveryFile(t *testing.T) {
	files := assemble(t)
	sums := files["bgmanifest_v1.2.3_checksums.txt"]
	seen := 0
	sc := bufio.NewScanner(bytes.NewReader(sums))
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		data, known := files[name]
		if !ok || !known {
			t.Errorf("checksums line %q names no release file", sc.Text())
			continue
		}
		h := sha256.Sum256(data)
		if hex.EncodeToString(h[:]) != sum {
			t.Errorf("%s: checksum %s is wrong", name, sum)
		}
		seen++
	}
	if seen != len(files)-1 {
		t.Errorf("checksums list %d files, want %d", seen, len(files)-1)
	}
	// sha256sum -c reads the same file, when the tool is there.
	if _, err := exec.LookPath("sha256sum"); err == nil {
		dir := t.TempDir()
		for name, data := range files {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command("sha256sum", "-c", "bgmanifest_v1.2.3_checksums.txt")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c: %v\n%s", err, out)
		}
	}
}

func TestArchivesHoldBinaryLicenseReadme(t *testing.T) {
	files := assemble(t)
	for _, tg := range Targets {
		data := files[tg.Archive("v1.2.3")]
		got := map[string]string{}
		modes := map[string]os.FileMode{}
		if tg.GOOS == "windows" {
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range zr.File {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				got[f.Name], modes[f.Name] = string(b), f.Mode()
			}
		} else {
			gz, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			tr := tar.NewReader(gz)
			for {
				h, err := tr.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(tr)
				got[h.Name], modes[h.Name] = string(b), os.FileMode(h.Mode)
			}
		}
		if got[tg.Exe()] != "binary for "+tg.RID || got["LICENSE"] != "MIT License" || got["README.md"] != "# bgmanifest" || len(got) != 3 {
			t.Errorf("%s: contents %v", tg.Archive("v1.2.3"), got)
		}
		if modes[tg.Exe()]&0o111 == 0 {
			t.Errorf("%s: %s is not executable (%v)", tg.Archive("v1.2.3"), tg.Exe(), modes[tg.Exe()])
		}
	}
}

func TestReleaseIsReproducible(t *testing.T) {
	a, b := assemble(t), assemble(t)
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

// nupkgFiles opens the NuGet package as NuGet does: a zip.
func nupkgFiles(t *testing.T) map[string][]byte {
	t.Helper()
	data := assemble(t)["BgManifest.MSBuild.1.2.3.nupkg"]
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the .nupkg is not a zip: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		out[f.Name] = b
	}
	return out
}

func TestNuGetPackageLayout(t *testing.T) {
	files := nupkgFiles(t)
	want := []string{"BgManifest.MSBuild.nuspec", "LICENSE", "[Content_Types].xml", "_rels/.rels", "build/BgManifest.MSBuild.targets"}
	for _, tg := range Targets {
		want = append(want, "tools/"+tg.RID+"/"+tg.Exe())
		if string(files["tools/"+tg.RID+"/"+tg.Exe()]) != "binary for "+tg.RID {
			t.Errorf("tools/%s/%s does not hold the %s binary", tg.RID, tg.Exe(), tg.RID)
		}
	}
	var got []string
	for name := range files {
		got = append(got, name)
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("package files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") || strings.HasSuffix(name, ".nuspec") || strings.HasSuffix(name, ".targets") {
			if err := wellFormed(data); err != nil {
				t.Errorf("%s is not well-formed XML: %v", name, err)
			}
		}
	}
	var spec struct {
		Metadata struct {
			ID          string `xml:"id"`
			Version     string `xml:"version"`
			Description string `xml:"description"`
			License     struct {
				Type  string `xml:"type,attr"`
				Value string `xml:",chardata"`
			} `xml:"license"`
			DevelopmentDependency bool `xml:"developmentDependency"`
		} `xml:"metadata"`
	}
	if err := xml.Unmarshal(files["BgManifest.MSBuild.nuspec"], &spec); err != nil {
		t.Fatal(err)
	}
	m := spec.Metadata
	if m.ID != PackageID || m.Version != "1.2.3" || m.License.Type != "expression" || m.License.Value != "MIT" || !m.DevelopmentDependency || m.Description == "" {
		t.Errorf("nuspec metadata: %+v", m)
	}
}

func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

func TestVersionPattern(t *testing.T) {
	for v, ok := range map[string]bool{"v1.2.3": true, "v0.1.0-rc.1": true, "v0.0.0-snapshot.abcdef": true,
		"1.2.3": false, "v1.2": false, "v01.2.3": false, "latest": false, "": false} {
		if versionPattern.MatchString(v) != ok {
			t.Errorf("version %q accepted = %v, want %v", v, !ok, ok)
		}
	}
}
