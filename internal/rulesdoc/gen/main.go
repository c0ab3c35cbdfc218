// Command gen writes docs/rules.md (run through `go generate ./rules`).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bgmanifest/bgmanifest/internal/rulesdoc"
)

func main() {
	out := flag.String("out", "docs/rules.md", "file to write")
	flag.Parse()
	if err := os.WriteFile(*out, []byte(rulesdoc.Render()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "rulesdoc:", err)
		os.Exit(1)
	}
}
