package main

import (
	"errors"
	"io"

	"github.com/bgmanifest/bgmanifest/lsp"
)

func runLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return usagef("lsp takes no arguments; it speaks the Language Server Protocol on stdin/stdout")
	}
	err := lsp.Serve(stdin, stdout, stderr, lsp.Options{Version: version})
	// The protocol says a server that exits without a shutdown request
	// exits with code 1.
	if errors.Is(err, lsp.ErrExitWithoutShutdown) {
		return exitError{1}
	}
	return err
}
