//go:build unix

package fix

import (
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/bgmanifest/bgmanifest/rules"
)

// TestApplyKeepsOwner: another user's file keeps its owner and group. Only
// root can make such a file (and fix it by replacing it).
func TestApplyKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	p := writeTemp(t, "Package.appxmanifest", baseManifest)
	const uid, gid = 4321, 4322
	if err := os.Chown(p, uid, gid); err != nil {
		t.Skip(err)
	}
	if n, errs := Apply([]rules.Finding{insertSystemEvent(p)}); n != 1 || len(errs) != 0 {
		t.Fatalf("Apply = %d, %v", n, errs)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := st.Sys().(*syscall.Stat_t); !ok || s.Uid != uid || s.Gid != gid {
		t.Errorf("owner changed: %+v", st.Sys())
	}
	if !strings.Contains(readString(t, p), "systemEvent") {
		t.Error("not fixed")
	}
}
