package workspace

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"

	"github.com/beevik/etree"
)

// xmlElem is the little of an XML element that project and solution files
// need: its name, attributes, leading text and the line its tag starts on.
type xmlElem struct {
	tag      string // local name, without a prefix
	attrs    []xmlAttr
	text     string // as etree's Element.Text: the character data before the first child element
	line     int
	children []*xmlElem
}

type xmlAttr struct {
	space, key, value string // space is the prefix as written
}

// attr returns the value of the first attribute named key, whatever its
// prefix, as etree's SelectAttr does for an unprefixed key.
func (e *xmlElem) attr(key string) (string, bool) {
	for _, a := range e.attrs {
		if a.key == key {
			return a.value, true
		}
	}
	return "", false
}

func (e *xmlElem) attrValue(key string) string {
	v, _ := e.attr(key)
	return v
}

// errNeedsEtree says that the one-pass reader met a document whose tree it
// cannot promise to build exactly as etree does (prefixed attributes, whose
// duplicates etree tells apart by prefix; nesting beyond etree's limit).
var errNeedsEtree = errors.New("document needs the etree reader")

// etreeMaxDepth is etree's default limit on element nesting.
const etreeMaxDepth = 1024

// readXMLTree parses a document — with readXMLTreeFast when it can, else
// in one encoding/xml pass — and returns its first top-level element (nil
// for none). It gives the same tree, lines
// and errors as reading the document with etree after checking it with
// elementLines, which it replaces: a syntax error carries its line; a
// document etree would read differently falls back to doing exactly that.
func readXMLTree(data []byte) (*xmlElem, error) {
	if root, ok := readXMLTreeFast(data); ok {
		return root, nil
	}
	return readXMLTreeSlow(data)
}

// readXMLTreeSlow is readXMLTree for a document the one-pass reader
// turned down.
func readXMLTreeSlow(data []byte) (*xmlElem, error) {
	root, err := readXMLTreeOnce(data)
	if errors.Is(err, errTooDeep) {
		// well-formed but nested past etree's limit: etree's answer is
		// known without two more passes over a hostile file (a million
		// levels took seconds)
		return nil, &lineError{line: 0, err: etree.ErrMaxDepth}
	}
	if errors.Is(err, errNeedsEtree) {
		return readXMLTreeEtree(data)
	}
	return root, err
}

// readXMLTreeReuse is readXMLTree with the tree carved from blocks that
// earlier reads released: release hands them back, after which the caller
// must hold no element, attribute list or child list of the tree (its
// strings are its own and may be kept). For the project files of a
// workspace, read once each and dropped once their items are collected.
func readXMLTreeReuse(data []byte) (root *xmlElem, release func(), err error) {
	var blocks treeBlocks
	root, ok := readXMLTreeFastIn(data, &blocks)
	if ok {
		return root, blocks.release, nil
	}
	blocks.release()
	root, err = readXMLTreeSlow(data) // a tree the collector frees
	return root, func() {}, err
}

// errTooDeep is errNeedsEtree for a document whose only difficulty is its
// nesting beyond etreeMaxDepth.
var errTooDeep = fmt.Errorf("%w: nesting beyond %d levels", errNeedsEtree, etreeMaxDepth)

func readXMLTreeOnce(data []byte) (*xmlElem, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var root *xmlElem
	var stack []*xmlElem
	textDone := []bool{}  // per open element: a child other than text or a comment was met
	counted, line := 0, 1 // newlines are counted incrementally: data[:counted] holds line-1 of them
	needsEtree, tooDeep := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if tooDeep {
				return nil, errTooDeep
			}
			if needsEtree {
				return nil, errNeedsEtree
			}
			return root, nil
		}
		if err != nil {
			return nil, tokenError(dec, err)
		}
		if needsEtree {
			continue // only a syntax error further on can still change the answer
		}
		switch t := tok.(type) {
		case xml.StartElement:
			// The decoder stands just after the tag's '>'; '<' cannot occur
			// inside a well-formed tag, so the last '<' before it opens it.
			end := int(dec.InputOffset())
			start := bytes.LastIndexByte(data[:end], '<')
			if start >= counted {
				line += bytes.Count(data[counted:start], []byte("\n"))
				counted = start
			}
			if len(stack)+1 > etreeMaxDepth {
				needsEtree, tooDeep = true, true
				continue
			}
			e := &xmlElem{tag: t.Name.Local, line: line}
			if !e.setAttrs(t.Attr) {
				needsEtree = true
				continue
			}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, e)
				textDone[len(textDone)-1] = true
			} else if root == nil {
				root = e
			}
			stack = append(stack, e)
			textDone = append(textDone, false)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
				textDone = textDone[:len(textDone)-1]
			}
		case xml.CharData:
			if n := len(stack); n > 0 && !textDone[n-1] {
				stack[n-1].text += string(t)
			}
		case xml.ProcInst, xml.Directive:
			if n := len(stack); n > 0 {
				textDone[n-1] = true
			}
		}
	}
}

// setAttrs copies a start tag's attributes, folding duplicates as etree
// does (the first one's place, the last one's value). Token has replaced
// the prefixes of prefixed attributes by their namespaces, so those cannot
// be compared as etree compares them: false.
func (e *xmlElem) setAttrs(attrs []xml.Attr) bool {
	if len(attrs) == 0 {
		return true
	}
	e.attrs = make([]xmlAttr, 0, len(attrs))
	for _, a := range attrs {
		if a.Name.Space != "" && a.Name.Space != "xmlns" {
			return false
		}
		dup := false
		for i := range e.attrs {
			if e.attrs[i].space == a.Name.Space && e.attrs[i].key == a.Name.Local {
				e.attrs[i].value = a.Value
				dup = true
				break
			}
		}
		if !dup {
			e.attrs = append(e.attrs, xmlAttr{space: a.Name.Space, key: a.Name.Local, value: a.Value})
		}
	}
	return true
}

// readXMLTreeEtree is the two-pass reader: lines from elementLines, the
// tree from etree.
func readXMLTreeEtree(data []byte) (*xmlElem, error) {
	lines, err := elementLines(data)
	if err != nil {
		return nil, err
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(data); err != nil {
		return nil, &lineError{line: 0, err: err}
	}
	if doc.Root() == nil {
		return nil, nil
	}
	next := 0 // document order: the i-th element is elementLines' i-th start tag
	var convert func(e *etree.Element) *xmlElem
	convert = func(e *etree.Element) *xmlElem {
		x := &xmlElem{tag: e.Tag, text: e.Text()}
		if next < len(lines) {
			x.line = lines[next]
		}
		next++
		for _, a := range e.Attr {
			x.attrs = append(x.attrs, xmlAttr{space: a.Space, key: a.Key, value: a.Value})
		}
		for _, c := range e.ChildElements() {
			x.children = append(x.children, convert(c))
		}
		return x
	}
	return convert(doc.Root()), nil
}

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
			return nil, tokenError(dec, err)
		}
		if _, ok := tok.(xml.StartElement); ok {
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

// tokenError gives a decoding error the line it happened on.
func tokenError(dec *xml.Decoder, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &lineError{line: se.Line, err: errors.New(se.Msg)}
	}
	l, _ := dec.InputPos()
	return &lineError{line: l, err: err}
}
