package registration

import "testing"

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
