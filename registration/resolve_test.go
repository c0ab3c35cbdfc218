package registration

import (
	"fmt"
	"strings"
	"testing"
)

// TestResolveEntryPoint is a table of entry-point expressions, each in a
// small file of its language, with the value the resolver must find (or
// "" with resolved=false when it must not guess).
func TestResolveEntryPoint(t *testing.T) {
	cs := func(decls, expr string) string {
		return "using Windows.ApplicationModel.Background;\nnamespace N {\n" + decls + "\nclass R { void M() { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = " + expr + "; b.Register(); } } }\n"
	}
	cases := []struct {
		name, path, src, want string
		resolved              bool
	}{
		{"cs literal", "a.cs", cs("", `"N.T"`), "N.T", true},
		{"cs verbatim", "a.cs", cs("", `@"N.T"`), "N.T", true},
		{"cs concat const", "a.cs", cs(`static class K { public const string P = "N."; }`, `K.P + "T"`), "N.T", true},
		{"cs nameof", "a.cs", cs(`sealed class T {}`, `"N." + nameof(T)`), "N.T", true},
		{"cs typeof fullname", "a.cs", cs(`public sealed class T {}`, `typeof(T).FullName`), "N.T", true},
		{"cs typeof tostring", "a.cs", cs(`public sealed class T {}`, `typeof(N.T).ToString()`), "N.T", true},
		{"cs typeof unknown class", "a.cs", cs("", `typeof(Elsewhere).FullName`), "", false},
		{"cs typeof Windows task class, namespace imported", "a.cs", "using Windows.Networking.Sockets;\n" + cs("", `typeof(WebSocketKeepAlive).FullName`), "Windows.Networking.Sockets.WebSocketKeepAlive", true},
		{"cs typeof Windows task class, full name", "a.cs", cs("", `typeof(Windows.Networking.Sockets.WebSocketKeepAlive).FullName`), "Windows.Networking.Sockets.WebSocketKeepAlive", true},
		{"cs typeof Windows task class, namespace not imported", "a.cs", cs("", `typeof(WebSocketKeepAlive).FullName`), "", false},
		{"cs typeof Windows task class, partly qualified", "a.cs", "using Windows.Networking;\n" + cs("", `typeof(Sockets.WebSocketKeepAlive).FullName`), "", false},
		{"cs typeof App class named like a Windows task class", "a.cs", "using Windows.Networking.Sockets;\n" + cs(`public sealed class WebSocketKeepAlive {}`, `typeof(WebSocketKeepAlive).FullName`), "N.WebSocketKeepAlive", true},
		{"cs typeof Windows task class, alias", "a.cs", "using KeepAlive = Windows.Networking.Sockets.WebSocketKeepAlive;\n" + cs("", `typeof(KeepAlive).FullName`), "Windows.Networking.Sockets.WebSocketKeepAlive", true},
		{"vb gettype Windows task class", "a.vb", "Imports Windows.Networking.Sockets\nModule M\nSub F()\nDim b = New BackgroundTaskBuilder()\nb.TaskEntryPoint = GetType(WebSocketKeepAlive).FullName\nb.Register()\nEnd Sub\nEnd Module", "Windows.Networking.Sockets.WebSocketKeepAlive", true},
		{"cpp cx typeid Windows task class", "a.cpp", "using namespace Windows::Networking::Sockets;\nvoid F() { auto b = ref new BackgroundTaskBuilder(); b->TaskEntryPoint = WebSocketKeepAlive::typeid->FullName; b->Register(); }", "Windows.Networking.Sockets.WebSocketKeepAlive", true},
		{"cs interpolated hole of a constant (C# 10)", "a.cs", cs(`static class K { public const string P = "N"; }`, `$"{K.P}.T"`), "N.T", true},
		{"cs interpolated hole of a call", "a.cs", cs(`static class K { public static string P() => "N"; }`, `$"{K.P()}.T"`), "", false},
		{"cs method call", "a.cs", cs("", `GetEntryPoint()`), "", false},
		{"cs static method returning a field", "a.cs", cs(`static class K { static string e = "N.T"; public static string Get() { return e; } }`, `K.Get()`), "N.T", true},
		{"cs expression-bodied static method", "a.cs", cs(`static class K { public static string Get() => "N." + "T"; }`, `K.Get()`), "N.T", true},
		{"cs unqualified call in the class", "a.cs", "using Windows.ApplicationModel.Background;\nnamespace N { class R { static string Get() { return \"N.T\"; } void M() { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = Get(); b.Register(); } } }\n", "N.T", true},
		{"cs method with a condition", "a.cs", cs(`static class K { public static string Get() { if (Flag) return "N.A"; return "N.B"; } }`, `K.Get()`), "", false},
		{"cs instance method", "a.cs", cs(`class K { public string Get() { return "N.T"; } }`, `new K().Get()`), "", false},
		{"cs method with a parameter", "a.cs", cs(`static class K { public static string Get(int i) { return "N.T"; } }`, `K.Get()`), "", false},
		{"cs method returning a reassigned field", "a.cs", cs(`static class K { static string e = "N.T"; public static string Get() { return e; } static void S() { e = "N.U"; } }`, `K.Get()`), "", false},
		{"cs ambiguous methods", "a.cs", cs(`static class A { public static string Get() => "N.A"; } static class B { public static string Get() => "N.B"; }`, `Get()`), "", false},
		{"cs target-typed new", "a.cs", "using Windows.ApplicationModel.Background;\nnamespace N { class R { void M() { BackgroundTaskBuilder b = new() { Name = \"t\" }; b.TaskEntryPoint = \"N.T\"; b.Register(); } } }\n", "N.T", true},
		{"cs target-typed new, qualified type", "a.cs", "namespace N { class R { void M() { Windows.ApplicationModel.Background.BackgroundTaskBuilder b = new(); b.TaskEntryPoint = \"N.T\"; b.Register(); } } }\n", "N.T", true},
		{"cs getter property", "a.cs", cs(`static class K { public static string E { get { return "N.T"; } } }`, `K.E`), "N.T", true},
		{"cs arrow getter property", "a.cs", cs(`static class K { public static string E { get => "N.T"; } }`, `K.E`), "N.T", true},
		{"cs property with a setter", "a.cs", cs(`static class K { public static string E { get { return "N.T"; } set { } } }`, `K.E`), "", false},
		{"cs instance getter property", "a.cs", cs(`class K { public string E { get { return "N.T"; } } }`, `new K().E`), "", false},
		{"cs ambiguous const", "a.cs", cs(`static class A { public const string E = "N.A"; } static class B { public const string E = "N.B"; }`, `E`), "", false},
		{"cs qualified picks one", "a.cs", cs(`static class A { public const string E = "N.A"; } static class B { public const string E = "N.B"; }`, `B.E`), "N.B", true},
		{"cs static readonly", "a.cs", cs(`static class K { public static readonly string E = "N.T"; }`, `K.E`), "N.T", true},
		{"cs mutable static", "a.cs", cs(`static class K { public static string E = "N.T"; static void S() { E = "N.U"; } }`, `K.E`), "", false},
		{"cpp wide define", "a.cpp", "#define EP L\"N.T\"\nvoid F() { BackgroundTaskBuilder b; b.TaskEntryPoint(EP); b.Register(); }", "N.T", true},
		{"cpp hstring wrapper", "a.cpp", "void F() { BackgroundTaskBuilder b; b.TaskEntryPoint(winrt::hstring(L\"N.T\")); b.Register(); }", "N.T", true},
		{"cpp name_of explicit", "a.cpp", "void F() { BackgroundTaskBuilder b; b.TaskEntryPoint(winrt::name_of<winrt::N::T>()); b.Register(); }", "N.T", true},
		{"cpp name_of unknown", "a.cpp", "void F() { BackgroundTaskBuilder b; b.TaskEntryPoint(name_of<T>()); b.Register(); }", "", false},
		{"cpp cx typeid", "a.cpp", "namespace N { public ref class T sealed {}; }\nvoid F() { auto b = ref new BackgroundTaskBuilder(); b->TaskEntryPoint = N::T::typeid->FullName; b->Register(); }", "N.T", true},
		{"cpp cx string", "a.cpp", "void F() { auto b = ref new BackgroundTaskBuilder(); b->TaskEntryPoint = ref new Platform::String(L\"N.T\"); b->Register(); }", "N.T", true},
		{"vb concat", "a.vb", "Module M\nSub F()\nDim b = New BackgroundTaskBuilder()\nb.TaskEntryPoint = \"N.\" & \"T\"\nb.Register()\nEnd Sub\nEnd Module", "N.T", true},
		{"vb case-insensitive const", "a.vb", "Module M\nConst EP = \"N.T\"\nSub F()\nDim b = New BackgroundTaskBuilder()\nb.TaskEntryPoint = ep\nb.Register()\nEnd Sub\nEnd Module", "N.T", true},
		{"vb gettype", "a.vb", "Namespace N\nPublic NotInheritable Class T\nEnd Class\nModule M\nSub F()\nDim b = New BackgroundTaskBuilder()\nb.TaskEntryPoint = GetType(T).FullName\nb.Register()\nEnd Sub\nEnd Module\nEnd Namespace", "N.T", true},
		{"js escaped path", "a.js", "var b = new Windows.ApplicationModel.Background.BackgroundTaskBuilder(); b.taskEntryPoint = 'js\\\\t.js'; b.register();", `js\t.js`, true},
		{"js statements without semicolons", "a.js", "var b = new Windows.ApplicationModel.Background.BackgroundTaskBuilder()\nb.taskEntryPoint = 'js\\\\t.js'\nb.register()\n", `js\t.js`, true},
		{"js script variable without a semicolon", "a.js", "var entry = 'js\\\\t.js'\nvar other = 2;\nfunction f() {\n  var b = new Windows.ApplicationModel.Background.BackgroundTaskBuilder()\n  b.taskEntryPoint = entry\n  b.register()\n}\n", `js\t.js`, true},
		{"js template hole", "a.js", "var b = new Windows.ApplicationModel.Background.BackgroundTaskBuilder(); b.taskEntryPoint = `js\\\\${n}.js`; b.register();", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := ScanWithOverlay([]SourceFile{{Path: c.path}}, map[string][]byte{c.path: []byte(c.src)}, Options{Jobs: 1})
			if len(f.Registrations) != 1 {
				t.Fatalf("%d registrations, want 1 (notes %v)", len(f.Registrations), f.Notes)
			}
			ep := f.Registrations[0].EntryPoint
			if ep.Str != c.want || ep.Resolved != c.resolved || !f.Registrations[0].EntryPointSet {
				t.Errorf("entry point = %q resolved=%v (expr %q), want %q resolved=%v", ep.Str, ep.Resolved, ep.Expr, c.want, c.resolved)
			}
			if ep.Expr == "" || !ep.Pos.IsValid() {
				t.Errorf("entry point without source text or position: %+v", ep)
			}
		})
	}
}

// TestRegistrationCounts: one Registration per Register() call with the
// builder's state at that point (a second SetTrigger replaces the first);
// a configured builder never registered in view still counts; a bare
// unused builder does not.
func TestRegistrationCounts(t *testing.T) {
	src := `class R {
	void A() {
		var b = new BackgroundTaskBuilder();
		b.TaskEntryPoint = "N.T";
		b.SetTrigger(new TimeTrigger(15, false));
		b.Register();
		b.SetTrigger(new ApplicationTrigger());
		b.Register();
	}
	BackgroundTaskBuilder Make() {
		var b = new BackgroundTaskBuilder();
		b.TaskEntryPoint = "N.Made";
		return b;
	}
	void Unused() { var b = new BackgroundTaskBuilder(); }
}`
	f := ScanWithOverlay([]SourceFile{{Path: "r.cs"}}, map[string][]byte{"r.cs": []byte(src)}, Options{Jobs: 1})
	var got []string
	for _, r := range f.Registrations {
		var tr []string
		for _, x := range r.Triggers {
			tr = append(tr, x.Class)
		}
		got = append(got, r.EntryPoint.Str+"["+strings.Join(tr, ",")+"]"+strings.Repeat("R", len(r.RegisterCalls)))
	}
	want := "N.T[TimeTrigger]R N.T[ApplicationTrigger]R N.Made[]"
	if strings.Join(got, " ") != want {
		t.Errorf("registrations = %q, want %q", strings.Join(got, " "), want)
	}
}

// TestInheritedBackgroundTask: a class implements IBackgroundTask through
// a base class or an interface declared in the App. Of the other classes
// beside them, only a public one that is not sealed is listed (BG201).
func TestInheritedBackgroundTask(t *testing.T) {
	src := `namespace N {
	public interface IMyTask : Windows.ApplicationModel.Background.IBackgroundTask {}
	public abstract class TaskBase : IBackgroundTask { public abstract void Run(IBackgroundTaskInstance i); }
	public sealed class ViaBase : TaskBase { public override void Run(IBackgroundTaskInstance i) {} }
	public sealed class ViaInterface : IMyTask { public void Run(IBackgroundTaskInstance i) {} }
	public sealed class Plain {}
	public class Loose {}
}`
	f := ScanWithOverlay([]SourceFile{{Path: "t.cs"}}, map[string][]byte{"t.cs": []byte(src)}, Options{Jobs: 1})
	got := map[string]bool{}
	for _, c := range f.TaskClasses {
		got[c.Name] = c.Implements
	}
	want := map[string]bool{"N.TaskBase": true, "N.ViaBase": true, "N.ViaInterface": true, "N.Loose": false}
	for name, impl := range want {
		if v, ok := got[name]; !ok || v != impl {
			t.Errorf("%s: implements=%v listed=%v, want implements=%v", name, v, ok, impl)
		}
	}
	if _, ok := got["N.Plain"]; ok {
		t.Errorf("N.Plain (sealed, implements nothing, named by no one) is listed")
	}
}

// TestAccessRequestAliases: RequestAccessAsync through an alias of
// BackgroundExecutionManager counts; the same method name on another class
// does not.
func TestAccessRequestAliases(t *testing.T) {
	cases := map[string]int{
		"a.cs": 1, // alias
		"b.js": 1, // variable
		"c.cs": 0, // another class's RequestAccessAsync
	}
	src := map[string]string{
		"a.cs": "using Bem = Windows.ApplicationModel.Background.BackgroundExecutionManager;\nclass A { async void M() { await Bem.RequestAccessAsync(); } }",
		"b.js": "var bem = Windows.ApplicationModel.Background.BackgroundExecutionManager;\nbem.requestAccessAsync().done(function (s) { go(s); });",
		"c.cs": "class C { async void M() { await Geolocator.RequestAccessAsync(); await ProtectionPolicyManager.RequestAccessAsync(id, t); } }",
	}
	for path, want := range cases {
		f := ScanWithOverlay([]SourceFile{{Path: path}}, map[string][]byte{path: []byte(src[path])}, Options{Jobs: 1})
		if len(f.AccessRequests) != want {
			t.Errorf("%s: %d access requests, want %d", path, len(f.AccessRequests), want)
		}
	}
}

// TestRunFacts: the end of Run, where the deferral is taken (directly or
// through a helper Run calls) and where it is completed.
func TestRunFacts(t *testing.T) {
	src := `namespace N {
public sealed class T : IBackgroundTask {
    BackgroundTaskDeferral _d;
    public async void Run(IBackgroundTaskInstance i) {
        Begin(i);
        await Task.Delay(1);
        System.Threading.Interlocked.Exchange(ref _d, null)?.Complete();
    }
    void Begin(IBackgroundTaskInstance i) { _d = i.GetDeferral(); }
}
}`
	f := ScanWithOverlay([]SourceFile{{Path: "t.cs"}}, map[string][]byte{"t.cs": []byte(src)}, Options{Jobs: 1})
	if len(f.TaskClasses) != 1 {
		t.Fatalf("task classes: %+v", f.TaskClasses)
	}
	c := f.TaskClasses[0]
	at := func(p Pos) string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }
	var gets, completes []string
	for _, p := range c.DeferralGet {
		gets = append(gets, at(p))
	}
	for _, p := range c.DeferralComplete {
		completes = append(completes, at(p))
	}
	got := fmt.Sprintf("run=%s end=%s async=%v@%s get=%v complete=%v", at(c.RunPos), at(c.RunEnd), c.RunIsAsync, at(c.AsyncPos), gets, completes)
	want := "run=4:23 end=8:5 async=true@6:9 get=[5:9] complete=[7:62]"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestTriggersAtRegister: each Register() takes the triggers that can be
// set where it stands. A SetTrigger replaces the ones before it for the
// rest of its own block (or switch section); after a branch, the trigger
// set before it and the one set inside may each be the builder's.
func TestTriggersAtRegister(t *testing.T) {
	cases := []struct {
		name, file, src, want string
	}{
		{"cs reused builder, SetTrigger inside if", "r.cs", `class R { async void A(bool again) {
	var b = new BackgroundTaskBuilder();
	b.Name = "One"; b.TaskEntryPoint = "N.One";
	b.SetTrigger(new TimeTrigger(30, false));
	b.Register();
	if (again) {
		b.Name = "Two"; b.TaskEntryPoint = "N.Two";
		b.SetTrigger(new SystemTrigger(SystemTriggerType.ServicingComplete, false));
		b.Register();
	}
	b.Name = "Three"; b.TaskEntryPoint = "N.Three";
	b.SetTrigger(new PushNotificationTrigger());
	b.Register();
} }`, "One[TimeTrigger] Two[SystemTrigger] Three[PushNotificationTrigger]"},
		{"cs SetTrigger inside if, Register after it", "r.cs", `class R { void A(bool x) {
	var b = new BackgroundTaskBuilder();
	b.Name = "One"; b.TaskEntryPoint = "N.One";
	b.SetTrigger(new TimeTrigger(30, false));
	if (x) { b.SetTrigger(new ApplicationTrigger()); }
	b.Register();
} }`, "One[TimeTrigger,ApplicationTrigger]"},
		{"cs braceless if and else", "r.cs", `class R { void A(bool x) {
	var b = new BackgroundTaskBuilder();
	b.Name = "One"; b.TaskEntryPoint = "N.One";
	if (x) b.SetTrigger(new TimeTrigger(30, false));
	else b.SetTrigger(new ApplicationTrigger());
	b.Register();
} }`, "One[TimeTrigger,ApplicationTrigger]"},
		{"cs braceless if after a SetTrigger", "r.cs", `class R { void A(bool x) {
	var b = new BackgroundTaskBuilder();
	b.Name = "One"; b.TaskEntryPoint = "N.One";
	b.SetTrigger(new TimeTrigger(30, false));
	if (x) b.SetTrigger(new ApplicationTrigger());
	b.Register();
} }`, "One[TimeTrigger,ApplicationTrigger]"},
		{"cs switch sections", "r.cs", `class R { void A(int k) {
	var b = new BackgroundTaskBuilder();
	b.Name = "One"; b.TaskEntryPoint = "N.One";
	b.SetTrigger(new TimeTrigger(30, false));
	switch (k) {
	case 1:
		b.SetTrigger(new ApplicationTrigger());
		b.Register();
		break;
	default:
		b.Register();
		break;
	}
} }`, "One[ApplicationTrigger] One[TimeTrigger,ApplicationTrigger]"},
		{"cs lambda", "r.cs", `class R { void A() {
	var b = new BackgroundTaskBuilder();
	b.Name = "One"; b.TaskEntryPoint = "N.One";
	b.SetTrigger(new TimeTrigger(30, false));
	Action later = () => b.SetTrigger(new ApplicationTrigger());
	b.Register();
} }`, "One[TimeTrigger,ApplicationTrigger]"},
		{"cs loop body", "r.cs", `class R { void A(string[] names) {
	var b = new BackgroundTaskBuilder();
	b.TaskEntryPoint = "N.One";
	b.SetTrigger(new TimeTrigger(30, false));
	foreach (var n in names) {
		b.Name = "One";
		b.SetTrigger(new ApplicationTrigger());
		b.Register();
	}
} }`, "One[ApplicationTrigger]"},
		{"cs straight line", "r.cs", `class R { void A() {
	var b = new BackgroundTaskBuilder();
	b.Name = "One"; b.TaskEntryPoint = "N.One";
	b.SetTrigger(new TimeTrigger(30, false));
	b.SetTrigger(new ApplicationTrigger());
	b.Register();
} }`, "One[ApplicationTrigger]"},
		{"cpp SetTrigger inside if", "r.cpp", `void R::A(bool x) {
	BackgroundTaskBuilder b;
	b.Name(L"One"); b.TaskEntryPoint(L"N.One");
	b.SetTrigger(TimeTrigger(30, false));
	b.Register();
	if (x) {
		b.Name(L"Two");
		b.SetTrigger(ApplicationTrigger());
		b.Register();
	}
}`, "One[TimeTrigger] Two[ApplicationTrigger]"},
		{"js SetTrigger inside if", "r.js", `function arm(x) {
	var b = new Windows.ApplicationModel.Background.BackgroundTaskBuilder();
	b.name = "One"; b.taskEntryPoint = "js\\one.js";
	b.setTrigger(new Windows.ApplicationModel.Background.TimeTrigger(30, false));
	b.register();
	if (x) {
		b.name = "Two";
		b.setTrigger(new Windows.ApplicationModel.Background.ApplicationTrigger());
		b.register();
	}
}`, "One[TimeTrigger] Two[ApplicationTrigger]"},
		{"js trigger variable without a semicolon", "r.js", `function arm() {
	var bg = Windows.ApplicationModel.Background;
	var b = new bg.BackgroundTaskBuilder();
	b.name = "One";
	b.taskEntryPoint = "js\\one.js";
	var every = new bg.TimeTrigger(30, false)

	b.setTrigger(every);
	b.register();
}`, "One[TimeTrigger]"},
		{"vb reused builder, SetTrigger inside If", "r.vb", `Module R
    Sub A(again As Boolean)
        Dim b As New BackgroundTaskBuilder()
        b.Name = "One"
        b.TaskEntryPoint = "N.One"
        b.SetTrigger(New TimeTrigger(30, False))
        b.Register()
        If again Then
            b.Name = "Two"
            b.TaskEntryPoint = "N.Two"
            b.SetTrigger(New SystemTrigger(SystemTriggerType.ServicingComplete, False))
            b.Register()
        End If
        b.Name = "Three"
        b.TaskEntryPoint = "N.Three"
        b.SetTrigger(New PushNotificationTrigger())
        b.Register()
    End Sub
End Module`, "One[TimeTrigger] Two[SystemTrigger] Three[PushNotificationTrigger]"},
		{"vb single-line If", "r.vb", `Module R
    Sub A(x As Boolean)
        Dim b As New BackgroundTaskBuilder()
        b.Name = "One"
        b.TaskEntryPoint = "N.One"
        b.SetTrigger(New TimeTrigger(30, False))
        If x Then b.SetTrigger(New ApplicationTrigger())
        b.Register()
    End Sub
End Module`, "One[TimeTrigger,ApplicationTrigger]"},
		{"vb single-line If with statements after a colon", "r.vb", `Module R
    Sub A(x As Boolean)
        Dim b As New BackgroundTaskBuilder()
        b.Name = "One"
        b.TaskEntryPoint = "N.One"
        b.SetTrigger(New TimeTrigger(30, False))
        If x Then Trace.WriteLine("again") : b.SetTrigger(New ApplicationTrigger())
        b.Register()
    End Sub
End Module`, "One[TimeTrigger,ApplicationTrigger]"},
		{"vb ElseIf branches", "r.vb", `Module R
    Sub A(x As Boolean, y As Boolean)
        Dim b As New BackgroundTaskBuilder()
        b.Name = "One"
        b.TaskEntryPoint = "N.One"
        b.SetTrigger(New TimeTrigger(30, False))
        If x Then
            b.SetTrigger(New ApplicationTrigger())
            b.Register()
        ElseIf y Then
            b.Register()
        End If
    End Sub
End Module`, "One[ApplicationTrigger] One[TimeTrigger,ApplicationTrigger]"},
		{"vb Select Case", "r.vb", `Module R
    Sub A(k As Integer)
        Dim b As New BackgroundTaskBuilder()
        b.Name = "One"
        b.TaskEntryPoint = "N.One"
        b.SetTrigger(New TimeTrigger(30, False))
        Select Case k
            Case 1
                b.SetTrigger(New ApplicationTrigger())
                b.Register()
            Case Else
                b.Register()
        End Select
    End Sub
End Module`, "One[ApplicationTrigger] One[TimeTrigger,ApplicationTrigger]"},
		{"vb nested blocks inside the If", "r.vb", `Module R
    Sub A(x As Boolean, names As String())
        Dim b As New BackgroundTaskBuilder()
        b.Name = "One"
        b.TaskEntryPoint = "N.One"
        b.SetTrigger(New TimeTrigger(30, False))
        If x Then
            b.SetTrigger(New ApplicationTrigger())
            For Each n In names
                If n Is Nothing Then Continue For
                Try
                    b.Register()
                Catch ex As Exception
                End Try
            Next
        End If
        b.Register()
    End Sub
End Module`, "One[ApplicationTrigger] One[TimeTrigger,ApplicationTrigger]"},
		{"vb With block", "r.vb", `Module R
    Sub A()
        Dim b As New BackgroundTaskBuilder()
        b.Name = "One"
        b.TaskEntryPoint = "N.One"
        b.SetTrigger(New TimeTrigger(30, False))
        With b
            .SetTrigger(New ApplicationTrigger())
        End With
        b.Register()
    End Sub
End Module`, "One[ApplicationTrigger]"},
		{"vb multi-line lambda", "r.vb", `Module R
    Sub A()
        Dim b As New BackgroundTaskBuilder()
        b.Name = "One"
        b.TaskEntryPoint = "N.One"
        b.SetTrigger(New TimeTrigger(30, False))
        Dim later = Sub()
                        b.SetTrigger(New ApplicationTrigger())
                        b.Register()
                    End Sub
        b.Register()
    End Sub
End Module`, "One[ApplicationTrigger] One[TimeTrigger,ApplicationTrigger]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := ScanWithOverlay([]SourceFile{{Path: c.file}}, map[string][]byte{c.file: []byte(c.src)}, Options{Jobs: 1})
			var got []string
			for _, r := range f.Registrations {
				var tr []string
				for _, x := range r.Triggers {
					tr = append(tr, x.Class)
				}
				got = append(got, r.Name.Str+"["+strings.Join(tr, ",")+"]")
			}
			if strings.Join(got, " ") != c.want {
				t.Errorf("registrations = %q, want %q", strings.Join(got, " "), c.want)
			}
		})
	}
}
