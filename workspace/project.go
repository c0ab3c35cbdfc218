package workspace

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/beevik/etree"
)

// item is one Include/Remove of an MSBuild item the workspace cares about.
type item struct {
	kind    string // "source", "remove", "reference", "manifest"
	value   string // the raw attribute value, properties unresolved
	exclude string // the item's Exclude attribute
	file    string // file that declares it (project or imported .projitems): $(MSBuildThisFileDirectory)
	line    int
}

// projectFile is a parsed project: the public facts plus what grouping needs.
type projectFile struct {
	*Project
	dir        string // display directory
	sdk        bool
	defaultSrc bool               // SDK-style default Compile globs are on
	props      map[string]propDef // by lower-case name
	items      []item
	// imports are the files read into the project (.projitems, .props…).
	imports []string
	// solutionDir is the directory of a .sln that lists the project, with a
	// trailing separator ("" when none is known); $(SolutionDir) needs it.
	solutionDir string
}

// propDef is a property's raw value and the file that defines it (its
// $(MSBuildThisFileDirectory)).
type propDef struct {
	value, file string
}

// msbuildProps are the project properties read to classify a project.
type msbuildProps struct {
	outputType, configurationType                   string
	appContainer, csWinRT, winRTComponent, cppWinRT bool
	midl                                            bool
	// compileAsWinRT is C++/CX's /ZW: "" when the project leaves it to
	// the toolset (on for app-container projects), else "true"/"false".
	compileAsWinRT string
	// winmd: the project produces Windows metadata (_WINRT_DLL defined,
	// GenerateWindowsMetadata true).
	winmd bool
}

// parseProject reads a project file. A file that is not well-formed XML
// gives an error carrying its line; the caller turns it into a Note.
func parseProject(disp string, data []byte) (*projectFile, error) {
	data = decodeText(data)
	lines, err := elementLines(data)
	if err != nil {
		return nil, err
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(data); err != nil {
		return nil, &lineError{line: 0, err: err}
	}
	root := doc.Root()
	if root == nil {
		return nil, &lineError{line: 1, err: errors.New("no root element")}
	}
	if root.Tag != "Project" {
		return nil, &lineError{line: 1, err: fmt.Errorf("root element is <%s>, want <Project>", root.Tag)}
	}
	ext := strings.ToLower(filepath.Ext(disp))
	p := &projectFile{
		Project: &Project{Path: disp, Language: projectExts[ext]},
		dir:     filepath.Dir(disp),
		props:   map[string]propDef{},
	}
	p.sdk = root.SelectAttr("Sdk") != nil
	order := documentOrder(root)
	lineOf := func(e *etree.Element) int {
		if i, ok := order[e]; ok && i < len(lines) {
			return lines[i]
		}
		return 0
	}
	var mp msbuildProps
	p.readElements(root, disp, lineOf, &mp)
	p.Kind = classify(ext, p, mp)
	p.RootNamespace = p.props["rootnamespace"].value
	if p.RootNamespace == "" && ext == ".vbproj" {
		base := filepath.Base(disp)
		p.RootNamespace = strings.TrimSuffix(base, filepath.Ext(base))
	}
	p.defaultSrc = p.sdk && !strings.EqualFold(p.props["enabledefaultcompileitems"].value, "false") &&
		!strings.EqualFold(p.props["enabledefaultitems"].value, "false")
	return p, nil
}

// readElements collects properties and items from a project (or an
// imported .projitems) element tree. Conditions are ignored: a file listed
// for any configuration is part of the App.
func (p *projectFile) readElements(root *etree.Element, file string, lineOf func(*etree.Element) int, mp *msbuildProps) {
	var visit func(e *etree.Element, parent string)
	visit = func(e *etree.Element, parent string) {
		tag := e.Tag
		switch {
		case tag == "Sdk" || (tag == "Import" && e.SelectAttr("Sdk") != nil):
			p.sdk = true
		case tag == "Import" && parent != "ItemGroup":
			// An MSBuild <Import Project>; inside an ItemGroup, <Import
			// Include="System"/> is a VB namespace import, not a file.
			p.items = append(p.items, item{kind: "import", value: e.SelectAttrValue("Project", ""), file: file, line: lineOf(e)})
		case parent == "PropertyGroup":
			p.setProp(tag, strings.TrimSpace(e.Text()), file, mp)
			return
		case parent == "ItemGroup":
			p.addItem(e, file, lineOf(e), mp)
			return
		case tag == "CompileAsWinRT":
			if v := strings.ToLower(strings.TrimSpace(e.Text())); v == "true" || mp.compileAsWinRT == "" {
				mp.compileAsWinRT = v
			}
		case strings.HasPrefix(tag, "CppWinRT"):
			mp.cppWinRT = true
		case tag == "PreprocessorDefinitions" && strings.Contains(e.Text(), "_WINRT_DLL"):
			mp.winmd = true
		case tag == "GenerateWindowsMetadata" && strings.EqualFold(strings.TrimSpace(e.Text()), "true"):
			mp.winmd = true
		}
		if tag == "Import" && strings.Contains(strings.ToLower(e.SelectAttrValue("Project", "")), "cppwinrt") {
			mp.cppWinRT = true // the C++/WinRT NuGet package's props
		}
		for _, c := range e.ChildElements() {
			visit(c, tag)
		}
	}
	visit(root, "")
}

func (p *projectFile) setProp(name, value, file string, mp *msbuildProps) {
	key := strings.ToLower(name)
	if _, ok := p.props[key]; !ok {
		// The first definition wins: later ones are usually per-configuration
		// variants, and the project's own come before its imports'.
		p.props[key] = propDef{value: value, file: file}
	}
	isTrue := strings.EqualFold(value, "true")
	switch key {
	case "outputtype":
		if mp.outputType == "" {
			mp.outputType = strings.ToLower(value)
		}
	case "configurationtype":
		if mp.configurationType == "" {
			mp.configurationType = strings.ToLower(value)
		}
	case "appcontainerapplication":
		mp.appContainer = mp.appContainer || isTrue
	case "cswinrtcomponent":
		mp.csWinRT = mp.csWinRT || isTrue
	case "windowsruntimecomponent":
		mp.winRTComponent = mp.winRTComponent || isTrue
	}
	if strings.HasPrefix(key, "cppwinrt") {
		mp.cppWinRT = true
	}
}

func (p *projectFile) addItem(e *etree.Element, file string, line int, mp *msbuildProps) {
	include := e.SelectAttrValue("Include", "")
	var kind string
	switch e.Tag {
	case "Compile", "ClCompile", "ClInclude", "Midl":
		kind = "source"
		if e.Tag == "Midl" {
			mp.midl = true
		}
		if include == "" && e.SelectAttr("Remove") != nil {
			p.items = append(p.items, item{kind: "remove", value: e.SelectAttrValue("Remove", ""), file: file, line: line})
			return
		}
	case "Content":
		if !strings.EqualFold(filepath.Ext(p.Path), ".jsproj") {
			return
		}
		kind = "source"
	case "ProjectReference":
		kind = "reference"
	case "AppxManifest":
		kind = "manifest"
	default:
		return
	}
	if include == "" {
		return
	}
	p.items = append(p.items, item{kind: kind, value: include, exclude: e.SelectAttrValue("Exclude", ""), file: file, line: line})
}

// classify decides the project's kind from its extension and properties.
func classify(ext string, p *projectFile, mp msbuildProps) ProjectKind {
	switch ext {
	case ".wapproj":
		return KindPackaging
	case ".jsproj":
		return KindApp
	case ".vcxproj":
		switch mp.configurationType {
		case "application":
			return KindApp
		case "dynamiclibrary":
			if isWinRTDLL(mp) {
				return KindWinRTComponent
			}
			return KindClassLibrary
		case "staticlibrary":
			return KindClassLibrary
		}
		if mp.winRTComponent {
			return KindWinRTComponent
		}
		return KindUnknown
	}
	if mp.csWinRT {
		return KindWinRTComponent
	}
	switch mp.outputType {
	case "appcontainerexe", "winexe", "exe":
		return KindApp
	case "winmdobj":
		return KindWinRTComponent
	case "library", "":
		if mp.appContainer && mp.outputType == "" {
			return KindApp
		}
		if mp.outputType == "" && !p.sdk {
			return KindUnknown
		}
		return KindClassLibrary // SDK-style projects default to Library
	}
	return KindUnknown
}

// isWinRTDLL decides whether a vcxproj DLL is a Windows Runtime Component:
// marked as one, producing metadata (IDL files, _WINRT_DLL, a winmd), or an
// app-container C++/CX DLL (CompileAsWinRT on, explicitly or by default
// when the project is not C++/WinRT).
func isWinRTDLL(mp msbuildProps) bool {
	switch {
	case mp.winRTComponent, mp.midl, mp.winmd:
		return true
	case !mp.appContainer:
		return false
	case mp.compileAsWinRT == "true":
		return true
	case mp.compileAsWinRT == "" && !mp.cppWinRT:
		return true
	}
	return false
}

// lineError is a project-file problem at a line (0 when unknown).
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return e.err.Error() }

// elementLines returns the line of every start element in document order;
// etree records no positions, so a second pass with encoding/xml supplies
// them (the i-th start element here is etree's i-th element).
func elementLines(data []byte) ([]int, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var lines []int
	counted, line := 0, 1 // newlines are counted incrementally: data[:counted] holds line-1 of them
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return lines, nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &lineError{line: se.Line, err: errors.New(se.Msg)}
			}
			l, _ := dec.InputPos()
			return nil, &lineError{line: l, err: err}
		}
		if _, ok := tok.(xml.StartElement); ok {
			// The decoder stands just after the tag's '>'; '<' cannot occur
			// inside a well-formed tag, so the last '<' before it opens it.
			end := int(dec.InputOffset())
			start := bytes.LastIndexByte(data[:end], '<')
			if start >= counted {
				line += bytes.Count(data[counted:start], []byte("\n"))
				counted = start
			}
			lines = append(lines, line)
		}
	}
}

// documentOrder numbers the elements of a tree in document order.
func documentOrder(root *etree.Element) map[*etree.Element]int {
	order := map[*etree.Element]int{}
	var rec func(e *etree.Element)
	rec = func(e *etree.Element) {
		order[e] = len(order)
		for _, c := range e.ChildElements() {
			rec(c)
		}
	}
	rec(root)
	return order
}

func readProjectFile(disp string) (*projectFile, error) {
	data, err := os.ReadFile(disp)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	return parseProject(disp, data)
}
