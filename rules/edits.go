package rules

import (
	"bytes"
	"strings"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/platform"
)

// Fixes that edit the manifest's text: inserting at an offset, the file's
// own line ending, indentation, namespace prefixes and empty-element style.

// insertAt is an edit that inserts text at a byte offset of the manifest.
func insertAt(man *manifest.Manifest, off int, text string) (Edit, bool) {
	if off <= 0 || off > len(man.Text) {
		return Edit{}, false
	}
	p := man.PosAt(off)
	return Edit{File: man.Path, Line: p.Line, Column: p.Col, EndLine: p.Line, EndColumn: p.Col, NewText: text}, true
}

// manifestNewline is the manifest's line ending.
func manifestNewline(man *manifest.Manifest) string {
	if man.Newline != "" {
		return man.Newline
	}
	if bytes.Contains(man.Text, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

// indentUnit guesses one level of indentation from a parent and a child
// indent ("  " when the file does not tell).
func indentUnit(parent, child string) string {
	if strings.HasPrefix(child, parent) && len(child) > len(parent) {
		return child[len(parent):]
	}
	if strings.Contains(parent, "\t") {
		return "\t"
	}
	return "  "
}

// boundPrefix returns the prefix the manifest binds to a namespace URI on
// its root element (where the uap, iot, ... prefixes are declared), or
// from an element of the model that uses it. ok is false when the
// namespace is not bound, or only as the default namespace.
func boundPrefix(man *manifest.Manifest, uri string) (string, bool) {
	if man.Root != nil && man.Root.StartTagEnd > man.Root.Pos.Offset && man.Root.StartTagEnd <= len(man.Text) {
		if p, ok := prefixInTag(man.Text[man.Root.Pos.Offset:man.Root.StartTagEnd], uri); ok {
			return p, true
		}
	}
	for _, bt := range man.BackgroundTasks {
		for _, t := range bt.Tasks {
			if t.Namespace == uri && t.Element.Prefix != "" {
				return t.Element.Prefix, true
			}
		}
	}
	for _, c := range man.Capabilities {
		if c.Namespace == uri && c.Element.Prefix != "" {
			return c.Element.Prefix, true
		}
	}
	return "", false
}

// prefixInTag finds xmlns:P="uri" (or single quotes) in a start tag.
func prefixInTag(tag []byte, uri string) (string, bool) {
	s := string(tag)
	for {
		i := strings.Index(s, "xmlns:")
		if i < 0 {
			return "", false
		}
		s = s[i+len("xmlns:"):]
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return "", false
		}
		prefix := strings.TrimSpace(s[:eq])
		rest := strings.TrimLeft(s[eq+1:], " \t\r\n")
		if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
			continue
		}
		end := strings.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return "", false
		}
		if rest[1:1+end] == uri && prefix != "" {
			return prefix, true
		}
		s = rest[1+end:]
	}
}

// taskTag writes a Task element for a task type: plain for the
// foundation namespace, with the manifest's own prefix for the others
// (ok false when that namespace is not bound, so no fix is offered).
// selfClose is the "/>" or " />" spelling the file already uses.
func taskTag(man *manifest.Manifest, taskType, ns, selfClose string) (string, bool) {
	if ns == "" || ns == platform.NSFoundation {
		return `<Task Type="` + taskType + `"` + selfClose, true
	}
	prefix, ok := boundPrefix(man, ns)
	if !ok {
		return "", false
	}
	return "<" + prefix + `:Task Type="` + taskType + `"` + selfClose, true
}

// selfCloseStyle returns " />" when the manifest writes empty elements
// with a space before the slash (as Visual Studio's designer does), else "/>".
func selfCloseStyle(man *manifest.Manifest, el manifest.Element) string {
	if el.End > el.Pos.Offset && el.End <= len(man.Text) {
		tag := man.Text[el.Pos.Offset:el.End]
		if bytes.HasSuffix(tag, []byte(" />")) {
			return " />"
		}
		if bytes.HasSuffix(tag, []byte("/>")) {
			return "/>"
		}
	}
	if bytes.Contains(man.Text, []byte(" />")) {
		return " />"
	}
	return "/>"
}
