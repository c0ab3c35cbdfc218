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
