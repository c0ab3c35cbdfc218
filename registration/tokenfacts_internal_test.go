package registration

import (
	"strings"
	"testing"
)

// tokenFacts lower-cases only the names that may be one of those it looks
// for; the answers are those of lower-casing every name, Kelvin sign and
// dotted capital I included.
func TestTokenFactNames(t *testing.T) {
	for _, tt := range []struct {
		name    string
		low     string // tokenFactName
		handler bool   // spells BackgroundActivated
	}{
		{"AllTasks", "alltasks", false},
		{"RequestAccessAsync", "requestaccessasync", false},
		{"REQUESTACCESSKINDASYNC", "requestaccesskindasync", false},
		{"OnBackgroundActivated", "onbackgroundactivated", true},
		{"App_BackgroundActivated", "", true}, // another length: not lower-cased, still found
		{"Navigate", "navigate", false},       // 8 bytes: lower-cased, matches nothing
		{"NavigationHelper", "", false},
		{"OnBac\u212AgroundActivated", "onbackgroundactivated", true},
		{"AllTas\u212As", "alltasks", false}, // ten bytes, lower-cased to the eight of AllTasks
		{"All\u0130tems", "allitems", false},
	} {
		low := tokenFactName(tt.name)
		if low != tt.low {
			t.Errorf("tokenFactName(%q) = %q, want %q", tt.name, low, tt.low)
		}
		if got := containsFoldName(tt.name, low, "backgroundactivated"); got != tt.handler {
			t.Errorf("containsFoldName(%q) = %v, want %v", tt.name, got, tt.handler)
		}
	}
}

// markOf is an exact search for the marker; a UTF-16 file is marked
// (its suppressions are read after decoding).
func TestMarkOf(t *testing.T) {
	marker := []byte("bgmanifest:ignore")
	for _, tt := range []struct {
		src  string
		want mark
	}{
		{"// bgmanifest:ignore BG104 reason", marked},
		{"x" + strings.Repeat("y", 500) + "bgmanifest:ignore", marked},
		{"// BGManifest:Ignore BG104", unmarked}, // the marker is exact
		{"// bgmanifest is a linter", unmarked},
		{"// nothing here", unmarked},
		{"\xff\xfeb\x00", marked}, // UTF-16: the suppressions are read after decoding
		{"", unmarked},
	} {
		if got := markOf([]byte(tt.src), marker); got != tt.want {
			t.Errorf("markOf(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
	// a marker whose leading word is too short for the skip search
	if got := markOf([]byte("x ab:c y"), []byte("ab:c")); got != marked {
		t.Errorf("short marker: %v", got)
	}
	if got := markOf([]byte("x ab:d y"), []byte("ab:c")); got != unmarked {
		t.Errorf("short marker absent: %v", got)
	}
	if got := markOf([]byte("anything"), nil); got != unread {
		t.Errorf("no marker: %v", got)
	}
}
