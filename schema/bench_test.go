package schema_test

import (
	"path/filepath"
	"testing"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/schema"
)

// BenchmarkValidateManifest measures building the whole JSON model (as
// `bgmanifest dump` prints it) and validating it; BG002 validates it without
// positions (rules.BenchmarkManifestSchemaErrors). The fixture has six background-task
// declarations (foundation and uap Task elements, SupportsMultipleInstances,
// ServerName, ResourceGroup), a COM server and an activatable class.
func BenchmarkValidateManifest(b *testing.B) {
	m, err := manifest.ParseFile(filepath.Join("testdata", "bench-weather.appxmanifest"))
	if err != nil {
		b.Fatal(err)
	}
	if len(m.BackgroundTasks) != 6 {
		b.Fatalf("fixture has %d background-task declarations, want 6", len(m.BackgroundTasks))
	}
	if errs, err := schema.Validate("manifest", m.JSONModel()); err != nil || len(errs) != 0 {
		b.Fatalf("fixture does not validate: %v %v", errs, err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := schema.Validate("manifest", m.JSONModel()); err != nil {
			b.Fatal(err)
		}
	}
}
