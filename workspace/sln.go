package workspace

import (
	"bufio"
	"bytes"
	"strings"
)

// slnEntry is one project line of a .sln file.
type slnEntry struct {
	name string
	path string // as written, usually with backslashes, relative to the .sln
	line int
}

// parseSolution reads the Project(...) lines of a Visual Studio solution:
//
//	Project("{type-guid}") = "Name", "Dir\Name.csproj", "{project-guid}"
//
// Solution folders (whose path is their name) are filtered later by the
// caller, which keeps only project-file paths.
func parseSolution(data []byte) []slnEntry {
	data = decodeText(data)
	if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '<' {
		return parseSolutionXML(data)
	}
	var out []slnEntry
	sc := bufio.NewScanner(bytes.NewReader(data))
	// No buffer given: the scanner starts small (solutions are a few KB) and
	// grows up to the limit for a long line.
	sc.Buffer(nil, 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(text, "Project(") {
			continue
		}
		eq := strings.IndexByte(text, '=')
		if eq < 0 {
			continue
		}
		fields := quotedFields(text[eq+1:])
		if len(fields) < 2 {
			continue
		}
		out = append(out, slnEntry{name: fields[0], path: fields[1], line: line})
	}
	return out
}

// quotedFields returns the double-quoted strings of s in order.
func quotedFields(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i+1:], '"')
		if j < 0 {
			return out
		}
		out = append(out, s[i+1:i+1+j])
		s = s[i+2+j:]
	}
}

// parseSolutionXML reads a .slnx solution: <Project Path="…"/> elements,
// at the top level or inside <Folder> elements. A malformed file lists
// nothing (the solution only adds $(SolutionDir) and projects kept outside
// the walked tree, so discovery goes on without it).
func parseSolutionXML(data []byte) []slnEntry {
	root, err := readXMLTree(data)
	if err != nil || root == nil {
		return nil
	}
	var out []slnEntry
	var visit func(e *xmlElem)
	visit = func(e *xmlElem) {
		if e.tag == "Project" {
			if path := e.attrValue("Path"); path != "" {
				out = append(out, slnEntry{name: path, path: path, line: e.line})
			}
		}
		for _, c := range e.children {
			visit(c)
		}
	}
	visit(root)
	return out
}
