package workspace

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/internal/xmltext"
)

// readXMLTreeFast builds the tree of a plain document — ASCII names without
// prefixes, no character references nor entities beyond the five
// predefined ones, no CDATA, no DOCTYPE, one top-level element — directly
// from the bytes, several times faster than
// encoding/xml, which project files are mostly made of. ok is false for
// anything else, well-formed or not: the caller then reads the document
// with encoding/xml, whose tree, lines and errors are the reference (the
// fuzz target FuzzReadXMLTree holds the two equal).
func readXMLTreeFast(data []byte) (root *xmlElem, ok bool) {
	return readXMLTreeFastIn(data, nil)
}

// readXMLTreeFastIn is readXMLTreeFast carving the tree from reused
// blocks when reuse is not nil (see readXMLTreeReuse); the blocks taken
// are listed in reuse, for the caller to release.
func readXMLTreeFastIn(data []byte, reuse *treeBlocks) (root *xmlElem, ok bool) {
	s := fastScanner{data: data, line: 1, names: nameCaches.Get().(*[512]string), reuse: reuse}
	defer nameCaches.Put(s.names)
	if reuse == nil {
		// The first blocks are sized for the document (project files
		// hold about one element per 40 to 60 bytes), so a small file
		// does not clear a block it will not fill.
		guess := min(max(len(data)/48, 8), fastBlock)
		s.elems = make([]xmlElem, guess)
		s.attrs = make([]xmlAttr, guess)
		s.kids = make([]*xmlElem, guess)
	}
	return s.tree()
}

func (s *fastScanner) tree() (root *xmlElem, ok bool) {
	data := s.data
	var stack []*xmlElem
	textDone := []bool{} // per open element, as in readXMLTreeOnce
	// kids holds the children of the open elements, innermost last;
	// marks[i] is where stack[i]'s begin. An element's children are
	// copied out in one piece when it ends, instead of growing a slice
	// per element.
	var kids []*xmlElem
	var marks []int
	for s.pos < len(data) {
		if data[s.pos] != '<' {
			n := len(stack)
			keep := n > 0 && !textDone[n-1]
			text, ok := s.text(keep)
			if !ok {
				return nil, false
			}
			if keep {
				stack[n-1].text += text
			} else if n == 0 && !isXMLSpace(text) {
				return nil, false
			}
			continue
		}
		switch {
		case bytes.HasPrefix(data[s.pos:], []byte("<!--")):
			if !s.comment() {
				return nil, false
			}
		case bytes.HasPrefix(data[s.pos:], []byte("<?")):
			if !s.procInst() {
				return nil, false
			}
			if n := len(stack); n > 0 {
				textDone[n-1] = true
			}
		case bytes.HasPrefix(data[s.pos:], []byte("</")):
			name, ok := s.endTag()
			if !ok || len(stack) == 0 || stack[len(stack)-1].tag != name {
				return nil, false
			}
			top, mark := stack[len(stack)-1], marks[len(marks)-1]
			if len(kids) > mark {
				top.children = s.childSlice(kids[mark:])
				kids = kids[:mark]
			}
			stack = stack[:len(stack)-1]
			marks = marks[:len(marks)-1]
			textDone = textDone[:len(textDone)-1]
		default:
			if root != nil && len(stack) == 0 {
				return nil, false // a second top-level element
			}
			if len(stack)+1 > etreeMaxDepth {
				return nil, false
			}
			e, empty, ok := s.startTag()
			if !ok {
				return nil, false
			}
			if n := len(stack); n > 0 {
				kids = append(kids, e)
				textDone[n-1] = true
			} else {
				root = e
			}
			if !empty {
				stack = append(stack, e)
				marks = append(marks, len(kids))
				textDone = append(textDone, false)
			}
		}
	}
	if len(stack) > 0 || root == nil {
		return nil, false
	}
	return root, true
}

type fastScanner struct {
	data []byte
	pos  int
	// line is the line at counted: newlines are counted as the scan
	// passes them, for the start tags' lines.
	line, counted int
	// elems, attrs and kids are the free ends of blocks the tree's
	// elements, attribute lists and child lists are carved from: a
	// project file has thousands of small elements, and one allocation
	// each was most of the reader's time. The blocks are sized for the
	// document's size; the functions below allocate more as they run out.
	elems []xmlElem
	attrs []xmlAttr
	kids  []*xmlElem
	// tagAttrs collects the attributes of the start tag being read.
	tagAttrs []xmlAttr
	names    *[512]string // see intern
	// reuse, when not nil, is where the blocks come from (see
	// readXMLTreeReuse).
	reuse *treeBlocks
}

const fastBlock = 128

// treeBlocks are the blocks of one tree read by readXMLTreeReuse. A
// Visual Studio project's tree is some 40 KB of them, dropped as soon as
// the project's items are collected: a repository of 700 projects
// allocated 26 MB of trees, in fresh pages the kernel had to fault in and
// the collector to sweep. Reused, they are a few blocks for the run.
type treeBlocks struct {
	elems []*[fastBlock]xmlElem
	attrs []*[fastBlock]xmlAttr
	kids  []*[fastBlock]*xmlElem
}

var (
	elemBlocks = sync.Pool{New: func() any { return new([fastBlock]xmlElem) }}
	attrBlocks = sync.Pool{New: func() any { return new([fastBlock]xmlAttr) }}
	kidBlocks  = sync.Pool{New: func() any { return new([fastBlock]*xmlElem) }}
)

// release clears the blocks (a reused element must start empty, and a
// cleared block holds on to no string of the old tree) and hands them
// back.
func (t *treeBlocks) release() {
	for _, b := range t.elems {
		clear(b[:])
		elemBlocks.Put(b)
	}
	for _, b := range t.attrs {
		clear(b[:])
		attrBlocks.Put(b)
	}
	for _, b := range t.kids {
		clear(b[:])
		kidBlocks.Put(b)
	}
	*t = treeBlocks{}
}

func (s *fastScanner) newElem() *xmlElem {
	if len(s.elems) == 0 {
		if s.reuse != nil {
			b := elemBlocks.Get().(*[fastBlock]xmlElem)
			s.reuse.elems = append(s.reuse.elems, b)
			s.elems = b[:]
		} else {
			s.elems = make([]xmlElem, fastBlock)
		}
	}
	e := &s.elems[0]
	s.elems = s.elems[1:]
	return e
}

// attrSlice and childSlice copy a list into a block, capacity capped so
// that an append by a later reader cannot run into a neighbour.
func (s *fastScanner) attrSlice(list []xmlAttr) []xmlAttr {
	if len(list) > len(s.attrs) {
		if s.reuse != nil && len(list) <= fastBlock {
			b := attrBlocks.Get().(*[fastBlock]xmlAttr)
			s.reuse.attrs = append(s.reuse.attrs, b)
			s.attrs = b[:]
		} else {
			s.attrs = make([]xmlAttr, max(fastBlock, len(list)))
		}
	}
	out := s.attrs[:len(list):len(list)]
	copy(out, list)
	s.attrs = s.attrs[len(list):]
	return out
}

func (s *fastScanner) childSlice(list []*xmlElem) []*xmlElem {
	if len(list) > len(s.kids) {
		if s.reuse != nil && len(list) <= fastBlock {
			b := kidBlocks.Get().(*[fastBlock]*xmlElem)
			s.reuse.kids = append(s.reuse.kids, b)
			s.kids = b[:]
		} else {
			s.kids = make([]*xmlElem, max(fastBlock, len(list)))
		}
	}
	out := s.kids[:len(list):len(list)]
	copy(out, list)
	s.kids = s.kids[len(list):]
	return out
}

func (s *fastScanner) lineAt(pos int) int {
	s.line += bytes.Count(s.data[s.counted:pos], []byte("\n"))
	s.counted = pos
	return s.line
}

// text reads character data up to the next '<' or the end; only when
// keep is set is it decoded (the rest is checked and dropped).
func (s *fastScanner) text(keep bool) (string, bool) {
	end := bytes.IndexByte(s.data[s.pos:], '<')
	if end < 0 {
		end = len(s.data)
	} else {
		end += s.pos
	}
	raw := s.data[s.pos:end]
	if !xmltext.Plain(raw) || bytes.Contains(raw, []byte("]]>")) {
		return "", false
	}
	s.pos = end
	if !keep {
		if len(bytes.TrimLeft(raw, " \t\n\r")) == 0 {
			return "", true
		}
		return "x", true // not space: text outside the root is an error
	}
	return s.fold(raw), true
}

// fold is foldCR with the scanner's cache in front: a project file
// repeats its attribute values and texts (each configuration's
// Condition, the same settings in every ItemDefinitionGroup).
//
// A file saved with CRLF line ends (every one Visual Studio writes) gives
// each element that holds others a text of a line end and indentation;
// those are folded here, into a buffer on the stack, so that the cache
// answers them too instead of two allocations each.
func (s *fastScanner) fold(raw []byte) string {
	if len(raw) == 0 || len(raw) > maxFolded || bytes.IndexByte(raw, '&') >= 0 {
		return foldCR(raw)
	}
	if bytes.IndexByte(raw, '\r') < 0 {
		return s.intern(raw)
	}
	var buf [maxFolded]byte
	n := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\r' {
			c = '\n' // CR-LF and a lone CR read as LF (xmltext.Decode)
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		}
		buf[n] = c
		n++
	}
	return s.intern(buf[:n])
}

// maxFolded bounds the texts fold caches: longer ones rarely repeat.
const maxFolded = 96

// foldCR returns text as XML reads it (xmltext.Decode), interned.
func foldCR(raw []byte) string {
	return intern(xmltext.Decode(raw))
}

func isXMLSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// comment skips <!-- … -->; "--" inside a comment is an error.
func (s *fastScanner) comment() bool {
	body := s.pos + len("<!--")
	end := bytes.Index(s.data[body:], []byte("--"))
	if end < 0 || body+end+2 >= len(s.data) || s.data[body+end+2] != '>' {
		return false
	}
	s.pos = body + end + 3
	return true
}

// procInst skips <?target …?>. Of an XML declaration only version 1.0 (or
// none) is accepted: encoding/xml refuses any other.
func (s *fastScanner) procInst() bool {
	s.pos += len("<?")
	target, ok := s.name()
	if !ok {
		return false
	}
	end := bytes.Index(s.data[s.pos:], []byte("?>"))
	if end < 0 {
		return false
	}
	body := s.data[s.pos : s.pos+end]
	s.pos += end + 2
	if target == "xml" {
		versions := bytes.Count(body, []byte("version="))
		if versions != bytes.Count(body, []byte(`version="1.0"`))+bytes.Count(body, []byte(`version='1.0'`)) {
			return false
		}
	}
	return true
}

// nameByte classifies the bytes of an ASCII XML name: nameStart may
// begin one, nameRest may follow, nameSlow sends the document the slow
// way (a prefix, a non-ASCII name).
var nameByte = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = nameStart, nameStart
	}
	t['_'] = nameStart
	for _, c := range "0123456789.-" {
		t[c] = nameRest
	}
	t[':'] = nameSlow
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = nameSlow
	}
	return t
}()

const (
	nameStart = 1 + iota
	nameRest
	nameSlow
)

// name reads an ASCII XML name without a prefix.
func (s *fastScanner) name() (string, bool) {
	start := s.pos
	for s.pos < len(s.data) {
		switch nameByte[s.data[s.pos]] {
		case nameStart:
			s.pos++
			continue
		case nameRest:
			if s.pos > start {
				s.pos++
				continue
			}
		case nameSlow:
			return "", false // prefixes and non-ASCII names: the slow way
		}
		break
	}
	if s.pos == start {
		return "", false
	}
	return s.intern(s.data[start:s.pos]), true
}

// nameCaches hold fastScanner.intern's caches between documents (their
// strings are immutable: one document's names and values serve the next).
var nameCaches = sync.Pool{New: func() any { return new([512]string) }}

// intern is the package's intern with a small cache in front: a project
// file spells the same few names, and many of the same values, thousands
// of times, and the cache's comparison is cheaper than the map's hashing
// (and than a new string).
func (s *fastScanner) intern(b []byte) string {
	n := len(b)
	h := (n*31 + int(b[0])*7 + int(b[n-1])*3 + int(b[n/2])*11 + int(b[n*3/4])*5) & (len(s.names) - 1)
	if c := s.names[h]; c == string(b) {
		return c
	}
	str := intern(b)
	s.names[h] = str
	return str
}

func (s *fastScanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *fastScanner) endTag() (string, bool) {
	s.pos += len("</")
	name, ok := s.name()
	if !ok {
		return "", false
	}
	s.space()
	if s.pos >= len(s.data) || s.data[s.pos] != '>' {
		return "", false
	}
	s.pos++
	return name, true
}

// startTag reads <name attr="value" …> or <name …/>.
func (s *fastScanner) startTag() (e *xmlElem, empty, ok bool) {
	line := s.lineAt(s.pos)
	s.pos++
	tag, ok := s.name()
	if !ok {
		return nil, false, false
	}
	e = s.newElem()
	e.tag, e.line = tag, line
	s.tagAttrs = s.tagAttrs[:0]
	done := func() {
		if len(s.tagAttrs) > 0 {
			e.attrs = s.attrSlice(s.tagAttrs)
		}
	}
	for {
		s.space()
		if s.pos >= len(s.data) {
			return nil, false, false
		}
		switch s.data[s.pos] {
		case '>':
			s.pos++
			done()
			return e, false, true
		case '/':
			if s.pos+1 >= len(s.data) || s.data[s.pos+1] != '>' {
				return nil, false, false
			}
			s.pos += 2
			done()
			return e, true, true
		}
		key, ok := s.name()
		if !ok {
			return nil, false, false
		}
		s.space()
		if s.pos >= len(s.data) || s.data[s.pos] != '=' {
			return nil, false, false
		}
		s.pos++
		s.space()
		if s.pos >= len(s.data) || (s.data[s.pos] != '"' && s.data[s.pos] != '\'') {
			return nil, false, false
		}
		quote := s.data[s.pos]
		end := bytes.IndexByte(s.data[s.pos+1:], quote)
		if end < 0 {
			return nil, false, false
		}
		raw := s.data[s.pos+1 : s.pos+1+end]
		if bytes.IndexByte(raw, '<') >= 0 || !xmltext.Plain(raw) {
			return nil, false, false
		}
		s.pos += end + 2
		s.tagAttrs = addAttr(s.tagAttrs, key, s.fold(raw))
	}
}

// addAttr adds an unprefixed attribute, folding a duplicate as etree does.
func addAttr(attrs []xmlAttr, key, value string) []xmlAttr {
	for i := range attrs {
		if attrs[i].key == key {
			attrs[i].value = value
			return attrs
		}
	}
	return append(attrs, xmlAttr{key: key, value: value})
}

// interned are the element and attribute names of project files and the
// indentation between their elements: strings every file repeats, shared
// instead of allocated again for each.
var interned = func() map[string]string {
	m := map[string]string{}
	for _, name := range strings.Fields(`Project PropertyGroup ItemGroup ItemDefinitionGroup ImportGroup Import
		Target Choose When Otherwise Compile ClCompile ClInclude Midl Content None Page ApplicationDefinition
		PRIResource Image Text Xml Manifest AppxManifest ProjectReference Reference PackageReference
		ProjectConfiguration Configuration Platform Folder Name Link DependentUpon SubType Private Project
		RootNamespace AssemblyName OutputType ProjectGuid ProjectTypeGuids TargetPlatformIdentifier
		TargetPlatformVersion TargetPlatformMinVersion MinimumVisualStudioVersion FileAlignment
		ConfigurationType AppContainerApplication ApplicationType ApplicationTypeRevision
		DefaultLanguage PlatformToolset CharacterSet WholeProgramOptimization UseDebugLibraries
		CompileAsWinRT PrecompiledHeader PrecompiledHeaderFile PreprocessorDefinitions
		AdditionalIncludeDirectories WarningLevel GenerateWindowsMetadata CppWinRTOptimized
		Include Remove Exclude Update Condition Label Sdk xmlns ToolsVersion DefaultTargets Version Path`) {
		m[name] = name
	}
	for n := 0; n <= 32; n++ {
		for _, prefix := range []string{"", "\n", "\n\n"} {
			for _, unit := range []string{" ", "\t"} {
				ws := prefix + strings.Repeat(unit, n)
				m[ws] = ws
			}
		}
	}
	return m
}()

// intern returns b as a string, shared when it is a common one.
func intern(b []byte) string {
	if s, ok := interned[string(b)]; ok { // no allocation for the lookup
		return s
	}
	return string(b)
}
