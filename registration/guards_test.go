package registration

import (
	"sort"
	"strings"
	"testing"
)

// csBuilder is a C# registration of the task called name.
func csBuilder(v, name string) string {
	return `var ` + v + ` = new BackgroundTaskBuilder { Name = "` + name + `", TaskEntryPoint = "Tasks.Nudge" };
		` + v + `.SetTrigger(new TimeTrigger(30, false));
		` + v + `.Register();
`
}

// vbBuilder is a VB registration of the task called name.
func vbBuilder(v, name string) string {
	return "  Dim " + v + " As New BackgroundTaskBuilder()\n  " + v + ".Name = \"" + name + "\"\n  " + v + ".TaskEntryPoint = \"Tasks.Nudge\"\n  " + v + ".SetTrigger(New TimeTrigger(30, False))\n  " + v + ".Register()\n"
}

// cppBuilder is a C++/WinRT registration of the task called name.
func cppBuilder(v, name string) string {
	return "BackgroundTaskBuilder " + v + "; " + v + ".Name(L\"" + name + "\"); " + v + ".TaskEntryPoint(L\"Tasks.Nudge\"); " + v + ".SetTrigger(TimeTrigger(30, false)); " + v + ".Register();\n"
}

const csFinder = `
	static IBackgroundTaskRegistration Find(string name)
	{
		foreach (var entry in BackgroundTaskRegistration.AllTasks)
		{
			if (entry.Value.Name == name)
				return entry.Value;
		}
		return null;
	}
`

// TestLookUpGuards: a Register() that runs only when a look-up of another
// task registered with it found nothing is marked with that task's name
// (Registration.SkippedWhenFound); anything less plain is not.
func TestLookUpGuards(t *testing.T) {
	cases := []struct {
		name, file, src string
		want            string // "Name=Guard" per registration, sorted; Guard empty when unguarded
	}{
		{"early exit from a loop", "a.cs", `class A { void F() {
		foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name == "Periodic") return;
		` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `} }`, "Logon=Periodic,Periodic=Periodic"},
		{"early exit from a braced loop with co_return", "a.cpp", `IAsyncAction F() {
	for (auto const& t : BackgroundTaskRegistration::AllTasks()) { if (t.Value().Name() == L"Periodic") { co_return; } }
	` + cppBuilder("a", "Periodic") + cppBuilder("b", "Logon") + `}`, "Logon=Periodic,Periodic=Periodic"},
		{"early exit on Any", "a.cs", `class A { void F() {
		if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Periodic"))
		{
			Log("registered already");
			return;
		}
		` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `} }`, "Logon=Periodic,Periodic=Periodic"},
		{"block of the negated look-up", "a.cs", `class A { void F() {
		if (!BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Periodic"))
		{
			` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `}
	} }`, "Logon=Periodic,Periodic=Periodic"},
		{"else block of the look-up", "a.cs", `class A { void F() {
		if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Periodic")) { Log("there"); }
		else
		{
			` + csBuilder("b", "Logon") + csBuilder("a", "Periodic") + `}
	} }`, "Logon=Periodic,Periodic=Periodic"},
		{"look-up kept in a variable", "a.cs", `class A { void F() {
		var found = BackgroundTaskRegistration.AllTasks.Values.FirstOrDefault(t => t.Name == "Periodic");
		Log("checked");
		if (found == null)
		{
			` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `}
	} }`, "Logon=Periodic,Periodic=Periodic"},
		{"finder called with the name", "a.cs", `class A { const string PeriodicName = "Periodic";
	void F() {
		if (Find(PeriodicName) != null)
			return;
		` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `}` + csFinder + `}`, "Logon=Periodic,Periodic=Periodic"},
		{"finder result in a variable", "a.cs", `class A {
	IBackgroundTaskRegistration F() {
		var existing = IsRegistered();
		if (existing == null)
		{
			` + csBuilder("a", "Periodic") + `var b = new BackgroundTaskBuilder { Name = "Logon", TaskEntryPoint = "Tasks.Nudge" };
			b.SetTrigger(new TimeTrigger(30, false));
			return b.Register();
		}
		return existing;
	}
	IBackgroundTaskRegistration IsRegistered() {
		foreach (var t in BackgroundTaskRegistration.AllTasks)
		{
			if (t.Value.Name == "Periodic")
			{
				return t.Value;
			}
		}
		return null;
	}
}`, "Logon=Periodic,Periodic=Periodic"},
		{"boolean finder, expression-bodied", "a.cs", `class A {
	bool Exists(string n) => BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == n);
	void F() {
		if (!Exists("Periodic")) {
			` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `}
	}
}`, "Logon=Periodic,Periodic=Periodic"},
		{"registered through a helper", "a.cs", `class A {
	void F() {
		if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Periodic")) return;
		Add("Periodic");
		Add("Logon");
	}
	void Add(string name) {
		var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = "Tasks.Nudge" };
		b.SetTrigger(new TimeTrigger(30, false));
		b.Register();
	}
}`, "Logon=Periodic,Periodic=Periodic"},
		{"VB early exit from a loop", "a.vb", "Module M\n Sub F()\n  For Each t In BackgroundTaskRegistration.AllTasks\n   If t.Value.Name = \"Periodic\" Then\n    Return\n   End If\n  Next\n" + vbBuilder("a", "Periodic") + vbBuilder("b", "Logon") + " End Sub\nEnd Module\n", "Logon=Periodic,Periodic=Periodic"},
		{"VB Exit Sub on Any", "a.vb", "Module M\n Sub F()\n  If BackgroundTaskRegistration.AllTasks.Values.Any(Function(t) t.Name = \"Periodic\") Then Exit Sub\n" + vbBuilder("a", "Periodic") + vbBuilder("b", "Logon") + " End Sub\nEnd Module\n", "Logon=Periodic,Periodic=Periodic"},
		{"VB block of Not", "a.vb", "Module M\n Sub F()\n  If Not BackgroundTaskRegistration.AllTasks.Values.Any(Function(t) t.Name = \"Periodic\") Then\n" + vbBuilder("a", "Periodic") + vbBuilder("b", "Logon") + "  End If\n End Sub\nEnd Module\n", "Logon=Periodic,Periodic=Periodic"},
		{"VB finder result Is Nothing", "a.vb", "Module M\n Function Find() As IBackgroundTaskRegistration\n  For Each t In BackgroundTaskRegistration.AllTasks\n   If t.Value.Name = \"Periodic\" Then Return t.Value\n  Next\n  Return Nothing\n End Function\n Sub F()\n  Dim found = Find()\n  If found Is Nothing Then\n" + vbBuilder("a", "Periodic") + vbBuilder("b", "Logon") + "  End If\n End Sub\nEnd Module\n", "Logon=Periodic,Periodic=Periodic"},
		{"C++/CX for each", "a.cpp", `void A::F() {
	for each (auto pair in BackgroundTaskRegistration::AllTasks)
	{
		if (pair->Value->Name == "Periodic")
			return;
	}
	auto a = ref new BackgroundTaskBuilder(); a->Name = "Periodic"; a->TaskEntryPoint = "Tasks.Nudge"; a->SetTrigger(ref new TimeTrigger(30, false)); a->Register();
	auto b = ref new BackgroundTaskBuilder(); b->Name = "Logon"; b->TaskEntryPoint = "Tasks.Nudge"; b->SetTrigger(ref new TimeTrigger(30, false)); b->Register();
}`, "Logon=Periodic,Periodic=Periodic"},
		{"unregister all elsewhere keeps the guard", "a.cs", `class A { void F() {
		if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Periodic")) return;
		` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `}
	void Reset() { foreach (var t in BackgroundTaskRegistration.AllTasks) t.Value.Unregister(true); }
}`, "Logon=Periodic,Periodic=Periodic"},

		// not guarded
		{"registered after the guarded block", "a.cs", `class A { void F() {
		if (!BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Periodic"))
		{
			` + csBuilder("a", "Periodic") + `}
		` + csBuilder("b", "Logon") + `} }`, "Logon=,Periodic=Periodic"},
		{"the looked-up name is registered nowhere", "a.cs", `class A { void F() {
		if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Periodc")) return;
		` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `} }`, "Logon=,Periodic="},
		{"the looked-up task is registered under a condition", "a.cs", `class A { void F(bool on) {
		if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Periodic")) return;
		if (on) Add();
		` + csBuilder("b", "Logon") + `}
	void Add() { ` + csBuilder("a", "Periodic") + ` }
}`, "Logon=,Periodic="},
		{"a way out between the two", "a.cs", `class A { void F(bool on) {
		if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Periodic")) return;
		` + csBuilder("b", "Logon") + `if (!on) return;
		` + csBuilder("a", "Periodic") + `} }`, "Logon=,Periodic=Periodic"},
		{"a comparison that is not equality", "a.cs", `class A { void F() {
		if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name != "Periodic")) return;
		` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `} }`, "Logon=,Periodic="},
		{"the found task is unregistered before leaving", "a.cs", `class A { void F() {
		foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name == "Periodic") { t.Value.Unregister(true); return; }
		` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `} }`, "Logon=,Periodic="},
		{"other code unregisters the looked-up task alone", "a.cs", `class A { void F() {
		if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Periodic")) return;
		` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `}
	void Stop() { foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name == "Periodic") t.Value.Unregister(true); }
}`, "Logon=,Periodic="},
		{"the variable is assigned again", "a.cs", `class A { void F(bool again) {
		var found = BackgroundTaskRegistration.AllTasks.Values.FirstOrDefault(t => t.Name == "Periodic");
		if (again) found = null;
		if (found == null)
		{
			` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `}
	} }`, "Logon=,Periodic="},
		{"a finder that finds something either way", "a.cs", `class A {
	void F() {
		if (Find("Periodic") != null) return;
		` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `}
	static IBackgroundTaskRegistration Find(string name)
	{
		foreach (var entry in BackgroundTaskRegistration.AllTasks)
			if (entry.Value.Name == name)
				return entry.Value;
		return Fallback;
	}
}`, "Logon=,Periodic="},
		{"an early exit in a nested block", "a.cs", `class A { void F(bool on) {
		if (on) { if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Periodic")) return; }
		` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `} }`, "Logon=,Periodic="},
		{"a loop that only breaks", "a.cs", `class A { void F() {
		foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name == "Periodic") break;
		` + csBuilder("a", "Periodic") + csBuilder("b", "Logon") + `} }`, "Logon=,Periodic="},
		{"a local function runs where it is called", "a.cs", `class A { void F() {
		Later();
		if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "Periodic")) return;
		` + csBuilder("a", "Periodic") + `void Later() {
			` + csBuilder("b", "Logon") + `}
	} }`, "Logon=,Periodic=Periodic"},
		{"VB single-line If holds the look-up task's registration", "a.vb", "Module M\n Sub F(on As Boolean)\n  If BackgroundTaskRegistration.AllTasks.Values.Any(Function(t) t.Name = \"Periodic\") Then Return\n  If on Then Add()\n" + vbBuilder("b", "Logon") + " End Sub\n Sub Add()\n" + vbBuilder("a", "Periodic") + " End Sub\nEnd Module\n", "Logon=,Periodic="},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := ScanWithOverlay([]SourceFile{{Path: tc.file}}, map[string][]byte{tc.file: []byte(tc.src)}, Options{Jobs: 1})
			var got []string
			for _, r := range f.Registrations {
				got = append(got, r.Name.Str+"="+r.SkippedWhenFound)
			}
			sort.Strings(got)
			if strings.Join(got, ",") != tc.want {
				t.Errorf("got %q, want %q", strings.Join(got, ","), tc.want)
			}
		})
	}
}
