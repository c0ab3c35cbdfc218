package manifest

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/internal/textenc"
)

// Encodings recorded in Manifest.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
)

// decoded is the UTF-8 text of a file and how it was stored.
type decoded struct {
	text     []byte
	encoding string
	bom      bool
	// problem is set when the bytes cannot be decoded; problemOff is its byte
	// offset into text (the part decoded so far).
	problem    string
	problemOff int
}

// decodeBytes turns the file's bytes into UTF-8. It recognises a UTF-8 BOM,
// UTF-16 with a BOM, and UTF-16 without one when the file starts with '<'
// and an ASCII character in either byte order ("<?xml", "<Package"), which
// is how some tools write AppxManifest.xml. Everything else is taken as
// UTF-8 and validated.
func decodeBytes(data []byte) decoded {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return checkUTF8(data[3:], EncUTF8BOM, true)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false, true)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true, true)
	case len(data) >= 4 && data[0] == '<' && data[1] == 0 && data[2] != 0 && data[3] == 0:
		return decodeUTF16(data, false, false)
	case len(data) >= 4 && data[0] == 0 && data[1] == '<' && data[2] == 0 && data[3] != 0:
		return decodeUTF16(data, true, false)
	}
	return checkUTF8(data, EncUTF8, false)
}

// checkUTF8 accepts valid UTF-8 without NUL bytes; otherwise it reports the
// first bad byte.
func checkUTF8(b []byte, enc string, bom bool) decoded {
	d := decoded{text: b, encoding: enc, bom: bom}
	if utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 {
		return d // both searches go a word or more at a time
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				d.problem = "the file contains a NUL byte: it is a binary file or in an encoding bgmanifest does not read (UTF-8 and UTF-16 with a byte-order mark are supported)"
				d.problemOff = i
				return d
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			d.problem = fmt.Sprintf("invalid UTF-8 byte 0x%02X%s", c, declaredEncodingHint(b[:min(len(b), 200)]))
			d.problemOff = i
			return d
		}
		i += size
	}
	return d
}

// declaredEncodingHint names the encoding of the XML declaration when it is
// not UTF-8, which explains most invalid-UTF-8 reports.
func declaredEncodingHint(head []byte) string {
	i := bytes.Index(head, []byte("encoding="))
	if i < 0 || i+10 > len(head) {
		return ""
	}
	q := head[i+9]
	if q != '"' && q != '\'' {
		return ""
	}
	end := bytes.IndexByte(head[i+10:], q)
	if end < 0 {
		return ""
	}
	enc := string(head[i+10 : i+10+end])
	if bytes.EqualFold([]byte(enc), []byte("utf-8")) {
		return ""
	}
	return fmt.Sprintf(" (the file declares encoding %q; bgmanifest reads UTF-8 and UTF-16 only)", enc)
}

// decodeUTF16 converts UTF-16 code units to UTF-8, stopping at the first
// lone surrogate, NUL character or odd trailing byte.
func decodeUTF16(b []byte, bigEndian, bom bool) decoded {
	d := decoded{encoding: EncUTF16LE, bom: bom}
	if bigEndian {
		d.encoding = EncUTF16BE
	}
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(b[i])<<8 | uint16(b[i+1])
		}
		return uint16(b[i+1])<<8 | uint16(b[i])
	}
	out := make([]byte, 0, len(b)/2+16)
	fail := func(msg string) decoded {
		d.text = out
		d.problem = msg
		d.problemOff = len(out)
		return d
	}
	for i := 0; i+1 < len(b); i += 2 {
		u := unit(i)
		var r rune
		switch {
		case u == 0:
			return fail("the file contains a NUL character: it is a binary file or not UTF-16 text")
		case utf16.IsSurrogate(rune(u)):
			if u >= 0xDC00 || i+3 >= len(b) {
				return fail(fmt.Sprintf("invalid UTF-16: lone surrogate 0x%04X", u))
			}
			r = utf16.DecodeRune(rune(u), rune(unit(i+2)))
			if r == utf8.RuneError {
				return fail(fmt.Sprintf("invalid UTF-16: lone surrogate 0x%04X", u))
			}
			i += 2
		default:
			r = rune(u)
		}
		out = utf8.AppendRune(out, r)
	}
	if len(b)%2 != 0 {
		return fail("the UTF-16 file has an odd number of bytes (truncated?)")
	}
	d.text = out
	return d
}

// encodeText converts UTF-8 text back into the file's encoding (with its
// BOM when it had one). Fixers use it to write an edited Text.
func encodeText(text []byte, encoding string, bom bool) []byte {
	switch encoding {
	case EncUTF8BOM:
		return append([]byte{0xEF, 0xBB, 0xBF}, text...)
	case EncUTF16LE, EncUTF16BE:
		return textenc.EncodeUTF16(text, encoding == EncUTF16BE, bom)
	}
	return append([]byte(nil), text...)
}
