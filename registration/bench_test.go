package registration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchSource concatenates the fixture files of one language into about
// 1 MB of input.
func benchSource(b *testing.B, ext string) []byte {
	b.Helper()
	var sb strings.Builder
	for _, root := range []string{"testdata", filepath.Join("..", "testdata", "apps")} {
		_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ext) {
				data, _ := os.ReadFile(p)
				sb.Write(data)
				sb.WriteByte('\n')
			}
			return nil
		})
	}
	if sb.Len() == 0 {
		b.Fatalf("no %s fixtures", ext)
	}
	unit := sb.String()
	return []byte(strings.Repeat(unit, 1+(1<<20)/len(unit)))
}

func benchLexer(b *testing.B, ext string, lex func([]byte) *Lexed) {
	src := benchSource(b, ext)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lex(src)
	}
}

func BenchmarkLexCSharp(b *testing.B) { benchLexer(b, ".cs", LexCSharp) }
func BenchmarkLexCPP(b *testing.B)    { benchLexer(b, ".cpp", LexCPP) }
func BenchmarkLexIDL(b *testing.B)    { benchLexer(b, ".idl", LexIDL) }
func BenchmarkLexJS(b *testing.B)     { benchLexer(b, ".js", LexJS) }
func BenchmarkLexVB(b *testing.B)     { benchLexer(b, ".vb", LexVB) }

// BenchmarkScanApp scans a whole sample App (read, lex, parse, resolve).
func BenchmarkScanApp(b *testing.B) {
	for _, app := range []string{"cs-basic", "cppwinrt-basic", "vb-basic"} {
		b.Run(app, func(b *testing.B) {
			files := sourcesIn(b, filepath.Join("..", "testdata", "apps", app))
			var size int64
			for _, f := range files {
				if st, err := os.Stat(f.Path); err == nil {
					size += st.Size()
				}
			}
			b.SetBytes(size)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				Scan(files, Options{})
			}
		})
	}
}
