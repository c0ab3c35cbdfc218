// Package hostile makes the broken and malicious inputs bgmanifest's tests
// and fuzz seed corpora use: entity bombs, external entities, deep nesting,
// bad bytes, mismatched encodings and unusual line ends. Every generator is
// deterministic so the committed seed corpora can be checked against it.
package hostile

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// Namespace URIs of the manifest elements the generators write.
const (
	FoundationNS = "http://schemas.microsoft.com/appx/manifest/foundation/windows10"
	UAPNS        = "http://schemas.microsoft.com/appx/manifest/uap/windows10"
)

// Manifest returns a small UTF-8 app manifest with the given extensions
// inside <Application><Extensions>, LF line ends and two-space indents.
func Manifest(extensions string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<Package xmlns="` + FoundationNS + `" xmlns:uap="` + UAPNS + `">
  <Identity Name="Contoso.Hostile" Publisher="CN=Contoso" Version="1.0.0.0" />
  <Applications>
    <Application Id="App" Executable="App.exe" EntryPoint="Hostile.App">
      <Extensions>
` + extensions + `      </Extensions>
    </Application>
  </Applications>
</Package>
`
}

// Extension returns one windows.backgroundTasks extension declaring the
// task types for entryPoint.
func Extension(entryPoint string, types ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "        <Extension Category=\"windows.backgroundTasks\" EntryPoint=%q>\n          <BackgroundTasks>\n", entryPoint)
	for _, t := range types {
		fmt.Fprintf(&b, "            <Task Type=%q />\n", t)
	}
	b.WriteString("          </BackgroundTasks>\n        </Extension>\n")
	return b.String()
}

// TimerManifest is Manifest with one extension for Tasks.Timer (timer).
func TimerManifest() string { return Manifest(Extension("Tasks.Timer", "timer")) }

// BillionLaughs returns a manifest whose DOCTYPE defines entities that
// expand to 10^levels copies of "lol", used as the entry point.
func BillionLaughs(levels int) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE Package [\n  <!ENTITY lol0 \"lol\">\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "  <!ENTITY lol%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	b.WriteString("]>\n")
	body := TimerManifest()
	body = body[strings.Index(body, "<Package"):]
	b.WriteString(strings.Replace(body, `EntryPoint="Tasks.Timer"`, fmt.Sprintf(`EntryPoint="&lol%d;"`, levels), 1))
	return b.String()
}

// ExternalEntity returns a manifest that declares an external entity for
// uri and uses it as the entry point.
func ExternalEntity(uri string) string {
	body := TimerManifest()
	body = body[strings.Index(body, "<Package"):]
	return "<?xml version=\"1.0\"?>\n<!DOCTYPE Package [<!ENTITY xxe SYSTEM \"" + uri + "\">]>\n" +
		strings.Replace(body, `EntryPoint="Tasks.Timer"`, `EntryPoint="&xxe;"`, 1)
}

// ExternalDTD returns a manifest whose DOCTYPE names an external DTD and a
// parameter entity at uri.
func ExternalDTD(uri string) string {
	body := TimerManifest()
	body = body[strings.Index(body, "<Package"):]
	return "<?xml version=\"1.0\"?>\n<!DOCTYPE Package SYSTEM \"" + uri + "\" [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>\n" + body
}

// DeepXML returns depth nested elements inside a manifest's extension.
func DeepXML(depth int) string {
	return strings.Replace(TimerManifest(), "<Task Type=\"timer\" />",
		strings.Repeat("<x>", depth)+strings.Repeat("</x>", depth), 1)
}

// DeepCode returns C-family source nesting braces, parentheses and
// brackets depth levels deep, with an unclosed run at the end.
func DeepCode(depth int) string {
	return "namespace Deep {\n" + strings.Repeat("{(", depth) + strings.Repeat(")}", depth) + "\n" + strings.Repeat("[", depth) + "\n}\n"
}

// TruncatedManifest cuts TimerManifest in the middle of the Extension's
// Category attribute.
func TruncatedManifest() string {
	s := TimerManifest()
	return s[:strings.Index(s, `Category="windows.backgr`)+len(`Category="windows.backgr`)]
}

// WithNewlines replaces every LF of s with nl.
func WithNewlines(s, nl string) string { return strings.ReplaceAll(s, "\n", nl) }

// WithTabs turns each two leading spaces of every line into a tab.
func WithTabs(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		trimmed := strings.TrimLeft(l, " ")
		lines[i] = strings.Repeat("\t", (len(l)-len(trimmed))/2) + trimmed
	}
	return strings.Join(lines, "\n")
}

// UTF16 encodes s as UTF-16 with a byte-order mark, little or big endian.
func UTF16(s string, bigEndian bool) []byte {
	return utf16Units(utf16.Encode([]rune(s)), bigEndian)
}

// UTF16LoneSurrogate encodes s as UTF-16LE with a BOM and an unpaired high
// surrogate after the first occurrence of after.
func UTF16LoneSurrogate(s, after string) []byte {
	i := strings.Index(s, after) + len(after)
	units := utf16.Encode([]rune(s[:i]))
	units = append(units, 0xD800)
	units = append(units, utf16.Encode([]rune(s[i:]))...)
	return utf16Units(units, false)
}

func utf16Units(units []uint16, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// Bad byte sequences: NUL, bytes that are never UTF-8, a UTF-8-encoded
// surrogate (CESU-8), and an overlong encoding of '/'.
const (
	NUL           = "\x00"
	InvalidUTF8   = "\xff\xfe"
	CESUSurrogate = "\xed\xa0\x80"
	Overlong      = "\xc0\xaf"
)

// BadBytes returns s with bad inserted after the first occurrence of at.
func BadBytes(s, at, bad string) []byte {
	i := strings.Index(s, at) + len(at)
	return []byte(s[:i] + bad + s[i:])
}

// CSharpRegistration is a C# file registering Tasks.Timer with a
// TimeTrigger, a line comment before the builder (which a lexer that ends
// comments only at LF reads to the end of a CR-only file).
const CSharpRegistration = `using Windows.ApplicationModel.Background;
// Registers the timer task.
class Registrar
{
    void Register()
    {
        var b = new BackgroundTaskBuilder();
        b.TaskEntryPoint = "Tasks.Timer";
        b.SetTrigger(new TimeTrigger(15, false));
        b.Register();
    }
}
`

// JSRegistration is CSharpRegistration in JavaScript.
const JSRegistration = `// Registers the timer task.
var bg = Windows.ApplicationModel.Background;
var b = new bg.BackgroundTaskBuilder();
b.taskEntryPoint = "js\\timer.js";
b.setTrigger(new bg.TimeTrigger(15, false));
b.register();
`
