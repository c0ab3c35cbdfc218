// Package xmltext checks and decodes the character data of plain XML
// documents, for the fast readers of manifests and project files: text
// and attribute values that hold no references but the five predefined
// entities, and only characters XML allows. Anything else is left to
// encoding/xml, whose decoding these functions reproduce.
package xmltext

import (
	"bytes"
	"unicode/utf8"
)

var predefined = [...]struct {
	ref  string
	char byte
}{{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&apos;", '\''}}

// plainASCII marks the ASCII bytes text may hold as they are: all but
// '&' and the control characters other than tab, newline and return.
var plainASCII = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '&'
	}
	t['\t'], t['\n'], t['\r'] = true, true, true
	return t
}()

// Plain reports whether b needs no decoding but of the predefined entity
// references (&lt; &gt; &amp; &quot; &apos;) and line ends, and holds
// only characters XML allows (the Char production of XML 1.0, section
// 2.2). Character references and other entities are not plain.
func Plain(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if plainASCII[c] {
			i++
			continue
		}
		if c == '&' {
			n := refLen(b[i:])
			if n == 0 {
				return false
			}
			i += n
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 || !(r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			return false
		}
		i += size
	}
	return true
}

// refLen is the length of the predefined entity reference b opens with,
// or 0.
func refLen(b []byte) int {
	for _, p := range predefined {
		if bytes.HasPrefix(b, []byte(p.ref)) {
			return len(p.ref)
		}
	}
	return 0
}

// Decode returns plain text (Plain is true of it) as encoding/xml hands
// it over: CR-LF and a lone CR become LF, each predefined reference its
// character. It returns raw itself when there is nothing to change.
func Decode(raw []byte) []byte {
	if bytes.IndexByte(raw, '\r') < 0 && bytes.IndexByte(raw, '&') < 0 {
		return raw
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); {
		switch c := raw[i]; c {
		case '\r':
			out = append(out, '\n')
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
		case '&':
			n := refLen(raw[i:])
			for _, p := range predefined {
				if len(p.ref) == n && bytes.HasPrefix(raw[i:], []byte(p.ref)) {
					out = append(out, p.char)
					break
				}
			}
			i += max(n, 1) // (a bare '&' is not plain; copied, never looped on)
			if n == 0 {
				out = append(out, c)
			}
		default:
			out = append(out, c)
			i++
		}
	}
	return out
}
