package registration

import (
	"slices"
	"strings"
	"testing"
)

// TestScriptObjectProperty resolves an entry point read as Obj.prop from
// an object literal held in a script-level variable of another script,
// and refuses to whenever the object or the property may be replaced.
func TestScriptObjectProperty(t *testing.T) {
	const helper = `var Jobs = {
    "pruneEntry": "Fabrikam.Jobs.PruneTask",
    pruneName: "Prune",
    reportEntry: Prefix + ".ReportTask",
    "register": function (entry, name) {
        var b = new Windows.ApplicationModel.Background.BackgroundTaskBuilder();
        b.name = name;
        b.taskEntryPoint = entry;
        b.setTrigger(new Windows.ApplicationModel.Background.TimeTrigger(30, false));
        return b.register();
    }
};
var Prefix = "Fabrikam.Jobs";
`
	call := func(arg string) string {
		return "(function () {\n    function start() {\n        Jobs.register(" + arg + ", Jobs.pruneName);\n    }\n    WinJS.Application.onactivated = start;\n})();\n"
	}
	cases := []struct {
		name     string
		files    map[string]string
		want     string
		resolved bool
	}{
		{"quoted key", map[string]string{"jobs.js": helper, "main.js": call("Jobs.pruneEntry")}, "Fabrikam.Jobs.PruneTask", true},
		{"unquoted key with a computed value", map[string]string{"jobs.js": helper, "main.js": call("Jobs.reportEntry")}, "Fabrikam.Jobs.ReportTask", true},
		{"called at script level", map[string]string{"jobs.js": helper, "main.js": "Jobs.register(Jobs.pruneEntry, Jobs.pruneName);\n"}, "Fabrikam.Jobs.PruneTask", true},
		{"passed whole to a helper", map[string]string{"jobs.js": helper, "main.js": "function reg(spec) { Jobs.register(spec.pruneEntry, spec.pruneName); }\nreg(Jobs);\n"}, "Fabrikam.Jobs.PruneTask", true},
		{"property assigned elsewhere", map[string]string{"jobs.js": helper, "main.js": call("Jobs.pruneEntry"), "cfg.js": "function configure(x) { Jobs.pruneEntry = x; }\n"}, "", false},
		{"property assigned through an index", map[string]string{"jobs.js": helper, "main.js": call("Jobs.pruneEntry"), "cfg.js": "function configure(k, x) { Jobs[k] = x; }\n"}, "", false},
		{"property assigned through this", map[string]string{"jobs.js": helper, "main.js": call("Jobs.pruneEntry"), "cfg.js": "Other.prototype.reset = function () { this.pruneEntry = null; };\n"}, "", false},
		{"object merged into", map[string]string{"jobs.js": helper, "main.js": call("Jobs.pruneEntry"), "cfg.js": "Object.assign(Jobs, loadSettings());\n"}, "", false},
		{"variable assigned again", map[string]string{"jobs.js": helper, "main.js": call("Jobs.pruneEntry"), "cfg.js": "Jobs = loadJobs();\n"}, "", false},
		{"variable declared twice", map[string]string{"jobs.js": helper, "main.js": call("Jobs.pruneEntry"), "old.js": "var Jobs = { pruneEntry: \"Fabrikam.Old.PruneTask\" };\n"}, "", false},
		{"hidden by a parameter of an enclosing function", map[string]string{"jobs.js": helper, "main.js": "function outer(Jobs) {\n    function inner() { Jobs.register(Jobs.pruneEntry, \"Prune\"); }\n    inner();\n}\n"}, "", false},
		{"hidden by a local", map[string]string{"jobs.js": helper, "main.js": "function start() {\n    var Jobs = makeJobs();\n    Jobs.register(Jobs.pruneEntry, \"Prune\");\n}\n"}, "", false},
		{"no such property", map[string]string{"jobs.js": helper, "main.js": call("Jobs.cleanEntry")}, "", false},
		{"a bare name is not a property", map[string]string{"jobs.js": helper, "main.js": call("pruneEntry")}, "", false},
		{"an object inside a function is not a script variable", map[string]string{
			"jobs.js": "function make() {\n    var Local = { pruneEntry: \"Fabrikam.Jobs.PruneTask\" };\n    return Local;\n}\n" + strings.Replace(helper, "var Jobs", "var Jobs2", 1),
			"main.js": "function start() { Jobs2.register(Local.pruneEntry, \"Prune\"); }\n"}, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var files []SourceFile
			overlay := map[string][]byte{}
			for p, src := range c.files {
				files = append(files, SourceFile{Path: p})
				overlay[p] = []byte(src)
			}
			slices.SortFunc(files, func(a, b SourceFile) int { return strings.Compare(a.Path, b.Path) })
			f := ScanWithOverlay(files, overlay, Options{Jobs: 1})
			if len(f.Registrations) != 1 {
				t.Fatalf("%d registrations, want 1 (notes %v)", len(f.Registrations), f.Notes)
			}
			ep := f.Registrations[0].EntryPoint
			if ep.Str != c.want || ep.Resolved != c.resolved {
				t.Errorf("entry point = %q resolved=%v (expr %q), want %q resolved=%v", ep.Str, ep.Resolved, ep.Expr, c.want, c.resolved)
			}
		})
	}
}

// A function-local object literal is read as before, and refused as well
// when code assigns the property.
func TestLocalObjectPropertyAssigned(t *testing.T) {
	src := `(function () {
    var Job = { entry: "Fabrikam.Jobs.PruneTask" };
    function start() {
        var b = new Windows.ApplicationModel.Background.BackgroundTaskBuilder();
        b.taskEntryPoint = Job.entry;
        b.register();
    }
    %s
    start();
})();
`
	for _, c := range []struct {
		extra, want string
		resolved    bool
	}{
		{"", "Fabrikam.Jobs.PruneTask", true},
		{"Job.entry = readEntry();", "", false},
	} {
		p := "a.js"
		f := ScanWithOverlay([]SourceFile{{Path: p}}, map[string][]byte{p: []byte(strings.Replace(src, "%s", c.extra, 1))}, Options{Jobs: 1})
		if len(f.Registrations) != 1 {
			t.Fatalf("%d registrations, want 1", len(f.Registrations))
		}
		if ep := f.Registrations[0].EntryPoint; ep.Str != c.want || ep.Resolved != c.resolved {
			t.Errorf("with %q: entry point = %q resolved=%v, want %q resolved=%v", c.extra, ep.Str, ep.Resolved, c.want, c.resolved)
		}
	}
}

func TestJSAssignTargets(t *testing.T) {
	cases := []struct{ src, want string }{
		{"var Jobs = { a: 1 };", "Jobs"},
		{"Jobs = null; Jobs.a = 1; Jobs.b.c = 2;", "Jobs Jobs.a Jobs.b.c"},
		{"Jobs.a += 'x'; Jobs.n -= 1; Jobs.f &= 2;", "Jobs.a Jobs.n Jobs.f"},
		{"Jobs.a *= 2; Jobs.b **= 2; Jobs.c ||= 'x'; Jobs.d ??= 'y'; Jobs.e >>>= 1;", "Jobs.a Jobs.b Jobs.c Jobs.d Jobs.e"},
		{"if (Jobs.a === 'x' || Jobs.b !== 'y' || Jobs.c == 1 || Jobs.d >= 2 || Jobs.e <= 3) {}", ""},
		{"Jobs.n++; --Jobs.m;", "Jobs.n Jobs.m"},
		{"delete Jobs.a;", "Jobs.a"},
		{"Jobs[key] = 1; Jobs.list[0] = 2; Jobs['a'].b = 3;", "Jobs[] Jobs.list[] Jobs[]"},
		{"this.a = 1;", "this.a"},
		{"Object.assign(Jobs, x); WinJS.Class.mix(Jobs.Sub, y); $.extend(Jobs, z);", "Jobs[] Jobs.Sub[] Jobs[]"},
		{"f().a = 1; x = (a) => a;", "x"},
		{"Jobs?.a = 1;", "Jobs.a"},
	}
	for _, c := range cases {
		got := strings.Join(jsAssignTargets(LexJS([]byte(c.src)).Tokens), " ")
		if got != c.want {
			t.Errorf("%q: targets %q, want %q", c.src, got, c.want)
		}
	}
}
