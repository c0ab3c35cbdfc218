package registration

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestBlockScopedLocals: a local declared in a block is not the variable
// a sibling block declares with the same name, so each registration gets
// its own trigger; where the scopes overlap or a plain assignment may
// change the value, the trigger stays unknown.
func TestBlockScopedLocals(t *testing.T) {
	cases := []struct {
		name, file, src string
		want            []string // each registration's trigger classes, joined
	}{
		{"C#: one var trigger per if block", "Reg.cs", `class Reg { void Go(bool a, bool b) {
  if (a) {
    var builder = new BackgroundTaskBuilder { Name = "A", TaskEntryPoint = "T.A" };
    var trigger = new TimeTrigger(60, false);
    builder.SetTrigger(trigger);
    builder.Register();
  }
  if (b) {
    var builder = new BackgroundTaskBuilder { Name = "B", TaskEntryPoint = "T.B" };
    var trigger = new SystemTrigger(SystemTriggerType.TimeZoneChange, false);
    builder.SetTrigger(trigger);
    builder.Register();
  }
} }`, []string{"TimeTrigger", "SystemTrigger"}},
		{"C#: typed declarations in sibling blocks", "Reg.cs", `class Reg { void Go(bool a) {
  if (a) { IBackgroundTrigger t = new TimeTrigger(15, false); var b = new BackgroundTaskBuilder { Name = "A", TaskEntryPoint = "T.A" }; b.SetTrigger(t); b.Register(); }
  else { IBackgroundTrigger t = new MaintenanceTrigger(15, false); var b = new BackgroundTaskBuilder { Name = "B", TaskEntryPoint = "T.B" }; b.SetTrigger(t); b.Register(); }
} }`, []string{"TimeTrigger", "MaintenanceTrigger"}},
		{"C#: a plain assignment in a block still changes the method's variable", "Reg.cs", `class Reg { void Go(bool a) {
  IBackgroundTrigger trigger = new TimeTrigger(15, false);
  if (a) { trigger = new SystemTrigger(SystemTriggerType.UserPresent, false); }
  var b = new BackgroundTaskBuilder { Name = "A", TaskEntryPoint = "T.A" };
  b.SetTrigger(trigger);
  b.Register();
} }`, []string{""}},
		{"C++: an inner declaration shadowing an outer one stays unknown", "Reg.cpp", `void Reg::Go() {
  auto trigger = TimeTrigger(15, false);
  {
    auto trigger = SystemTrigger(SystemTriggerType::UserPresent, false);
    BackgroundTaskBuilder b;
    b.Name(L"A"); b.TaskEntryPoint(L"T.A");
    b.SetTrigger(trigger);
    b.Register();
  }
}`, []string{""}},
		{"JavaScript: let is the block's, var the function's", "reg.js", `function go(a) {
  if (a) { let trigger = new Windows.ApplicationModel.Background.TimeTrigger(15, false); var b1 = new Windows.ApplicationModel.Background.BackgroundTaskBuilder(); b1.name = "A"; b1.taskEntryPoint = "js\\a.js"; b1.setTrigger(trigger); b1.register(); }
  else { let trigger = new Windows.ApplicationModel.Background.MaintenanceTrigger(15, false); var b2 = new Windows.ApplicationModel.Background.BackgroundTaskBuilder(); b2.name = "B"; b2.taskEntryPoint = "js\\b.js"; b2.setTrigger(trigger); b2.register(); }
  if (a) { var v = new Windows.ApplicationModel.Background.TimeTrigger(15, false); var b3 = new Windows.ApplicationModel.Background.BackgroundTaskBuilder(); b3.name = "C"; b3.taskEntryPoint = "js\\c.js"; b3.setTrigger(v); b3.register(); }
  else { var v = new Windows.ApplicationModel.Background.MaintenanceTrigger(15, false); var b4 = new Windows.ApplicationModel.Background.BackgroundTaskBuilder(); b4.name = "D"; b4.taskEntryPoint = "js\\d.js"; b4.setTrigger(v); b4.register(); }
}`, []string{"TimeTrigger", "MaintenanceTrigger", "", ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := ScanWithOverlay([]SourceFile{{Path: tc.file}}, map[string][]byte{tc.file: []byte(tc.src)}, Options{Jobs: 1})
			var got []string
			for _, r := range f.Registrations {
				var cls []string
				for _, tr := range r.Triggers {
					cls = append(cls, tr.Class)
				}
				got = append(got, strings.Join(cls, "+"))
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("triggers %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPutSetters: put_TaskEntryPoint and put_Name, the ABI's property
// setters (WRL code, decompiled code), set the entry point and name.
func TestPutSetters(t *testing.T) {
	for file, src := range map[string]string{
		"a.cs":  `class R { void Go() { var b = new BackgroundTaskBuilder(); b.put_Name("Pass"); b.put_TaskEntryPoint("Tasks.PassTask"); b.SetTrigger(new TimeTrigger(15, false)); b.Register(); } }`,
		"a.cpp": `void R::Go() { BackgroundTaskBuilder b; b->put_Name(L"Pass"); b->put_TaskEntryPoint(L"Tasks.PassTask"); b.SetTrigger(TimeTrigger(15, false)); b.Register(); }`,
	} {
		f := ScanWithOverlay([]SourceFile{{Path: file}}, map[string][]byte{file: []byte(src)}, Options{Jobs: 1})
		if len(f.Registrations) != 1 {
			t.Fatalf("%s: %d registrations", file, len(f.Registrations))
		}
		r := f.Registrations[0]
		if r.EntryPoint.Str != "Tasks.PassTask" || r.Name.Str != "Pass" {
			t.Errorf("%s: entry point %q, name %q; want Tasks.PassTask, Pass", file, r.EntryPoint.Str, r.Name.Str)
		}
	}
}

// TestReplacesByName: a Register() preceded in its method by a look-up
// that unregisters the tasks of that name replaces the task.
func TestReplacesByName(t *testing.T) {
	helper := func(body string) string {
		return `class T { void Run() { Again(15); Again(1200); }
  void Again(uint minutes) {
    var b = new BackgroundTaskBuilder { Name = "Daily", TaskEntryPoint = "Tasks.Daily" };
` + body + `
    b.SetTrigger(new MaintenanceTrigger(minutes, true));
    b.Register();
  } }`
	}
	cases := []struct {
		name, src string
		want      bool
	}{
		{"unregisters that name first", helper(`foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name == "Daily") t.Value.Unregister(true);`), true},
		{"unregisters every task first", helper(`foreach (var t in BackgroundTaskRegistration.AllTasks) t.Value.Unregister(true);`), true},
		{"unregisters another name", helper(`foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name == "Other") t.Value.Unregister(true);`), false},
		{"returns when found (a guard, not a replacement)", helper(`foreach (var t in BackgroundTaskRegistration.AllTasks) { if (t.Value.Name == "Daily") return; if (t.Value.Name == "Old") t.Value.Unregister(true); }`), false},
		{"no look-up", helper(``), false},
		{"unregisters the name its callers pass", `class T { void Run() { Again("Daily", 15); Again("Daily", 1200); }
  void Again(string name, uint minutes) {
    foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name == name) t.Value.Unregister(true);
    var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = "Tasks.Daily" };
    b.SetTrigger(new MaintenanceTrigger(minutes, true));
    b.Register();
  } }`, true},
	}
	for _, tc := range cases {
		f := ScanWithOverlay([]SourceFile{{Path: "t.cs"}}, map[string][]byte{"t.cs": []byte(tc.src)}, Options{Jobs: 1})
		if len(f.Registrations) == 0 {
			t.Fatalf("%s: no registrations", tc.name)
		}
		for _, r := range f.Registrations {
			if r.ReplacesByName != tc.want {
				t.Errorf("%s: ReplacesByName = %v, want %v", tc.name, r.ReplacesByName, tc.want)
			}
		}
	}
}

// TestGenericHelpers: a C# generic registration helper is a method whose
// type parameter each call binds: typeof(T).FullName, .Name and
// .ToString() name the call's type argument, and nameof(T) is the
// literal "T" (audit 27: OpenWeen; corpus: MyDEFCON, RoomInfo).
func TestGenericHelpers(t *testing.T) {
	src := `namespace App {
public static class BackgroundHelper {
  public static async Task<BackgroundTaskRegistration> Register<T>(IBackgroundTrigger trigger) where T : class, IBackgroundTask {
    var b = new BackgroundTaskBuilder { Name = typeof(T).Name, TaskEntryPoint = typeof(T).FullName };
    b.SetTrigger(trigger);
    return b.Register();
  }
  public static void Literal<TTask>(IBackgroundTrigger trigger) {
    var b = new BackgroundTaskBuilder { Name = nameof(TTask), TaskEntryPoint = typeof(TTask).ToString() };
    b.SetTrigger(trigger);
    b.Register();
  }
}
class Startup {
  async void Init() {
    await BackgroundHelper.Register<Tasks.UnreadTask>(new TimeTrigger(15, false));
    await BackgroundHelper.Register<ToastTask>(new ToastNotificationActionTrigger());
    BackgroundHelper.Literal<ToastTask>(new SystemTrigger(SystemTriggerType.UserPresent, false));
  }
}
}
namespace Tasks {
  public sealed class UnreadTask : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } }
}
namespace App {
  public sealed class ToastTask : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } }
}
`
	f := ScanWithOverlay([]SourceFile{{Path: "a.cs"}}, map[string][]byte{"a.cs": []byte(src)}, Options{Jobs: 1})
	var got []string
	for _, r := range f.Registrations {
		var cls []string
		for _, tr := range r.Triggers {
			cls = append(cls, tr.Class)
		}
		got = append(got, r.Name.Str+"|"+r.EntryPoint.Str+"|"+strings.Join(cls, "+"))
	}
	want := []string{
		"UnreadTask|Tasks.UnreadTask|TimeTrigger",
		"ToastTask|App.ToastTask|ToastNotificationActionTrigger",
		"TTask|App.ToastTask|SystemTrigger",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("registrations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestGenericClassStaysAClass: a constraint clause makes a method generic,
// not a class ("M<T>() where T : class"), and a generic class with one is
// still a class.
func TestGenericClassStaysAClass(t *testing.T) {
	src := `namespace N {
public sealed class Holder<T> where T : class { public void Run(IBackgroundTaskInstance i) { } }
public static class H { public static void M<T>(T x) where T : class { } }
}`
	fm, _ := lexFile(SourceFile{Path: "a.cs", Language: CSharp}, []byte(src), true, nil)
	var classes, methods []string
	for _, c := range fm.classes {
		classes = append(classes, c.full)
	}
	for _, m := range fm.methods {
		methods = append(methods, m.name+"<"+strings.Join(m.typeParams, ",")+">")
	}
	if strings.Join(classes, " ") != "N.Holder N.H" || strings.Join(methods, " ") != "Run<> M<T>" {
		t.Errorf("classes %v, methods %v", classes, methods)
	}
}

// TestReturnedBuilders: a builder a helper returns is registered where
// its caller calls Register() on it.
func TestReturnedBuilders(t *testing.T) {
	helper := `class Factory {
  public static BackgroundTaskBuilder Create(string name) {
    var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = "Tasks.Sync" };
    b.SetTrigger(new TimeTrigger(15, false));
    return b;
  } }
`
	cases := []struct {
		name, file, src string
		line            int // of the Register() call; 0: none
	}{
		{"a variable", "a.cs", helper + `class C { void Go() {
  var builder = Factory.Create("Sync");
  builder.Register();
} }`, 9},
		{"chained", "a.cs", helper + `class C { void Go() {
  Factory.Create("Sync").Register();
} }`, 8},
		{"never registered", "a.cs", helper + `class C { void Go() {
  var builder = Factory.Create("Sync");
  Keep(builder);
} }`, 0},
		{"Visual Basic", "a.vb", `Public Class Factory
  Public Shared Function Create(name As String) As BackgroundTaskBuilder
    Dim b As New BackgroundTaskBuilder()
    b.Name = name
    b.TaskEntryPoint = "Tasks.Sync"
    b.SetTrigger(New TimeTrigger(15, False))
    Return b
  End Function
End Class
Public Class C
  Sub Go()
    Dim builder As BackgroundTaskBuilder = Factory.Create("Sync")
    builder.Register()
  End Sub
End Class
`, 13},
	}
	for _, tc := range cases {
		f := ScanWithOverlay([]SourceFile{{Path: tc.file}}, map[string][]byte{tc.file: []byte(tc.src)}, Options{Jobs: 1})
		if len(f.Registrations) != 1 {
			t.Fatalf("%s: %d registrations", tc.name, len(f.Registrations))
		}
		r := f.Registrations[0]
		got := 0
		if len(r.RegisterCalls) > 0 {
			got = r.RegisterCalls[0].Line
		}
		if got != tc.line || r.Name.Str != "Sync" {
			t.Errorf("%s: Register() at line %d, name %q; want line %d, Sync", tc.name, got, r.Name.Str, tc.line)
		}
	}
}

// TestWrittenParameterIsNotTheCallersValue: a parameter the helper's body
// assigns to is not the value its caller passed.
func TestWrittenParameterIsNotTheCallersValue(t *testing.T) {
	for _, tc := range []struct {
		file, write string
		want        int // freshness minutes; -1: unknown
	}{
		{"a.cs", "", 1},
		{"a.cs", "hour *= 60;", -1},
		{"a.cs", "hour = hour * 60;", -1},
		{"a.cs", "hour++;", -1},
		{"a.cs", "Adjust(ref hour);", -1},
		{"a.cs", "var other = hour * 60;", 1},
	} {
		src := `class C {
  void Go() { Reg(1); }
  void Reg(uint hour) {
    ` + tc.write + `
    var b = new BackgroundTaskBuilder { Name = "R", TaskEntryPoint = "Tasks.R" };
    b.SetTrigger(new TimeTrigger(hour, false));
    b.Register();
  } }`
		f := ScanWithOverlay([]SourceFile{{Path: tc.file}}, map[string][]byte{tc.file: []byte(src)}, Options{Jobs: 1})
		if len(f.Registrations) != 1 || len(f.Registrations[0].Triggers) != 1 {
			t.Fatalf("%q: %d registrations", tc.write, len(f.Registrations))
		}
		if got := f.Registrations[0].Triggers[0].FreshnessMinutes; got != tc.want {
			t.Errorf("%q: freshness %d, want %d", tc.write, got, tc.want)
		}
	}
	vb := `Class C
  Sub Go()
    Reg(1)
  End Sub
  Sub Reg(hour As UInteger)
    hour = hour * 60
    Dim b As New BackgroundTaskBuilder()
    b.Name = "R"
    b.TaskEntryPoint = "Tasks.R"
    b.SetTrigger(New TimeTrigger(hour, False))
    b.Register()
  End Sub
End Class
`
	f := ScanWithOverlay([]SourceFile{{Path: "a.vb"}}, map[string][]byte{"a.vb": []byte(vb)}, Options{Jobs: 1})
	if len(f.Registrations) != 1 || len(f.Registrations[0].Triggers) != 1 || f.Registrations[0].Triggers[0].FreshnessMinutes != -1 {
		t.Errorf("VB: a parameter assigned in the body kept the caller's value: %+v", f.Registrations)
	}
}

// TestReturnedBuilderConfiguredByCaller: the trigger a caller sets on a
// builder a helper returned replaces the helper's, and its conditions add
// to the helper's.
func TestReturnedBuilderConfiguredByCaller(t *testing.T) {
	src := `class Factory {
  public static BackgroundTaskBuilder Create(string name) {
    var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = "Tasks.Sync" };
    b.SetTrigger(new MaintenanceTrigger(60, false));
    return b;
  } }
class C { void Go() {
  var builder = Factory.Create("Sync");
  builder.SetTrigger(new TimeTrigger(15, false));
  builder.AddCondition(new SystemCondition(SystemConditionType.InternetAvailable));
  builder.Register();
  builder.SetTrigger(new SystemTrigger(SystemTriggerType.UserPresent, false));
} }`
	f := ScanWithOverlay([]SourceFile{{Path: "a.cs"}}, map[string][]byte{"a.cs": []byte(src)}, Options{Jobs: 1})
	if len(f.Registrations) != 1 {
		t.Fatalf("%d registrations", len(f.Registrations))
	}
	r := f.Registrations[0]
	if len(r.Triggers) != 1 || r.Triggers[0].Class != "TimeTrigger" || len(r.Conditions) != 1 || !r.RegisteredByCaller {
		t.Errorf("triggers %+v, conditions %+v, by caller %v; want the caller's TimeTrigger (the SetTrigger after Register() is not this registration's) and its condition", r.Triggers, r.Conditions, r.RegisteredByCaller)
	}
}

// TestJSMemberHelperCalls: a JavaScript method of an object
// (Owner.prototype.register = function …) is called through this or an
// object, never by its bare name, and not by a library's other object
// in a file that never names the owner.
func TestJSMemberHelperCalls(t *testing.T) {
	app := `var TaskService = (function () {
    function TaskService() { }
    TaskService.prototype.register = function (taskEntryPoint, taskName, trigger) {
        var builder = new Windows.ApplicationModel.Background.BackgroundTaskBuilder();
        builder.name = taskName;
        builder.taskEntryPoint = taskEntryPoint;
        builder.setTrigger(trigger);
        builder.register();
    };
    TaskService.prototype.registerAll = function () {
        this.register("js\\task.js", "task", new Windows.ApplicationModel.Background.TimeTrigger(15, false));
    };
    return TaskService;
})();`
	lib := `function FilterProvider() {
    function register(name, factory) { }
    register('currency', function () { return 1; });
}
var Transport = { register: function (type, klass) { } };
Transport.register('websocket', Object);`
	other := `var service = new TaskService();
service.register("js\\other.js", "other", new Windows.ApplicationModel.Background.TimeTrigger(30, false));`
	f := ScanWithOverlay([]SourceFile{{Path: "app.js"}, {Path: "lib.js"}, {Path: "other.js"}},
		map[string][]byte{"app.js": []byte(app), "lib.js": []byte(lib), "other.js": []byte(other)}, Options{Jobs: 1})
	var got []string
	for _, r := range f.Registrations {
		got = append(got, r.EntryPoint.Str)
	}
	sort.Strings(got)
	if strings.Join(got, " ") != `js\other.js js\task.js` {
		t.Errorf("entry points %q; want the two calls through this and through a TaskService, not the library's register calls", got)
	}
}

// TestInitializerMembersAreNotLocals: "new T { Name = … }" sets a member
// of the new object; it is no assignment of a local called Name, so a
// constant of that name keeps its value.
func TestInitializerMembersAreNotLocals(t *testing.T) {
	src := `class P {
  private const string TaskEntryPoint = "Tasks.First";
  private const string Other = "Tasks.Second";
  void Reg() {
    var a = new BackgroundTaskBuilder { Name = "a", TaskEntryPoint = TaskEntryPoint };
    a.Register();
    var b = new BackgroundTaskBuilder() { Name = "b", TaskEntryPoint = Other };
    b.Register();
  } }`
	f := ScanWithOverlay([]SourceFile{{Path: "p.cs"}}, map[string][]byte{"p.cs": []byte(src)}, Options{Jobs: 1})
	var got []string
	for _, r := range f.Registrations {
		got = append(got, r.Name.Str+"="+r.EntryPoint.Str)
	}
	if strings.Join(got, " ") != "a=Tasks.First b=Tasks.Second" {
		t.Errorf("registrations %q", got)
	}
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"var b = new T { A = 1, B = 2 };", true},
		{"var b = new Ns.T<U>(x) { A = 1 };", true},
		{"var o = new { A = 1 };", true},
		{"if (x) { A = 1; }", false},
		{"Call(a, A = 1);", false},
		{"int X { get { A = 1; return A; } }", false},
	} {
		fm, _ := lexFile(SourceFile{Path: "a.cs", Language: CSharp}, []byte(tc.src), true, nil)
		got := false
		for i, tk := range fm.toks {
			if tk.Text == "A" && i+1 < len(fm.toks) && isPunct(fm.toks[i+1], "=") {
				got = initializerMember(fm.toks, i)
				break
			}
		}
		if got != tc.want {
			t.Errorf("%q: initializer member %v, want %v", tc.src, got, tc.want)
		}
	}
}

// TestConstantInterpolatedStrings: a C# interpolated string whose holes
// are constants (C# 10) is a constant; other holes leave it unknown.
func TestConstantInterpolatedStrings(t *testing.T) {
	for _, tc := range []struct {
		expr, want string // want "" for unknown
	}{
		{`$"Tasks.{TaskName}"`, "Tasks.SyncTask"},
		{`$"Tasks.{K.Ns}.{TaskName}"`, "Tasks.Inner.SyncTask"},
		{`$"Tasks.{nameof(SyncTask)}"`, "Tasks.SyncTask"},
		{`$"{{Tasks}}.{TaskName}"`, "{Tasks}.SyncTask"},
		{`$"Tasks.{TaskName:X}"`, ""},
		{`$"Tasks.{GetName()}"`, ""},
		{`$"Tasks.{Environment.MachineName}"`, ""},
	} {
		src := `static class K { public const string Ns = "Inner"; }
class P {
  const string TaskName = "SyncTask";
  void Reg() {
    var b = new BackgroundTaskBuilder { Name = "s", TaskEntryPoint = ` + tc.expr + ` };
    b.Register();
  } }`
		f := ScanWithOverlay([]SourceFile{{Path: "p.cs"}}, map[string][]byte{"p.cs": []byte(src)}, Options{Jobs: 1})
		if len(f.Registrations) != 1 {
			t.Fatalf("%s: %d registrations", tc.expr, len(f.Registrations))
		}
		ep := f.Registrations[0].EntryPoint
		got := ""
		if ep.Resolved {
			got = ep.Str
		}
		if got != tc.want {
			t.Errorf("%s: entry point %q, want %q", tc.expr, got, tc.want)
		}
	}
}

// TestInterpolatedHoleBoundByCaller: a hole naming a helper's parameter
// takes the caller's argument.
func TestInterpolatedHoleBoundByCaller(t *testing.T) {
	src := `class P {
  void Go() { Reg("SyncTask"); }
  void Reg(string name) {
    var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = $"Tasks.{name}" };
    b.Register();
  } }`
	f := ScanWithOverlay([]SourceFile{{Path: "p.cs"}}, map[string][]byte{"p.cs": []byte(src)}, Options{Jobs: 1})
	if len(f.Registrations) != 1 || f.Registrations[0].EntryPoint.Str != "Tasks.SyncTask" {
		t.Errorf("registrations %+v", f.Registrations)
	}
}

// TestLocalReassignedIsNoField: a method that declares a builder variable
// and assigns it a new builder again keeps a local, not a class field
// shared with another method's variable of the same name.
func TestLocalReassignedIsNoField(t *testing.T) {
	src := `class P {
  static void First() {
    var builder = new BackgroundTaskBuilder { Name = "a", TaskEntryPoint = "Tasks.A" };
    builder.Register();
  }
  void Second() {
    var builder = new BackgroundTaskBuilder { TaskEntryPoint = "Tasks.B", Name = "b" };
    builder.Register();
    builder = new BackgroundTaskBuilder { TaskEntryPoint = "Tasks.C", Name = "c" };
    builder.Register();
  } }`
	f := ScanWithOverlay([]SourceFile{{Path: "p.cs"}}, map[string][]byte{"p.cs": []byte(src)}, Options{Jobs: 1})
	var got []string
	for _, r := range f.Registrations {
		got = append(got, fmt.Sprintf("%s@%d", r.Name.Str, r.Pos.Line))
	}
	if strings.Join(got, " ") != "a@3 b@7 c@9" {
		t.Errorf("registrations %q; want each at its own builder", got)
	}
}

// TestCppPrivateMemberNothingCalls: a C++ member function only its class
// can call, that nothing calls, never runs; public, struct-default,
// virtual and friended ones may be called from elsewhere.
func TestCppPrivateMemberNothingCalls(t *testing.T) {
	body := `
void S::Start() { }
void S::Reg() { BackgroundTaskBuilder b; b.Name(L"n"); b.TaskEntryPoint(L"T.N"); b.Register(); }
`
	for _, tc := range []struct {
		name, header string
		dead         bool
	}{
		{"class, private section", "class S { public: void Start(); private: void Reg(); };", true},
		{"class, default section", "class S { void Reg(); public: void Start(); };", true},
		{"struct, default section", "struct S { void Reg(); void Start(); };", false},
		{"public section", "class S { public: void Start(); void Reg(); };", false},
		{"private virtual", "class S { public: void Start(); private: virtual void Reg(); };", false},
		{"private override", "class S : B { public: void Start(); private: void Reg() override; };", false},
		{"a friend may call it", "class S { friend class Other; public: void Start(); private: void Reg(); };", false},
	} {
		f := ScanWithOverlay([]SourceFile{{Path: "s.h"}, {Path: "s.cpp"}},
			map[string][]byte{"s.h": []byte(tc.header), "s.cpp": []byte(`#include "s.h"` + body)}, Options{Jobs: 1})
		if len(f.Registrations) != 1 {
			t.Fatalf("%s: %d registrations", tc.name, len(f.Registrations))
		}
		if got := f.Registrations[0].Unreached; got != tc.dead {
			t.Errorf("%s: unreached %v, want %v", tc.name, got, tc.dead)
		}
	}
}
