package registration

import (
	"bytes"
	"strings"
	"testing"
)

// resolveSeeds are two-file Apps per language: constants or a helper in the
// first file, the registration that uses them in the second, so the fuzzer
// starts from inputs that reach the cross-file resolver (constants, helper
// call sites, argument binding, trigger variables).
var resolveSeeds = []struct {
	ext  string
	a, b string
}{
	{".cs",
		"namespace N { static class K { public const string Ns = \"Tasks.\"; public const string Timer = Ns + nameof(TimerTask); } }",
		"using static N.K; class P { void R() { Reg(Timer, \"t\", new TimeTrigger(15, false)); }\n static void Reg(string ep, string n, IBackgroundTrigger tr) { var b = new BackgroundTaskBuilder { Name = n, TaskEntryPoint = ep }; b.SetTrigger(tr); b.Register(); } }"},
	{".vb",
		"Namespace N\nModule K\nPublic Const Ep As String = \"Tasks.\" & \"Timer\"\nEnd Module\nEnd Namespace",
		"Class P\nSub R()\nDim t = New TimeTrigger(15, False)\nDim b As New BackgroundTaskBuilder With {.Name = \"t\", .TaskEntryPoint = Ep}\nb.SetTrigger(t)\nb.Register()\nEnd Sub\nEnd Class"},
	{".cpp",
		"#pragma once\nnamespace K { constexpr wchar_t Ep[] = L\"Tasks.Timer\"; }\n",
		"void Reg(winrt::hstring const& ep, IBackgroundTrigger const& t) { BackgroundTaskBuilder b; b.TaskEntryPoint(ep); b.SetTrigger(t); b.Register(); }\nvoid R() { Reg(K::Ep, TimeTrigger(15, false)); Reg(winrt::name_of<Tasks::Other>(), SystemTrigger(SystemTriggerType::TimeZoneChange, false)); }"},
	{".cpp",
		"namespace Tasks { public ref class T sealed : public Windows::ApplicationModel::Background::IBackgroundTask { public: virtual void Run(IBackgroundTaskInstance^ i) { auto d = i->GetDeferral(); d->Complete(); } }; }",
		"void R() { auto b = ref new BackgroundTaskBuilder(); b->TaskEntryPoint = \"Tasks.T\"; b->SetTrigger(ref new TimeTrigger(15, false)); b->Register(); }"},
	{".idl",
		"namespace Tasks { runtimeclass Timer : Windows.ApplicationModel.Background.IBackgroundTask { Timer(); } }",
		"void R() { BackgroundTaskBuilder b; b.TaskEntryPoint(winrt::name_of<Tasks::Timer>()); b.Register(); }"},
	{".js",
		"var K = { ep: 'js\\\\task.js' };",
		"function reg(ep, tr) { var b = new Windows.ApplicationModel.Background.BackgroundTaskBuilder(); b.taskEntryPoint = ep; b.setTrigger(tr); return b.register(); }\nreg(K.ep, new Windows.ApplicationModel.Background.TimeTrigger(15, false)); reg(reg, reg);"},
}

// FuzzResolve: scanning any pair of files of one language never panics
// (not even a panic the scanner recovers into a note), and every fact's
// position lies inside the file it names.
func FuzzResolve(f *testing.F) {
	for _, s := range resolveSeeds {
		f.Add(s.ext, []byte(s.a), []byte(s.b))
	}
	f.Add(".cs", []byte("class A { const string X = Y; const string Y = X; }"), []byte("class B { void R() { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = A.X; b.Register(); } }"))
	f.Add(".cs", []byte("void F(string a) { F(a); G(a); } void G(string b) { F(b); var x = new BackgroundTaskBuilder(); x.TaskEntryPoint = b; x.Register(); }"), []byte("class C { void R() { F(\"x\"); } }"))
	// Hostile (issue 16): a 300-character identifier in a 256–600-byte
	// file, a 440-character entry point, deep nesting.
	long := strings.Repeat("x", 300)
	f.Add(".cs", []byte("class "+long+" { const string E = \""+strings.Repeat("A.", 220)+"\"; }"), []byte("class B { void R() { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = "+long+".E; b.Register(); } }"))
	f.Add(".cs", []byte(strings.Repeat("{", 5000)), []byte(strings.Repeat("(", 5000)+"new BackgroundTaskBuilder"))
	// Builders configured and dropped, returned, handed on (BG104).
	f.Add(".cs", []byte("class K { public static string Ep { get; } = typeof(T).FullName; }"), []byte("class B { void R(){ P(K.Ep); S(K.Ep); }\n void P(string e){ var b = new BackgroundTaskBuilder{ Name = nameof(T), TaskEntryPoint = e }; }\n BackgroundTaskBuilder S(string e){ var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = e; return b; } }"))
	f.Add(".vb", []byte("Public Class T\nPublic Shared ReadOnly Property Ep As String = GetType(T).FullName\nEnd Class"), []byte("Module M\nSub R()\nDim b As New BackgroundTaskBuilder With {.TaskEntryPoint = T.Ep}\nQ(b)\nEnd Sub\nEnd Module"))
	// Look-up guards: a finder in one file, two registrations under its
	// early exit in the other (markLookUpGuards).
	f.Add(".cs", []byte("static class F { public static IBackgroundTaskRegistration Find(string n) { foreach (var t in BackgroundTaskRegistration.AllTasks) { if (t.Value.Name == n) return t.Value; } return null; } }"),
		[]byte("class B { void R() { var e = F.Find(\"A\"); if (e == null) { var a = new BackgroundTaskBuilder { Name = \"A\", TaskEntryPoint = \"T.A\" }; a.Register(); var b = new BackgroundTaskBuilder { Name = \"B\", TaskEntryPoint = \"T.A\" }; b.Register(); } } }"))
	f.Add(".vb", []byte("Module F\nFunction Find() As IBackgroundTaskRegistration\nFor Each t In BackgroundTaskRegistration.AllTasks\nIf t.Value.Name = \"A\" Then Return t.Value\nNext\nReturn Nothing\nEnd Function\nEnd Module"),
		[]byte("Module M\nSub R()\nIf Find() IsNot Nothing Then Exit Sub\nDim a As New BackgroundTaskBuilder With {.Name = \"A\", .TaskEntryPoint = \"T.A\"}\na.Register()\nDim b As New BackgroundTaskBuilder With {.Name = \"B\", .TaskEntryPoint = \"T.A\"}\nb.Register()\nEnd Sub\nEnd Module"))
	// Session 20's shapes: a generic helper bound by its call's type
	// argument, a parameter the helper assigns (VB: first statement of
	// the body), sibling blocks each declaring the trigger variable, a
	// builder returned to the caller, an async in-process override, a
	// deferral completed after an async void call.
	f.Add(".cs", []byte("static class H { public static void Reg<T>(IBackgroundTrigger t, uint m) where T : class { m *= 60; var b = new BackgroundTaskBuilder { Name = nameof(T), TaskEntryPoint = typeof(T).FullName }; b.SetTrigger(t); b.Register(); } public static BackgroundTaskBuilder Make(string n) { var b = new BackgroundTaskBuilder { Name = n }; return b; } }"),
		[]byte("class A : Application { void Go(bool x) { H.Reg<Tasks.T>(new TimeTrigger(15, false), 1); if (x) { var trigger = new TimeTrigger(15, false); } else { var trigger = new MaintenanceTrigger(15, false); } H.Make(\"n\").Register(); }\n protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args) { base.OnBackgroundActivated(args); await Work(); var d = args.TaskInstance.GetDeferral(); d.Complete(); } }\npublic sealed class T : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { var d = i.GetDeferral(); Fire(); d.Complete(); } async void Fire() { await Task.Delay(1); } }"))
	f.Add(".vb", []byte("Module H\nSub Reg(hour As UInteger)\nhour = hour * 60\nDim b As New BackgroundTaskBuilder()\nb.SetTrigger(New TimeTrigger(hour, False))\nb.Register()\nEnd Sub\nEnd Module"),
		[]byte("NotInheritable Class App\nInherits Application\nProtected Overrides Async Sub OnBackgroundActivated(args As BackgroundActivatedEventArgs)\nAwait Work()\nEnd Sub\nSub Go()\nReg(1)\nEnd Sub\nEnd Class"))
	f.Fuzz(func(t *testing.T, ext string, a, b []byte) {
		switch ext {
		case ".cs", ".vb", ".cpp", ".h", ".idl", ".js":
		default:
			ext = ".cs"
		}
		second := ext
		if ext == ".idl" {
			second = ".cpp" // IDL declares, C++ registers
		}
		files := []SourceFile{{Path: "a" + ext, RootNamespace: "Root"}, {Path: "b" + second, RootNamespace: "Root"}}
		texts := map[string][]byte{files[0].Path: a, files[1].Path: b}
		facts := ScanWithOverlay(files, texts, Options{Jobs: 2})
		for _, n := range facts.Notes {
			if strings.Contains(n.Message, "internal error") {
				t.Fatalf("recovered panic: %s", n.Message)
			}
		}
		inside := func(what string, p Pos) {
			if !p.IsValid() {
				return
			}
			src, ok := texts[p.File]
			if !ok {
				t.Fatalf("%s at %+v names a file that was not scanned", what, p)
			}
			if p.Col < 1 || p.Line > lineCount(src) {
				t.Fatalf("%s at %d:%d is outside %s (%d lines)", what, p.Line, p.Col, p.File, lineCount(src))
			}
		}
		for _, r := range facts.Registrations {
			inside("registration", r.Pos)
			inside("entry point", r.EntryPoint.Pos)
			inside("name", r.Name.Pos)
			for _, tr := range r.Triggers {
				inside("trigger", tr.Pos)
			}
			for _, p := range r.RegisterCalls {
				inside("Register call", p)
			}
			for _, p := range r.Via {
				inside("helper call", p)
			}
		}
		for _, c := range facts.TaskClasses {
			inside("task class", c.Pos)
			inside("Run", c.RunPos)
		}
		for _, list := range [][]Pos{facts.AccessRequests, facts.ExistingChecks, facts.BackgroundActivated} {
			for _, p := range list {
				inside("fact", p)
			}
		}
	})
}

// lineCount counts lines the way the scanner does: LF, CRLF and a lone CR
// each end one.
func lineCount(src []byte) int {
	return bytes.Count(loneCRToLF(src), []byte("\n")) + 1
}
