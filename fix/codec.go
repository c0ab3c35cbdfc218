package fix

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/internal/textenc"
)

// encoding is how a file's bytes store its text.
type encoding struct {
	name string // "utf-8", "utf-16le", "utf-16be"
	bom  bool
}

// decode returns the UTF-8 text of a file (without its byte-order mark) and
// its encoding. It recognises what the manifest reader recognises: a UTF-8
// BOM, UTF-16 with a BOM in either byte order, BOM-less UTF-16 that starts
// with "<?", and otherwise plain UTF-8. The text must survive a round trip:
// encoding it again must give back exactly the original bytes, or the file
// is refused — a fixer must never rewrite bytes it did not mean to change.
func decode(data []byte) ([]byte, encoding, error) {
	text, enc, err := decodeAs(data)
	if err != nil {
		return nil, enc, err
	}
	if !bytes.Equal(enc.encode(text), data) {
		return nil, enc, errors.New("the text does not round-trip through its encoding; refusing to rewrite it")
	}
	return text, enc, nil
}

func decodeAs(data []byte) ([]byte, encoding, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return checkUTF8(data[3:], encoding{"utf-8", true})
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], encoding{"utf-16le", true})
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], encoding{"utf-16be", true})
	case bytes.HasPrefix(data, []byte{'<', 0, '?', 0}):
		return decodeUTF16(data, encoding{"utf-16le", false})
	case bytes.HasPrefix(data, []byte{0, '<', 0, '?'}):
		return decodeUTF16(data, encoding{"utf-16be", false})
	}
	return checkUTF8(data, encoding{"utf-8", false})
}

func checkUTF8(b []byte, enc encoding) ([]byte, encoding, error) {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return nil, enc, fmt.Errorf("invalid UTF-8 at byte %d; only UTF-8 and UTF-16 with a byte-order mark can be fixed", i+bomLen(enc))
		}
		i += size
	}
	return b, enc, nil
}

func bomLen(enc encoding) int {
	switch {
	case !enc.bom:
		return 0
	case enc.name == "utf-8":
		return 3
	}
	return 2
}

func decodeUTF16(b []byte, enc encoding) ([]byte, encoding, error) {
	if len(b)%2 != 0 {
		return nil, enc, errors.New("the UTF-16 file has an odd number of bytes")
	}
	be := enc.name == "utf-16be"
	units := make([]uint16, len(b)/2)
	for i := range units {
		if be {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(units)+16)
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		if !utf16.IsSurrogate(u) {
			out = utf8.AppendRune(out, u)
			continue
		}
		if i+1 < len(units) {
			if r := utf16.DecodeRune(u, rune(units[i+1])); r != utf8.RuneError {
				out = utf8.AppendRune(out, r)
				i++
				continue
			}
		}
		return nil, enc, fmt.Errorf("invalid UTF-16: lone surrogate 0x%04X at byte %d", u, 2*i+bomLen(enc))
	}
	return out, enc, nil
}

// encode converts UTF-8 text back into the encoding, byte-order mark
// included when the original had one.
func (enc encoding) encode(text []byte) []byte {
	switch enc.name {
	case "utf-16le", "utf-16be":
		return textenc.EncodeUTF16(text, enc.name == "utf-16be", enc.bom)
	}
	if enc.bom {
		return append([]byte{0xEF, 0xBB, 0xBF}, text...)
	}
	return append([]byte(nil), text...)
}
