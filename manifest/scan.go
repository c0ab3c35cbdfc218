package manifest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDepth is the deepest element nesting bgmanifest reads. Real manifests
// nest about eight deep; anything past this is hostile or broken input, and
// stopping early keeps memory and stack use bounded.
const maxDepth = 1024

const nsXML = "http://www.w3.org/XML/1998/namespace"

// rawAttr is one attribute as written in the start tag.
type rawAttr struct {
	prefix, local string
	space         string // resolved namespace URI; "" for unprefixed attributes
	value         string // value after entity decoding
	nameOff       int    // offset of the attribute name
	valueOff      int    // offset just after the opening quote
	end           int    // offset just after the closing quote
}

// rawElem is one element with its positions, in document order.
type rawElem struct {
	prefix, local string
	space         string // resolved namespace URI
	start         int    // offset of '<'
	startTagEnd   int    // offset just after the start tag's '>'
	end           int    // offset just after the element
	selfClosing   bool
	attrs         []rawAttr
	parent        int // index of the parent element, -1 for a root
	// text is the character data (entities decoded, CDATA included)
	// before the first child element, comments skipped: <Path>'s file.
	text     string
	textDone bool // a child element, PI or directive has ended text
}

// problemAt is a reading problem at a byte offset.
type problemAt struct {
	off int
	msg string
}

// scanResult is the outcome of the token pass.
type scanResult struct {
	elems    []rawElem
	problems []problemAt
	// fatal is true when the text is not well-formed: the element list is
	// incomplete and no tree should be built from it.
	fatal bool
}

// passThroughCharset lets the decoder read text that is already UTF-8
// whatever encoding its XML declaration names (UTF-16 files were converted
// before the scan).
func passThroughCharset(_ string, r io.Reader) (io.Reader, error) { return r, nil }

// nsScope is one element's namespace declarations.
type nsScope struct {
	prefix, uri string
}

// scan records the offset of every element and attribute of text and the
// well-formedness problems encoding/xml does not check itself (undeclared
// prefixes, duplicate attributes, more than one root, DOCTYPE). A plain
// manifest is read straight from its bytes (scanFast); anything else in
// one encoding/xml pass of raw tokens (scanTokens), matching end tags and
// resolving namespaces itself.
func scan(text []byte) scanResult {
	if res, ok := scanFast(text); ok {
		return res
	}
	return scanTokens(text)
}

// scanTokens is scan's encoding/xml pass.
func scanTokens(text []byte) scanResult {
	// One element per '<' at most: sizing the slice once avoids regrowing it.
	res := scanResult{elems: make([]rawElem, 0, bytes.Count(text, []byte{'<'}))}
	d := xml.NewDecoder(bytes.NewReader(text))
	d.Strict = true
	d.CharsetReader = passThroughCharset
	var open []int         // indices of the open elements
	var bindings []nsScope // namespace declarations in scope, innermost last
	var marks []int        // len(bindings) when each open element started
	rootSeen := false
	reported := map[string]bool{} // undeclared prefixes already reported
	for {
		off := int(d.InputOffset())
		tok, err := d.RawToken()
		if err != nil {
			if errors.Is(err, io.EOF) {
				if len(open) > 0 {
					e := res.elems[open[len(open)-1]]
					res.problems = append(res.problems, problemAt{len(text), fmt.Sprintf("not well-formed XML: unexpected end of file: element <%s> is never closed", qname(e.prefix, e.local))})
					res.fatal = true
					return res
				}
				break
			}
			res.problems = append(res.problems, syntaxProblem(text, err, off, int(d.InputOffset()), open, res.elems))
			res.fatal = true
			return res
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(open) >= maxDepth {
				res.problems = append(res.problems, problemAt{off, fmt.Sprintf("elements nest more than %d deep; bgmanifest stops reading here", maxDepth)})
				res.fatal = true
				return res
			}
			tagEnd := int(d.InputOffset())
			parent := -1
			if len(open) > 0 {
				parent = open[len(open)-1]
				res.elems[parent].textDone = true
			} else if rootSeen {
				res.problems = append(res.problems, problemAt{off, fmt.Sprintf("second root element <%s>: a manifest has exactly one root element, <Package>", t.Name.Local)})
			}
			rootSeen = true
			e := rawElem{start: off, startTagEnd: tagEnd, end: tagEnd, parent: parent}
			e.selfClosing = tagEnd >= 2 && text[tagEnd-2] == '/'
			e.prefix, e.local = t.Name.Space, t.Name.Local
			e.attrs = attrsWithOffsets(t.Attr, text[off:tagEnd], off)
			marks = append(marks, len(bindings))
			bindings = declareNamespaces(e.attrs, bindings)
			res.problems = append(res.problems, resolveNames(&e, bindings, reported)...)
			res.problems = append(res.problems, duplicateAttrs(e.attrs)...)
			res.elems = append(res.elems, e)
			open = append(open, len(res.elems)-1)
		case xml.EndElement:
			if len(open) == 0 {
				res.problems = append(res.problems, problemAt{off, fmt.Sprintf("not well-formed XML: end tag </%s> has no start tag", qname(t.Name.Space, t.Name.Local))})
				res.fatal = true
				return res
			}
			top := &res.elems[open[len(open)-1]]
			if top.prefix != t.Name.Space || top.local != t.Name.Local {
				res.problems = append(res.problems, problemAt{off, fmt.Sprintf("not well-formed XML: element <%s> closed by </%s>", qname(top.prefix, top.local), qname(t.Name.Space, t.Name.Local))})
				res.fatal = true
				return res
			}
			top.end = int(d.InputOffset())
			open = open[:len(open)-1]
			bindings = bindings[:marks[len(marks)-1]]
			marks = marks[:len(marks)-1]
		case xml.CharData:
			if len(open) == 0 && len(bytes.TrimSpace(t)) > 0 {
				res.problems = append(res.problems, problemAt{off + leadingSpace(t), "text outside the root element"})
			}
			if len(open) > 0 {
				if top := &res.elems[open[len(open)-1]]; !top.textDone {
					top.text += string(t)
				}
			}
		case xml.ProcInst:
			if len(open) > 0 {
				res.elems[open[len(open)-1]].textDone = true
			}
			if strings.EqualFold(t.Target, "xml") && off != 0 {
				res.problems = append(res.problems, problemAt{off, "the XML declaration <?xml …?> must be the very first thing in the file; not even a blank line or a comment may come before it"})
			}
		case xml.Directive:
			if len(open) > 0 {
				res.elems[open[len(open)-1]].textDone = true
			}
			res.problems = append(res.problems, problemAt{off, directiveMessage(t)})
		}
	}
	if !rootSeen {
		res.problems = append(res.problems, problemAt{len(text), "no root element: the file has no <Package> element"})
		res.fatal = true
	}
	return res
}

func leadingSpace(b []byte) int {
	return len(b) - len(bytes.TrimLeft(b, " \t\r\n"))
}

func directiveMessage(d xml.Directive) string {
	s := strings.TrimSpace(string(d))
	if strings.HasPrefix(s, "DOCTYPE") || strings.HasPrefix(s, "ENTITY") {
		return "DOCTYPE is not allowed in an app manifest; entities are not expanded"
	}
	name, _, _ := strings.Cut(s, " ")
	return fmt.Sprintf("<!%s> declaration is not allowed in an app manifest", name)
}

// syntaxProblem turns an encoding/xml error into a message at the offset
// where the decoder stopped, or where the construct at fault starts when
// that is more useful: the wrong end tag, the bare '&', the comment that is
// never closed. tokenStart is the offset of the token being read.
func syntaxProblem(text []byte, err error, tokenStart, off int, open []int, elems []rawElem) problemAt {
	size := len(text)
	off = max(0, min(off, size))
	tokenStart = max(0, min(tokenStart, size))
	msg := err.Error()
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		return problemAt{off, "not well-formed XML: " + msg}
	}
	msg = se.Msg
	rest := text[tokenStart:]
	switch {
	case strings.Contains(msg, " closed by </") || strings.HasPrefix(msg, "unexpected end element"):
		off = tokenStart
	case strings.HasPrefix(msg, "invalid character entity"):
		if amp := bytes.LastIndexByte(text[tokenStart:off], '&'); amp >= 0 {
			off = tokenStart + amp
		}
		if strings.Contains(msg, "no semicolon") {
			msg = `a bare "&" must be written "&amp;"`
		} else {
			msg = strings.TrimPrefix(msg, "invalid character entity ") + " is not a defined entity; only &amp; &lt; &gt; &quot; &apos; and character references (&#38;) exist here"
		}
	case msg == "unexpected EOF" && bytes.HasPrefix(rest, []byte("<!--")):
		off, msg = tokenStart, "the comment that starts here is never closed with -->"
	case msg == "unexpected EOF" && bytes.HasPrefix(rest, []byte("<![CDATA[")):
		off, msg = tokenStart, "the CDATA section that starts here is never closed with ]]>"
	case msg == "unexpected EOF" && bytes.HasPrefix(rest, []byte("<?")):
		off, msg = tokenStart, "the processing instruction that starts here is never closed with ?>"
	case msg == "unexpected EOF" && len(open) > 0:
		e := elems[open[len(open)-1]]
		msg = fmt.Sprintf("unexpected end of file: element <%s> is never closed", qname(e.prefix, e.local))
	}
	return problemAt{off, "not well-formed XML: " + msg}
}

func qname(prefix, local string) string {
	if prefix == "" {
		return local
	}
	return prefix + ":" + local
}

// declareNamespaces pushes the xmlns declarations of one start tag.
func declareNamespaces(attrs []rawAttr, bindings []nsScope) []nsScope {
	for _, a := range attrs {
		switch {
		case a.prefix == "" && a.local == "xmlns":
			bindings = append(bindings, nsScope{"", a.value})
		case a.prefix == "xmlns" && a.value != "":
			bindings = append(bindings, nsScope{a.local, a.value})
		}
	}
	return bindings
}

func lookupNamespace(prefix string, bindings []nsScope) (string, bool) {
	if prefix == "xml" {
		return nsXML, true
	}
	for i := len(bindings) - 1; i >= 0; i-- {
		if bindings[i].prefix == prefix {
			return bindings[i].uri, true
		}
	}
	return "", prefix == ""
}

// resolveNames sets the namespace URIs of an element and its attributes and
// reports undeclared prefixes, each prefix once (the first use): one missing
// xmlns declaration is one mistake.
func resolveNames(e *rawElem, bindings []nsScope, reported map[string]bool) []problemAt {
	var probs []problemAt
	uri, ok := lookupNamespace(e.prefix, bindings)
	if !ok && !reported[e.prefix] {
		reported[e.prefix] = true
		probs = append(probs, problemAt{e.start + 1, fmt.Sprintf("namespace prefix %q of <%s> is not declared (add xmlns:%s=\"…\")", e.prefix, qname(e.prefix, e.local), e.prefix)})
	}
	e.space = uri
	for i := range e.attrs {
		a := &e.attrs[i]
		if a.prefix == "xmlns" && a.value == "" {
			probs = append(probs, problemAt{a.nameOff, fmt.Sprintf("xmlns:%s is empty; a namespace prefix must be bound to a URI", a.local)})
		}
		if a.prefix == "" || a.prefix == "xmlns" {
			continue
		}
		uri, ok := lookupNamespace(a.prefix, bindings)
		if !ok && !reported[a.prefix] {
			reported[a.prefix] = true
			probs = append(probs, problemAt{a.nameOff, fmt.Sprintf("namespace prefix %q of attribute %s is not declared", a.prefix, qname(a.prefix, a.local))})
		}
		a.space = uri
	}
	return probs
}

// duplicateAttrs reports an attribute written twice in one tag, by name or
// by namespace URI and local name.
func duplicateAttrs(attrs []rawAttr) []problemAt {
	var probs []problemAt
	for i := 1; i < len(attrs); i++ {
		for j := 0; j < i; j++ {
			a, b := attrs[i], attrs[j]
			same := a.prefix == b.prefix && a.local == b.local
			if !same && a.prefix != "xmlns" && b.prefix != "xmlns" && a.prefix != "" && b.prefix != "" {
				same = a.local == b.local && a.space == b.space
			}
			if same {
				probs = append(probs, problemAt{a.nameOff, fmt.Sprintf("attribute %s appears twice in the same start tag", qname(a.prefix, a.local))})
				break
			}
		}
	}
	return probs
}

// attrsWithOffsets pairs encoding/xml's attributes (names as written,
// values decoded) with their offsets, found by scanning the start tag that
// encoding/xml has already accepted. base is the tag's offset in the text.
// Should the scan ever disagree with encoding/xml, every attribute points at
// the element rather than at a wrong place.
func attrsWithOffsets(attrs []xml.Attr, tag []byte, base int) []rawAttr {
	out := make([]rawAttr, len(attrs))
	for k, a := range attrs {
		out[k] = rawAttr{prefix: a.Name.Space, local: a.Name.Local, value: a.Value, nameOff: base, valueOff: base, end: base + len(tag)}
	}
	i := 1 // skip '<' and the element name
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '/' && tag[i] != '>' {
		i++
	}
	type offsets struct{ name, value, end int }
	found := make([]offsets, 0, len(attrs))
	for {
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || tag[i] == '/' || tag[i] == '>' {
			break
		}
		o := offsets{name: base + i}
		for i < len(tag) && !isSpace(tag[i]) && tag[i] != '=' {
			i++
		}
		for i < len(tag) && (isSpace(tag[i]) || tag[i] == '=') {
			i++
		}
		if i >= len(tag) {
			break
		}
		quote := tag[i]
		i++
		o.value = base + i
		for i < len(tag) && tag[i] != quote {
			i++
		}
		if i < len(tag) {
			i++
		}
		o.end = base + i
		found = append(found, o)
	}
	if len(found) != len(attrs) {
		return out
	}
	for k, o := range found {
		out[k].nameOff, out[k].valueOff, out[k].end = o.name, o.value, o.end
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
