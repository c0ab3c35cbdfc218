package registration

import (
	"fmt"
	"path/filepath"
	"testing"
)

// A registration in a private C# method is Unreached only when nothing
// can call the method: no identifier or string of the App spells its
// name, it carries no attribute, and the XAML of its code-behind (read
// from disk) does not name it.
func TestUnreachedMethod(t *testing.T) {
	const page = `using Windows.ApplicationModel.Background;
namespace App {
	public sealed partial class MainPage {
		public MainPage() { %s }
		%s
		%s void RegisterSms() {
			var b = new BackgroundTaskBuilder { Name = "Sms", TaskEntryPoint = "Tasks.SmsTask" };
			b.SetTrigger(new SystemTrigger(SystemTriggerType.SmsReceived, false));
			b.Register();
		}
	}
}`
	const plainXAML = `<Page x:Class="App.MainPage"><Grid/></Page>`
	cases := []struct {
		name       string
		ctor, attr string
		mods       string
		xaml       string // "" for no XAML file
		other      string // another source file of the App
		want       bool
	}{
		{name: "private, named nowhere", mods: "private", xaml: plainXAML, want: true},
		{name: "called from the constructor", ctor: "RegisterSms();", mods: "private", xaml: plainXAML},
		{name: "subscribed as a delegate", ctor: "Loaded += (s, e) => RegisterSms();", mods: "private", xaml: plainXAML},
		{name: "named in a string (reflection)", ctor: `GetType().GetMethod("RegisterSms");`, mods: "private", xaml: plainXAML},
		{name: "named in another file of the class", mods: "private", xaml: plainXAML,
			other: `namespace App { public sealed partial class MainPage { void Start() { RegisterSms(); } } }`},
		{name: "bound in the page's XAML", mods: "private", xaml: `<Page x:Class="App.MainPage"><Button Click="{x:Bind RegisterSms}"/></Page>`},
		{name: "the XAML file is missing", mods: "private"},
		{name: "an attribute a generator acts on", attr: "[RelayCommand]", mods: "private", xaml: plainXAML},
		{name: "not private", mods: "public", xaml: plainXAML},
		{name: "no access modifier (private by default, not said)", mods: "", xaml: plainXAML},
		{name: "internal, named nowhere", mods: "internal", xaml: plainXAML, want: true},
		{name: "internal static, named nowhere", mods: "internal static", xaml: plainXAML, want: true},
		{name: "private protected (derived classes elsewhere)", mods: "private protected", xaml: plainXAML},
		{name: "protected internal", mods: "protected internal", xaml: plainXAML},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := writeSource(t, dir, "MainPage.xaml.cs", fmt.Sprintf(page, tc.ctor, tc.attr, tc.mods))
			files := []SourceFile{{Path: src, Language: CSharp}}
			if tc.xaml != "" {
				writeSource(t, dir, "MainPage.xaml", tc.xaml)
			}
			if tc.other != "" {
				files = append(files, SourceFile{Path: writeSource(t, dir, "MainPage.Start.cs", tc.other), Language: CSharp})
			}
			facts := ScanWithOverlay(files, nil, Options{Jobs: 1})
			if len(facts.Registrations) != 1 {
				t.Fatalf("%d registrations, want 1: %+v", len(facts.Registrations), facts.Registrations)
			}
			if got := facts.Registrations[0].Unreached; got != tc.want {
				t.Errorf("Unreached = %v, want %v (in %s)", got, tc.want, filepath.Base(src))
			}
		})
	}
}

// A C# explicit interface implementation is called through its interface:
// it is never Unreached, though nothing spells its name.
func TestUnreachedMethodExplicitInterface(t *testing.T) {
	dir := t.TempDir()
	src := writeSource(t, dir, "Starter.cs", `using Windows.ApplicationModel.Background;
namespace App {
	interface IStarter { void RegisterSms(); }
	sealed class Starter : IStarter {
		void IStarter.RegisterSms() {
			var b = new BackgroundTaskBuilder { Name = "Sms", TaskEntryPoint = "Tasks.SmsTask" };
			b.SetTrigger(new SystemTrigger(SystemTriggerType.SmsReceived, false));
			b.Register();
		}
	}
}`)
	facts := ScanWithOverlay([]SourceFile{{Path: src, Language: CSharp}}, nil, Options{Jobs: 1})
	if len(facts.Registrations) != 1 || facts.Registrations[0].Unreached {
		t.Errorf("registrations %+v, want one that may run", facts.Registrations)
	}
}

// In Visual Basic a Private or Friend method of a module, or of a page's
// code-behind whose XAML does not name it (in any case), that nothing
// names (in any case) is Unreached; one that handles an event or
// implements an interface member, or has an attribute, is not, nor is a
// Sub without an access modifier (Public).
func TestUnreachedMethodVB(t *testing.T) {
	const body = `
			Dim b = New BackgroundTaskBuilder()
			b.Name = "Sms"
			b.TaskEntryPoint = "Tasks.SmsTask"
			b.SetTrigger(New SystemTrigger(SystemTriggerType.SmsReceived, False))
			b.Register()
`
	page := func(ctor, decl string) string {
		return "Imports Windows.ApplicationModel.Background\nNamespace App\n\tPublic NotInheritable Class MainPage\n\t\tPublic Sub New()\n\t\t\t" + ctor +
			"\n\t\tEnd Sub\n\t\t" + decl + body + "\t\tEnd Sub\n\tEnd Class\nEnd Namespace\n"
	}
	const plainXAML = `<Page x:Class="App.MainPage"><Grid/></Page>`
	cases := []struct {
		name, file, src, xaml string
		want                  bool
	}{
		{"Private in a code-behind, named nowhere", "MainPage.xaml.vb", page("", "Private Sub RegisterSms()"), plainXAML, true},
		{"Friend in a code-behind, named nowhere", "MainPage.xaml.vb", page("", "Friend Sub RegisterSms()"), plainXAML, true},
		{"called in another case", "MainPage.xaml.vb", page("registersms()", "Private Sub RegisterSms()"), plainXAML, false},
		{"named by the XAML in another case", "MainPage.xaml.vb", page("", "Private Sub RegisterSms()"), `<Page x:Class="App.MainPage"><Button Click="registerSms"/></Page>`, false},
		{"handles an event", "MainPage.xaml.vb", page("", "Private Sub RegisterSms() Handles Me.Loaded"), plainXAML, false},
		{"implements an interface member", "MainPage.xaml.vb", page("", "Private Sub RegisterSms() Implements IStarter.Start"), plainXAML, false},
		{"an attribute", "MainPage.xaml.vb", page("", "<Obsolete> Private Sub RegisterSms()"), plainXAML, false},
		{"no access modifier (Public)", "MainPage.xaml.vb", page("", "Sub RegisterSms()"), plainXAML, false},
		{"the XAML file is missing", "MainPage.xaml.vb", page("", "Private Sub RegisterSms()"), "", false},
		{"a class outside a code-behind (XAML may name it)", "Starter.vb", page("", "Private Sub RegisterSms()"), "", false},
		{"a module", "Starter.vb", "Imports Windows.ApplicationModel.Background\nModule Starter\n\tFriend Sub RegisterSms()" + body + "\tEnd Sub\nEnd Module\n", "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := writeSource(t, dir, tc.file, tc.src)
			if tc.xaml != "" {
				writeSource(t, dir, "MainPage.xaml", tc.xaml)
			}
			facts := ScanWithOverlay([]SourceFile{{Path: src, Language: VB}}, nil, Options{Jobs: 1})
			if len(facts.Registrations) != 1 {
				t.Fatalf("%d registrations, want 1: %+v", len(facts.Registrations), facts.Registrations)
			}
			if got := facts.Registrations[0].Unreached; got != tc.want {
				t.Errorf("Unreached = %v, want %v", got, tc.want)
			}
		})
	}
}

// A registration through a helper (a method that takes the builder's
// values) runs once per call: the chain that starts in a method nothing
// calls is Unreached, one that starts in code that runs is not.
func TestUnreachedChain(t *testing.T) {
	const src = `using Windows.ApplicationModel.Background;
namespace App {
	static class Tasks {
		public static void Start() { %s }
		internal static void RegisterLegacy() { Register("Legacy", "Tasks.LegacyTask"); }
		private static void Register(string name, string entryPoint) {
			var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint };
			b.SetTrigger(new TimeTrigger(30, false));
			b.Register();
		}
	}
}`
	for _, tc := range []struct {
		start string
		want  map[string]bool // Unreached by task name
	}{
		{`Register("Sync", "Tasks.SyncTask");`, map[string]bool{"Sync": false, "Legacy": true}},
		{`RegisterLegacy();`, map[string]bool{"Legacy": false}},
	} {
		dir := t.TempDir()
		path := writeSource(t, dir, "Tasks.cs", fmt.Sprintf(src, tc.start))
		facts := ScanWithOverlay([]SourceFile{{Path: path, Language: CSharp}}, nil, Options{Jobs: 1})
		got := map[string]bool{}
		for _, r := range facts.Registrations {
			got[r.Name.Str] = r.Unreached
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("Start() { %s }: Unreached %v, want %v", tc.start, got, tc.want)
		}
	}
}
