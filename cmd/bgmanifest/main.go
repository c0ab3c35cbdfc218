// Command bgmanifest lints the background tasks of Windows app packages: it
// checks Package.appxmanifest declarations against the code that registers
// them. This file is wiring only: flags, sub-commands and exit codes.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit codes, as DESIGN.md fixes them.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

// version is set by the release build (-ldflags "-X main.version=...");
// otherwise version.go takes it from the build information.
var version = "dev"

// usageError is bad usage: exit 2 with the message and a hint.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// exitError carries an exit code out of a sub-command.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func main() {
	tuneGC()
	stop := startProfiles(os.Stderr)
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usageText = `bgmanifest lints Windows app background tasks: manifest declarations against registration code.

Usage:
  bgmanifest [check] [flags] [PATH...]     lint (PATH: directory, manifest or source file; default ".")
  bgmanifest rules                         list every rule
  bgmanifest explain RULE                  a rule's full documentation (ID or name)
  bgmanifest dump [--registrations] PATH   the typed model as JSON
  bgmanifest schema NAME                   print an embedded JSON Schema (manifest, config, report)
  bgmanifest lsp                           language server on stdio
  bgmanifest version

Run 'bgmanifest check --help' for the check flags.
`

// run is main without os.Exit, so tests can call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "bgmanifest: internal error: %v\n", p)
			code = exitUsage
		}
	}()
	cmd := "check"
	if len(args) > 0 {
		switch args[0] {
		case "check", "rules", "explain", "dump", "schema", "lsp", "version":
			cmd, args = args[0], args[1:]
		case "help", "-h", "--help", "-help":
			if len(args) > 1 && args[1] == "check" {
				// 'bgmanifest help check' is 'bgmanifest check --help'.
				return run([]string{"check", "--help"}, stdin, stdout, stderr)
			}
			fmt.Fprint(stdout, usageText)
			return exitOK
		case "--version", "-version":
			cmd, args = "version", nil
		}
	}
	var err error
	switch cmd {
	case "check":
		if asksForHelp(args) {
			stderr = stdout // asked-for help is output, and exits 0
		}
		err = runCheck(args, stdout, stderr)
	case "rules":
		err = runRules(args, stdout)
	case "explain":
		err = runExplain(args, stdout)
	case "dump":
		err = runDump(args, stdout, stderr)
	case "schema":
		err = runSchema(args, stdout)
	case "lsp":
		err = runLSP(args, stdin, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, versionText())
	}
	if err == nil {
		return exitOK
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "bgmanifest %s: %s\n", cmd, strings.TrimSpace(ue.msg))
		return exitUsage
	}
	fmt.Fprintf(stderr, "bgmanifest %s: %v\n", cmd, err)
	return exitUsage
}

// asksForHelp reports whether a sub-command's arguments hold -h, -help or
// --help before a "--" that ends the flags.
func asksForHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}
