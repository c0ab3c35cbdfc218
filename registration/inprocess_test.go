package registration

import "testing"

// TestInProcessHandlers: an async OnBackgroundActivated override is
// analysed like Run: its first suspending await, its deferrals, and where
// it lets the activation's arguments reach other code.
func TestInProcessHandlers(t *testing.T) {
	cases := []struct {
		name, file, src string
		handlers        int
		await           int // line of the first await, 0 for none
		gets, maybe     []int
	}{
		{"await before the deferral", "App.xaml.cs", `namespace A {
sealed partial class App : Application {
  protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args) {
    var name = args.TaskInstance.Task.Name;
    await LoginAsync(name);
    var d = args.TaskInstance.GetDeferral();
    d.Complete();
  }
}
}`, 1, 5, []int{6}, nil},
		{"deferral first: in time, not listed", "App.xaml.cs", `namespace A {
sealed partial class App : Application {
  protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args) {
    var d = args.TaskInstance.GetDeferral();
    await LoginAsync();
    d.Complete();
  }
}
}`, 0, 0, nil, nil},
		{"arguments handed on (Template Studio), alias; the base call is not", "App.xaml.cs", `namespace A {
sealed partial class App : Application {
  protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args) {
    base.OnBackgroundActivated(args);
    IBackgroundTaskInstance ti = args.TaskInstance;
    if (args.TaskInstance.TriggerDetails is AppServiceTriggerDetails d) { }
    await ActivationService.ActivateAsync(
        args);
  }
}
}`, 0, 0, nil, nil},
		{"the base call counts when the App handles BackgroundActivated", "App.xaml.cs", `namespace A {
sealed partial class App : Application {
  public App() { BackgroundActivated += OnActivated; }
  protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args) {
    base.OnBackgroundActivated(args);
    await Work();
  }
}
}`, 0, 0, nil, nil},
		{"the base call counts when the base is a framework's (Prism)", "App.xaml.cs", `namespace A {
sealed partial class App : PrismUnityApplication {
  protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args) {
    base.OnBackgroundActivated(args);
    await Work();
  }
}
}`, 0, 0, nil, nil},
		{"a helper of the class takes it", "App.xaml.cs", `namespace A {
sealed partial class App : Application {
  protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args) {
    Hold(args.TaskInstance);
    await Work();
  }
  void Hold(IBackgroundTaskInstance i) { _d = i.GetDeferral(); }
}
}`, 0, 0, nil, nil},
		{"a helper that awaits only in one branch of an #if group may not suspend", "App.xaml.cs", `namespace A {
sealed partial class App : Application {
  protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args) {
    await InitializeLogger();
    Hand(args.TaskInstance);
  }
  private async Task InitializeLogger() {
#if DEBUG
    var file = await ApplicationData.Current.LocalFolder.CreateFileAsync("log.txt");
#else
    // no log in release builds
#endif
  }
}
}`, 1, 0, nil, []int{5}},
		{"not async: not analysed", "App.xaml.cs", `namespace A {
sealed partial class App : Application {
  protected override void OnBackgroundActivated(BackgroundActivatedEventArgs args) { Work(); }
}
}`, 0, 0, nil, nil},
		{"not an override: not analysed", "Helper.cs", `namespace A {
class Helper {
  public async void OnBackgroundActivated(BackgroundActivatedEventArgs args) { await Work(); }
}
}`, 0, 0, nil, nil},
		{"Visual Basic", "App.xaml.vb", `NotInheritable Class App
    Inherits Application
    Protected Overrides Async Sub OnBackgroundActivated(args As BackgroundActivatedEventArgs)
        Await LogOnAsync()
        Dim d = args.TaskInstance.GetDeferral
        d.Complete()
    End Sub
End Class
`, 1, 4, []int{5}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := ScanWithOverlay([]SourceFile{{Path: tc.file}}, map[string][]byte{tc.file: []byte(tc.src)}, Options{Jobs: 1})
			if len(f.InProcessHandlers) != tc.handlers {
				t.Fatalf("%d handlers, want %d: %+v", len(f.InProcessHandlers), tc.handlers, f.InProcessHandlers)
			}
			if tc.handlers == 0 {
				return
			}
			h := f.InProcessHandlers[0]
			if h.AsyncPos.Line != tc.await {
				t.Errorf("first await at line %d, want %d", h.AsyncPos.Line, tc.await)
			}
			if got := lines(h.DeferralGet); !equalInts(got, tc.gets) {
				t.Errorf("deferrals taken at lines %v, want %v", got, tc.gets)
			}
			if got := lines(h.DeferralMaybe); !equalInts(got, tc.maybe) {
				t.Errorf("arguments handed on at lines %v, want %v", got, tc.maybe)
			}
		})
	}
}

func lines(ps []Pos) []int {
	var out []int
	for _, p := range ps {
		out = append(out, p.Line)
	}
	return out
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestCompletedEarly: a Complete() of the task's deferral that Run makes on
// every path after starting work it does not wait for is recorded; one in
// a branch, a lambda, or after a return is not.
func TestCompletedEarly(t *testing.T) {
	cases := []struct {
		name, src string
		line      int // of the Complete() within src (its first line is 1, empty); 0: none
	}{
		{"async void call, then Complete", `
    var d = taskInstance.GetDeferral();
    Notify();
    d.Complete();`, 4},
		{"inside try/finally", `
    var d = taskInstance.GetDeferral();
    try { Notify(); }
    finally { d.Complete(); }`, 4},
		{"Task.Run, then Complete in a using block", `
    _deferral = taskInstance.GetDeferral();
    using (var scope = Open()) {
      Task.Run(() => Work());
      _deferral.Complete();
    }`, 5},
		{"Complete in a branch", `
    var d = taskInstance.GetDeferral();
    Notify();
    if (failed) { d.Complete(); }`, 0},
		{"Complete in a lambda", `
    var d = taskInstance.GetDeferral();
    Notify();
    taskInstance.Canceled += (s, e) => { d.Complete(); };`, 0},
		{"a return between", `
    var d = taskInstance.GetDeferral();
    Notify();
    if (quick) return;
    d.Complete();`, 0},
		{"the start in a branch", `
    var d = taskInstance.GetDeferral();
    if (due) { Notify(); }
    d.Complete();`, 0},
		{"Complete before the start", `
    var d = taskInstance.GetDeferral();
    d.Complete();
    Notify();`, 0},
		{"a second deferral held (the timer sample's shape)", `
    var quick = taskInstance.GetDeferral();
    _deferral = taskInstance.GetDeferral();
    _timer = ThreadPoolTimer.CreatePeriodicTimer(Tick, TimeSpan.FromSeconds(1));
    quick.Complete();`, 0},
		{"another object's Complete", `
    var d = taskInstance.GetDeferral();
    Notify();
    progress.Complete();`, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "namespace T {\npublic sealed class Task1 : IBackgroundTask {\n  public void Run(IBackgroundTaskInstance taskInstance) {" + tc.src + "\n  }\n  private async void Notify() { await Show(); }\n  BackgroundTaskDeferral _deferral;\n}\n}\n"
			f := ScanWithOverlay([]SourceFile{{Path: "Task1.cs"}}, map[string][]byte{"Task1.cs": []byte(src)}, Options{Jobs: 1, EntryPoints: []string{"T.Task1"}})
			if len(f.TaskClasses) != 1 {
				t.Fatalf("%d task classes", len(f.TaskClasses))
			}
			want := tc.line
			if want > 0 {
				want += 2 // src starts on the third line of the file
			}
			if got := f.TaskClasses[0].CompletedEarly.Line; got != want {
				t.Errorf("completed early at line %d, want %d", got, want)
			}
		})
	}
}
