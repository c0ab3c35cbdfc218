package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/bgmanifest/bgmanifest/rules"
)

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("a", 100) + "TARGET" + strings.Repeat("b", 300)
	cases := []struct {
		name                 string
		src                  string
		col, endLine, endCol int
		wantText, wantCaret  string
	}{
		{"first column", "abc", 1, 0, 0, "abc", "^"},
		{"spaces", "    <Task />", 5, 0, 0, "    <Task />", "    ^"},
		{"tabs kept", "\t\tx = 1;", 3, 0, 0, "\t\tx = 1;", "\t\t^"},
		{"tabs between text", "a\tb\tc", 5, 0, 0, "a\tb\tc", " \t \t^"},
		{"two-byte characters count once", "né = 1", 4, 0, 0, "né = 1", "   ^"},
		{"wide characters take two cells", "任务 = 1", 4, 0, 0, "任务 = 1", "     ^"},
		{"emoji take two cells", "\"😀\";x", 5, 0, 0, "\"😀\";x", "     ^"},
		{"combining mark takes none", "e\u0301 = 1", 4, 0, 0, "e\u0301 = 1", "  ^"},
		{"caret on a wide character", "a任b", 2, 0, 0, "a任b", " ^~"},
		{"span on one line", "call(Tasks.A);", 6, 1, 13, "call(Tasks.A);", "     ^~~~~~~"},
		{"span past the end is cut", "abc", 2, 1, 40, "abc", " ^~"},
		{"span to a later line runs to the end", "<Extension a='b'", 1, 3, 2, "<Extension a='b'", "^" + strings.Repeat("~", 15)},
		{"end before start is a plain caret", "abcdef", 4, 1, 2, "abcdef", "   ^"},
		{"column past the end", "ab", 9, 0, 0, "ab", "  ^"},
		{"empty line", "", 1, 0, 0, "", "^"},
		{"line break dropped", "ab\r\n", 2, 0, 0, "ab", " ^"},
		{"escape sequence defused", "a\x1b[31mb", 8, 0, 0, "a\uFFFD[31mb", "       ^"},
		{"invalid UTF-8 counts one per byte", "a\xff\xfeb", 4, 0, 0, "a\uFFFD\uFFFDb", "   ^"},
		{"long line cut around the column", long, 101, 1, 107,
			"…" + strings.Repeat("a", 80) + "TARGET" + strings.Repeat("b", 74) + "…",
			strings.Repeat(" ", 81) + "^~~~~~"},
		{"long line, column near the start", long, 3, 0, 0,
			long[:excerptWidth] + "…", "  ^"},
		{"long line, column at the end", long, len(long) + 1, 0, 0,
			"…" + long[len(long)-excerptWidth:], " " + strings.Repeat(" ", excerptWidth) + "^"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := rules.Finding{Line: 1, Column: c.col, EndLine: c.endLine, EndColumn: c.endCol}
			f = normalize([]rules.Finding{f})[0]
			text, caret := excerpt(c.src, f)
			if text != c.wantText {
				t.Errorf("text\n got %q\nwant %q", text, c.wantText)
			}
			if caret != c.wantCaret {
				t.Errorf("caret\n got %q\nwant %q", caret, c.wantCaret)
			}
		})
	}
}

func TestTextColorIgnoresGlobalSetting(t *testing.T) {
	saved := color.NoColor
	defer func() { color.NoColor = saved }()
	findings := sampleFindings()

	color.NoColor = false // what fatih/color decides on a terminal
	plain := string(render(t, findings, sampleOptions(FormatText)))
	if strings.Contains(plain, "\x1b[") {
		t.Errorf("Color: false wrote escape codes")
	}

	color.NoColor = true // what fatih/color decides when stdout is a pipe
	opt := sampleOptions(FormatText)
	opt.Color = true
	colored := string(render(t, findings, opt))
	for _, want := range []string{
		"\x1b[31;1merror\x1b[0;22m", "\x1b[33mwarning\x1b[0m", "\x1b[36minfo\x1b[0m",
		"\x1b[1mTasks/Registrar.cs:5:4\x1b[22m",
		"\x1b[32m\t\t\t^~~~~~~~~~~~~~~~~~\x1b[0m",
	} {
		if !strings.Contains(colored, want) {
			t.Errorf("Color: true output lacks %q", want)
		}
	}
}

func TestTextWithoutSourceLines(t *testing.T) {
	opt := sampleOptions(FormatText)
	opt.SourceLine = nil
	got := string(render(t, sampleFindings()[:1], opt))
	want := "App/Package.appxmanifest:6:9: warning: the manifest declares entry point \"Tasks.OldTask\" and no code registers it [BG104 declaration-unused]\n" +
		"    fix: remove the extension for \"Tasks.OldTask\"\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTextMessageLinesCannotPoseAsFindings(t *testing.T) {
	f := rules.Finding{
		Rule: "BG101", Name: "entry-point-not-declared", Severity: rules.Error,
		Message: "first\nevil.cs:1:1: error: forged\rlast\x1b]0;title\x07",
		File:    "a.cs", Line: 1, Column: 1,
	}
	var buf bytes.Buffer
	if err := Write(&buf, []rules.Finding{f}, Summary{}, Options{}); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		if i > 0 && !strings.HasPrefix(line, "  ") {
			t.Errorf("continuation line %d not indented: %q", i, line)
		}
		if strings.ContainsAny(line, "\x1b\x07\r") {
			t.Errorf("line %d carries control characters: %q", i, line)
		}
	}
}

// TestTextDefusesCICommands: a source line, message or note echoed in a
// CI log cannot issue a runner command: Azure Pipelines reads "##vso[" and
// "##[" anywhere in a line, GitHub Actions "::" at a line's start after
// blanks. Their look-alikes keep the length, so the caret stays in place.
func TestTextDefusesCICommands(t *testing.T) {
	f := rules.Finding{
		Rule: "BG101", Name: "entry-point-not-declared", Severity: rules.Error,
		Message: "entry point \"x\n::stop-commands::tok\" ##[error]",
		File:    "a.cs", Line: 1, Column: 40,
	}
	src := `  b.TaskEntryPoint = "A"; // ##vso[task.setvariable variable=x]1`
	var buf bytes.Buffer
	err := Write(&buf, []rules.Finding{f}, Summary{}, Options{SourceLine: func(string, int) (string, bool) { return src, true }})
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "##vso[") || strings.Contains(line, "##[") || strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") {
			t.Errorf("line reaches the runner as a command: %q", line)
		}
	}
	lines := strings.Split(out, "\n")
	if len(lines) < 4 || utf8.RuneCountInString(lines[2]) != utf8.RuneCountInString(src) || strings.Index(lines[3], "^") != 39 {
		t.Errorf("excerpt and caret moved:\n%s", out)
	}
	for in, want := range map[string]string{
		"::error file=x::y":     ":\u2236error file=x::y",
		"ok ## [not a command]": "ok ## [not a command]",
	} {
		if got := Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
}
