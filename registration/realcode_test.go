package registration

import (
	"sort"
	"strings"
	"testing"
)

// regSummary writes each registration as EntryPoint[Trigger,…] (entry
// point "?" when unresolved, "-" when not set; "+clsid" when a CLSID is
// set), in the facts' order.
func regSummary(f *Facts) string {
	var out []string
	for _, r := range f.Registrations {
		ep := "-"
		switch {
		case r.EntryPointSet && r.EntryPoint.Resolved:
			ep = r.EntryPoint.Str
		case r.EntryPointSet:
			ep = "?"
		}
		var tr []string
		for _, t := range r.Triggers {
			if !t.Resolved {
				tr = append(tr, "?")
				continue
			}
			tr = append(tr, t.Class)
		}
		s := ep + "[" + strings.Join(tr, ",") + "]"
		if r.CLSIDSet {
			s += "+clsid"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func scanSources(t *testing.T, files map[string]string) *Facts {
	t.Helper()
	var sfs []SourceFile
	overlay := map[string][]byte{}
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		sfs = append(sfs, SourceFile{Path: n})
		overlay[n] = []byte(files[n])
	}
	return ScanWithOverlay(sfs, overlay, Options{Jobs: 1})
}

// TestRealCodeRegistrations: the shapes real apps write registrations in
// (DESIGN.md, "Real code also…").
func TestRealCodeRegistrations(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{
			name: "DependencyProperty.Register is not a call of the App's Register helper",
			files: map[string]string{
				"reg.cs": `class TaskRegistrar {
	public static void Register(string entryPoint, string name, IBackgroundTrigger trigger, IBackgroundCondition condition) {
		var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint };
		b.SetTrigger(trigger);
		b.Register();
	}
	void Start() { TaskRegistrar.Register("Tasks.Sync", "sync", new TimeTrigger(15, false), null); }
}`,
				"ctl.cs": `class Ctl : DependencyObject {
	public static readonly DependencyProperty FooProperty = DependencyProperty.Register("Foo", typeof(string), typeof(Ctl), null);
	public static readonly DependencyProperty BarProperty = Windows.UI.Xaml.DependencyProperty.Register("Bar", typeof(string), typeof(Ctl), null);
}`,
			},
			want: "Tasks.Sync[TimeTrigger]",
		},
		{
			name: "a COM helper's registerType.Register() is not a call of the helper",
			files: map[string]string{
				"reg.cpp": `void Registrar::Register(hstring entryPoint) {
	BackgroundTaskBuilder builder;
	builder.TaskEntryPoint(entryPoint);
	builder.SetTrigger(TimeTrigger(15, false));
	builder.Register();
}
void Server::Start() {
	auto registerType = ComRegistration();
	registerType.Register();
	Registrar registrar;
	registrar.Register(L"Tasks.Sync");
}`,
			},
			want: "Tasks.Sync[TimeTrigger]",
		},
		{
			name: "VB: an instance of the helper's class and a static call through the class",
			files: map[string]string{
				"reg.vb": `Public Class Registrar
    Public Sub Register(entryPoint As String)
        Dim b As New BackgroundTaskBuilder()
        b.TaskEntryPoint = entryPoint
        b.SetTrigger(New TimeTrigger(15, False))
        b.Register()
    End Sub
End Class
Public Class Ctl
    Public Shared ReadOnly FooProperty As DependencyProperty = DependencyProperty.Register("Foo", GetType(String), GetType(Ctl), Nothing)
    Sub Go()
        Dim r As New Registrar()
        r.Register("Tasks.Sync")
    End Sub
End Class`,
			},
			want: "Tasks.Sync[TimeTrigger]",
		},
		{
			name: "a helper nobody calls registers nothing",
			files: map[string]string{
				"reg.cs": `class R {
	static void RegisterTask(string entryPoint) {
		var b = new BackgroundTaskBuilder { TaskEntryPoint = entryPoint };
		b.SetTrigger(new TimeTrigger(15, false));
		b.Register();
	}
}`,
			},
			want: "",
		},
		{
			name: "a call that leaves out the params argument binds",
			files: map[string]string{
				"reg.cs": `class R {
	static void Reg(string entryPoint, IBackgroundTrigger trigger, params IBackgroundCondition[] conditions) {
		var b = new BackgroundTaskBuilder { TaskEntryPoint = entryPoint };
		b.SetTrigger(trigger);
		b.Register();
	}
	void Go() { Reg("Tasks.A", new TimeTrigger(15, false)); Reg("Tasks.B", new ApplicationTrigger(), new SystemCondition(SystemConditionType.InternetAvailable), new SystemCondition(SystemConditionType.UserPresent)); }
}`,
			},
			want: "Tasks.A[TimeTrigger] Tasks.B[ApplicationTrigger]",
		},
		{
			name: "VB: a call that leaves out the ParamArray argument binds",
			files: map[string]string{
				"reg.vb": `Module M
    Sub Reg(entryPoint As String, ParamArray conditions() As IBackgroundCondition)
        Dim b As New BackgroundTaskBuilder()
        b.TaskEntryPoint = entryPoint
        b.SetTrigger(New TimeTrigger(15, False))
        b.Register()
    End Sub
    Sub Go()
        Reg("Tasks.A")
    End Sub
End Module`,
			},
			want: "Tasks.A[TimeTrigger]",
		},
		{
			name: "SetTrigger twice: the last one wins; in branches either may",
			files: map[string]string{
				"reg.cs": `class R {
	void A() {
		var b = new BackgroundTaskBuilder { TaskEntryPoint = "Tasks.A" };
		b.SetTrigger(new SystemTrigger(SystemTriggerType.InternetAvailable, false));
		b.SetTrigger(new TimeTrigger(15, false));
		b.Register();
	}
	void B(bool timer) {
		var b = new BackgroundTaskBuilder { TaskEntryPoint = "Tasks.B" };
		if (timer) b.SetTrigger(new TimeTrigger(15, false));
		else b.SetTrigger(new ApplicationTrigger());
		b.Register();
	}
}`,
			},
			want: "Tasks.A[TimeTrigger] Tasks.B[TimeTrigger,ApplicationTrigger]",
		},
		{
			name: "C++/WinRT: one builder reused, each Register() with the state of the moment",
			files: map[string]string{
				"reg.cpp": `void App::RegisterAll() {
	BackgroundTaskBuilder builder;
	builder.TaskEntryPoint(L"Tasks.A");
	builder.SetTrigger(TimeTrigger(15, false));
	builder.Register();
	builder.TaskEntryPoint(L"Tasks.B");
	builder.SetTrigger(ApplicationTrigger());
	builder.Register();
}`,
			},
			want: "Tasks.A[TimeTrigger] Tasks.B[ApplicationTrigger]",
		},
		{
			name: "C#: a builder created in one method, configured and registered by a helper",
			files: map[string]string{
				"reg.cs": `class Setup {
	public void Start() {
		var builder = new BackgroundTaskBuilder();
		builder.Name = "sync";
		Configure(builder, "Tasks.Sync");
	}
	static void Configure(BackgroundTaskBuilder builder, string entryPoint) {
		builder.TaskEntryPoint = entryPoint;
		builder.SetTrigger(new TimeTrigger(15, false));
		builder.Register();
	}
}`,
			},
			want: "Tasks.Sync[TimeTrigger]",
		},
		{
			name: "C#: a helper configures, the caller registers",
			files: map[string]string{
				"reg.cs": `class Setup {
	public void Start() {
		var builder = new BackgroundTaskBuilder();
		this.AddTrigger(builder);
		builder.TaskEntryPoint = "Tasks.Sync";
		builder.Register();
	}
	void AddTrigger(BackgroundTaskBuilder b) { b.SetTrigger(new ApplicationTrigger()); }
}`,
			},
			want: "Tasks.Sync[ApplicationTrigger]",
		},
		{
			name: "C++/WinRT: a builder handed to a helper by reference",
			files: map[string]string{
				"reg.cpp": `void Registrar::Configure(BackgroundTaskBuilder const& builder, hstring const& entryPoint) {
	builder.TaskEntryPoint(entryPoint);
	builder.SetTrigger(TimeTrigger(15, false));
	builder.Register();
}
void Registrar::Start() {
	BackgroundTaskBuilder builder;
	builder.Name(L"sync");
	Configure(builder, L"Tasks.Sync");
}`,
			},
			want: "Tasks.Sync[TimeTrigger]",
		},
		{
			name: "VB: a builder handed to a Sub",
			files: map[string]string{
				"reg.vb": `Module M
    Sub Start()
        Dim b As New BackgroundTaskBuilder()
        Configure(b, "Tasks.Sync")
    End Sub
    Sub Configure(builder As BackgroundTaskBuilder, entryPoint As String)
        builder.TaskEntryPoint = entryPoint
        builder.SetTrigger(New TimeTrigger(15, False))
        builder.Register()
    End Sub
End Module`,
			},
			want: "Tasks.Sync[TimeTrigger]",
		},
		{
			name: "JavaScript: a builder handed to a function",
			files: map[string]string{
				"reg.js": `(function () {
    function configure(builder, entryPoint) {
        builder.taskEntryPoint = entryPoint;
        builder.setTrigger(new Windows.ApplicationModel.Background.TimeTrigger(15, false));
        builder.register();
    }
    function start() {
        var builder = new Windows.ApplicationModel.Background.BackgroundTaskBuilder();
        builder.name = "sync";
        configure(builder, "js\\sync.js");
    }
    start();
})();`,
			},
			want: `js\sync.js[TimeTrigger]`,
		},
		{
			name: "C++/WinRT: SetTaskEntryPointClsid through builder.as<IBackgroundTaskBuilder5>()",
			files: map[string]string{
				"reg.cpp": `void App::RegisterCom() {
	BackgroundTaskBuilder builder;
	builder.Name(L"com");
	builder.SetTrigger(TimeTrigger(15, false));
	auto builder5 = builder.as<IBackgroundTaskBuilder5>();
	builder5.SetTaskEntryPointClsid(winrt::guid(L"6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5"));
	builder.Register();
}
void App::RegisterInline() {
	BackgroundTaskBuilder builder;
	builder.SetTrigger(ApplicationTrigger());
	builder.try_as<IBackgroundTaskBuilder5>().SetTaskEntryPointClsid(winrt::guid(L"6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5"));
	builder.Register();
}
void App::RegisterOut() {
	BackgroundTaskBuilder builder;
	builder.SetTrigger(ApplicationTrigger());
	IBackgroundTaskBuilder5 b5{ nullptr };
	builder.as(b5);
	b5.SetTaskEntryPointClsid(winrt::guid(L"6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5"));
	builder.Register();
}`,
			},
			want: "-[TimeTrigger]+clsid -[ApplicationTrigger]+clsid -[ApplicationTrigger]+clsid",
		},
		{
			name: "C++: builder interface aliases initialised with braces",
			files: map[string]string{
				"reg.cpp": `void App::RegisterAuto() {
	BackgroundTaskBuilder builder{};
	builder.Name(L"auto-as");
	builder.SetTrigger(TimeTrigger(15, false));
	auto builder5{ builder.as<IBackgroundTaskBuilder5>() };
	builder5.SetTaskEntryPointClsid(winrt::guid(L"6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5"));
	builder.Register();
}
void App::RegisterTryAs() {
	BackgroundTaskBuilder builder;
	builder.SetTrigger(ApplicationTrigger());
	auto const b5{ builder.try_as<IBackgroundTaskBuilder5>() };
	b5.SetTaskEntryPointClsid(winrt::guid(L"6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5"));
	builder.Register();
}
void App::RegisterTyped() {
	BackgroundTaskBuilder builder;
	builder.SetTrigger(ApplicationTrigger());
	winrt::Windows::ApplicationModel::Background::IBackgroundTaskBuilder5 b5{ builder.as<winrt::Windows::ApplicationModel::Background::IBackgroundTaskBuilder5>() };
	b5.SetTaskEntryPointClsid(winrt::guid(L"6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5"));
	builder.Register();
}
void App::RegisterCx() {
	BackgroundTaskBuilder^ builder = ref new BackgroundTaskBuilder();
	builder->SetTrigger(ref new TimeTrigger(15, false));
	IBackgroundTaskBuilder5^ b5{ safe_cast<IBackgroundTaskBuilder5^>(builder) };
	b5->TaskEntryPoint = "Tasks.Sync";
	builder->Register();
}
void App::NotAnAlias() {
	BackgroundTaskBuilder builder;
	builder.SetTrigger(ApplicationTrigger());
	auto other{ OtherBuilder().as<IBackgroundTaskBuilder5>() };
	other.SetTaskEntryPointClsid(winrt::guid(L"6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5"));
	if (ready) { builder; } else { builder; }
	builder.Register();
}`,
			},
			want: "-[TimeTrigger]+clsid -[ApplicationTrigger]+clsid -[ApplicationTrigger]+clsid Tasks.Sync[TimeTrigger] -[ApplicationTrigger]",
		},
		{
			name: "C#: casts to a builder interface",
			files: map[string]string{
				"reg.cs": `class R {
	void A() {
		var builder = new BackgroundTaskBuilder { Name = "a" };
		builder.SetTrigger(new TimeTrigger(15, false));
		var b5 = builder as IBackgroundTaskBuilder5;
		b5.SetTaskEntryPointClsid(new Guid("6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5"));
		builder.Register();
	}
	void B() {
		var builder = new BackgroundTaskBuilder { Name = "b" };
		builder.SetTrigger(new TimeTrigger(15, false));
		((IBackgroundTaskBuilder5)builder).SetTaskEntryPointClsid(new Guid("6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5"));
		builder.Register();
	}
}`,
			},
			want: "-[TimeTrigger]+clsid -[TimeTrigger]+clsid",
		},
		{
			name: "C++ COM: QueryInterface fills an alias",
			files: map[string]string{
				"reg.cpp": `void App::Register() {
	BackgroundTaskBuilder^ builder = ref new BackgroundTaskBuilder();
	builder->SetTrigger(ref new TimeTrigger(15, false));
	IBackgroundTaskBuilder5^ b5 = safe_cast<IBackgroundTaskBuilder5^>(builder);
	b5->TaskEntryPoint = "Tasks.Sync";
	builder->Register();
}`,
			},
			want: "Tasks.Sync[TimeTrigger]",
		},
		{
			name: "VB: DirectCast to a builder interface",
			files: map[string]string{
				"reg.vb": `Module M
    Sub Go()
        Dim b As New BackgroundTaskBuilder()
        b.SetTrigger(New TimeTrigger(15, False))
        Dim b5 As IBackgroundTaskBuilder5 = DirectCast(b, IBackgroundTaskBuilder5)
        b5.SetTaskEntryPointClsid(New Guid("6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5"))
        b.Register()
    End Sub
End Module`,
			},
			want: "-[TimeTrigger]+clsid",
		},
		{
			name: "the Windows Community Toolkit's BackgroundTaskHelper.Register overloads",
			files: map[string]string{
				"tasks.cs": `namespace Tasks { public sealed class SyncTask : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } } }`,
				"reg.cs": `using Microsoft.Toolkit.Uwp.Helpers;
class R {
	void Go() {
		BackgroundTaskHelper.Register(typeof(Tasks.SyncTask), new TimeTrigger(15, false));
		BackgroundTaskHelper.Register("upload", "Tasks.UploadTask", new SystemTrigger(SystemTriggerType.InternetAvailable, false), false, true, new SystemCondition(SystemConditionType.InternetAvailable));
		BackgroundTaskHelper.Register("inproc", new ApplicationTrigger());
		Microsoft.Toolkit.Uwp.Helpers.BackgroundTaskHelper.Register("inproc2", new ApplicationTrigger(), true);
	}
}`,
			},
			want: "Tasks.SyncTask[TimeTrigger] Tasks.UploadTask[SystemTrigger] -[ApplicationTrigger] -[ApplicationTrigger]",
		},
		{
			name: "VB: BackgroundTaskHelper.Register(GetType(X), trigger)",
			files: map[string]string{
				"reg.vb": `Imports Microsoft.Toolkit.Uwp.Helpers
Namespace Tasks
    Public NotInheritable Class SyncTask
        Implements IBackgroundTask
    End Class
End Namespace
Module M
    Sub Go()
        BackgroundTaskHelper.Register(GetType(Tasks.SyncTask), New TimeTrigger(15, False))
    End Sub
End Module`,
			},
			want: "Tasks.SyncTask[TimeTrigger]",
		},
		{
			name: "an App's own BackgroundTaskHelper class is not the toolkit's",
			files: map[string]string{
				"reg.cs": `static class BackgroundTaskHelper {
	public static void Register(string entryPoint, IBackgroundTrigger trigger) {
		var b = new BackgroundTaskBuilder { TaskEntryPoint = entryPoint };
		b.SetTrigger(trigger);
		b.Register();
	}
}
class R { void Go() { BackgroundTaskHelper.Register("Tasks.Own", new TimeTrigger(15, false)); } }`,
			},
			want: "Tasks.Own[TimeTrigger]",
		},
		{
			name: "an App's own BackgroundTaskHelper without a Register method does not hide the toolkit's",
			files: map[string]string{
				"ui.cs": `namespace Ui { static class BackgroundTaskHelper { public static bool IsRunning(string name) => false; } }`,
				"reg.cs": `using Microsoft.Toolkit.Uwp.Helpers;
class R { void Go() { BackgroundTaskHelper.Register("socket", "Sockets.SocketTask", new SocketActivityTrigger(), false, true); } }`,
			},
			want: "Sockets.SocketTask[SocketActivityTrigger]",
		},
		{
			name: "JavaScript: entry points kept in object literals",
			files: map[string]string{
				"reg.js": `(function () {
    var bg = Windows.ApplicationModel.Background;
    var SyncTask = { TaskEntryPoint: "js\\sync.js", TaskName: "sync" };
    function register(task) {
        var builder = new bg.BackgroundTaskBuilder();
        builder.name = task.name;
        builder.taskEntryPoint = task.entryPoint;
        builder.setTrigger(new bg.TimeTrigger(15, false));
        builder.register();
    }
    function start() {
        var b = new bg.BackgroundTaskBuilder();
        b.name = SyncTask.TaskName;
        b.taskEntryPoint = SyncTask.TaskEntryPoint;
        b.setTrigger(new bg.TimeTrigger(15, false));
        b.register();
        register({ name: "upload", entryPoint: "js\\upload.js" });
    }
    start();
})();`,
			},
			want: `js\sync.js[TimeTrigger] js\upload.js[TimeTrigger]`,
		},
		{
			name: "C#: a builder kept in a field, configured across methods",
			files: map[string]string{
				"reg.cs": `class Scheduler {
	private BackgroundTaskBuilder builder;
	public void Create() {
		builder = new BackgroundTaskBuilder();
		builder.Name = "sync";
	}
	public void Configure() {
		builder.TaskEntryPoint = "Tasks.Sync";
		this.builder.SetTrigger(new TimeTrigger(15, false));
	}
	public void Commit() { builder.Register(); }
	public void Other() {
		var local = new BackgroundTaskBuilder { TaskEntryPoint = "Tasks.Local" };
		local.SetTrigger(new ApplicationTrigger());
		local.Register();
	}
}`,
			},
			want: "Tasks.Sync[TimeTrigger] Tasks.Local[ApplicationTrigger]",
		},
		{
			name: "C++/WinRT: a member builder configured across methods",
			files: map[string]string{
				"reg.h": `struct Scheduler { BackgroundTaskBuilder m_builder{ nullptr }; void Create(); void Commit(); };`,
				"reg.cpp": `void Scheduler::Create() {
	m_builder = BackgroundTaskBuilder();
	m_builder.TaskEntryPoint(L"Tasks.Sync");
}
void Scheduler::Commit() {
	m_builder.SetTrigger(TimeTrigger(15, false));
	m_builder.Register();
}`,
			},
			want: "Tasks.Sync[TimeTrigger]",
		},
		{
			name: "VB: a field builder",
			files: map[string]string{
				"reg.vb": `Public Class Scheduler
    Private _builder As BackgroundTaskBuilder
    Public Sub Create()
        _builder = New BackgroundTaskBuilder()
        _builder.TaskEntryPoint = "Tasks.Sync"
    End Sub
    Public Sub Commit()
        _builder.SetTrigger(New TimeTrigger(15, False))
        _builder.Register()
    End Sub
End Class`,
			},
			want: "Tasks.Sync[TimeTrigger]",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := regSummary(scanSources(t, tc.files)); got != tc.want {
				t.Errorf("registrations = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestMentions: Facts.Mentioned records the names code still spells
// outside comments, dead code and constants nothing uses.
func TestMentions(t *testing.T) {
	const name = "Tasks.CleanupTask"
	cases := []struct {
		name, file, src string
		want            bool
	}{
		{"not mentioned", "a.cs", "class Other { }", false},
		{"string literal", "a.cs", `class A { void F() { Go("Tasks.CleanupTask"); } }`, true},
		{"typeof", "a.cs", "class A { void F() { Register(typeof(Tasks.CleanupTask).FullName, trigger); } }", true},
		{"nameof with spaces", "a.cs", `class A { void F() { var n = "Tasks." + nameof( CleanupTask ); Go(n); } }`, true},
		{"name_of", "a.cpp", "void F() { Register(winrt::name_of<winrt::Tasks::CleanupTask>()); }", true},
		{"VB GetType", "a.vb", "Module M\n Sub F()\n  Go(GetType(Tasks.CleanupTask).FullName)\n End Sub\nEnd Module\n", true},
		{"class declaration only", "a.cs", "public sealed class CleanupTask : IBackgroundTask { }", false},
		{"longer identifier", "a.cs", "class A { void F() { Register(typeof(Tasks.CleanupTaskV2).FullName); } }", false},
		{"commented-out call", "a.cs", "class A { void F() {\n // Register(\"Tasks.CleanupTask\");\n /* Register(typeof(Tasks.CleanupTask)); */ } }", false},
		{"#if false", "a.cs", "class A { void F() {\n#if false\n Register(\"Tasks.CleanupTask\");\n#endif\n } }", false},
		{"VB comment", "a.vb", "Module M\n Sub F()\n  ' Register(\"Tasks.CleanupTask\")\n End Sub\nEnd Module\n", false},
		{"unused constant", "a.cs", `static class Names { public const string Cleanup = "Tasks.CleanupTask"; }`, false},
		{"used constant", "a.cs", `static class Names { public const string Cleanup = "Tasks.CleanupTask"; }
class A { void F() { Go(Names.Cleanup); } }`, true},
		{"unused macro", "a.cpp", "#define CLEANUP_ENTRY L\"Tasks.CleanupTask\"\nvoid F() { }\n", false},
		{"used macro", "a.cpp", "#define CLEANUP_ENTRY L\"Tasks.CleanupTask\"\nvoid F() { Go(CLEANUP_ENTRY); }\n", true},
		{"script path, other separator", "a.js", `(function () { go("js/cleanup.js"); })();`, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := ScanWithOverlay([]SourceFile{{Path: tc.file}}, map[string][]byte{tc.file: []byte(tc.src)}, Options{Jobs: 1, Mentions: []string{name, `js\cleanup.js`}})
			if got := f.IsMentioned(name); got != tc.want {
				t.Errorf("IsMentioned(%q) = %v, want %v (mentioned: %v)", name, got, tc.want, f.Mentioned)
			}
		})
	}
	f := ScanWithOverlay([]SourceFile{{Path: "a.js"}}, map[string][]byte{"a.js": []byte(`(function () { go("js/Cleanup.js"); })();`)}, Options{Jobs: 1, Mentions: []string{`js\cleanup.js`}})
	if !f.IsMentioned(`js\cleanup.js`) {
		t.Errorf("a script path written with / and another case is a mention: %v", f.Mentioned)
	}
}

// TestHandlerMentioned: code that spells backgroundactivated (not a
// comment) is recorded.
func TestHandlerMentioned(t *testing.T) {
	for src, want := range map[string]bool{
		"class App { void F() { this.BackgroundActivated += OnBg; } }":         true,
		"class App { void F() { } } // override OnBackgroundActivated someday": false,
		"class App { void F() { } /* OnBackgroundActivated */ }":               false,
	} {
		f := ScanWithOverlay([]SourceFile{{Path: "a.cs"}}, map[string][]byte{"a.cs": []byte(src)}, Options{Jobs: 1})
		if f.HandlerMentioned != want {
			t.Errorf("%q: HandlerMentioned = %v, want %v", src, f.HandlerMentioned, want)
		}
	}
}

// TestDiscardedAccessRequest: a RequestAccessAsync() whose result nobody
// reads is not an access request.
func TestDiscardedAccessRequest(t *testing.T) {
	cases := []struct {
		file, src string
		counts    bool
	}{
		{"a.cs", "class A { async void F() { await BackgroundExecutionManager.RequestAccessAsync(); } }", true},
		{"a.cs", "class A { void F() { var s = BackgroundExecutionManager.RequestAccessAsync(); } }", true},
		{"a.cs", "class A { IAsyncOperation<BackgroundAccessStatus> F() { return BackgroundExecutionManager.RequestAccessAsync(); } }", true},
		{"a.cs", "class A { void F() { BackgroundExecutionManager.RequestAccessAsync().AsTask().Wait(); } }", true},
		{"a.cs", "class A { void F() { Run(BackgroundExecutionManager.RequestAccessAsync()); } }", true},
		{"a.cs", "class A { void F() { BackgroundExecutionManager.RequestAccessAsync(); } }", false},
		{"a.cs", "class A { void F() { _ = Windows.ApplicationModel.Background.BackgroundExecutionManager.RequestAccessAsync(); } }", false},
		{"a.cs", "class A { void F(bool b) { if (b) BackgroundExecutionManager.RequestAccessAsync(); } }", false},
		{"a.cpp", "void F() { auto s = BackgroundExecutionManager::RequestAccessAsync().get(); }", true},
		{"a.cpp", "IAsyncAction F() { co_await BackgroundExecutionManager::RequestAccessAsync(); }", true},
		{"a.cpp", "void F() { create_task(BackgroundExecutionManager::RequestAccessAsync()).then([](BackgroundAccessStatus s) {}); }", true},
		{"a.cpp", "void F() { BackgroundExecutionManager::RequestAccessAsync(); }", false},
		{"a.js", "function f() { Windows.ApplicationModel.Background.BackgroundExecutionManager.requestAccessAsync().then(function (s) {}); }", true},
		{"a.js", "function f() { Windows.ApplicationModel.Background.BackgroundExecutionManager.requestAccessAsync()\n}", false},
		{"a.js", "function f() {\n Windows.ApplicationModel.Background.BackgroundExecutionManager.requestAccessAsync()\n  .then(function (s) {});\n}", true},
		{"a.js", "function f() {\n var op =\n  Windows.ApplicationModel.Background.BackgroundExecutionManager.requestAccessAsync();\n}", true},
		// .done() or .then() with no callback attaches nothing (njulogin)
		{"a.js", "function f() { Windows.ApplicationModel.Background.BackgroundExecutionManager.requestAccessAsync().done(); }", false},
		{"a.js", "function f() {\n Windows.ApplicationModel.Background.BackgroundExecutionManager.requestAccessAsync()\n  .then()\n  .done();\n}", false},
		{"a.js", "function f() { Windows.ApplicationModel.Background.BackgroundExecutionManager.requestAccessAsync().done(function (s) { go(s); }); }", true},
		{"a.js", "function f() { return Windows.ApplicationModel.Background.BackgroundExecutionManager.requestAccessAsync().then(); }", true},
		{"a.cs", "class A { void F() {\n BackgroundExecutionManager.RequestAccessAsync()\n  .AsTask().Wait(); } }", true},
		{"a.vb", "Module M\n Async Sub F()\n  Dim s = Await BackgroundExecutionManager.RequestAccessAsync()\n End Sub\nEnd Module\n", true},
		{"a.vb", "Module M\n Sub F()\n  BackgroundExecutionManager.RequestAccessAsync()\n End Sub\nEnd Module\n", false},
	}
	for _, tc := range cases {
		f := ScanWithOverlay([]SourceFile{{Path: tc.file}}, map[string][]byte{tc.file: []byte(tc.src)}, Options{Jobs: 1})
		if got := len(f.AccessRequests) == 1; got != tc.counts || len(f.AccessRequests)+len(f.DiscardedAccessRequests) != 1 {
			t.Errorf("%s: access requests %v, discarded %v; want counted %v", tc.src, f.AccessRequests, f.DiscardedAccessRequests, tc.counts)
		}
	}
}

// TestLookUpNames: the names an AllTasks look-up compares with.
func TestLookUpNames(t *testing.T) {
	cases := []struct {
		file, src string
		want      string // names, then "^prefix"es, joined by ","; "*" when any task may match
	}{
		{"a.cs", `class A { void F() {
	foreach (var t in BackgroundTaskRegistration.AllTasks) { if (t.Value.Name == "GeofenceTask") return; }
	var b = new BackgroundTaskBuilder(); b.Name = "GeoFenceTask"; b.TaskEntryPoint = "Tasks.Geo"; b.Register();
} }`, "GeofenceTask"},
		{"a.cs", `class A { const string TaskName = "Sync"; void F() {
	if (BackgroundTaskRegistration.AllTasks.Values.Any(t => TaskName == t.Name)) return;
} }`, "Sync"},
		{"a.cs", `class A { void F() { if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name.Equals("Sync"))) return; } }`, "Sync"},
		{"a.cs", `class A { void F() { foreach (var t in BackgroundTaskRegistration.AllTasks) t.Value.Unregister(true); } }`, "*"},
		{"a.cs", `class A { void F(string name) { foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name == name) return; } }`, "*"},
		{"a.cpp", `void F() { for (auto const& t : BackgroundTaskRegistration::AllTasks()) { if (t.Value().Name() == L"Sync") return; }
	BackgroundTaskBuilder b; b.Name(L"Sync"); }`, "Sync"},
		{"a.vb", "Module M\n Sub F()\n  For Each t In BackgroundTaskRegistration.AllTasks.Values\n   If t.Name = \"Sync\" Then Return\n  Next\n  Dim b As New BackgroundTaskBuilder()\n  b.Name = \"Sync\"\n End Sub\nEnd Module\n", "Sync"},
		{"a.js", `function f() { var it = Windows.ApplicationModel.Background.BackgroundTaskRegistration.allTasks.first();
	while (it.hasCurrent) { if (it.current.value.name === "Sync") { return; } it.moveNext(); } }`, "Sync"},
		// a prefix test
		{"a.cs", `class A { void F() { foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name.StartsWith("Sync.")) t.Value.Unregister(true); } }`, "^Sync."},
		{"a.cs", `class A { void F() { foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name.StartsWith("sync", StringComparison.OrdinalIgnoreCase)) return; } }`, "*"},
		{"a.cs", `class A { void F() { foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name.StartsWith("")) return; } }`, "*"},
		// a helper comparing with its parameter: bound at every call site
		{"a.cs", `class A {
	void Drop(string name) { foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name == name) t.Value.Unregister(true); }
	void G() { Drop("Sync"); Drop("Push"); Drop("Sync"); }
}`, "Sync,Push"},
		{"a.vb", "Module M\n Sub DropAll(sPrefix As String)\n  For Each t In BackgroundTaskRegistration.AllTasks\n   If t.Value.Name.StartsWith(sPrefix) Then t.Value.Unregister(True)\n  Next\n End Sub\n Sub G()\n  DropAll(\"Nightly\")\n End Sub\nEnd Module\n", "^Nightly"},
		// ...unless a call passes what cannot be resolved, or nothing calls it
		{"a.cs", `class A {
	void Drop(string name) { foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name == name) t.Value.Unregister(true); }
	void G(string other) { Drop("Sync"); Drop(other); }
}`, "*"},
		{"a.cs", `class A { void Drop(string name) { foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name == name) return; } }`, "*"},
	}
	for _, tc := range cases {
		f := ScanWithOverlay([]SourceFile{{Path: tc.file}}, map[string][]byte{tc.file: []byte(tc.src)}, Options{Jobs: 1})
		if len(f.LookUps) != 1 {
			t.Errorf("%s: %d look-ups, want 1", tc.src, len(f.LookUps))
			continue
		}
		parts := append([]string{}, f.LookUps[0].Names...)
		for _, p := range f.LookUps[0].Prefixes {
			parts = append(parts, "^"+p)
		}
		got := strings.Join(parts, ",")
		if f.LookUps[0].Any {
			got = "*"
		}
		if got != tc.want {
			t.Errorf("%s: look-up names %q, want %q", tc.src, got, tc.want)
		}
	}
}
