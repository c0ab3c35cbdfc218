package rules

import (
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/manifest"
)

// A near miss of the Windows App SDK's entry point is one within five
// edits (or one that spells UniversalBGTask); the length check that spares
// most entry points the distance table counts runes, not bytes.
func TestBG301NearMiss(t *testing.T) {
	const ep = winAppSDKEntryPoint
	// one letter off, so that the name no longer spells UniversalBGTask
	typo := strings.Replace(ep, "UniversalBGTask", "UniversalBGTsk", 1)
	for _, tt := range []struct {
		entryPoint string
		want       bool
	}{
		{ep, false}, // the right name is no miss
		{strings.TrimSuffix(ep, ".Task"), true},
		{typo, true},
		{typo + "1234", true},
		{typo + "12345", false},
		{strings.TrimSuffix(typo, "Task") + "ÄÖÜÄ", true},    // 8 bytes, 4 runes for 4: one edit in all
		{strings.TrimSuffix(typo, ".Task") + "ÄÖÜÄÖ", false}, // five more edits: six
		{typo + "ÄÖÜÄ", true},                                // 8 bytes more but 4 runes: five edits
		{"Contoso.Tasks.SyncTask", false},
		{"Tasks.universalbgtask.Sync", true},
		{"", false},
	} {
		bt := &manifest.BackgroundTaskExtension{EntryPoint: manifest.Attr{Value: tt.entryPoint, Present: tt.entryPoint != ""}}
		if got := bg301IsNearMiss(bt); got != tt.want {
			t.Errorf("bg301IsNearMiss(%q) = %v, want %v", tt.entryPoint, got, tt.want)
		}
	}
}
