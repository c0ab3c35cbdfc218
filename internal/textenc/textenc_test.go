package textenc

import (
	"bytes"
	"testing"
)

func TestEncodeUTF16(t *testing.T) {
	tests := []struct {
		name           string
		text           string
		bigEndian, bom bool
		want           []byte
	}{
		{"empty without BOM", "", false, false, []byte{}},
		{"empty LE with BOM", "", false, true, []byte{0xFF, 0xFE}},
		{"empty BE with BOM", "", true, true, []byte{0xFE, 0xFF}},
		{"ASCII LE", "<a\r\n", false, false, []byte{'<', 0, 'a', 0, '\r', 0, '\n', 0}},
		{"ASCII BE with BOM", "<a", true, true, []byte{0xFE, 0xFF, 0, '<', 0, 'a'}},
		{"two-byte and three-byte UTF-8 LE", "é中", false, false, []byte{0xE9, 0x00, 0x2D, 0x4E}},
		{"astral character is a surrogate pair LE", "😀", false, false, []byte{0x3D, 0xD8, 0x00, 0xDE}},
		{"astral character is a surrogate pair BE", "😀", true, false, []byte{0xD8, 0x3D, 0xDE, 0x00}},
		{"invalid UTF-8 becomes U+FFFD", "a\xff", false, false, []byte{'a', 0, 0xFD, 0xFF}},
	}
	for _, tt := range tests {
		if got := EncodeUTF16([]byte(tt.text), tt.bigEndian, tt.bom); !bytes.Equal(got, tt.want) {
			t.Errorf("%s: EncodeUTF16(%q) = % X, want % X", tt.name, tt.text, got, tt.want)
		}
	}
}
