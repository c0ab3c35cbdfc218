// Command release builds bgmanifest's release files: an archive per
// platform (windows/amd64, windows/arm64, linux/amd64, linux/arm64,
// darwin/arm64), a checksums file, and the BgManifest.MSBuild NuGet package
// that runs the bundled binary after a project's build. It lives under
// internal/ so that it is never installed with the linter:
//
//	go run ./internal/release -version v1.2.3 -out dist
//	go run ./internal/release -snapshot -out dist   (CI: v0.0.0-snapshot.<commit>)
//
// The binaries are built with CGO_ENABLED=0 and -trimpath, stamped with the
// version and commit; archives and the package have fixed file times and
// order, so the same commit gives the same bytes.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Target is one platform a release carries.
type Target struct {
	GOOS, GOARCH string
	RID          string // .NET runtime identifier: the NuGet package's tools/ folder
}

// Targets are the platforms of a release, in archive order.
var Targets = []Target{
	{"windows", "amd64", "win-x64"},
	{"windows", "arm64", "win-arm64"},
	{"linux", "amd64", "linux-x64"},
	{"linux", "arm64", "linux-arm64"},
	{"darwin", "arm64", "osx-arm64"},
}

// Exe is the binary's name on the target.
func (t Target) Exe() string {
	if t.GOOS == "windows" {
		return "bgmanifest.exe"
	}
	return "bgmanifest"
}

// Archive is the archive's file name: zip for Windows, tar.gz elsewhere.
func (t Target) Archive(version string) string {
	ext := ".tar.gz"
	if t.GOOS == "windows" {
		ext = ".zip"
	}
	return fmt.Sprintf("bgmanifest_%s_%s_%s%s", version, t.GOOS, t.GOARCH, ext)
}

// PackageID is the NuGet package's id; its build/ file must carry the same name.
const PackageID = "BgManifest.MSBuild"

//go:embed BgManifest.MSBuild.targets
var targetsFile []byte

// epoch is the file time written into archives: fixed, so builds repeat.
var epoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

var versionPattern = regexp.MustCompile(`^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$`)

func main() {
	version := flag.String("version", "", "release version, vMAJOR.MINOR.PATCH[-pre]")
	snapshot := flag.Bool("snapshot", false, "build a snapshot version from the current commit")
	out := flag.String("out", "dist", "output directory")
	flag.Parse()
	if err := run(*version, *snapshot, *out); err != nil {
		fmt.Fprintf(os.Stderr, "release: %v\n", err)
		os.Exit(1)
	}
}

func run(version string, snapshot bool, out string) error {
	commit := gitOutput("rev-parse", "HEAD")
	if snapshot {
		short := commit
		if len(short) > 12 {
			short = short[:12]
		}
		if short == "" {
			short = "unknown"
		}
		version = "v0.0.0-snapshot." + short
	}
	if !versionPattern.MatchString(version) {
		return fmt.Errorf("version %q is not vMAJOR.MINOR.PATCH[-pre] (or use -snapshot)", version)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	license, err := os.ReadFile("LICENSE")
	if err != nil {
		return fmt.Errorf("read LICENSE (run from the repository root): %w", err)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		return fmt.Errorf("read README.md: %w", err)
	}
	binaries := map[string][]byte{}
	for _, t := range Targets {
		fmt.Fprintf(os.Stderr, "building %s/%s\n", t.GOOS, t.GOARCH)
		b, err := build(t, version, commit)
		if err != nil {
			return err
		}
		binaries[t.RID] = b
	}
	files, err := Assemble(version, binaries, license, readme)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(out, f.Name), f.Data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", f.Name, err)
		}
		fmt.Println(filepath.Join(out, f.Name))
	}
	return nil
}

// build compiles cmd/bgmanifest for one target and returns the binary.
func build(t Target, version, commit string) ([]byte, error) {
	dir, err := os.MkdirTemp("", "bgmanifest-release-")
	if err != nil {
		return nil, fmt.Errorf("temp dir: %w", err)
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, t.Exe())
	ldflags := fmt.Sprintf("-s -w -X main.version=%s -X main.commit=%s", version, commit)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", ldflags, "-o", bin, "./cmd/bgmanifest")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.GOOS, "GOARCH="+t.GOARCH)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("build %s/%s: %w", t.GOOS, t.GOARCH, err)
	}
	b, err := os.ReadFile(bin)
	if err != nil {
		return nil, fmt.Errorf("read the %s/%s binary: %w", t.GOOS, t.GOARCH, err)
	}
	return b, nil
}

func gitOutput(args ...string) string {
	b, err := exec.Command("git", args...).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// File is one release file.
type File struct {
	Name string
	Data []byte
}

// Assemble makes the release files from the built binaries (keyed by RID):
// the archives, the NuGet package, and last the checksums of all of them.
func Assemble(version string, binaries map[string][]byte, license, readme []byte) ([]File, error) {
	var files []File
	for _, t := range Targets {
		bin, ok := binaries[t.RID]
		if !ok {
			return nil, fmt.Errorf("no binary for %s", t.RID)
		}
		entries := []entry{
			{name: t.Exe(), data: bin, exec: true},
			{name: "LICENSE", data: license},
			{name: "README.md", data: readme},
		}
		var data []byte
		var err error
		if t.GOOS == "windows" {
			data, err = zipOf(entries)
		} else {
			data, err = tarGzOf(entries)
		}
		if err != nil {
			return nil, fmt.Errorf("archive for %s: %w", t.RID, err)
		}
		files = append(files, File{t.Archive(version), data})
	}
	nupkg, err := NuGetPackage(version, binaries, license)
	if err != nil {
		return nil, err
	}
	files = append(files, File{fmt.Sprintf("%s.%s.nupkg", PackageID, strings.TrimPrefix(version, "v")), nupkg})
	files = append(files, File{fmt.Sprintf("bgmanifest_%s_checksums.txt", version), Checksums(files)})
	return files, nil
}

// Checksums lists SHA-256 sums in the format `sha256sum -c` reads.
func Checksums(files []File) []byte {
	var b bytes.Buffer
	sorted := append([]File(nil), files...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for _, f := range sorted {
		sum := sha256.Sum256(f.Data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), f.Name)
	}
	return b.Bytes()
}

type entry struct {
	name string
	data []byte
	exec bool
}

func zipOf(entries []entry) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: epoch}
		mode := os.FileMode(0o644)
		if e.exec {
			mode = 0o755
		}
		h.SetMode(mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func tarGzOf(entries []entry) ([]byte, error) {
	var buf bytes.Buffer
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		mode := int64(0o644)
		if e.exec {
			mode = 0o755
		}
		h := &tar.Header{Name: e.name, Mode: mode, Size: int64(len(e.data)), ModTime: epoch, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// NuGetPackage builds the .nupkg: an OPC zip with the .nuspec at its root,
// build/BgManifest.MSBuild.targets (NuGet imports build/<id>.targets into
// every project that references the package) and the binaries under
// tools/<rid>/. It is a development dependency: it adds nothing to the
// app's own output and does not flow to projects that reference the app.
func NuGetPackage(version string, binaries map[string][]byte, license []byte) ([]byte, error) {
	v := strings.TrimPrefix(version, "v")
	entries := []entry{
		{name: PackageID + ".nuspec", data: []byte(nuspec(v))},
		{name: "build/" + PackageID + ".targets", data: targetsFile},
		{name: "LICENSE", data: license},
	}
	for _, t := range Targets {
		bin, ok := binaries[t.RID]
		if !ok {
			return nil, errors.New("no binary for " + t.RID)
		}
		entries = append(entries, entry{name: "tools/" + t.RID + "/" + t.Exe(), data: bin, exec: true})
	}
	entries = append(entries,
		entry{name: "[Content_Types].xml", data: []byte(contentTypes)},
		entry{name: "_rels/.rels", data: []byte(rels)},
	)
	b, err := zipOf(entries)
	if err != nil {
		return nil, fmt.Errorf("nuget package: %w", err)
	}
	return b, nil
}

func nuspec(version string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata minClientVersion="4.0">
    <id>` + PackageID + `</id>
    <version>` + version + `</version>
    <authors>bgmanifest</authors>
    <description>Runs bgmanifest after each build of a Windows app project: background tasks the code registers are checked against Package.appxmanifest, and mismatches become build errors and warnings in Visual Studio's Error List and dotnet build. Properties: BgManifestEnabled, BgManifestFailOn, BgManifestConfig, BgManifestArguments.</description>
    <license type="expression">MIT</license>
    <projectUrl>https://github.com/bgmanifest/bgmanifest</projectUrl>
    <repository type="git" url="https://github.com/bgmanifest/bgmanifest" />
    <tags>uwp msix appxmanifest background-tasks linter msbuild</tags>
    <developmentDependency>true</developmentDependency>
  </metadata>
</package>
`
}

const contentTypes = `<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />
  <Default Extension="nuspec" ContentType="application/octet" />
  <Default Extension="targets" ContentType="application/octet" />
  <Default Extension="exe" ContentType="application/octet" />
  <Override PartName="/LICENSE" ContentType="application/octet" />
  <Override PartName="/tools/linux-x64/bgmanifest" ContentType="application/octet" />
  <Override PartName="/tools/linux-arm64/bgmanifest" ContentType="application/octet" />
  <Override PartName="/tools/osx-arm64/bgmanifest" ContentType="application/octet" />
</Types>
`

const rels = `<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/` + PackageID + `.nuspec" Id="R1" />
</Relationships>
`
