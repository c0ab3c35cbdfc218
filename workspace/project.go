package workspace

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
)

// item is one Include/Remove of an MSBuild item the workspace cares about.
type item struct {
	// kind is "source", "remove", "reference" (ProjectReference),
	// "manifest" (AppxManifest), "import", "binary" (a Reference with a
	// HintPath, or whose Include is a .winmd/.dll path: value is that
	// path), "sdk" (SDKReference) or
	// "packaged" (a .wapproj's Content, None or Application item).
	kind    string
	value   string // the raw attribute value, properties unresolved
	exclude string // the item's Exclude attribute
	// cond is the item's Condition joined with its ItemGroup's (for
	// AppxManifest, source and remove items): a manifest is chosen per
	// configuration, a remove applies only where its condition surely
	// holds (see removeApplies), a missing source guarded by Exists() is
	// no surprise (see existsGuarded).
	cond string
	// branch: the item is inside a Choose's When or Otherwise, or a
	// Target, whose conditions cond does not hold.
	branch bool
	file   string // file that declares it (project or imported .projitems): $(MSBuildThisFileDirectory)
	line   int
}

// projectFile is a parsed project: the public facts plus what grouping needs.
type projectFile struct {
	*Project
	// referencesSet: Project.References was given its value (by the
	// first App grouped with the project).
	referencesSet bool
	dir           string // display directory
	sdk           bool
	defaultSrc    bool               // SDK-style default Compile globs are on
	props         map[string]propDef // by lower-case name
	items         []item
	// imports are the files read into the project (.projitems, .props…).
	imports []string
	// solutionDir is the directory of a .sln that lists the project, with a
	// trailing separator ("" when none is known); $(SolutionDir) needs it.
	solutionDir string
	// configs are the Configuration|Platform pairs the project itself
	// lists (ProjectConfiguration items, PropertyGroup conditions): the
	// configurations its manifest items are evaluated for when no
	// solution lists it.
	configs []string
	// packageIDs are the NuGet packages the project references
	// (PackageReference, packages.config).
	packageIDs []string
	// listing memoises property expansions while the project's sources
	// are listed (nil otherwise: while the project is read, its
	// properties still change).
	listing map[propertyKey]propertyResult
	// solutionDirRead is set when an expansion asks for $(SolutionDir)
	// (see listSourcesAhead).
	solutionDirRead bool
	// windowsTarget: a TargetFramework(s) definition, under any condition,
	// names a Windows target framework (net8.0-windows10.0.19041.0);
	// unpackaged: a WindowsPackageType definition says None. Both are read
	// for .NET MAUI single projects (see mauiPackageManifest).
	windowsTarget, unpackaged bool
	// frameworkExprs are the TargetFramework(s) values that name
	// properties ($(NetMauiWindowsTargetFramework)): whether one names a
	// Windows framework is known once every property is read (see
	// windowsTargetNamed).
	frameworkExprs []string
}

// windowsTargetNamed reports whether one of the project's TargetFramework(s)
// values names, through its properties (any definition's raw text, to any
// depth), a Windows target framework: MAUI projects and shared props files
// keep it in a property, as in
// $(TargetFrameworks);$(NetMauiWindowsTargetFramework) with that property
// set to $(NETMauiTarget)-windows10.0.$(WindowsSDKTargetBuild).0.
func (p *projectFile) windowsTargetNamed() bool {
	seen := map[string]bool{}
	var names func(text string, depth int) bool
	names = func(text string, depth int) bool {
		if strings.Contains(strings.ToLower(text), "-windows") {
			return true
		}
		if depth > 8 {
			return false
		}
		found := false
		propertyRefs(text, func(name string) bool {
			if seen[name] || strings.HasPrefix(name, "[") {
				return true
			}
			seen[name] = true
			def, ok := p.props[name]
			found = ok && names(def.value, depth+1)
			return !found
		})
		return found
	}
	for _, e := range p.frameworkExprs {
		if names(e, 0) {
			return true
		}
	}
	return false
}

// propDef is a property's raw value and the file that defines it (its
// $(MSBuildThisFileDirectory)): the first definition. defs counts the
// definitions read (the project's and its imports'), and conditional is
// set when one of them is under a Condition (its own, its
// PropertyGroup's, a Choose's) or inside a Target: then the first value
// is only one of the values the property may have.
type propDef struct {
	value, file string
	defs        int
	conditional bool
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
	root, release, err := readXMLTreeReuse(decodeText(data))
	defer release() // nothing below keeps an element of the tree
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, &lineError{line: 1, err: errors.New("no root element")}
	}
	if root.tag != "Project" {
		return nil, &lineError{line: 1, err: fmt.Errorf("root element is <%s>, want <Project>", root.tag)}
	}
	ext := strings.ToLower(filepath.Ext(disp))
	p := &projectFile{
		Project: &Project{Path: disp, Language: projectExts[ext]},
		dir:     filepath.Dir(disp),
		props:   map[string]propDef{},
	}
	_, p.sdk = root.attr("Sdk")
	var mp msbuildProps
	p.readElements(root, disp, &mp)
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
// imported .projitems) element tree. Conditions are kept, not applied: a
// file listed for any configuration is part of the App.
func (p *projectFile) readElements(root *xmlElem, file string, mp *msbuildProps) {
	// branch: e is or is inside a Choose's branch or a Target, whose
	// conditions the items do not carry; conditioned: branch, or e or an
	// element above it has a Condition
	var visit func(e *xmlElem, parent, groupCond string, branch, conditioned bool)
	visit = func(e *xmlElem, parent, groupCond string, branch, conditioned bool) {
		tag := e.tag
		_, hasCond := e.attr("Condition")
		branch = branch || tag == "When" || tag == "Otherwise" || tag == "Target"
		conditioned = conditioned || branch || hasCond
		_, hasSdk := e.attr("Sdk")
		switch {
		case tag == "Sdk" || (tag == "Import" && hasSdk):
			p.sdk = true
		case tag == "Import" && parent != "ItemGroup":
			// An MSBuild <Import Project>; inside an ItemGroup, <Import
			// Include="System"/> is a VB namespace import, not a file.
			p.items = append(p.items, item{kind: "import", value: e.attrValue("Project"), file: file, line: e.line})
		case parent == "PropertyGroup":
			p.setProp(tag, strings.TrimSpace(e.text), file, conditioned, mp)
			return
		case parent == "ItemGroup":
			p.addItem(e, file, groupCond, branch, mp)
			return
		case tag == "CompileAsWinRT":
			if v := strings.ToLower(strings.TrimSpace(e.text)); v == "true" || mp.compileAsWinRT == "" {
				mp.compileAsWinRT = v
			}
		case strings.HasPrefix(tag, "CppWinRT"):
			mp.cppWinRT = true
		case tag == "PreprocessorDefinitions" && strings.Contains(e.text, "_WINRT_DLL"):
			mp.winmd = true
		case tag == "GenerateWindowsMetadata" && strings.EqualFold(strings.TrimSpace(e.text), "true"):
			mp.winmd = true
		}
		if tag == "Import" && strings.Contains(strings.ToLower(e.attrValue("Project")), "cppwinrt") {
			mp.cppWinRT = true // the C++/WinRT NuGet package's props
		}
		if tag == "ItemGroup" {
			groupCond = e.attrValue("Condition")
		}
		if tag == "PropertyGroup" {
			p.harvestConfig(e.attrValue("Condition"))
		}
		for _, c := range e.children {
			visit(c, tag, groupCond, branch, conditioned)
		}
	}
	visit(root, "", "", false, false)
}

func (p *projectFile) setProp(name, value, file string, conditioned bool, mp *msbuildProps) {
	key := strings.ToLower(name)
	def, ok := p.props[key]
	if !ok {
		// The first definition wins: later ones are usually per-configuration
		// variants, and the project's own come before its imports'.
		def = propDef{value: value, file: file}
	}
	def.defs++
	def.conditional = def.conditional || conditioned
	p.props[key] = def
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
	case "targetframework", "targetframeworks":
		p.windowsTarget = p.windowsTarget || strings.Contains(strings.ToLower(value), "-windows")
		if strings.Contains(value, "$(") {
			p.frameworkExprs = append(p.frameworkExprs, value) // see windowsTargetNamed
		}
	case "windowspackagetype":
		p.unpackaged = p.unpackaged || strings.EqualFold(value, "None")
	}
	if strings.HasPrefix(key, "cppwinrt") {
		mp.cppWinRT = true
	}
}

func (p *projectFile) addItem(e *xmlElem, file, groupCond string, branch bool, mp *msbuildProps) {
	include := e.attrValue("Include")
	line := e.line
	var kind string
	switch e.tag {
	case "Compile", "ClCompile", "ClInclude", "Midl":
		kind = "source"
		if e.tag == "Midl" {
			mp.midl = true
		}
		if remove, ok := e.attr("Remove"); include == "" && ok {
			p.items = append(p.items, item{kind: "remove", value: remove, file: file, line: line,
				cond: joinConditions(groupCond, e.attrValue("Condition")), branch: branch})
			return
		}
	case "Content":
		switch strings.ToLower(filepath.Ext(p.Path)) {
		case ".jsproj":
			kind = "source"
		case ".wapproj":
			kind = "packaged"
		default:
			return
		}
	case "ProjectReference":
		kind = "reference"
	case "Reference":
		hint := ""
		for _, c := range e.children {
			if c.tag == "HintPath" {
				hint = strings.TrimSpace(c.text)
			}
		}
		if hint == "" && isBinaryPath(include) {
			hint = include // <Reference Include="..\Tasks\Tasks.winmd"/>
		}
		if hint == "" {
			return // a framework assembly, resolved by the build tools
		}
		include, kind = hint, "binary"
	case "PackageReference":
		if id := strings.TrimSpace(include); id != "" && !strings.Contains(id, "$(") {
			p.packageIDs = append(p.packageIDs, id)
		}
		return
	case "SDKReference":
		kind = "sdk"
	case "None", "Application":
		if !strings.EqualFold(filepath.Ext(p.Path), ".wapproj") {
			return
		}
		kind = "packaged"
	case "AppxManifest":
		kind = "manifest"
	case "ProjectConfiguration":
		if strings.Contains(include, "|") {
			p.configs = append(p.configs, include)
		}
		return
	default:
		return
	}
	if include == "" {
		return
	}
	it := item{kind: kind, value: include, exclude: e.attrValue("Exclude"), file: file, line: line}
	if kind == "manifest" || kind == "source" {
		it.cond = joinConditions(groupCond, e.attrValue("Condition"))
	}
	p.items = append(p.items, it)
}

// harvestConfig records the pair a PropertyGroup's condition names, as
// old-style projects write them: '$(Configuration)|$(Platform)' == 'Debug|x86'.
func (p *projectFile) harvestConfig(cond string) {
	if !strings.Contains(strings.ToLower(strings.ReplaceAll(cond, " ", "")), "'$(configuration)|$(platform)'") {
		return
	}
	for _, t := range condTokens(cond) {
		if strings.HasPrefix(t, "'") && strings.Contains(t, "|") && !strings.Contains(t, "$(") {
			p.configs = append(p.configs, strings.Trim(t, "'"))
		}
	}
}

// joinConditions is "(a) and (b)", leaving out an empty one.
func joinConditions(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return "(" + a + ") and (" + b + ")"
}

// isBinaryPath reports whether an item value names a compiled binary a
// project can reference or package: an assembly, a Windows metadata file,
// an executable.
func isBinaryPath(v string) bool {
	switch strings.ToLower(filepath.Ext(strings.TrimSpace(v))) {
	case ".dll", ".winmd", ".exe":
		return true
	}
	return false
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

func readProjectFile(disp string) (*projectFile, error) {
	if projectReadHook != nil {
		projectReadHook(disp)
	}
	// The file's bytes come from an arena reused parse after parse: a
	// Visual Studio project is tens of KB, a sample repository holds
	// hundreds, and reading each into fresh memory cost a page fault per
	// 4 KB. parseProject keeps none of them (its strings are copies;
	// TestReadProjectFileKeepsNoBytes holds it to that).
	ar := projectArenas.Get().(*fileread.Arena)
	defer func() { ar.Reset(); projectArenas.Put(ar) }()
	data, err := fileread.WholeIn(ar, disp, MaxProjectFileSize, "project file")
	if err != nil {
		return nil, unwrapPathError(err)
	}
	return parseProject(disp, data)
}

var projectArenas = sync.Pool{New: func() any { return new(fileread.Arena) }}

// projectReadHook, when set (by tests), sees every project file read.
var projectReadHook func(disp string)
