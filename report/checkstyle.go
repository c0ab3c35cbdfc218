package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/rules"
)

// writeCheckstyle writes the Checkstyle XML that CI plugins (Jenkins warnings,
// reviewdog, GitLab converters) read: one <file> per path, sorted, and one
// <error> per finding in the order given.
func writeCheckstyle(w io.Writer, findings []rules.Finding, _ Summary, _ Options) error {
	byFile := map[string][]rules.Finding{}
	var files []string
	for _, f := range findings {
		if _, seen := byFile[f.File]; !seen {
			files = append(files, f.File)
		}
		byFile[f.File] = append(byFile[f.File], f)
	}
	sort.Strings(files)

	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<checkstyle version="4.3">` + "\n")
	for _, file := range files {
		fmt.Fprintf(bw, "  <file name=\"%s\">\n", xmlAttr(file))
		for _, f := range byFile[file] {
			fmt.Fprintf(bw, "    <error line=\"%d\" column=\"%d\" severity=\"%s\" message=\"%s\" source=\"%s\"/>\n",
				f.Line, f.Column, f.Severity.String(), xmlAttr(f.Message), xmlAttr("bgmanifest."+f.Rule))
		}
		bw.WriteString("  </file>\n")
	}
	bw.WriteString("</checkstyle>\n")
	return bw.Flush()
}

// xmlAttr escapes s for a double-quoted attribute value. Tabs and line
// breaks become character references because a parser would otherwise
// normalise them to spaces; characters XML 1.0 cannot carry at all (most
// control characters, invalid UTF-8) become U+FFFD.
func xmlAttr(s string) string {
	var b strings.Builder
	for _, r := range s { // an invalid byte comes back as RuneError
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			if !isXMLChar(r) {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isXMLChar reports whether XML 1.0's Char production allows r.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) ||
		(r >= 0x10000 && r <= 0x10FFFF)
}
