package main

import (
	"io"

	"github.com/bgmanifest/bgmanifest/lsp"
)

func runLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return usagef("lsp takes no arguments; it speaks the Language Server Protocol on stdin/stdout")
	}
	return lsp.Serve(stdin, stdout, stderr, lsp.Options{Version: version})
}
