package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/mattn/go-isatty"

	"github.com/bgmanifest/bgmanifest/fix"
	"github.com/bgmanifest/bgmanifest/internal/textpos"
	"github.com/bgmanifest/bgmanifest/lint"
	"github.com/bgmanifest/bgmanifest/report"
	"github.com/bgmanifest/bgmanifest/rules"
	"github.com/bgmanifest/bgmanifest/workspace"
)

type checkFlags struct {
	format, config, enable, disable, failOn, color string
	fix, verbose                                   bool
	jobs                                           int
}

// parseInterleaved parses flags that may come before or after the
// positional arguments (`check testdata --format json`), as users of other
// linters expect.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// parsePaths parses a subcommand's flags and paths (see parseInterleaved);
// no path means the current directory. help is true when -h printed the
// usage, and a bad flag is a usage error (exit 2).
func parsePaths(fs *flag.FlagSet, args []string) (paths []string, help bool, err error) {
	paths, err = parseInterleaved(fs, args)
	if err == flag.ErrHelp {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, usageError{err.Error()}
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	return paths, false, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	var f checkFlags
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.format, "format", "text", "output format: "+strings.Join(report.Formats(), "|"))
	fs.StringVar(&f.config, "config", "", "config file (default: .bgmanifest.yaml from the current directory up to the repository root)")
	fs.StringVar(&f.enable, "enable", "", "comma-separated rule IDs or names to enable")
	fs.StringVar(&f.disable, "disable", "", "comma-separated rule IDs or names to disable")
	fs.StringVar(&f.failOn, "fail-on", "warning", "lowest severity that makes the exit code 1: error|warning|info|none")
	fs.StringVar(&f.color, "color", "auto", "colour: auto|always|never (NO_COLOR always wins)")
	fs.BoolVar(&f.fix, "fix", false, "apply the safe manifest fixes")
	fs.BoolVar(&f.verbose, "v", false, "notes: manifests that are not Apps and why, projects and files that could not be read, values that could not be resolved")
	fs.IntVar(&f.jobs, "jobs", runtime.NumCPU(), "parallel jobs")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: bgmanifest check [flags] [PATH...]")
		fs.PrintDefaults()
	}
	paths, help, err := parsePaths(fs, args)
	if help || err != nil {
		return err
	}
	if !validFormat(f.format) {
		return usagef("unknown --format %q (want %s)", f.format, strings.Join(report.Formats(), ", "))
	}
	failOn, err := parseFailOn(f.failOn)
	if err != nil {
		return err
	}
	useColor, err := decideColor(f.color, stdout)
	if err != nil {
		return err
	}
	if f.jobs < 1 {
		return usagef("--jobs must be at least 1")
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return usagef("%s: no such file or directory", p)
		}
	}
	cfg, err := loadConfig(f.config)
	if err != nil {
		return err
	}
	opts := lint.Options{Jobs: f.jobs, Config: cfg, Enable: splitList(f.enable), Disable: splitList(f.disable)}
	res, err := lint.Run(paths, opts)
	if err != nil {
		return usageError{err.Error()}
	}
	if f.fix {
		n, ferrs := fix.Apply(res.Findings)
		for _, e := range ferrs {
			fmt.Fprintf(stderr, "bgmanifest: fix: %v\n", e)
		}
		if n > 0 {
			fmt.Fprintf(stderr, "bgmanifest: applied %d fix(es)\n", n)
			// Report what is left after the fixes, as other linters do.
			if res, err = lint.Run(paths, opts); err != nil {
				return usageError{err.Error()}
			}
		}
	}
	// Notes explain what was left out; without -v they are shown only
	// when nothing was checked, since then they are the answer to why.
	if f.verbose || len(res.Apps) == 0 {
		for _, n := range res.Notes {
			fmt.Fprintf(stderr, "bgmanifest: note: %s\n", n)
		}
	}
	errs, warns, infos := report.Count(res.Findings)
	sum := report.Summary{
		Apps: res.Summary.Apps, Manifests: res.Summary.Manifests, SourceFiles: res.Summary.SourceFiles,
		Errors: errs, Warnings: warns, Infos: infos,
	}
	metas := make([]rules.Meta, 0)
	for _, r := range rules.All() {
		metas = append(metas, r.Meta())
	}
	lines := newLineSource(res)
	cwd, _ := os.Getwd()
	if err := report.Write(stdout, res.Findings, sum, report.Options{
		Format: f.format, Color: useColor, Rules: metas, SourceLine: lines.line, ToolVersion: version, SourceRoot: cwd,
	}); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if f.format == "text" {
		fmt.Fprintln(stderr, report.SummaryLine(sum))
	}
	for _, e := range res.Internal {
		fmt.Fprintf(stderr, "bgmanifest: %v\n", e)
	}
	if len(res.Internal) > 0 {
		return exitError{exitUsage}
	}
	for _, fd := range res.Findings {
		if failOn != rules.Off && fd.Severity >= failOn {
			return exitError{exitFindings}
		}
	}
	return nil
}

func validFormat(f string) bool {
	for _, k := range report.Formats() {
		if k == f {
			return true
		}
	}
	return false
}

func parseFailOn(s string) (rules.Severity, error) {
	switch s {
	case "none":
		return rules.Off, nil
	case "error", "warning", "info":
		sev, _ := rules.ParseSeverity(s)
		return sev, nil
	}
	return rules.Off, usagef("unknown --fail-on %q (want error, warning, info or none)", s)
}

// decideColor implements --color: NO_COLOR (non-empty) always wins; auto
// colours only when stdout is a terminal.
func decideColor(mode string, stdout io.Writer) (bool, error) {
	switch mode {
	case "auto", "always", "never":
	default:
		return false, usagef("unknown --color %q (want auto, always or never)", mode)
	}
	if os.Getenv("NO_COLOR") != "" || mode == "never" {
		return false, nil
	}
	if mode == "always" {
		return true, nil
	}
	if f, ok := stdout.(*os.File); ok {
		return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()), nil
	}
	return false, nil
}

// loadConfig reads --config, or finds .bgmanifest.yaml from the current
// directory upward.
func loadConfig(path string) (*workspace.Config, error) {
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, fmt.Errorf("current directory: %w", err)
		}
		found, ok := workspace.FindConfig(wd)
		if !ok {
			return nil, nil
		}
		path = found
	} else if _, err := os.Stat(path); err != nil {
		return nil, usagef("--config %s: no such file", path)
	}
	cfg, err := workspace.LoadConfig(path)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	return cfg, nil
}

// lineSource serves source lines for the text report's carets. Manifests
// come from the parsed model (which decoded UTF-16); other files are read
// once each.
type lineSource struct {
	manifests map[string]func(int) string
	cache     map[string]*textpos.Index // nil when the file cannot be read
}

func newLineSource(res *lint.Result) *lineSource {
	return &lineSource{manifests: map[string]func(int) string{}, cache: map[string]*textpos.Index{}}
}

// line returns line n of file. CRLF, and a lone CR (classic Mac), end a
// line as LF does: the rule the positions were computed with.
func (s *lineSource) line(file string, n int) (string, bool) {
	lines, ok := s.cache[file]
	if !ok {
		if b, err := readForCaret(filepath.FromSlash(file)); err == nil {
			lines = textpos.New([]byte(decodeText(b)))
		}
		s.cache[file] = lines
	}
	if lines == nil {
		return "", false
	}
	line, ok := lines.LineText(n)
	return string(line), ok
}

// maxCaretFileSize bounds the files the text report reads to show a
// finding's source line: a huge file (reported as too large to check) gets
// no source line rather than being loaded whole.
const maxCaretFileSize = 16 << 20

func readForCaret(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > maxCaretFileSize {
		return nil, fmt.Errorf("%s: too large to show source lines from", path)
	}
	return os.ReadFile(path)
}
