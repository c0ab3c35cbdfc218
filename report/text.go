package report

import (
	"bufio"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/bgmanifest/bgmanifest/rules"
)

// excerptWidth caps the characters of a source line shown under a finding:
// minified JavaScript and generated code put whole files on one line.
const excerptWidth = 160

// palette holds colour objects of our own, each switched on or off
// explicitly, so that fatih/color's global NoColor (which only looks at
// stdout) never decides for us and concurrent writers do not share state.
type palette struct {
	location, err, warning, info, caret, fix *color.Color
}

func newPalette(enabled bool) palette {
	p := palette{
		location: color.New(color.Bold),
		err:      color.New(color.FgRed, color.Bold),
		warning:  color.New(color.FgYellow),
		info:     color.New(color.FgCyan),
		caret:    color.New(color.FgGreen),
		fix:      color.New(color.FgGreen),
	}
	for _, c := range []*color.Color{p.location, p.err, p.warning, p.info, p.caret, p.fix} {
		if enabled {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

func (p palette) severity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return p.err.Sprint(s.String())
	case rules.Warning:
		return p.warning.Sprint(s.String())
	case rules.Info:
		return p.info.Sprint(s.String())
	}
	return s.String()
}

func writeText(w io.Writer, findings []rules.Finding, _ Summary, opt Options) error {
	bw := bufio.NewWriter(w)
	p := newPalette(opt.Color)
	for i, f := range findings {
		if i > 0 {
			bw.WriteString("\n")
		}
		writeTextFinding(bw, p, f, opt.SourceLine)
	}
	return bw.Flush()
}

func writeTextFinding(bw *bufio.Writer, p palette, f rules.Finding, sourceLine func(string, int) (string, bool)) {
	bw.WriteString(p.location.Sprint(oneLine(position(f.File, f.Line, f.Column))))
	bw.WriteString(": ")
	bw.WriteString(p.severity(f.Severity))
	bw.WriteString(": ")
	bw.WriteString(continuationIndent(terminalSafe(f.Message), "  "))
	bw.WriteString(" [" + oneLine(f.Rule+" "+f.Name) + "]\n")

	if sourceLine != nil {
		if src, ok := sourceLine(f.File, f.Line); ok {
			text, caret := excerpt(src, f)
			bw.WriteString(text + "\n")
			bw.WriteString(p.caret.Sprint(caret) + "\n")
		}
	}
	for _, r := range f.Related {
		bw.WriteString("    ")
		bw.WriteString(p.location.Sprint(oneLine(position(r.File, r.Line, r.Column))))
		bw.WriteString(": note: ")
		bw.WriteString(continuationIndent(terminalSafe(r.Message), "      "))
		bw.WriteString("\n")
	}
	if f.Fix != nil && f.Fix.Description != "" {
		bw.WriteString("    " + p.fix.Sprint("fix:") + " ")
		bw.WriteString(continuationIndent(terminalSafe(f.Fix.Description), "      "))
		bw.WriteString("\n")
	}
}

// excerpt returns the source line as shown (cut to excerptWidth characters
// around the column) and the caret line under it. The caret line repeats the
// line's tabs so that it lines up whatever the terminal's tab width.
func excerpt(src string, f rules.Finding) (text, caret string) {
	line := []rune(oneLine(strings.TrimRight(src, "\r\n")))
	col := f.Column - 1 // 0-based index of the caret's character
	if col > len(line) {
		col = len(line) // past the end: point just after the last character
	}
	end := col + 1 // exclusive end of the underlined range
	if f.EndLine == f.Line && f.EndColumn-1 > col {
		end = f.EndColumn - 1
	} else if f.EndLine > f.Line {
		end = len(line)
	}
	end = max(min(end, len(line)), col+1)

	from, to := 0, len(line)
	if len(line) > excerptWidth {
		from = max(0, col-excerptWidth/2)
		to = min(len(line), from+excerptWidth)
		from = max(0, to-excerptWidth)
	}

	var tb, cb strings.Builder
	if from > 0 {
		tb.WriteString("…")
		cb.WriteByte(' ')
	}
	tb.WriteString(string(line[from:to]))
	if to < len(line) {
		tb.WriteString("…")
	}
	for _, r := range line[from:col] {
		if r == '\t' {
			cb.WriteByte('\t')
		} else {
			cb.WriteString(strings.Repeat(" ", cellWidth(r)))
		}
	}
	cb.WriteByte('^')
	if col < len(line) {
		cb.WriteString(strings.Repeat("~", max(0, cellWidth(line[col])-1)))
	}
	if lo, hi := min(col+1, to), min(end, to); hi > lo {
		for _, r := range line[lo:hi] {
			cb.WriteString(strings.Repeat("~", max(1, cellWidth(r))))
		}
	}
	return tb.String(), cb.String()
}

// cellWidth is how many terminal cells r takes: 0 for combining marks and
// format characters, 2 for the wide East Asian blocks and emoji, 1 otherwise
// (a tab is handled by the caller). Columns stay counted in characters; this
// only keeps the caret under the right character on screen.
func cellWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	case isWide(r):
		return 2
	}
	return 1
}

// wideRanges approximates Unicode's East Asian Width W and F classes with
// the blocks source files actually contain: CJK, Hangul, full-width forms
// and the emoji planes.
var wideRanges = [][2]rune{
	{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
	{0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
	{0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
	{0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
}

func isWide(r rune) bool {
	if r < wideRanges[0][0] {
		return false
	}
	for _, w := range wideRanges {
		if r >= w[0] && r <= w[1] {
			return true
		}
	}
	return false
}

// terminalSafe replaces control characters other than tab and line breaks,
// and invalid UTF-8, with U+FFFD: a source file or message must not be able
// to send escape sequences to the user's terminal. Each replaced character
// stays one character, so columns still line up.
//
// It also defuses the commands CI runners read from a job's output, so
// that a manifest or source line echoed under a finding cannot set a
// variable or stop command processing: Azure Pipelines obeys "##vso[" and
// "##[" anywhere in a line, and GitHub Actions obeys "::" at the start of
// a line (after blanks). The second character of each becomes a look-alike
// ("#♯vso[", ":∶"), so the text still reads the same and keeps its length
// in characters (the caret under it stays in place).
func terminalSafe(s string) string {
	if needsSanitizing(s) {
		var b strings.Builder
		for _, r := range s { // an invalid byte comes back as RuneError
			if isUnsafeControl(r) {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		}
		s = b.String()
	}
	return defuseCICommands(s)
}

// defuseCICommands is the CI half of terminalSafe.
func defuseCICommands(s string) string {
	if strings.Contains(s, "##") {
		s = strings.ReplaceAll(s, "##vso[", "#\u266fvso[")
		s = strings.ReplaceAll(s, "##[", "#\u266f[")
	}
	if !strings.Contains(s, "::") {
		return s
	}
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		for _, part := range strings.SplitAfter(l, "\r") {
			body := strings.TrimLeft(part, " \t")
			if strings.HasPrefix(body, "::") {
				lines[i] = strings.Replace(lines[i], part, part[:len(part)-len(body)]+":\u2236"+body[2:], 1)
			}
		}
	}
	return strings.Join(lines, "")
}

// Safe is what every line bgmanifest echoes from a file or a note goes
// through before it reaches a terminal or a CI log (see terminalSafe):
// one line, no control characters, no CI commands.
func Safe(s string) string { return oneLine(s) }

// oneLine is terminalSafe for text that must stay on its line (paths, rule
// names, the source excerpt): line breaks become U+FFFD as well.
func oneLine(s string) string {
	s = terminalSafe(s)
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return utf8.RuneError
		}
		return r
	}, s)
}

func needsSanitizing(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if isUnsafeControl(r) {
			return true
		}
	}
	return false
}

func isUnsafeControl(r rune) bool {
	switch r {
	case '\t', '\n', '\r':
		return false
	}
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// continuationIndent puts indent before every line of a multi-line text
// after the first, so that a message never starts a line that looks like a
// new finding. CR LF and lone CR count as line breaks.
func continuationIndent(s, indent string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\n", "\n"+indent)
}
