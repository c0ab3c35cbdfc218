package workspace

import (
	"bytes"
	"strings"
)

// slnEntry is one project line of a .sln file.
type slnEntry struct {
	name string
	path string // as written, usually with backslashes, relative to the .sln
	guid string // the project's GUID as written ("" in a .slnx)
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
	eachLine(data, func(line int, b []byte) {
		b = bytes.TrimSpace(b)
		if !bytes.HasPrefix(b, []byte("Project(")) {
			return
		}
		text := string(b)
		eq := strings.IndexByte(text, '=')
		if eq < 0 {
			return
		}
		fields := quotedFields(text[eq+1:])
		if len(fields) < 2 {
			return
		}
		e := slnEntry{name: fields[0], path: fields[1], line: line}
		if len(fields) > 2 {
			e.guid = strings.ToUpper(fields[2])
		}
		out = append(out, e)
	})
	return out
}

// eachLine calls fn with each line of data (1-based number, without its
// line break or a CR before it), as bufio.ScanLines splits them but
// without copying a line into a string: a .sln is read twice (projects,
// configurations), and most of its lines are neither.
func eachLine(data []byte, fn func(line int, b []byte)) {
	for n := 1; len(data) > 0; n++ {
		i := bytes.IndexByte(data, '\n')
		var b []byte
		if i < 0 {
			b, data = data, nil
		} else {
			b, data = data[:i], data[i+1:]
		}
		if len(b) > 0 && b[len(b)-1] == '\r' {
			b = b[:len(b)-1]
		}
		fn(n, b)
	}
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

// slnConfigs are a solution's Configuration|Platform pairs and, per
// project GUID, the project configuration each pair builds.
type slnConfigs struct {
	pairs   []string                     // "Debug|x86", as the solution names them
	project map[string]map[string]string // upper-case GUID → solution pair → project pair
}

// projectPair returns the project's Configuration|Platform when the
// solution builds pair.
func (c *slnConfigs) projectPair(guid, pair string) string {
	if m := c.project[guid]; m != nil {
		if v, ok := m[pair]; ok {
			return v
		}
	}
	return pair
}

// parseSolutionConfigs reads the SolutionConfigurationPlatforms and
// ProjectConfigurationPlatforms sections of a .sln, or the <Configurations>
// of a .slnx (its build types times its platforms; Debug and Release, Any
// CPU when it lists none).
func parseSolutionConfigs(data []byte) slnConfigs {
	data = decodeText(data)
	if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '<' {
		return parseSlnxConfigs(data)
	}
	var c slnConfigs
	section := ""
	eachLine(data, func(_ int, b []byte) {
		b = bytes.TrimSpace(b)
		switch {
		case bytes.HasPrefix(b, []byte("GlobalSection(")):
			text := string(b)
			section = strings.TrimSpace(text[len("GlobalSection("):strings.IndexByte(text+")", ')')])
			return
		case string(b) == "EndGlobalSection":
			section = ""
			return
		}
		if section != "SolutionConfigurationPlatforms" && section != "ProjectConfigurationPlatforms" {
			return
		}
		key, value, ok := strings.Cut(string(b), "=")
		if !ok {
			return
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		switch section {
		case "SolutionConfigurationPlatforms":
			if strings.Contains(key, "|") {
				c.pairs = append(c.pairs, key)
			}
		case "ProjectConfigurationPlatforms":
			guid, rest, ok := strings.Cut(key, "}.")
			if !ok || !strings.HasSuffix(rest, ".ActiveCfg") {
				return
			}
			guid = strings.ToUpper(guid + "}")
			if c.project == nil {
				c.project = map[string]map[string]string{}
			}
			if c.project[guid] == nil {
				c.project[guid] = map[string]string{}
			}
			c.project[guid][strings.TrimSuffix(rest, ".ActiveCfg")] = value
		}
	})
	return c
}

func parseSlnxConfigs(data []byte) slnConfigs {
	root, err := readXMLTree(data)
	if err != nil || root == nil {
		return slnConfigs{}
	}
	var builds, platforms []string
	for _, e := range root.children {
		if e.tag != "Configurations" {
			continue
		}
		for _, c := range e.children {
			switch c.tag {
			case "BuildType":
				builds = append(builds, c.attrValue("Name"))
			case "Platform":
				platforms = append(platforms, c.attrValue("Name"))
			}
		}
	}
	if len(builds) == 0 {
		builds = []string{"Debug", "Release"}
	}
	if len(platforms) == 0 {
		platforms = []string{"Any CPU"}
	}
	var c slnConfigs
	for _, b := range builds {
		for _, p := range platforms {
			c.pairs = append(c.pairs, b+"|"+p)
		}
	}
	return c
}
