package lint

import (
	"testing"

	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// TestClassLanguagesOff: BG103 may call a class nonexistent only when the
// config leaves no language that defines classes unscanned.
func TestClassLanguagesOff(t *testing.T) {
	cases := []struct {
		langs []registration.Language
		off   bool
	}{
		{nil, false},
		{[]registration.Language{registration.CSharp, registration.VB, registration.CPP, registration.IDL}, false},
		{[]registration.Language{registration.CSharp, registration.VB, registration.CPP, registration.IDL, registration.JavaScript}, false},
		{[]registration.Language{registration.CSharp}, true},
		{[]registration.Language{registration.CSharp, registration.VB, registration.CPP, registration.JavaScript}, true},
	}
	for _, c := range cases {
		var cfg *workspace.Config
		if c.langs != nil {
			cfg = &workspace.Config{Languages: c.langs}
		}
		if got := classLanguagesOff(cfg); got != c.off {
			t.Errorf("languages %v: classLanguagesOff = %v, want %v", c.langs, got, c.off)
		}
	}
}
