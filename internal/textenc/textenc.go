// Package textenc writes UTF-8 text back in UTF-16, the other encoding
// Windows tools save manifests and sources in. The manifest reader and the
// fixer both re-encode text they decoded, and must produce the same bytes
// for the same text, so they share this one encoder.
package textenc

import "unicode/utf16"

// EncodeUTF16 converts UTF-8 text to UTF-16 in the given byte order, with a
// byte-order mark first when bom is set. An invalid UTF-8 byte becomes
// U+FFFD, as converting the text to runes makes it.
func EncodeUTF16(text []byte, bigEndian, bom bool) []byte {
	out := make([]byte, 0, 2*len(text)+2)
	if bom {
		if bigEndian {
			out = append(out, 0xFE, 0xFF)
		} else {
			out = append(out, 0xFF, 0xFE)
		}
	}
	for _, u := range utf16.Encode([]rune(string(text))) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}
