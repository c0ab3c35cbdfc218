package registration

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"testing"
)

// runFacts scans the files (path → source) and describes the Run facts of
// task class name.
func runFacts(t *testing.T, files map[string]string, name string) string {
	t.Helper()
	var sfs []SourceFile
	overlay := map[string][]byte{}
	for p, src := range files {
		lang, ok := LanguageOf(p)
		if !ok {
			t.Fatalf("%s: no language", p)
		}
		sfs = append(sfs, SourceFile{Path: p, Language: lang})
		overlay[p] = []byte(src)
	}
	sort.Slice(sfs, func(i, j int) bool { return sfs[i].Path < sfs[j].Path })
	f := ScanWithOverlay(sfs, overlay, Options{Jobs: 1, EntryPoints: []string{name}})
	for _, n := range f.Notes {
		if n.Internal {
			t.Fatalf("internal error: %s", n.Message)
		}
	}
	at := func(p Pos) string {
		if !p.IsValid() {
			return "-"
		}
		return fmt.Sprintf("%s:%d:%d", path.Base(p.File), p.Line, p.Col)
	}
	named := func(ps []NamedPos) string {
		var s []string
		for _, p := range ps {
			s = append(s, p.Name+"@"+at(p.Pos))
		}
		return "[" + strings.Join(s, " ") + "]"
	}
	list := func(ps []Pos) string {
		var s []string
		for _, p := range ps {
			s = append(s, at(p))
		}
		return "[" + strings.Join(s, " ") + "]"
	}
	var out []string
	for _, c := range f.TaskClasses {
		if c.Name != name || !c.RunPos.IsValid() {
			continue
		}
		out = append(out, fmt.Sprintf("async=%v at=%s start=%s get=%s maybe=%s complete=%s handed=%s nottaken=%s",
			c.RunIsAsync, at(c.AsyncPos), at(c.AsyncStart), list(c.DeferralGet), list(c.DeferralMaybe),
			list(c.DeferralComplete), list(c.DeferralHandedOn), named(c.DeferralNotTaken)))
	}
	return strings.Join(out, " | ")
}

func TestDeferralFacts(t *testing.T) {
	const csHead = "using Windows.ApplicationModel.Background;\nnamespace N {\npublic sealed class T : IBackgroundTask {"
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"C# await and deferral", map[string]string{"t.cs": csHead + `
    public async void Run(IBackgroundTaskInstance i) {
        var d = i.GetDeferral();
        await Task.Delay(1);
        d.Complete();
    }
}}`}, "async=true at=t.cs:6:9 start=- get=[t.cs:5:19] maybe=[] complete=[t.cs:7:11] handed=[] nottaken=[]"},

		{"VB GetDeferral and Complete without parentheses", map[string]string{"t.vb": `Imports Windows.ApplicationModel.Background
Namespace N
    Public NotInheritable Class T
        Implements IBackgroundTask
        Public Async Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            Dim deferral = taskInstance.GetDeferral
            Await Task.Delay(1)
            deferral.Complete
        End Sub
    End Class
End Namespace
`}, "async=true at=t.vb:7:13 start=- get=[t.vb:6:41] maybe=[] complete=[t.vb:8:22] handed=[] nottaken=[]"},

		{"C# async void Run that never awaits is synchronous", map[string]string{"t.cs": csHead + `
    public async void Run(IBackgroundTaskInstance i) {
        Work();
    }
    void Work() {}
}}`}, "async=false at=- start=- get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"VB Async Sub Run that never awaits is synchronous", map[string]string{"t.vb": `Namespace N
    Public NotInheritable Class T
        Implements IBackgroundTask
        Public Async Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            Work()
        End Sub
    End Class
End Namespace
`}, "async=false at=- start=- get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# awaits in a lambda, an anonymous delegate and a local function are not Run's", map[string]string{"t.cs": csHead + `
    public async void Run(IBackgroundTaskInstance i) {
        Helper.Process(i, async () => await Task.Delay(1));
        Helper.Process(i, async x => { await Task.Delay(2); });
        Helper.Process(i, async delegate { await Task.Delay(3); });
        async Task LocalAsync() { await Task.Delay(4); }
        async Task Local2Async() => await Task.Delay(5);
    }
}}`}, "async=false at=- start=- get=[] maybe=[t.cs:5:16 t.cs:6:16 t.cs:7:16] complete=[] handed=[] nottaken=[]"},

		{"C# await after a lambda is Run's", map[string]string{"t.cs": csHead + `
    public async void Run(IBackgroundTaskInstance i) {
        var f = new Func<Task>(async () => await Task.Delay(1));
        if (f != null) { await f(); }
    }
}}`}, "async=true at=t.cs:6:26 start=- get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C++ co_await inside a lambda is not Run's", map[string]string{"t.h": `namespace winrt::N::implementation {
struct T : TT<T> {
    winrt::fire_and_forget Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const& i) {
        auto work = [this]() -> winrt::Windows::Foundation::IAsyncAction { co_await Step(); };
        work().get();
        co_return;
    }
};
}`, "t.idl": "namespace N { runtimeclass T : Windows.ApplicationModel.Background.IBackgroundTask { T(); } }"},
			"async=false at=- start=- get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"VB Await inside lambdas is not Run's", map[string]string{"t.vb": `Namespace N
    Public NotInheritable Class T
        Implements IBackgroundTask
        Public Async Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            Dim a = Async Function() Await Task.Delay(1)
            Dim b = Async Sub()
                        Await Task.Delay(2)
                    End Sub
            Work(a, b)
        End Sub
    End Class
End Namespace
`}, "async=false at=- start=- get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# starts: ThreadPoolTimer without deferral", map[string]string{"t.cs": csHead + `
    ThreadPoolTimer _timer;
    public void Run(IBackgroundTaskInstance i) {
        _timer = ThreadPoolTimer.CreatePeriodicTimer(Tick, TimeSpan.FromSeconds(1));
    }
    void Tick(ThreadPoolTimer t) {}
}}`}, "async=true at=t.cs:6:34 start=t.cs:6:34 get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# starts: Task.Run, Task.Factory.StartNew, ThreadPool.RunAsync", map[string]string{"t.cs": csHead + `
    public void Run(IBackgroundTaskInstance i) {
        Task.Factory.StartNew(() => {});
        Task.Run(() => {});
        ThreadPool.RunAsync(x => {});
    }
}}`}, "async=true at=t.cs:5:22 start=t.cs:5:22 get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# work waited for is not a start", map[string]string{"t.cs": csHead + `
    public void Run(IBackgroundTaskInstance i) {
        Task.Run(() => Work()).Wait();
        var t = Task.Run(() => Work());
        t.Wait();
        var u = Task.Run(() => Work());
        Task.WaitAll(u);
    }
}}`}, "async=false at=- start=- get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# a start that Run waits for later is not a start", map[string]string{"t.cs": csHead + `
    public void Run(IBackgroundTaskInstance i) {
        ThreadPoolTimer.CreateTimer(t => _done.Set(), TimeSpan.FromSeconds(1));
        _done.WaitOne();
    }
}}`}, "async=false at=- start=- get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# await before a start: the await is the async position", map[string]string{"t.cs": csHead + `
    public async void Run(IBackgroundTaskInstance i) {
        Task.Run(() => Work());
        var d = i.GetDeferral();
        await Task.Delay(1);
        d.Complete();
    }
}}`}, "async=true at=t.cs:7:9 start=t.cs:5:14 get=[t.cs:6:19] maybe=[] complete=[t.cs:8:11] handed=[] nottaken=[]"},

		{"C# async void helper called without await starts work", map[string]string{"t.cs": csHead + `
    public void Run(IBackgroundTaskInstance i) {
        Sync();
    }
    async void Sync() { await Task.Delay(1); }
}}`}, "async=true at=t.cs:5:9 start=t.cs:5:9 get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"VB ThreadPoolTimer start", map[string]string{"t.vb": `Namespace N
    Public NotInheritable Class T
        Implements IBackgroundTask
        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            ThreadPoolTimer.CreateTimer(AddressOf Tick, TimeSpan.FromSeconds(1))
        End Sub
    End Class
End Namespace
`}, "async=true at=t.vb:5:29 start=t.vb:5:29 get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C++/WinRT starts: ThreadPoolTimer and a fire_and_forget call; create_task(...).get() waits", map[string]string{"t.h": `namespace winrt::N::implementation {
struct T : TT<T> {
    void Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const& i) {
        concurrency::create_task([] {}).get();
        Sync();
        ThreadPoolTimer::CreateTimer([](auto&&) {}, std::chrono::seconds(1));
    }
    winrt::fire_and_forget Sync() { co_await Step(); }
};
}`, "t.idl": "namespace N { runtimeclass T : Windows.ApplicationModel.Background.IBackgroundTask { T(); } }"},
			"async=true at=t.h:5:9 start=t.h:5:9 get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"chained GetDeferral().Complete() in C#, C++/WinRT, C++/CX, VB", map[string]string{
			"a.cs":  "namespace N { public sealed class A : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { i.GetDeferral().Complete(); } } }",
			"b.vb":  "Namespace N\nPublic NotInheritable Class B\nImplements IBackgroundTask\nPublic Sub Run(i As IBackgroundTaskInstance) Implements IBackgroundTask.Run\ni.GetDeferral.Complete\nEnd Sub\nEnd Class\nEnd Namespace\n",
			"c.h":   "namespace winrt::N::implementation { struct C : CT<C> { void Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const& i) { i.GetDeferral().Complete(); } }; }",
			"c.idl": "namespace N { runtimeclass C : Windows.ApplicationModel.Background.IBackgroundTask { C(); } }",
			"d.cpp": "namespace N { public ref class D sealed : public IBackgroundTask { public: virtual void Run(IBackgroundTaskInstance^ i) { i->GetDeferral()->Complete(); } }; }",
		}, ""},

		{"C# deferral handed to another class's constructor, completed there", map[string]string{"t.cs": csHead + `
    public void Run(IBackgroundTaskInstance i) {
        var deferral = i.GetDeferral();
        var w = new Worker(deferral, 3);
        w.Start();
    }
}}`, "w.cs": `namespace N {
class Worker {
    private readonly BackgroundTaskDeferral _done;
    public Worker(BackgroundTaskDeferral d, int n) { _done = d; }
    public void Start() { Finish(); }
    void Finish() { _done.Complete(); }
}}`}, "async=false at=- start=- get=[t.cs:5:26] maybe=[] complete=[w.cs:6:27] handed=[] nottaken=[]"},

		{"C# deferral handed to a method of another class that never completes it", map[string]string{"t.cs": csHead + `
    public void Run(IBackgroundTaskInstance i) {
        var deferral = i.GetDeferral();
        Keeper.Keep(deferral);
    }
}}`, "k.cs": `namespace N {
static class Keeper {
    static BackgroundTaskDeferral held;
    public static void Keep(BackgroundTaskDeferral d) { held = d; }
}}`}, "async=false at=- start=- get=[t.cs:5:26] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# deferral handed to code the scanner cannot read", map[string]string{"t.cs": csHead + `
    public void Run(IBackgroundTaskInstance i) {
        var deferral = i.GetDeferral();
        Library.Hold(deferral);
        _state.Deferral = deferral;
    }
}}`}, "async=false at=- start=- get=[t.cs:5:26] maybe=[] complete=[] handed=[t.cs:6:22 t.cs:7:27] nottaken=[]"},

		{"C# GetDeferral() passed straight to a method of the class that completes its parameter", map[string]string{"t.cs": csHead + `
    public void Run(IBackgroundTaskInstance i) {
        Finish(i.GetDeferral());
    }
    void Finish(BackgroundTaskDeferral x) { x.Complete(); }
}}`}, "async=false at=- start=- get=[t.cs:5:18] maybe=[] complete=[t.cs:7:47] handed=[] nottaken=[]"},

		{"C++/WinRT deferral handed to make<Worker>, stored by the member initialiser", map[string]string{"t.h": `namespace winrt::N::implementation {
struct Worker {
    Worker(winrt::Windows::ApplicationModel::Background::BackgroundTaskDeferral const& d) : m_deferral(d) {}
    void Done() { m_deferral.Complete(); }
    winrt::Windows::ApplicationModel::Background::BackgroundTaskDeferral m_deferral{ nullptr };
};
struct T : TT<T> {
    void Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const& i) {
        auto deferral = i.GetDeferral();
        auto w = std::make_shared<Worker>(deferral);
    }
};
}`, "t.idl": "namespace N { runtimeclass T : Windows.ApplicationModel.Background.IBackgroundTask { T(); } }"},
			"async=false at=- start=- get=[t.h:9:27] maybe=[] complete=[t.h:4:30] handed=[] nottaken=[]"},

		{"C++/CX deferral handed to ref new Worker", map[string]string{"t.cpp": `namespace N {
ref class Worker sealed {
public:
    Worker(BackgroundTaskDeferral^ d) { m_d = d; }
    void Done() { m_d->Complete(); }
private:
    BackgroundTaskDeferral^ m_d;
};
public ref class T sealed : public IBackgroundTask {
public:
    virtual void Run(IBackgroundTaskInstance^ i) {
        auto deferral = i->GetDeferral();
        auto w = ref new Worker(deferral);
    }
};
}`}, "async=false at=- start=- get=[t.cpp:12:28] maybe=[] complete=[t.cpp:5:24] handed=[] nottaken=[]"},

		{"VB deferral handed to New Worker", map[string]string{"t.vb": `Namespace N
    Public NotInheritable Class T
        Implements IBackgroundTask
        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            Dim w As New Worker(taskInstance.GetDeferral)
        End Sub
    End Class
    Friend Class Worker
        Private ReadOnly held As BackgroundTaskDeferral
        Sub New(d As BackgroundTaskDeferral)
            held = d
        End Sub
        Sub Done()
            held.Complete
        End Sub
    End Class
End Namespace
`}, "async=false at=- start=- get=[t.vb:5:46] maybe=[] complete=[t.vb:14:18] handed=[] nottaken=[]"},

		{"C# Complete on a field never assigned", map[string]string{"t.cs": csHead + `
    BackgroundTaskDeferral _deferral;
    ThreadPoolTimer _timer;
    public void Run(IBackgroundTaskInstance i) {
        _timer = ThreadPoolTimer.CreateTimer(Tick, TimeSpan.FromSeconds(1));
    }
    void Tick(ThreadPoolTimer t) { this._deferral.Complete(); }
}}`}, "async=true at=t.cs:7:34 start=t.cs:7:34 get=[] maybe=[] complete=[t.cs:9:51] handed=[] nottaken=[_deferral@t.cs:9:41]"},

		{"C# Complete on a field assigned from a parameter, by ref, or from GetDeferral elsewhere: silent", map[string]string{"t.cs": csHead + `
    BackgroundTaskDeferral _a;
    BackgroundTaskDeferral _b;
    BackgroundTaskDeferral _c;
    public void Run(IBackgroundTaskInstance i) { Init(ref _b); }
    public void Set(BackgroundTaskDeferral d) { _a = d; }
    void Tick(BackgroundTaskDeferral p) { _a.Complete(); _b.Complete(); _c.Complete(); p.Complete(); }
}}`, "o.cs": "namespace N { class O { void M(T t, IBackgroundTaskInstance i) { t._c = i.GetDeferral(); } } }"},
			"async=false at=- start=- get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# a computed property, a ??= assignment: silent", map[string]string{"t.cs": csHead + `
    BackgroundTaskDeferral Held => Holder.Current;
    BackgroundTaskDeferral _lazy;
    public void Run(IBackgroundTaskInstance i) { _lazy ??= i.GetDeferral(); }
    void Tick() { Held.Complete(); _lazy.Complete(); }
}}`}, "async=false at=- start=- get=[t.cs:6:62] maybe=[] complete=[t.cs:7:42] handed=[] nottaken=[]"},

		{"VB AddressOf an Async Sub is no call", map[string]string{"t.vb": `Namespace N
    Public NotInheritable Class T
        Implements IBackgroundTask
        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            AddHandler taskInstance.Canceled, AddressOf OnCanceled
        End Sub
        Private Async Sub OnCanceled(sender As IBackgroundTaskInstance, reason As BackgroundTaskCancellationReason)
            Await Task.Delay(1)
        End Sub
    End Class
End Namespace
`}, "async=false at=- start=- get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# local never assigned, although another class assigns a local of that name", map[string]string{"t.cs": csHead + `
    public async void Run(IBackgroundTaskInstance i) {
        BackgroundTaskDeferral deferral = null;
        try { await Task.Delay(1); }
        finally { deferral.Complete(); }
    }
}}`, "o.cs": "namespace N { class O { void M(IBackgroundTaskInstance i) { var deferral = i.GetDeferral(); deferral.Complete(); } } }"},
			"async=true at=t.cs:6:15 start=- get=[] maybe=[] complete=[t.cs:7:28] handed=[] nottaken=[deferral@t.cs:7:19]"},

		{"C# field never assigned, although another class assigns its own field of that name", map[string]string{"t.cs": csHead + `
    BackgroundTaskDeferral _deferral;
    public void Run(IBackgroundTaskInstance i) { }
    void Done() { _deferral.Complete(); }
}}`, "o.cs": "namespace N { class O { BackgroundTaskDeferral _deferral; void M(IBackgroundTaskInstance i) { _deferral = i.GetDeferral(); } } }"},
			"async=false at=- start=- get=[] maybe=[] complete=[t.cs:6:29] handed=[] nottaken=[_deferral@t.cs:6:19]"},

		{"C# field assigned through an object, or by a derived class: silent", map[string]string{"t.cs": csHead + `
    internal BackgroundTaskDeferral _deferral;
    protected BackgroundTaskDeferral _held;
    public void Run(IBackgroundTaskInstance i) { }
    void Done() { _deferral.Complete(); _held.Complete(); }
}}`, "o.cs": "namespace N { class O { void M(T t, IBackgroundTaskInstance i) { t._deferral = i.GetDeferral(); } } class D : T { void M(IBackgroundTaskInstance i) { _held = i.GetDeferral(); } } }"},
			"async=false at=- start=- get=[] maybe=[] complete=[t.cs:7:29] handed=[] nottaken=[]"},

		{"C# XamlRenderingBackgroundTask: OnRun is the task's Run", map[string]string{"t.cs": "namespace N {\npublic sealed class T : XamlRenderingBackgroundTask {" + `
    protected override async void OnRun(IBackgroundTaskInstance i) {
        await Task.Delay(1);
    }
}}`}, "async=true at=t.cs:4:9 start=- get=[] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"VB Complete on a field never assigned", map[string]string{"t.vb": `Namespace N
    Public NotInheritable Class T
        Implements IBackgroundTask
        Private _deferral As BackgroundTaskDeferral = Nothing
        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            If _deferral Is Nothing Then Log("none")
        End Sub
        Private Sub Tick(t As ThreadPoolTimer)
            _deferral.Complete()
        End Sub
    End Class
End Namespace
`}, "async=false at=- start=- get=[] maybe=[] complete=[t.vb:9:23] handed=[] nottaken=[_deferral@t.vb:9:13]"},

		{"C++/WinRT Complete on a member never assigned", map[string]string{"t.h": `namespace winrt::N::implementation {
struct T : TT<T> {
    void Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const& i) { }
    void Tick() { m_deferral.Complete(); }
    winrt::Windows::ApplicationModel::Background::BackgroundTaskDeferral m_deferral{ nullptr };
};
}`, "t.idl": "namespace N { runtimeclass T : Windows.ApplicationModel.Background.IBackgroundTask { T(); } }"},
			"async=false at=- start=- get=[] maybe=[] complete=[t.h:4:30] handed=[] nottaken=[m_deferral@t.h:4:19]"},

		{"C++/CX Complete on a member never assigned", map[string]string{"c.cpp": `namespace N {
public ref class T sealed : public IBackgroundTask {
public:
    virtual void Run(IBackgroundTaskInstance^ i) { }
    void Tick() { if (m_d != nullptr) m_d->Complete(); }
private:
    Platform::Agile<BackgroundTaskDeferral^> m_d;
};
}`}, "async=false at=- start=- get=[] maybe=[] complete=[] handed=[] nottaken=[m_d@c.cpp:5:39]"},

		{"task instance handed to a class that takes the deferral", map[string]string{"t.cs": csHead + `
    public async void Run(IBackgroundTaskInstance i) {
        await new Worker(i).RunAsync();
        await Other.Log(i);
    }
}}`, "w.cs": `namespace N {
class Worker {
    IBackgroundTaskInstance _i;
    public Worker(IBackgroundTaskInstance i) { _i = i; }
    public async Task RunAsync() { var d = _i.GetDeferral(); await Task.Delay(1); d.Complete(); }
}
static class Other { public static Task Log(IBackgroundTaskInstance i) => Task.CompletedTask; }
}`}, "async=true at=t.cs:5:9 start=- get=[] maybe=[t.cs:5:9] complete=[] handed=[] nottaken=[]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			name := "N.T"
			if strings.HasPrefix(c.name, "chained") {
				for cls := range map[string]bool{"N.A": true, "N.B": true, "N.C": true, "N.D": true} {
					got := runFacts(t, c.files, cls)
					if !strings.Contains(got, "complete=[") || strings.Contains(got, "complete=[]") || strings.Contains(got, "get=[]") {
						t.Errorf("%s: %s\nwant the deferral taken and completed", cls, got)
					}
				}
				return
			}
			if got := runFacts(t, c.files, name); got != c.want {
				t.Errorf("\ngot  %s\nwant %s", got, c.want)
			}
		})
	}
}
