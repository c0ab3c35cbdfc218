package registration

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
)

// lexFilterCases each put a fact's ingredient in a file the keyword
// prefilter rejects, so only the resolver's request for a name (or the
// task class's project) can get that file lexed. Each case fails if that
// request is not made.
var lexFilterCases = []struct {
	name    string
	project string // of every file
	// component: the project is a Windows Runtime Component
	component bool
	files     map[string]string
	check     func(*Facts) error
	unlexed   []string // files that must stay unlexed
}{
	{
		name: "constant defined in another file",
		files: map[string]string{
			"Register.cs": `using Windows.ApplicationModel.Background;
class R { void Go() { var b = new BackgroundTaskBuilder(); b.Name = Names.Sync; b.TaskEntryPoint = Names.Entry; b.SetTrigger(new TimeTrigger(15, false)); b.Register(); } }`,
			"Names.cs":     `static class Names { public const string Sync = "SyncName"; public const string Entry = "Tasks.SyncTask"; }`,
			"Unrelated.cs": `class Other { int Count = 1; void Add() { Count++; } }`,
		},
		check:   entryPointIs("Tasks.SyncTask", true),
		unlexed: []string{"Unrelated.cs"},
	},
	{
		name: "field initialiser reassigned in another file is no constant",
		files: map[string]string{
			"Register.cs": `using Windows.ApplicationModel.Background;
class R { void Go() { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = Names.Entry; b.SetTrigger(new TimeTrigger(15, false)); b.Register(); } }`,
			"Names.cs":   `static partial class Names { public static string Entry = "Tasks.A"; }`,
			"Changer.cs": `static partial class Names { static void Flip() { Entry = "Tasks.B"; } }`,
		},
		check: entryPointIs("", false),
	},
	{
		name: "entry point returned by a static method in another file",
		files: map[string]string{
			"Register.cs": `using Windows.ApplicationModel.Background;
class R { void Go() { var b = new BackgroundTaskBuilder(); b.Name = "sync"; b.TaskEntryPoint = Names.Entry(); b.SetTrigger(new TimeTrigger(15, false)); b.Register(); } }`,
			"Names.cs":     `static class Names { static string entry = "Tasks.SyncTask"; public static string Entry() { return entry; } }`,
			"Unrelated.cs": `class Other { int Count = 1; void Add() { Count++; } }`,
		},
		check:   entryPointIs("Tasks.SyncTask", true),
		unlexed: []string{"Unrelated.cs"},
	},
	{
		name: "entry point returned by a static getter in another file",
		files: map[string]string{
			"Register.cs": `using Windows.ApplicationModel.Background;
class R { void Go() { var b = new BackgroundTaskBuilder(); b.Name = "sync"; b.TaskEntryPoint = Names.Entry; b.SetTrigger(new TimeTrigger(15, false)); b.Register(); } }`,
			"Names.cs": `static class Names { public static string Entry { get { return "Tasks.SyncTask"; } } }`,
		},
		check: entryPointIs("Tasks.SyncTask", true),
	},
	{
		name: "helper called with a comment before its arguments",
		files: map[string]string{
			"Helpers.cs": `using Windows.ApplicationModel.Background;
static class Helpers { public static void Enlist(string entry) { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = entry; b.SetTrigger(new TimeTrigger(15, false)); b.Register(); } }`,
			"Caller.cs": `class Caller { void Start() { Helpers.Enlist /* the sync task */ ("Tasks.Foo"); } }`,
			"Other.cs":  `class Other { int Enlist; void Go() { Helpers.Enlist = 2; } }`,
		},
		check:   entryPointIs("Tasks.Foo", true),
		unlexed: []string{"Other.cs"},
	},
	{
		name: "helper called from a file without keywords",
		files: map[string]string{
			"Helpers.cs": `using Windows.ApplicationModel.Background;
static class Helpers { public static void Enlist(string entry) { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = entry; b.SetTrigger(new TimeTrigger(15, false)); b.Register(); } }`,
			"Caller.cs": `class Caller { void Start() { Helpers.Enlist("Tasks.Foo"); } }`,
		},
		check: entryPointIs("Tasks.Foo", true),
	},
	{
		name: "task class deriving from a task base in another file",
		files: map[string]string{
			"Base.cs":    `using Windows.ApplicationModel.Background; public abstract class TaskBase : IBackgroundTask { public abstract void Run(IBackgroundTaskInstance i); }`,
			"Derived.cs": `namespace Tasks { public sealed class Sync : TaskBase { } }`,
		},
		check: hasTaskClass("Tasks.Sync", true),
	},
	{
		name: "task class deriving from an interface in another file",
		files: map[string]string{
			"Iface.cs":   `using Windows.ApplicationModel.Background; public interface IJob : IBackgroundTask { }`,
			"Derived.cs": `namespace Tasks { public sealed class Job : IJob { public void Run(object i) { } } }`,
		},
		check: hasTaskClass("Tasks.Job", true),
	},
	{
		name: "entry point naming a class in a file without keywords",
		files: map[string]string{
			"Register.cs": `using Windows.ApplicationModel.Background;
class R { void Go() { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = "Tasks.Plain"; b.SetTrigger(new TimeTrigger(15, false)); b.Register(); } }`,
			"Plain.cs": `namespace Tasks { public sealed class Plain { } }`,
		},
		check: hasTaskClass("Tasks.Plain", false),
	},
	{
		name: "C++ task class whose Run is defined in a .cpp without keywords",
		files: map[string]string{
			"Task.h":   `struct Sync : winrt::implements<Sync, IBackgroundTask> { void Run(Instance const& i); };`,
			"Task.cpp": `void Sync::Run(Instance const& i) { auto d = i.GetDeferral(); d.Complete(); }`,
		},
		check: func(f *Facts) error {
			for _, tc := range f.TaskClasses {
				if tc.Name == "Sync" && len(tc.DeferralGet) == 1 {
					return nil
				}
			}
			return fmt.Errorf("want task class Sync taking a deferral in Task.cpp, got %+v", f.TaskClasses)
		},
	},
	{
		name: "C++/WinRT implementation declared in a header without keywords",
		files: map[string]string{
			"Sync.h":   `struct Sync : SyncT<Sync> { void Run(Instance const& i); };`,
			"Sync.cpp": `void Sync::Run(IBackgroundTaskInstance const& i) { }`,
		},
		check: hasTaskClass("Sync", true),
	},
	{
		name: "out-of-class method made ambiguous by a class lexed in a later round",
		files: map[string]string{
			"Sync.cpp": `void Sync::Run(IBackgroundTaskInstance const& i) { auto d = i.GetDeferral(); d.Complete(); }`,
			"A.h":      "// Trigger\nnamespace A { struct Sync : SyncT<Sync> { void Run(Instance const& i); }; }",
			"B.h":      `namespace B { struct Sync : SyncT<Sync> { void Run(Instance const& i); }; }`,
		},
		check: func(f *Facts) error {
			for _, tc := range f.TaskClasses {
				if tc.Implements {
					return fmt.Errorf("Sync::Run fits two classes, so neither is known to implement IBackgroundTask, got %+v", tc)
				}
			}
			return nil
		},
	},
	{
		name: "condition assigned in another file",
		files: map[string]string{
			"Register.cs": `using Windows.ApplicationModel.Background;
partial class R { void Go() { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = "Tasks.T"; b.SetTrigger(new TimeTrigger(15, false)); b.AddCondition(_cond); b.Register(); } }`,
			"Setup.cs": `using Windows.ApplicationModel.Background;
partial class R { SystemCondition _cond; void Init() { _cond = new SystemCondition(SystemConditionType.InternetAvailable); } }`,
		},
		check: func(f *Facts) error {
			if len(f.Registrations) != 1 || len(f.Registrations[0].Conditions) != 1 || f.Registrations[0].Conditions[0].Type != "InternetAvailable" {
				return fmt.Errorf("want one registration with condition InternetAvailable, got %+v", f.Registrations)
			}
			return nil
		},
	},
	{
		name:      "public class of the component holding a task class",
		project:   "Tasks.csproj",
		component: true,
		files: map[string]string{
			"Task.cs":   `using Windows.ApplicationModel.Background; namespace Tasks { public sealed class T : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } } }`,
			"Helper.cs": `namespace Tasks { public class Util { } }`,
		},
		check: hasTaskClass("Tasks.Util", false),
	},
	{
		name: "GUID macro defined in another header",
		files: map[string]string{
			"Task.h":  `#include "Guids.h"` + "\n" + `struct __declspec(uuid(CLSID_Sync)) Sync : winrt::implements<Sync, IBackgroundTask> { void Run(IBackgroundTaskInstance const& i); };`,
			"Guids.h": `#define CLSID_Sync "5B2D7F10-3C4E-4A6B-8D9E-0F1A2B3C4D5E"`,
		},
		check: func(f *Facts) error {
			for _, tc := range f.TaskClasses {
				if tc.Name == "Sync" && tc.GUID == "5b2d7f10-3c4e-4a6b-8d9e-0f1a2b3c4d5e" {
					return nil
				}
			}
			return fmt.Errorf("want task class Sync with the macro's GUID, got %+v", f.TaskClasses)
		},
	},
	{
		name: "sealed C# partial task class whose other part makes it public",
		files: map[string]string{
			"Task.cs":  `using Windows.ApplicationModel.Background; namespace Tasks { sealed partial class Sync : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } } }`,
			"Other.cs": `namespace Tasks { public partial class Sync { int retries; } }`,
		},
		check: taskClassPublic("Tasks.Sync"),
	},
	{
		name: "VB task class whose part without Partial is the lexed one",
		files: map[string]string{
			"Task.vb":  "Imports Windows.ApplicationModel.Background\nNamespace Tasks\nNotInheritable Class Sync\nImplements IBackgroundTask\nPublic Sub Run(i As IBackgroundTaskInstance) Implements IBackgroundTask.Run\nEnd Sub\nEnd Class\nEnd Namespace\n",
			"Other.vb": "Namespace Tasks\nPartial Public Class Sync\nEnd Class\nEnd Namespace\n",
		},
		check: taskClassPublic("Tasks.Sync"),
	},
	{
		name: "a sealed C# task class that is not partial: its name is not searched for",
		files: map[string]string{
			"Task.cs":  `using Windows.ApplicationModel.Background; namespace Tasks { public sealed class Sync : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } } }`,
			"Notes.cs": `namespace Tasks { static class Notes { const string Sync = "runs Sync every hour"; } }`,
		},
		check:   hasTaskClass("Tasks.Sync", true),
		unlexed: []string{"Notes.cs"},
	},
	{
		name: "helper's callers found by its class name; member calls on other classes left unlexed",
		files: map[string]string{
			"Helper.cs":  `using Windows.ApplicationModel.Background; static class TaskHelper { public static void Register(string entry) { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = entry; b.SetTrigger(new TimeTrigger(15, false)); b.Register(); } }`,
			"Caller.cs":  `class Caller { void Go() { TaskHelper.Register("Tasks.Sync"); } }`,
			"Local.cs":   `class Local { void Go() { var h = Make(); h.Register("Tasks.Other"); } }`,
			"Control.cs": `class Control { public static readonly DependencyProperty P = DependencyProperty.Register("P", typeof(int), typeof(Control), null); }`,
		},
		check:   entryPointIs("Tasks.Sync", true),
		unlexed: []string{"Control.cs", "Local.cs"},
	},
	{
		name: "C++ file lexed for a constant does not send the scan after its methods' classes",
		files: map[string]string{
			"Register.cpp": `#include "Names.h"` + "\n" + `using namespace winrt::Windows::ApplicationModel::Background; void Go() { BackgroundTaskBuilder b; b.TaskEntryPoint(Names::Entry); b.SetTrigger(TimeTrigger(15, false)); b.Register(); }`,
			"Names.cpp":    `#include "Other.h"` + "\n" + `namespace Names { const wchar_t* Entry = L"Tasks.Sync"; } void Other::Work() { }`,
			"Other.h":      `struct Other { void Work(); };`,
		},
		check:   entryPointIs("Tasks.Sync", true),
		unlexed: []string{"Other.h"},
	},
	{
		name: "JavaScript builder handed to a helper in a file that names only the trigger",
		files: map[string]string{
			"register.js":  `var b = new Windows.ApplicationModel.Background.BackgroundTaskBuilder(); b.name = "sync"; b.taskEntryPoint = "Tasks.Sync"; configure(b);`,
			"configure.js": `function configure(builder) { builder.setTrigger(new Windows.ApplicationModel.Background.TimeTrigger(15, false)); builder.register(); }`,
		},
		check: func(f *Facts) error {
			if len(f.Registrations) != 1 || len(f.Registrations[0].Triggers) != 1 || f.Registrations[0].Triggers[0].Class != "TimeTrigger" {
				return fmt.Errorf("want one registration with a TimeTrigger, got %+v", f.Registrations)
			}
			return nil
		},
	},
	{
		name: "C# trigger kept in a field another file assigns",
		files: map[string]string{
			"Register.cs": `using Windows.ApplicationModel.Background; partial class Setup { void Go() { var b = new BackgroundTaskBuilder(); b.Name = "sync"; b.TaskEntryPoint = "Tasks.Sync"; b.SetTrigger(hourly); b.Register(); } }`,
			"Fields.cs":   `partial class Setup { Windows.ApplicationModel.Background.TimeTrigger hourly = new Windows.ApplicationModel.Background.TimeTrigger(60, false); }`,
		},
		check: func(f *Facts) error {
			if len(f.Registrations) != 1 || len(f.Registrations[0].Triggers) != 1 || f.Registrations[0].Triggers[0].FreshnessMinutes != 60 {
				return fmt.Errorf("want one registration with a 60-minute TimeTrigger, got %+v", f.Registrations)
			}
			return nil
		},
	},
	{
		name: "VB constant spelled in another case",
		files: map[string]string{
			"Register.vb": "Imports Windows.ApplicationModel.Background\nModule R\n Sub Go()\n  Dim b As New BackgroundTaskBuilder()\n  b.TaskEntryPoint = Names.entry\n  b.SetTrigger(New TimeTrigger(15, False))\n  b.Register()\n End Sub\nEnd Module\n",
			"Names.vb":    "Module Names\n Public Const ENTRY As String = \"Tasks.VbTask\"\nEnd Module\n",
		},
		check: entryPointIs("Tasks.VbTask", true),
	},
}

func entryPointIs(want string, resolved bool) func(*Facts) error {
	return func(f *Facts) error {
		if len(f.Registrations) != 1 || f.Registrations[0].EntryPoint.Resolved != resolved || resolved && f.Registrations[0].EntryPoint.Str != want {
			return fmt.Errorf("want one registration with entry point %q (resolved %v), got %+v", want, resolved, f.Registrations)
		}
		return nil
	}
}

func taskClassPublic(name string) func(*Facts) error {
	return func(f *Facts) error {
		for _, tc := range f.TaskClasses {
			if tc.Name == name && tc.Public {
				return nil
			}
		}
		return fmt.Errorf("want public task class %s, got %+v", name, f.TaskClasses)
	}
}

func hasTaskClass(name string, implements bool) func(*Facts) error {
	return func(f *Facts) error {
		for _, tc := range f.TaskClasses {
			if tc.Name == name && tc.Implements == implements {
				return nil
			}
		}
		return fmt.Errorf("want task class %s (implements %v), got %+v", name, implements, f.TaskClasses)
	}
}

func TestLexFilterAsksForWhatItNeeds(t *testing.T) {
	for _, c := range lexFilterCases {
		t.Run(c.name, func(t *testing.T) {
			var files []SourceFile
			overlay := map[string][]byte{}
			for p, src := range c.files {
				files = append(files, SourceFile{Path: p, Project: c.project, Component: c.component})
				overlay[p] = []byte(src)
			}
			sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
			var mu sync.Mutex
			lexed := map[string]bool{}
			ParseHook = func(p string) { mu.Lock(); lexed[p] = true; mu.Unlock() }
			defer func() { ParseHook = nil }()
			some := ScanWithOverlay(files, overlay, Options{Jobs: 2})
			all := ScanWithOverlay(files, overlay, Options{Jobs: 2, LexAll: true})
			if err := c.check(all); err != nil {
				t.Fatalf("lexing all: %v", err) // the case itself is wrong
			}
			if err := c.check(some); err != nil {
				t.Errorf("lexing what matters: %v", err)
			}
			some.Notes, all.Notes = nil, nil
			if !reflect.DeepEqual(some, all) {
				t.Errorf("facts differ:\n%+v\nlexing all:\n%+v", some, all)
			}
			lexed = map[string]bool{}
			ScanWithOverlay(files, overlay, Options{Jobs: 2})
			for _, p := range c.unlexed {
				if lexed[p] {
					t.Errorf("%s was lexed; it holds nothing the resolver asks for", p)
				}
			}
		})
	}
}

// BG201 reads every public class of a Windows Runtime Component that holds
// a task class; in an app project (an in-process task) the other classes
// are none of its business, and a large app's files are not lexed for it.
func TestAppProjectClassesAreNotLexedForBG201(t *testing.T) {
	files := []SourceFile{{Path: "Helper.cs", Project: "App.csproj"}, {Path: "Task.cs", Project: "App.csproj"}}
	overlay := map[string][]byte{
		"Task.cs":   []byte(`using Windows.ApplicationModel.Background; namespace App { public sealed class T : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } } }`),
		"Helper.cs": []byte(`namespace App { public class Util { } }`),
	}
	var mu sync.Mutex
	lexed := map[string]bool{}
	ParseHook = func(p string) { mu.Lock(); lexed[p] = true; mu.Unlock() }
	defer func() { ParseHook = nil }()
	f := ScanWithOverlay(files, overlay, Options{Jobs: 2})
	if err := hasTaskClass("App.T", true)(f); err != nil {
		t.Fatal(err)
	}
	if lexed["Helper.cs"] {
		t.Error("Helper.cs of an app project was lexed for BG201")
	}
	files[0].Component, files[1].Component = true, true
	if err := hasTaskClass("App.Util", false)(ScanWithOverlay(files, overlay, Options{Jobs: 2})); err != nil {
		t.Errorf("in a component: %v", err)
	}
}

func TestNameAutomatonMatchesWholeWords(t *testing.T) {
	a := newNameAutomaton([][]byte{[]byte("entry"), []byte("sync_2"), []byte("ab")})
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"x = Names.ENTRY;", true},
		{"Entry", true},
		{"EntryPoint = 1", false},
		{"reEntry", false},
		{"a.sync_2()", true},
		{"sync_20", false},
		{"abc a b", false},
		{"é ab", true},
		{"\u00e9ab", true}, // a non-ASCII byte ends an identifier: more matches, never fewer
		{"", false},
	} {
		if got := a.matchWord([]byte(c.src)); got != c.want {
			t.Errorf("matchWord(%q) = %v, want %v", c.src, got, c.want)
		}
	}
	if !strings.Contains(string(rune(0x212a)), "\u212a") || !relevantSource(CSharp, []byte("class \u212aelvin {}")) {
		t.Error("a file with the Kelvin sign must be lexed up front: it case-folds to an ASCII k")
	}
}

// BenchmarkNameAutomaton times the whole-word search on a file holding
// none of the names, the common case.
func BenchmarkNameAutomaton(b *testing.B) {
	src := []byte(strings.Repeat("        public string Name { get; set; } // the customer's name, as entered\n        private readonly List<Order> orders = new List<Order>();\n", 4000))
	a := newNameAutomaton([][]byte{[]byte("Entry"), []byte("SyncTask"), []byte("Names"), []byte("RegisterAll"), []byte("_cond")})
	if a.matchWord(src) {
		b.Fatal("the benchmark input holds a name")
	}
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		a.matchWord(src)
	}
}

func TestHidesIdentifier(t *testing.T) {
	for _, c := range []struct {
		lang Language
		src  string
		want bool
	}{
		{CSharp, `const string \u0045ntry = "x";`, true},
		// escapes that spell no ASCII identifier byte hide no word the
		// scan looks for: strings full of them are left unlexed
		{CSharp, `var s = "\U0001F600";`, false},
		{CSharp, `var s = "\u2026";`, false},
		{CSharp, `var s = "\u2026abc";`, false}, // \u takes four digits: "…abc"
		{CSharp, `var s = "\u00e9\u002D";`, false},
		{JavaScript, `var s = "\u{1F600}";`, false},
		{CSharp, `var \u0041BC = 1;`, true}, // "ABC": four digits, then letters
		{CSharp, `var Task\u005FName = 1;`, true},
		{CSharp, `var \U00000041 = 1;`, true},
		{JavaScript, `var \u{41} = 1;`, true},
		{CSharp, `var s = "\u212A";`, true}, // Kelvin sign folds to k
		{CSharp, `var s = "\u0130";`, true}, // dotted capital I folds to i
		{CSharp, `var s = "\u12";`, true},   // unreadable: taken to hide one
		{JavaScript, `var s = "\u{41";`, true},
		{CSharp, `var p = "C:\\users";`, true},
		{JavaScript, `var \u0061 = 1;`, true},
		{CSharp, `var s = "a\tb\\n";`, false},
		{VB, `Dim s = "\u0045"`, false}, // VB has no escapes
		{CPP, "int Na\\\nmes = 1;", true},
		{CPP, "int Na\\\r\nmes = 1;", true},
		{CPP, "#define X(a) a \\\n  + 1", false},
		{CPP, "#define X(a) a\\\n  + 1", false},
		{CSharp, "int Na\\\nmes;", false}, // C# splices no lines
		{CPP, `x\`, false},
		{CPP, `\`, false},
	} {
		if got := hidesIdentifier(c.lang, []byte(c.src)); got != c.want {
			t.Errorf("hidesIdentifier(%s, %q) = %v, want %v", c.lang, c.src, got, c.want)
		}
	}
}

func TestMayDefineMethod(t *testing.T) {
	defs := newWordFinder([][]byte{[]byte("register")})
	for _, c := range []struct {
		lang Language
		src  string
		want bool
	}{
		{CSharp, `static void Register(BackgroundTaskBuilder b) { }`, true},
		{CSharp, `void IRegistrar.Register(BackgroundTaskBuilder b) { }`, true},
		{CSharp, `Task<bool> Ns.IRegistrar.Register(BackgroundTaskBuilder b)`, true},
		{CSharp, "public static readonly DependencyProperty P =\n    DependencyProperty.Register(\"P\", typeof(int), typeof(C), null);", false},
		{CSharp, `Foo(DependencyProperty.Register("P", t, o, m), x.y.Register());`, false},
		{CSharp, `return DependencyProperty.Register("P", t, o, m);`, true}, // a keyword before the chain: undecided
		{CSharp, `var p = Make().Register();`, true},                        // a call before the access: undecided
		{CSharp, `Registered = true; RegisterAll();`, false},                // not the whole word
		{VB, "Sub Register(b As BackgroundTaskBuilder)\nEnd Sub", true},
		{VB, "Dim p = DependencyProperty.Register(\"P\", t, o, m)", false},
		{CPP, `bool Helpers::Register(BackgroundTaskBuilder const& b) { }`, true},
		{CPP, `Foo* Helpers::Register(BackgroundTaskBuilder const& b) { }`, true},
		{CPP, `auto p = DependencyProperty::Register(L"P", t, o, m);`, false},
		{CPP, `{ registrar->Register(b); }`, false},
		{CPP, `register int x = 0;`, true}, // the keyword spells the word: lexed, harmlessly
		{JavaScript, `Tasks.register = function (b) { };`, true},
		{JavaScript, `x = Tasks.register(b);`, true}, // every spelling counts in JavaScript
	} {
		if got := mayDefineMethod(c.lang, []byte(c.src), defs); got != c.want {
			t.Errorf("mayDefineMethod(%s, %q) = %v, want %v", c.lang, c.src, got, c.want)
		}
	}
}

// A builder handed to a helper makes the resolver look for the helper's
// definition; files that only call a method of that name on some value
// (XAML controls calling DependencyProperty.Register) stay unlexed, and
// the helper's file is still found.
func TestHelperSearchSkipsMemberCalls(t *testing.T) {
	files := []SourceFile{{Path: "Control.cs"}, {Path: "Helpers.cs"}, {Path: "Start.cs"}}
	overlay := map[string][]byte{
		"Start.cs": []byte(`using Windows.ApplicationModel.Background;
partial class Start { void Go() { var b = new BackgroundTaskBuilder(); b.Name = "sync"; Register(b); } }`),
		"Helpers.cs": []byte(`using Windows.ApplicationModel.Background;
partial class Start { static void Register(BackgroundTaskBuilder x) { x.TaskEntryPoint = "Tasks.Sync"; x.SetTrigger(new TimeTrigger(15, false)); x.Register(); } }`),
		"Control.cs": []byte(`class Control { public static readonly DependencyProperty P = DependencyProperty.Register("P", typeof(int), typeof(Control), null); }`),
	}
	all, lexed := scanBothWays(t, files, overlay, Options{Jobs: 2})
	if len(all.Registrations) == 0 {
		t.Fatalf("lexing all: the case is wrong, no registration: %+v", all)
	}
	if lexed["Control.cs"] {
		t.Error("Control.cs was lexed; it defines no Register method")
	}
}

func TestCallSearch(t *testing.T) {
	member := &callSearch{names: [][]byte{[]byte("register")}, owners: [][]byte{[]byte("taskhelper"), []byte("helperbase")}}
	member.build()
	free := &callSearch{names: [][]byte{[]byte("register")}, freeFunction: true}
	free.build()
	for _, c := range []struct {
		s    *callSearch
		lang Language
		src  string
		want bool
	}{
		{member, CSharp, `void Go() { Register(b); }`, true},
		{member, CSharp, `void Go() { this.Register(b); }`, true},
		{member, CSharp, `void Go() { base.Register(b); }`, true},
		{member, VB, "Sub Go()\n Me.Register(b)\nEnd Sub", true},
		{member, CSharp, `void Go() { TaskHelper.Register(b); }`, true},
		{member, CSharp, `void Go() { var h = new TaskHelper(); h.Register(b); }`, true},
		{member, CSharp, `void Go() { HelperBase h = Make(); h.Register(b); }`, true},
		{member, CSharp, `static DependencyProperty P = DependencyProperty.Register("P", t, o, m);`, false},
		{member, CPP, `auto p = DependencyProperty::Register(L"P", t, o, m); x->Register(y);`, false},
		{member, CPP, `void Go() { this->Register(b); }`, true},
		{member, CSharp, `int Registered;`, false},
		{member, JavaScript, `x.register(b);`, true},
		{free, CPP, `void Go() { tasks::Register(b); }`, true},
		{free, CPP, `void Go() { other.Register(b); }`, true},
		{free, CPP, `void Go() { }`, false},
		{free, CPP, `void Go() { register int x = 0; }`, false}, // the storage class opens no arguments
		{free, CPP, "void Go() { Register\\\n(b); }", true},
		{free, CPP, "void Go() { Register\n#if X\n(b)\n#endif\n; }", true},
		{member, CSharp, `void Go() { Register /* now */ (b); }`, true},
		{member, CSharp, "void Go() { Register // now\n(b); }", true},
		{member, CSharp, `void Go() { var f = Register; }`, false}, // a method group is no call
		{member, VB, "Sub Go()\n Register _\n (b)\nEnd Sub", true},
		{member, CSharp, "void Go() { Register\u00a0(b); }", true},
		{member, JavaScript, `var register = 1;`, false},
	} {
		if got := c.s.mayCall(c.lang, []byte(c.src)); got != c.want {
			t.Errorf("mayCall(%s, %q) free=%v = %v, want %v", c.lang, c.src, c.s.freeFunction, got, c.want)
		}
	}
}

func TestLastIdent(t *testing.T) {
	for in, want := range map[string]string{
		"contoso.tasks.task2": "task2",
		"ns.t<x>":             "t",
		"a::b":                "b",
		"sync":                "sync",
		"":                    "",
		"<x>":                 "",
		`js\synctask.js`:      "synctask",
		"tasks/sync-task.js":  "task", // the search still needs an identifier of the stem
		"task.js":             "js",   // no folder: it may be class Js of namespace task
	} {
		if got := lastIdent(in); got != want {
			t.Errorf("lastIdent(%q) = %q, want %q", in, got, want)
		}
	}
}

// A declared class is looked for by its simple name: files that share
// only its namespace are not lexed for it.
func TestMentionSearchNeedsTheSimpleName(t *testing.T) {
	files := []SourceFile{{Path: "Other.cs"}, {Path: "Start.cs"}, {Path: "Uses.cs"}}
	overlay := map[string][]byte{
		"Start.cs": []byte(`using Windows.ApplicationModel.Background; class Start { void Go() { var b = new BackgroundTaskBuilder(); b.Name = "sync"; b.TaskEntryPoint = Entry.Name; b.SetTrigger(new TimeTrigger(15, false)); b.Register(); } }`),
		"Uses.cs":  []byte(`namespace Contoso { static class Entry { public const string Name = "Contoso.Tasks." + nameof(Tasks.Sync); } }`),
		"Other.cs": []byte(`namespace Contoso.Tasks { public class Other { } }`),
	}
	opts := Options{Jobs: 2, EntryPoints: []string{"Contoso.Tasks.Sync"}, Mentions: []string{"Contoso.Tasks.Sync"}}
	_, lexed := scanBothWays(t, files, overlay, opts)
	if !lexed["Uses.cs"] {
		t.Error("Uses.cs, which spells Sync, was not lexed")
	}
	if lexed["Other.cs"] {
		t.Error("Other.cs was lexed; it spells only the namespace")
	}
}

// Other files are not searched for a declared name that a registration
// already uses (nothing asks whether code mentions it), nor for the calls
// of a private helper of a C# class declared once (they are in its own
// file); the facts are those of lexing every file all the same. A public
// helper's calls, and a declared name nothing registers, are searched
// for.
func TestNoSearchForWhatCannotChangeAnAnswer(t *testing.T) {
	registrar := fmt.Sprintf(registrarCS, "static class", "%s")
	other := `namespace Contoso { class Other { void Go() { Register("x"); var t = typeof(Sync); var u = typeof(Cleanup); } void Register(string s) { } } }`
	for _, c := range []struct {
		access   string
		mentions []string
		lexed    bool
	}{
		{"private", []string{"Contoso.Tasks.Sync"}, false},
		{"public", []string{"Contoso.Tasks.Sync"}, true},                           // Other.cs may call it
		{"private", []string{"Contoso.Tasks.Sync", "Contoso.Tasks.Cleanup"}, true}, // Cleanup: declared, not registered
	} {
		files := []SourceFile{{Path: "Other.cs"}, {Path: "Registrar.cs"}, {Path: "Sync.cs"}}
		overlay := map[string][]byte{"Registrar.cs": []byte(fmt.Sprintf(registrar, c.access)), "Other.cs": []byte(other), "Sync.cs": []byte(syncTaskCS)}
		opts := Options{Jobs: 2, EntryPoints: c.mentions, Mentions: c.mentions}
		every, lexed := scanBothWays(t, files, overlay, opts)
		if len(every.Registrations) != 1 || every.Registrations[0].EntryPoint.Str != "Contoso.Tasks.Sync" {
			t.Fatalf("%s helper: the case is wrong: %+v", c.access, every.Registrations)
		}
		if lexed["Other.cs"] != c.lexed {
			t.Errorf("%s helper, mentions %v: Other.cs lexed %v, want %v", c.access, c.mentions, lexed["Other.cs"], c.lexed)
		}
	}
}

// registrarCS is a C# class (its declaration's keywords the first verb)
// whose Start registers Contoso.Tasks.Sync through a helper Register (its
// access the second verb, %s left for the test's own Sprintf).
const registrarCS = `using Windows.ApplicationModel.Background;
namespace Contoso {
	%s Registrar {
		public static void Start() { Register("sync", "Contoso.Tasks.Sync", new TimeTrigger(30, false)); }
		%s static void Register(string name, string entryPoint, IBackgroundTrigger trigger) {
			var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint };
			b.SetTrigger(trigger);
			b.Register();
		}
	}
}`

// syncTaskCS declares the task class Contoso.Tasks.Sync.
const syncTaskCS = `using Windows.ApplicationModel.Background; namespace Contoso.Tasks { public sealed class Sync : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } } }`

// The callers of a private helper of a partial class are in the parts of
// that class, each of which spells the class's name: a file that does not
// is not lexed for its calls of the same name (a control's
// DependencyProperty.Register, an interface's own Register), in any case
// (a local called "registrar" does not spell the C# class Registrar). A
// "private protected" helper is reached from derived classes too, and a
// Visual Basic class's name may be spelt in any case.
func TestPrivateHelperCallersSpellTheirClass(t *testing.T) {
	registrar := fmt.Sprintf(registrarCS, "partial class", "%s")
	vbRegistrar := `Imports Windows.ApplicationModel.Background
Namespace Contoso
	Partial Class Registrar
		Public Shared Sub Start()
			Register("sync", "Contoso.Tasks.Sync", New TimeTrigger(30, False))
		End Sub
		%s Shared Sub Register(name As String, entryPoint As String, trigger As IBackgroundTrigger)
			Dim b = New BackgroundTaskBuilder()
			b.Name = name
			b.TaskEntryPoint = entryPoint
			b.SetTrigger(trigger)
			b.Register()
		End Sub
	End Class
End Namespace`
	for _, c := range []struct {
		name, access, registrar, regPath, other, otherPath string
		lexed                                              bool
	}{
		{"C# other class", "private", registrar, "Registrar.cs", `namespace Contoso { class Other { void Go(object registrar) { Register("x"); } void Register(string s) { } } }`, "Other.cs", false},
		{"C# another part", "private", registrar, "Registrar.cs", `namespace Contoso { partial class Registrar { void Go() { Register("x", "y", null); } } }`, "Part.cs", true},
		{"C# private protected", "private protected", registrar, "Registrar.cs", `namespace Contoso { class Derived : Registrar { void Go() { Register("x", "y", null); } } }`, "Derived.cs", true},
		{"C# private protected, one part", "private protected", strings.Replace(registrar, "partial class", "class", 1), "Registrar.cs", `namespace Contoso { class Derived : Registrar { void Go() { Register("x", "y", null); } } }`, "Derived.cs", true},
		{"C# public", "public", registrar, "Registrar.cs", `namespace Contoso { class Other { void Go() { Register("x"); } void Register(string s) { } } }`, "Other.cs", true},
		{"VB other class", "Private", vbRegistrar, "Registrar.vb", "Namespace Contoso\n\tClass Other\n\t\tSub Go()\n\t\t\tRegister(\"x\")\n\t\tEnd Sub\n\tEnd Class\nEnd Namespace", "Other.vb", false},
		{"VB another part, other case", "Private", vbRegistrar, "Registrar.vb", "Namespace Contoso\n\tClass REGISTRAR\n\t\tSub Go()\n\t\t\tRegister(\"x\", \"y\", Nothing)\n\t\tEnd Sub\n\tEnd Class\nEnd Namespace", "Part.vb", true},
	} {
		files := []SourceFile{{Path: c.otherPath}, {Path: c.regPath}, {Path: "Sync.cs"}}
		overlay := map[string][]byte{c.regPath: []byte(fmt.Sprintf(c.registrar, c.access)), c.otherPath: []byte(c.other), "Sync.cs": []byte(syncTaskCS)}
		opts := Options{Jobs: 2, EntryPoints: []string{"Contoso.Tasks.Sync"}, Mentions: []string{"Contoso.Tasks.Sync"}}
		every, lexed := scanBothWays(t, files, overlay, opts)
		if len(every.Registrations) == 0 {
			t.Fatalf("%s: the case is wrong: no registration", c.name)
		}
		if lexed[c.otherPath] != c.lexed {
			t.Errorf("%s: %s lexed %v, want %v", c.name, c.otherPath, lexed[c.otherPath], c.lexed)
		}
	}
}

// A JavaScript task is declared by its script's path; the scan looks for
// the script's name, not for "js", which every script library spells.
func TestScriptPathSearchNeedsTheFileName(t *testing.T) {
	files := []SourceFile{{Path: "lib.js", Language: JavaScript}, {Path: "names.js", Language: JavaScript}, {Path: "start.js", Language: JavaScript}}
	overlay := map[string][]byte{
		"start.js": []byte(`var b = new Windows.ApplicationModel.Background.BackgroundTaskBuilder(); b.name = "sync"; b.taskEntryPoint = syncTaskScript; b.setTrigger(new Windows.ApplicationModel.Background.TimeTrigger(15, false)); b.register();`),
		"names.js": []byte(`var syncTaskScript = "js\\synctask.js";`),
		"lib.js": []byte(`// loads the js modules of the page
var loader = { js: [] };`),
	}
	opts := Options{Jobs: 2, EntryPoints: []string{`js\synctask.js`}, Mentions: []string{`js\synctask.js`}}
	every, lexed := scanBothWays(t, files, overlay, opts)
	if len(every.Registrations) != 1 || every.Registrations[0].EntryPoint.Str != `js\synctask.js` {
		t.Fatalf("the case is wrong: %+v", every.Registrations)
	}
	if lexed["lib.js"] {
		t.Error("lib.js was lexed; it does not spell synctask")
	}
}

// scanBothWays scans files as the filter would and lexing every file,
// reports facts that differ, and returns the second's facts and the files
// the first lexed.
func scanBothWays(t *testing.T, files []SourceFile, overlay map[string][]byte, opts Options) (*Facts, map[string]bool) {
	t.Helper()
	var mu sync.Mutex
	lexed := map[string]bool{}
	ParseHook = func(p string) { mu.Lock(); lexed[p] = true; mu.Unlock() }
	defer func() { ParseHook = nil }()
	some := ScanWithOverlay(files, overlay, opts)
	seen := lexed
	lexed = map[string]bool{}
	all := opts
	all.LexAll = true
	every := ScanWithOverlay(files, overlay, all)
	some.Notes, every.Notes = nil, nil
	if !reflect.DeepEqual(some, every) {
		t.Errorf("facts differ:\n%+v\nlexing all:\n%+v", some, every)
	}
	return every, seen
}

// The skip search only screens texts for wordFinder: the matches it
// yields are the automaton's, short words and all.
func TestWordFinderYieldsTheWalksMatches(t *testing.T) {
	texts := []string{
		"", "Register", "x.Register(b)", "MyRegister Register_ REGISTER", "reg ister",
		"a.b(c); ab.Register; RegisterAsync(Register)", strings.Repeat("x", 300) + " register " + strings.Repeat("y", 300),
		"über.Register", "ab", "Registe",
	}
	for _, words := range [][]string{{"Register"}, {"Register", "ab"}, {"RegisterAsync", "Register"}} {
		var ws [][]byte
		for _, w := range words {
			ws = append(ws, []byte(w))
		}
		f, walk := newWordFinder(ws), newNameAutomaton(ws)
		for _, text := range texts {
			src := []byte(text)
			var got [][2]int
			f.each(src, func(s, e int) bool { got = append(got, [2]int{s, e}); return true })
			want := allMatches(walk.nextWord, src)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("words %q, text %q: each gave %v, the walk %v", words, text, got, want)
			}
			if f.matchWord(src) != (len(want) > 0) {
				t.Errorf("words %q, text %q: matchWord = %v", words, text, !(len(want) > 0))
			}
		}
	}
}

// The skip searches of small word sets are built once per word set and
// kind, and the cache stops growing at its bound.
func TestSharedSkipSearch(t *testing.T) {
	a, ok1 := sharedSkipSearch([][]byte{[]byte("SyncTask")}, true)
	b, ok2 := sharedSkipSearch([][]byte{[]byte("SyncTask")}, true)
	c, _ := sharedSkipSearch([][]byte{[]byte("SyncTask")}, false)
	if !ok1 || !ok2 || a != b || a == c || c.whole {
		t.Fatalf("shared searches: %p %p %p", a, b, c)
	}
	if _, ok := sharedSkipSearch([][]byte{[]byte("ab")}, true); ok {
		t.Error("a two-byte word got a skip search")
	}
	for i := 0; i < maxSkipSearches+10; i++ {
		sharedSkipSearch([][]byte{[]byte(fmt.Sprintf("word%d", i))}, true)
	}
	skipSearches.Lock()
	n := len(skipSearches.m)
	skipSearches.Unlock()
	if n > maxSkipSearches {
		t.Errorf("the cache holds %d searches, over its bound %d", n, maxSkipSearches)
	}
}

// The anchor search finds what the automaton finds, on texts made of the
// word's own letters in both cases, separators and the anchor letter
// everywhere (a seeded random walk, and the edges by hand).
func TestAnchorSearchAgreesWithTheWalk(t *testing.T) {
	for _, word := range []string{"register", "Background", "gg", "Task_0", "bgtask"} {
		a, ok := newAnchorSearch([]byte(word))
		if !ok {
			t.Fatalf("no anchor for %q", word)
		}
		walk := newNameAutomaton([][]byte{[]byte(word)})
		texts := []string{"", word, strings.ToUpper(word), "x" + word, word + "x", word + "." + word, "(" + word + ")",
			strings.Repeat("g", 40), "ggg G gG Gg", "_" + word, word + "_"}
		alphabet := []byte(strings.ToLower(word) + strings.ToUpper(word) + " .(_GgXé")
		state := uint32(7)
		for n := 0; n < 400; n++ {
			var b []byte
			for k := 0; k < n%37; k++ {
				state = state*1664525 + 1013904223
				b = append(b, alphabet[int(state>>8)%len(alphabet)])
			}
			texts = append(texts, string(b))
		}
		for _, text := range texts {
			src := []byte(text)
			got, want := allMatches(a.find, src), allMatches(walk.nextWord, src)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("word %q, text %q: anchor %v, walk %v", word, text, got, want)
			}
		}
	}
	if _, ok := newAnchorSearch([]byte("toast")); ok {
		t.Error("an anchor for a word of common letters only")
	}
}

// allMatches collects the bounds next finds in src, each search starting
// where the previous match ended.
func allMatches(next func(src []byte, from int) (int, int), src []byte) [][2]int {
	var out [][2]int
	for i := 0; ; {
		s, e := next(src, i)
		if s < 0 {
			return out
		}
		out = append(out, [2]int{s, e})
		i = e
	}
}

// A member of the platform's enums (SystemTriggerType.InternetAvailable)
// and the framework's Task.Delay are not names the App defines: no file is
// searched or lexed for them, and the facts are those of lexing every file.
func TestPlatformNamesAreNotSearchedFor(t *testing.T) {
	registrar := `using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
namespace Contoso {
	static class Registrar {
		public static void Start() {
			var b = new BackgroundTaskBuilder { Name = "net", TaskEntryPoint = "Contoso.Tasks.Sync" };
			b.SetTrigger(new SystemTrigger(SystemTriggerType.InternetAvailable, false));
			b.AddCondition(new SystemCondition(SystemConditionType.UserPresent));
			b.Register();
		}
	}
}`
	task := `using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
namespace Contoso.Tasks {
	public sealed class Sync : IBackgroundTask {
		public async void Run(IBackgroundTaskInstance i) { await System.Threading.Tasks.Task.Delay(10); var d = i.GetDeferral(); d.Complete(); }
	}
}`
	other := `namespace Contoso { class Network { bool InternetAvailable; bool UserPresent; void Delay(int ms) { } } }`
	files := []SourceFile{{Path: "Network.cs"}, {Path: "Registrar.cs"}, {Path: "Sync.cs"}}
	overlay := map[string][]byte{"Registrar.cs": []byte(registrar), "Sync.cs": []byte(task), "Network.cs": []byte(other)}
	opts := Options{Jobs: 2, EntryPoints: []string{"Contoso.Tasks.Sync"}, Mentions: []string{"Contoso.Tasks.Sync"}}
	every, lexed := scanBothWays(t, files, overlay, opts)
	if len(every.Registrations) != 1 || len(every.Registrations[0].Triggers) != 1 || every.Registrations[0].Triggers[0].SystemTriggerType != "InternetAvailable" {
		t.Fatalf("the case is wrong: %+v", every.Registrations)
	}
	if lexed["Network.cs"] {
		t.Error("Network.cs was lexed for a platform name")
	}
}
