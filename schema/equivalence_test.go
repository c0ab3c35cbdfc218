package schema

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/internal/testfs"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// testdata/manifest-flat-ifthen.schema.json is the manifest schema as it
// was before its conditions were restructured for speed: six independent
// if/then blocks for the task types, and the ResourceGroup conflict in an
// allOf evaluated on every extension. The tests below hold the current
// schema to the same decisions on every instance they build.
func flatSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "manifest-flat-ifthen.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := newCompiler()
	const url = "https://bgmanifest.invalid/test/manifest-flat-ifthen.schema.json"
	if err := c.AddResource(url, strings.NewReader(string(src))); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// ruleView renders errors as the rules read them, one per line, sorted:
// the instance location, the message, the last keyword of the keyword
// location, whether it passed through a "then" (BG002's ResourceGroup
// conflict) and, for ServerName, through "dependentSchemas" (its
// SupportsMultipleInstances conflict). The rest of a keyword location
// names where a keyword sits in the schema, which the restructuring moved.
func ruleView(errs []Error) string {
	lines := make([]string, len(errs))
	for i, e := range errs {
		kw := e.KeywordLocation
		last := kw[strings.LastIndexByte(kw, '/')+1:]
		line := fmt.Sprintf("%s | %s | %s then=%v", e.InstanceLocation, e.Message, last, strings.Contains(kw, "/then/"))
		if strings.HasSuffix(e.InstanceLocation, "/serverName") {
			line += fmt.Sprintf(" dependentSchemas=%v", strings.Contains(kw, "/dependentSchemas/"))
		}
		lines[i] = line
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

const (
	nsFoundation = "http://schemas.microsoft.com/appx/manifest/foundation/windows10"
	nsUAP        = "http://schemas.microsoft.com/appx/manifest/uap/windows10"
	nsIoT        = "http://schemas.microsoft.com/appx/manifest/iot/windows10"
	ns2010       = "http://schemas.microsoft.com/appx/2010/manifest"
	ns2013       = "http://schemas.microsoft.com/appx/2013/manifest"
	ns2014       = "http://schemas.microsoft.com/appx/2014/manifest"
)

// model is a manifest model with one background-task extension; ext and
// bt (the <BackgroundTasks> object, nil for none) are merged into it.
func model(ext, bt map[string]any, tasks ...map[string]any) map[string]any {
	e := map[string]any{
		"line": 10, "column": 9, "level": "application", "namespace": nsFoundation,
		"element": "Extension", "application": "App", "entryPoint": "Tasks.Sync",
		"unknownAttributes": []any{}, "unknownChildren": []any{},
	}
	for k, v := range ext {
		if v == nil {
			delete(e, k)
		} else {
			e[k] = v
		}
	}
	if bt != nil {
		b := map[string]any{"line": 11, "column": 11}
		for k, v := range bt {
			b[k] = v
		}
		ts := []any{}
		for _, t := range tasks {
			ts = append(ts, t)
		}
		if _, set := bt["tasks"]; !set {
			b["tasks"] = ts
		}
		e["backgroundTasks"] = b
	}
	return map[string]any{
		"path": "Package.appxmanifest", "encoding": "utf-8",
		"applications": []any{}, "packageExtensions": []any{}, "capabilities": []any{},
		"backgroundTasks":  []any{e},
		"comServerClasses": []any{}, "activatableClasses": []any{}, "problems": []any{},
	}
}

func task(namespace, typ any) map[string]any {
	t := map[string]any{"line": 12, "column": 13, "element": "Task"}
	if namespace != nil {
		t["namespace"] = namespace
	}
	if typ != nil {
		t["type"] = typ
	}
	return t
}

// taskTypeInstances: every Task namespace (the six, none, an unknown one,
// a number) with every known task type and a few wrong ones.
func taskTypeInstances() map[string]map[string]any {
	namespaces := []any{nsFoundation, nsUAP, nsIoT, ns2010, ns2013, ns2014, nil, "urn:other", 42}
	types := []any{
		"general", "audio", "controlChannel", "systemEvent", "timer", "pushNotification", "location",
		"deviceUse", "deviceServicing", "deviceConnectionChange", "bluetooth", "chatMessageNotification",
		"vpnClient", "phoneCall", "mediaProcessing", "startup", "rfcommConnection",
		"bluetoothSignalStrength", "gattCharacteristicNotification",
		"Timer", "", " timer", nil, 7, true,
	}
	out := map[string]map[string]any{}
	for _, ns := range namespaces {
		for _, ty := range types {
			out[fmt.Sprintf("task ns=%v type=%#v", ns, ty)] = model(nil, map[string]any{}, task(ns, ty))
		}
	}
	// Several tasks in one list, so that errors at different indices stay apart.
	out["mixed tasks"] = model(nil, map[string]any{},
		task(nsFoundation, "timer"), task(nsUAP, "timer"), task(nil, "startup"), task(nsIoT, "startup"), task(ns2014, "bluetooth"))
	return out
}

// conflictInstances: ResourceGroup and ServerName against every kind of
// SupportsMultipleInstances, with and without <BackgroundTasks>.
func conflictInstances() map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, rg := range []any{nil, "Group.A", "1bad", 5} {
		for _, smi := range []any{nil, "true", "1", "false", "0", "yes", true} {
			for _, shape := range []string{"object", "absent", "string", "no tasks"} {
				for _, server := range []any{nil, "Srv.Host", "1bad"} {
					name := fmt.Sprintf("rg=%#v smi=%#v bt=%s server=%#v", rg, smi, shape, server)
					bt := map[string]any{}
					if smi != nil {
						bt["supportsMultipleInstances"] = smi
					}
					if server != nil {
						bt["serverName"] = server
					}
					ext := map[string]any{}
					if rg != nil {
						ext["resourceGroup"] = rg
					}
					switch shape {
					case "object":
						out[name] = model(ext, bt, task(nsFoundation, "timer"))
					case "no tasks":
						bt["tasks"] = []any{}
						out[name] = model(ext, bt)
					case "absent":
						out[name] = model(ext, nil)
					case "string":
						m := model(ext, nil)
						m["backgroundTasks"].([]any)[0].(map[string]any)["backgroundTasks"] = "text"
						out[name] = m
					}
				}
			}
		}
	}
	return out
}

// fixtureModels: the JSON model of every manifest under testdata/.
func fixtureModels(t *testing.T) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, pm := range testfs.ParseManifests(t, filepath.Join("..", "testdata")) {
		out[pm.Path] = pm.Manifest.JSONModel()
	}
	if len(out) < 100 {
		t.Fatalf("only %d manifests under testdata", len(out))
	}
	return out
}

func TestSchemaDecidesAsFlatIfThen(t *testing.T) {
	flat := flatSchema(t)
	current, err := compile("manifest")
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]map[string]map[string]any{
		"task types": taskTypeInstances(),
		"conflicts":  conflictInstances(),
		"fixtures":   fixtureModels(t),
	}
	for group, instances := range groups {
		rejected := 0
		for name, inst := range instances {
			// Both validators see the document as JSON decoding gives it.
			doc, err := roundTrip("test", inst)
			if err != nil {
				t.Fatal(err)
			}
			want, err := leafErrors("flat", flat, doc)
			if err != nil {
				t.Fatal(err)
			}
			got, err := leafErrors("manifest", current, doc)
			if err != nil {
				t.Fatal(err)
			}
			if w, g := ruleView(want), ruleView(got); w != g {
				t.Errorf("%s: %s:\nflat if/then schema:\n%s\ncurrent schema:\n%s", group, name, w, g)
			}
			if len(want) > 0 {
				rejected++
			}
		}
		// Each group must exercise both decisions.
		if rejected == 0 || rejected == len(instances) {
			t.Errorf("%s: %d of %d instances rejected", group, rejected, len(instances))
		}
	}
}

// The decisions themselves, stated outright for the cases the rules
// depend on.
func TestSchemaTaskAndConflictErrors(t *testing.T) {
	const ext = "/backgroundTasks/0"
	const t0 = ext + "/backgroundTasks/tasks/0"
	tests := []struct {
		name string
		doc  map[string]any
		want []string // instance location | last keyword, sorted
	}{
		{"foundation timer", model(nil, map[string]any{}, task(nsFoundation, "timer")), nil},
		{"uap mediaProcessing", model(nil, map[string]any{}, task(nsUAP, "mediaProcessing")), nil},
		{"2014 rfcommConnection", model(nil, map[string]any{}, task(ns2014, "rfcommConnection")), nil},
		{"unknown namespace checks no type", model(nil, map[string]any{}, task("urn:other", "anything")), []string{t0 + "/namespace | enum"}},
		{"uap timer", model(nil, map[string]any{}, task(nsUAP, "timer")), []string{t0 + "/type | enum then"}},
		{"iot general", model(nil, map[string]any{}, task(nsIoT, "general")), []string{t0 + "/type | enum then"}},
		{"foundation Timer", model(nil, map[string]any{}, task(nsFoundation, "Timer")), []string{t0 + "/type | enum then"}},
		// timer is in the foundation and 2010 lists, not in the other four.
		{"no namespace: every list", model(nil, map[string]any{}, task(nil, "timer")), []string{
			t0 + " | required", t0 + "/type | enum then", t0 + "/type | enum then", t0 + "/type | enum then", t0 + "/type | enum then"}},
		{"no type", model(nil, map[string]any{}, task(nsFoundation, nil)), []string{t0 + " | required"}},
		{"resource group with multiple instances", model(map[string]any{"resourceGroup": "Group.A"}, map[string]any{"supportsMultipleInstances": "true"}, task(nsFoundation, "timer")),
			[]string{ext + "/resourceGroup | resourceGroup then"}},
		{"resource group, multiple instances false", model(map[string]any{"resourceGroup": "Group.A"}, map[string]any{"supportsMultipleInstances": "false"}, task(nsFoundation, "timer")), nil},
		{"server name with multiple instances", model(nil, map[string]any{"supportsMultipleInstances": "1", "serverName": "Srv"}, task(nsFoundation, "timer")),
			[]string{ext + "/backgroundTasks/serverName | serverName then dependentSchemas"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs, err := Validate("manifest", tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range errs {
				kw := e.KeywordLocation
				s := e.InstanceLocation + " | " + kw[strings.LastIndexByte(kw, '/')+1:]
				if strings.Contains(kw, "/then/") {
					s += " then"
				}
				if strings.Contains(kw, "/dependentSchemas/") && strings.HasSuffix(e.InstanceLocation, "/serverName") {
					s += " dependentSchemas"
				}
				got = append(got, s)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
