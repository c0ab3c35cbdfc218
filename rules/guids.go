package rules

import (
	"strings"
)

// GUID spellings (CLSIDs): normalising and recognising them.

// normGUID makes GUID spellings comparable: braces and blanks dropped,
// lower case.
func normGUID(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "{")
	s = strings.TrimSuffix(s, "}")
	return strings.ToLower(strings.TrimSpace(s))
}

// isGUID reports whether s (normalised by normGUID) has the 8-4-4-4-12
// hexadecimal shape of a GUID. A CLSID the scanner could not really resolve
// (a macro name, say) does not, and is then treated as unresolved.
func isGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
				return false
			}
		}
	}
	return true
}
