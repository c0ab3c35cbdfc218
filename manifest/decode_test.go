package manifest

import (
	"testing"
	"unicode/utf8"
)

// checkUTF8 answers valid text with two whole-text searches: it must
// report what the byte-by-byte loop reports, at the same offset, on text
// with NUL bytes, truncated and invalid sequences anywhere.
func TestCheckUTF8AsByteLoop(t *testing.T) {
	loop := func(b []byte) (bool, int) {
		for i := 0; i < len(b); {
			c := b[i]
			if c < utf8.RuneSelf {
				if c == 0 {
					return false, i
				}
				i++
				continue
			}
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				return false, i
			}
			i += size
		}
		return true, 0
	}
	pieces := []string{"", "a", "<", "\x00", "é", "\xc3", "\xff", "😀", "\xf0\x9f", "\xed\xa0\x80", "€"}
	var walk func(prefix string, depth int)
	walk = func(prefix string, depth int) {
		d := checkUTF8([]byte(prefix), EncUTF8, false)
		ok, off := loop([]byte(prefix))
		if (d.problem == "") != ok || !ok && d.problemOff != off {
			t.Errorf("checkUTF8(%q): problem %q at %d; the byte loop says ok=%v at %d", prefix, d.problem, d.problemOff, ok, off)
		}
		if depth == 3 {
			return
		}
		for _, p := range pieces {
			walk(prefix+p, depth+1)
		}
	}
	walk("", 0)
}
