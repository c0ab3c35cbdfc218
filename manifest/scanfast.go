package manifest

import (
	"bytes"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/internal/xmltext"
)

// scanFast is scan for a plain manifest, read straight from the bytes:
// ASCII names with at most one prefix, attribute values and text with no
// references but the five predefined entities, comments, an XML
// declaration at the very start, one root element and nothing odd
// around it. That is what Visual Studio writes, and encoding/xml's token
// pass was most of a manifest's parse time. ok is false for anything
// else, well-formed or not: scan then reads the text, and its elements,
// problems and errors are the reference (FuzzScanFast holds the two
// equal wherever scanFast answers).
func scanFast(text []byte) (res scanResult, ok bool) {
	// Every attribute has its '=': one array holds them all, each
	// element's list a piece of it; and the text as one string gives
	// the names and values without a copy each.
	s := manifestScanner{text: text, str: string(text), attrs: make([]rawAttr, 0, bytes.Count(text, []byte{'='}))}
	res.elems = make([]rawElem, 0, bytes.Count(text, []byte{'<'}))
	var open []int
	var bindings []nsScope
	var marks []int
	reported := map[string]bool{}
	for s.pos < len(text) {
		if text[s.pos] != '<' {
			start := s.pos
			end := bytes.IndexByte(text[s.pos:], '<')
			if end < 0 {
				end = len(text)
			} else {
				end += s.pos
			}
			raw := text[start:end]
			if !xmltext.Plain(raw) || bytes.Contains(raw, []byte("]]>")) {
				return res, false
			}
			s.pos = end
			if len(open) == 0 {
				if len(bytes.Trim(raw, " \t\r\n")) > 0 {
					return res, false // text outside the root: scan words it
				}
				continue
			}
			if top := &res.elems[open[len(open)-1]]; !top.textDone {
				top.text += string(xmltext.Decode(raw))
			}
			continue
		}
		rest := text[s.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			body := s.pos + len("<!--")
			end := bytes.Index(text[body:], []byte("--"))
			if end < 0 || body+end+2 >= len(text) || text[body+end+2] != '>' {
				return res, false
			}
			s.pos = body + end + 3
		case bytes.HasPrefix(rest, []byte("<?")):
			if s.pos != 0 || !s.xmlDeclaration() {
				return res, false
			}
		case bytes.HasPrefix(rest, []byte("</")):
			s.pos += 2
			prefix, local, ok := s.qname()
			if !ok {
				return res, false
			}
			s.space()
			if s.pos >= len(text) || text[s.pos] != '>' || len(open) == 0 {
				return res, false
			}
			s.pos++
			top := &res.elems[open[len(open)-1]]
			if top.prefix != prefix || top.local != local {
				return res, false
			}
			top.end = s.pos
			open = open[:len(open)-1]
			bindings = bindings[:marks[len(marks)-1]]
			marks = marks[:len(marks)-1]
		case len(rest) > 1 && rest[1] == '!':
			return res, false // DOCTYPE, CDATA: scan reports or reads them
		default:
			if len(open) == 0 && len(res.elems) > 0 || len(open) >= maxDepth {
				return res, false // a second root; nesting scan stops at
			}
			e, ok := s.startTag()
			if !ok {
				return res, false
			}
			e.parent = -1
			if len(open) > 0 {
				e.parent = open[len(open)-1]
				res.elems[e.parent].textDone = true
			}
			marks = append(marks, len(bindings))
			bindings = declareNamespaces(e.attrs, bindings)
			res.problems = append(res.problems, resolveNames(&e, bindings, reported)...)
			res.problems = append(res.problems, duplicateAttrs(e.attrs)...)
			res.elems = append(res.elems, e)
			if e.selfClosing {
				bindings = bindings[:marks[len(marks)-1]]
				marks = marks[:len(marks)-1]
			} else {
				open = append(open, len(res.elems)-1)
			}
		}
	}
	if len(open) > 0 || len(res.elems) == 0 {
		return res, false
	}
	return res, true
}

type manifestScanner struct {
	text []byte
	pos  int
	// str is text as a string, for the names and values cut from it;
	// attrs is the array the elements' attribute lists are cut from
	// (see scanFast).
	str   string
	attrs []rawAttr
}

// cut returns text[start:end] as a string: a common name of manifests
// (manifestNames) or a piece of str, without a copy.
func (s *manifestScanner) cut(start, end int) string {
	if n, ok := manifestNames[string(s.text[start:end])]; ok {
		return n
	}
	if s.str != "" {
		return s.str[start:end]
	}
	return string(s.text[start:end])
}

func (s *manifestScanner) space() {
	for s.pos < len(s.text) && isSpace(s.text[s.pos]) {
		s.pos++
	}
}

// xmlDeclaration reads <?xml …?> at the start of the text; of its pseudo
// attributes only version="1.0" is checked, as encoding/xml does (the
// encoding was dealt with before the scan).
func (s *manifestScanner) xmlDeclaration() bool {
	rest := s.text[s.pos:]
	if !bytes.HasPrefix(rest, []byte("<?xml")) || len(rest) < 6 || !isSpace(rest[5]) {
		return false
	}
	end := bytes.Index(rest, []byte("?>"))
	if end < 0 {
		return false
	}
	body := rest[len("<?xml"):end]
	if !utf8.Valid(body) || bytes.ContainsAny(body, "<&") {
		return false
	}
	if bytes.Count(body, []byte("version=")) != bytes.Count(body, []byte(`version="1.0"`))+bytes.Count(body, []byte(`version='1.0'`)) {
		return false
	}
	s.pos += end + 2
	return true
}

// qname reads an ASCII name with at most one prefix.
func (s *manifestScanner) qname() (prefix, local string, ok bool) {
	start := s.pos
	colon := -1
	for s.pos < len(s.text) {
		c := s.text[s.pos]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_':
		case ('0' <= c && c <= '9' || c == '.' || c == '-') && s.pos > start && s.pos-1 != colon:
		case c == ':' && colon < 0 && s.pos > start:
			colon = s.pos
		case c >= utf8.RuneSelf || c == ':':
			return "", "", false // non-ASCII names, two colons: scan reads them
		default:
			goto done
		}
		s.pos++
	}
done:
	if s.pos == start || colon == s.pos-1 {
		return "", "", false
	}
	if colon < 0 {
		return "", s.cut(start, s.pos), true
	}
	return s.cut(start, colon), s.cut(colon+1, s.pos), true
}

// startTag reads <name attr="value" …> or <name …/> at s.pos.
func (s *manifestScanner) startTag() (e rawElem, ok bool) {
	e.start = s.pos
	// as scanTokens has it: empty, not nil; the list grows into the
	// free end of s.attrs, and its capacity is cut to its length once
	// the tag is read, so that no later append reaches the next list
	e.attrs = s.attrs[len(s.attrs):len(s.attrs)]
	s.pos++
	if e.prefix, e.local, ok = s.qname(); !ok {
		return e, false
	}
	for {
		before := s.pos
		s.space()
		if s.pos >= len(s.text) {
			return e, false
		}
		switch s.text[s.pos] {
		case '>':
			s.pos++
			e.startTagEnd, e.end = s.pos, s.pos
			s.keepAttrs(&e)
			return e, true
		case '/':
			if s.pos+1 >= len(s.text) || s.text[s.pos+1] != '>' {
				return e, false
			}
			s.pos += 2
			e.startTagEnd, e.end, e.selfClosing = s.pos, s.pos, true
			s.keepAttrs(&e)
			return e, true
		}
		if s.pos == before {
			return e, false // attributes must be separated by white space
		}
		a := rawAttr{nameOff: s.pos}
		if a.prefix, a.local, ok = s.qname(); !ok {
			return e, false
		}
		s.space()
		if s.pos >= len(s.text) || s.text[s.pos] != '=' {
			return e, false
		}
		s.pos++
		s.space()
		if s.pos >= len(s.text) || s.text[s.pos] != '"' && s.text[s.pos] != '\'' {
			return e, false
		}
		quote := s.text[s.pos]
		a.valueOff = s.pos + 1
		end := bytes.IndexByte(s.text[a.valueOff:], quote)
		if end < 0 {
			return e, false
		}
		raw := s.text[a.valueOff : a.valueOff+end]
		if bytes.IndexByte(raw, '<') >= 0 || !xmltext.Plain(raw) {
			return e, false
		}
		if d := xmltext.Decode(raw); len(d) == len(raw) && (len(d) == 0 || &d[0] == &raw[0]) && s.str != "" {
			a.value = s.str[a.valueOff : a.valueOff+end] // Decode changed nothing
		} else {
			a.value = string(d)
		}
		s.pos = a.valueOff + end + 1
		a.end = s.pos
		e.attrs = append(e.attrs, a)
	}
}

// keepAttrs closes e's attribute list: its capacity is cut to its length,
// so that no later append reaches the next list, and s.attrs moves past
// it. A list that outgrew the array (it cannot: each attribute has its
// '=') would have its own.
func (s *manifestScanner) keepAttrs(e *rawElem) {
	n := len(e.attrs)
	e.attrs = e.attrs[:n:n]
	if n > 0 && len(s.attrs)+n <= cap(s.attrs) && &s.attrs[:len(s.attrs)+1][len(s.attrs)] == &e.attrs[0] {
		s.attrs = s.attrs[:len(s.attrs)+n]
	}
}

var manifestNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"Package", "Identity", "Properties", "DisplayName", "PublisherDisplayName", "Logo",
		"Dependencies", "TargetDeviceFamily", "Resources", "Resource", "Applications", "Application",
		"VisualElements", "DefaultTile", "SplashScreen", "Extensions", "Extension", "BackgroundTasks", "Task",
		"Capabilities", "Capability", "DeviceCapability", "Name", "Publisher", "Version", "Id", "Executable",
		"EntryPoint", "Category", "Type", "xmlns", "uap", "mp", "rescap", "desktop", "com", "IgnorableNamespaces",
		"Language", "MinVersion", "MaxVersionTested", "PhoneIdentity", "PhoneProductId", "PhonePublisherId",
		"Square150x150Logo", "Square44x44Logo", "Description", "BackgroundColor", "Image", "ServerName",
		"SupportsMultipleInstances", "StartPage"} {
		m[n] = n
	}
	return m
}()
