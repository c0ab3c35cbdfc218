package registration

import (
	"sort"
	"strings"
	"testing"
)

// TestHelperCallBinding: which calls of a name reach a helper that wraps
// the builder. A call without a receiver (or on this/Me) inside a member
// of class C reaches the method C has of that name when it fits the
// arguments, not a helper of another class; in C++ a call cannot leave
// out an argument that no declaration the scanner read gives a default.
// Each case lists the registrations found, entry point or "?" when
// unresolved, sorted.
func TestHelperCallBinding(t *testing.T) {
	const cxHelperH = `namespace Contoso { ref class Jobs sealed { public:
	static BackgroundTaskRegistration^ Schedule(Platform::String^ entryPoint, Platform::String^ name, IBackgroundTrigger^ trigger); }; }`
	const cxHelperCpp = `namespace Contoso {
BackgroundTaskRegistration^ Jobs::Schedule(String^ entryPoint, String^ name, IBackgroundTrigger^ trigger)
{ auto b = ref new BackgroundTaskBuilder(); b->Name = name; b->TaskEntryPoint = entryPoint; b->SetTrigger(trigger); return b->Register(); } }`
	const cxPageCpp = `namespace Contoso {
Shell::Shell() { this->Schedule(); }
void Shell::Schedule() { Jobs::Schedule(L"Contoso.Refresh", L"refresh", ref new TimeTrigger(15, false)); } }`
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"cx this->X() in a class with its own X, helper header read", map[string]string{
			"Shell.h":   `namespace Contoso { public ref class Shell sealed { public: Shell(); private: void Schedule(); }; }`,
			"Shell.cpp": cxPageCpp, "Jobs.h": cxHelperH, "Jobs.cpp": cxHelperCpp,
		}, "Contoso.Refresh"},
		{"cx this->X() in a class with its own X, no header read", map[string]string{
			"Shell.cpp": cxPageCpp, "Jobs.cpp": cxHelperCpp,
		}, "Contoso.Refresh"},
		{"cx own X() of another arity does not hide a base's helper", map[string]string{
			"Base.h": `namespace Contoso { ref class Base { protected: void Schedule(Platform::String^ entryPoint); }; }`,
			"Base.cpp": `namespace Contoso { void Base::Schedule(String^ entryPoint)
{ auto b = ref new BackgroundTaskBuilder(); b->TaskEntryPoint = entryPoint; b->Register(); } }`,
			"Shell.cpp": `namespace Contoso { void Shell::Start() { Schedule(L"Contoso.Sync"); } void Shell::Schedule() { } }`,
		}, "Contoso.Sync"},
		{"cpp overload of the same class: a call leaving out an argument without default", map[string]string{
			"Tasks.h": `namespace App { class Tasks { public: void Arm(); void Arm(hstring const& entryPoint, hstring const& name); }; }`,
			"Tasks.cpp": `namespace App {
void Tasks::Arm() { Arm(L"App.Nightly", L"nightly"); }
void Tasks::Arm(hstring const& entryPoint, hstring const& name) { BackgroundTaskBuilder b; b.Name(name); b.TaskEntryPoint(entryPoint); b.Register(); }
void Tasks::Start() { Arm(); } }`,
		}, "App.Nightly"},
		{"cpp default argument on the header's declaration", map[string]string{
			"Tasks.h": `namespace App { class Tasks { public: void Arm(hstring const& entryPoint, hstring const& name = L"x"); }; }`,
			"Tasks.cpp": `namespace App {
void Tasks::Arm(hstring const& entryPoint, hstring const& name) { BackgroundTaskBuilder b; b.Name(name); b.TaskEntryPoint(entryPoint); b.Register(); }
void Tasks::Start() { Arm(L"App.Hourly"); } }`,
		}, "App.Hourly"},
		{"cpp default argument on an in-class definition", map[string]string{
			"Tasks.h": `namespace App { class Tasks { public:
	void Arm(hstring const& entryPoint, hstring const& name = L"x") { BackgroundTaskBuilder b; b.Name(name); b.TaskEntryPoint(entryPoint); b.Register(); }
	void Start() { Arm(L"App.Daily"); } }; }`,
		}, "App.Daily"},
		{"cpp in-class definition without defaults is not reached by fewer arguments", map[string]string{
			"Tasks.h": `namespace App { class Tasks { public:
	void Arm() { Arm(L"App.Weekly", L"weekly"); }
	void Arm(hstring const& entryPoint, hstring const& name) { BackgroundTaskBuilder b; b.Name(name); b.TaskEntryPoint(entryPoint); b.Register(); }
	void Start() { Arm(); } }; }`,
		}, "App.Weekly"},
		{"cpp header not read: a free function may have defaults elsewhere", map[string]string{
			"Tasks.cpp": `void Arm(hstring const& entryPoint, hstring const& name) { BackgroundTaskBuilder b; b.Name(name); b.TaskEntryPoint(entryPoint); b.Register(); }
void Start() { Arm(L"App.Monthly"); }`,
		}, "App.Monthly"},
		{"cpp f(void)", map[string]string{
			"Tasks.h": `namespace App { class Tasks { public:
	void Arm(void) { BackgroundTaskBuilder b; b.TaskEntryPoint(L"App.Once"); b.Register(); }
	void Start() { Arm(); } }; }`,
		}, "App.Once"},
		{"cs member hides a static imported with using static", map[string]string{
			"Jobs.cs": `namespace App { static class Jobs { public static void Plan(string entryPoint = "App.Fallback") { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = entryPoint; b.Register(); } } }`,
			"Page.cs": `using static App.Jobs; namespace App { sealed partial class Page { void Plan() { Jobs.Plan("App.Chosen"); } void Load() { Plan(); } } }`,
		}, "App.Chosen"},
		{"cs partial class: the own method is in another part", map[string]string{
			"Jobs.cs":   `namespace App { static class Jobs { public static void Plan(string entryPoint = "App.Fallback") { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = entryPoint; b.Register(); } } }`,
			"Page.cs":   `using static App.Jobs; namespace App { sealed partial class Page { void Plan() { Jobs.Plan("App.Chosen"); } } }`,
			"Page.2.cs": `namespace App { sealed partial class Page { void Load() { Plan(); } } }`,
		}, "App.Chosen"},
		{"cs base class helper without an own method", map[string]string{
			"Base.cs": `namespace App { class BasePage { protected void Plan(string entryPoint) { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = entryPoint; b.Register(); } } }`,
			"Page.cs": `namespace App { sealed class Page : BasePage { void Load() { Plan("App.Inherited"); } } }`,
		}, "App.Inherited"},
		{"cs own method that does not fit leaves the base's", map[string]string{
			"Base.cs": `namespace App { class BasePage { protected void Plan(string entryPoint) { var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = entryPoint; b.Register(); } } }`,
			"Page.cs": `namespace App { sealed class Page : BasePage { void Plan() { } void Load() { Plan("App.Inherited"); } } }`,
		}, "App.Inherited"},
		{"vb module helper hidden by the class's own Sub", map[string]string{
			"Jobs.vb": "Module Jobs\nSub Plan(Optional entryPoint As String = \"App.Fallback\")\nDim b = New BackgroundTaskBuilder()\nb.TaskEntryPoint = entryPoint\nb.Register()\nEnd Sub\nEnd Module\n",
			"Page.vb": "Class Page\nSub Plan()\nJobs.Plan(\"App.Chosen\")\nEnd Sub\nSub Load()\nPlan()\nEnd Sub\nEnd Class\n",
		}, "App.Chosen"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := scanMem(t, c.files)
			for _, n := range f.Notes {
				if n.Internal {
					t.Fatalf("internal error: %s", n.Message)
				}
			}
			var got []string
			for _, r := range f.Registrations {
				ep := r.EntryPoint.Str
				if !r.EntryPoint.Resolved {
					ep = "?"
				}
				got = append(got, ep)
			}
			sort.Strings(got)
			if s := strings.Join(got, " "); s != c.want {
				t.Errorf("registrations %q, want %q", s, c.want)
			}
		})
	}
}

// TestOverloadBinding: a C# call of a helper with overloads reaches the
// overloads the compiler would pick, where that can be told without a type
// checker; an overload that only forwards to the helper and that nothing
// calls registers nothing.
func TestOverloadBinding(t *testing.T) {
	// three overloads with a params array, as a general-purpose library
	// writes them: by entry point, by type, and in-process
	const jobs = `using System; using Windows.ApplicationModel.Background;
namespace Lib { public static class Jobs {
	public static BackgroundTaskRegistration Add(string name, string entryPoint, IBackgroundTrigger trigger, bool force = false, params IBackgroundCondition[] conditions)
	{ var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint }; b.SetTrigger(trigger); return b.Register(); }
	public static BackgroundTaskRegistration Add(Type task, IBackgroundTrigger trigger, bool force = false, params IBackgroundCondition[] conditions)
	{ return Add(task.Name, task.FullName, trigger, force, conditions); }
	public static BackgroundTaskRegistration Add(string name, IBackgroundTrigger trigger, bool force = false, params IBackgroundCondition[] conditions)
	{ return Add(name, "Lib.InProc", trigger, force, conditions); }
} }`
	cases := []struct {
		name string
		page string
		want string
	}{
		{"nothing calls the helper", `namespace App { class Page { void Load() { } } }`, ""},
		{"a call with literal arguments picks the overload they fit",
			`namespace App { class Page { void Load() { Lib.Jobs.Add("sync", "App.Sync", new TimeTrigger(15, false), false, new SystemCondition(SystemConditionType.InternetAvailable), null); } } }`,
			"App.Sync"},
		{"nameof and a constant are strings, not types",
			`namespace App { class Page { const string Name = "poll"; void Load() { Lib.Jobs.Add(nameof(Page), "App.Poll", new TimeTrigger(15, false)); Lib.Jobs.Add(Name, new TimeTrigger(15, false)); } } }`,
			"App.Poll Lib.InProc"},
		{"typeof is a type: the forwarding overload is followed",
			`namespace App { class Page { void Load() { Lib.Jobs.Add(typeof(Page), new TimeTrigger(15, false), true); } } }`,
			"App.Page"},
		{"an argument of unknown type keeps every overload that fits",
			`namespace App { class Page { void Load(object o) { Lib.Jobs.Add(Pick(), new TimeTrigger(15, false)); } } }`,
			"? Lib.InProc"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := scanMem(t, map[string]string{"Jobs.cs": jobs, "Page.cs": c.page})
			if s := entryPointList(f); s != c.want {
				t.Errorf("registrations %q, want %q", s, c.want)
			}
		})
	}
}

// TestOverloadTieBreaks: with the same parameter types at every
// argument's position, C# prefers a call that needs no params expansion,
// then more declared parameters.
func TestOverloadTieBreaks(t *testing.T) {
	const jobs = `namespace Lib { public static class Jobs {
	public static void Add(string name, string entryPoint) { var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint }; b.Register(); }
	public static void Add(string name, params string[] rest) { var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = "Lib.Rest" }; b.Register(); }
	public static void Put(string name, string entryPoint, params string[] tags) { var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint }; b.Register(); }
	public static void Put(string name, params string[] rest) { var b = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = "Lib.Rest" }; b.Register(); }
} }`
	cases := []struct {
		name string
		page string
		want string
	}{
		{"normal form beats expanded form", `class Page { void Load() { Lib.Jobs.Add("a", "App.A"); } }`, "App.A"},
		{"more declared parameters beat fewer", `class Page { void Load() { Lib.Jobs.Put("b", "App.B", "x"); } }`, "App.B"},
		{"arguments of unknown type: the parameter types at each position still match", `class Page { void Load() { Lib.Jobs.Put(N(), E(), N(), N()); } }`, "?"},
		{"a last argument that may be the params array decides nothing", `class Page { void Load() { Lib.Jobs.Add("c", E()); } }`, "? Lib.Rest"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := scanMem(t, map[string]string{"Jobs.cs": jobs, "Page.cs": c.page})
			if s := entryPointList(f); s != c.want {
				t.Errorf("registrations %q, want %q", s, c.want)
			}
		})
	}
}

// TestEmptyEntryPointGuard: "if (entryPoint != string.Empty)
// builder.TaskEntryPoint = entryPoint" called with string.Empty registers
// an in-process task; without the guard the value stays unresolved.
func TestEmptyEntryPointGuard(t *testing.T) {
	helper := func(guarded string) string {
		return `namespace Lib { public static class Jobs {
	public static void Add(string name, string entryPoint) { var b = new BackgroundTaskBuilder { Name = name }; ` + guarded + ` b.Register(); } } }`
	}
	cases := []struct {
		name, assign, call, want string
	}{
		{"!= string.Empty", `if (entryPoint != string.Empty) b.TaskEntryPoint = entryPoint;`, `Lib.Jobs.Add("a", string.Empty);`, "in-process"},
		{"!= \"\" in a block", `if ("" != entryPoint) { b.CancelOnConditionLoss = true; b.TaskEntryPoint = entryPoint; }`, `Lib.Jobs.Add("a", "");`, "in-process"},
		{"!IsNullOrEmpty", `if (!string.IsNullOrEmpty(entryPoint)) { b.TaskEntryPoint = entryPoint; }`, `Lib.Jobs.Add("a", String.Empty);`, "in-process"},
		{"guarded, called with a class", `if (entryPoint != string.Empty) b.TaskEntryPoint = entryPoint;`, `Lib.Jobs.Add("a", "App.Sync");`, "App.Sync"},
		{"not guarded", `b.TaskEntryPoint = entryPoint;`, `Lib.Jobs.Add("a", string.Empty);`, "?"},
		{"guard on another value", `if (name != string.Empty) b.TaskEntryPoint = entryPoint;`, `Lib.Jobs.Add("a", string.Empty);`, "?"},
		{"a statement after the guarded one", `if (entryPoint != string.Empty) b.Name = name; b.TaskEntryPoint = entryPoint;`, `Lib.Jobs.Add("a", string.Empty);`, "?"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := scanMem(t, map[string]string{"Jobs.cs": helper(c.assign), "Page.cs": `class Page { void Load() { ` + c.call + ` } }`})
			var got []string
			for _, r := range f.Registrations {
				switch {
				case !r.EntryPointSet:
					got = append(got, "in-process")
				case !r.EntryPoint.Resolved:
					got = append(got, "?")
				default:
					got = append(got, r.EntryPoint.Str)
				}
			}
			if s := strings.Join(got, " "); s != c.want {
				t.Errorf("registrations %q, want %q", s, c.want)
			}
		})
	}
}

// entryPointList renders the entry points of f's registrations, sorted,
// "?" for one that is not resolved.
func entryPointList(f *Facts) string {
	var got []string
	for _, r := range f.Registrations {
		ep := r.EntryPoint.Str
		if !r.EntryPoint.Resolved {
			ep = "?"
		}
		got = append(got, ep)
	}
	sort.Strings(got)
	return strings.Join(got, " ")
}
