package registration

import (
	"fmt"
	"slices"
	"testing"
)

// A comparison with a task's name is HandlerOnly when it is the whole
// condition of an if, without else, whose branch only attaches event
// handlers; any other branch may keep the registration from running.
func TestLookUpHandlerOnly(t *testing.T) {
	const src = `using Windows.ApplicationModel.Background;
class Setup {
	void Enable() {
		foreach (var task in BackgroundTaskRegistration.AllTasks) {
			%s
		}
	}
	void OnDone(BackgroundTaskRegistration s, BackgroundTaskCompletedEventArgs a) { }
	void Attach(IBackgroundTaskRegistration r) { r.Completed += OnDone; r.Progress += new BackgroundTaskProgressEventHandler(OnProgress); }
	void Forget(IBackgroundTaskRegistration r) { r.Unregister(true); }
}`
	for _, tc := range []struct {
		loop string
		want bool
	}{
		{`if (task.Value.Name == "Sync") { task.Value.Completed += OnDone; }`, true},
		{`if (task.Value.Name == "Sync") task.Value.Completed += OnDone;`, true},
		{`if (task.Value.Name == "Sync") { task.Value.Completed += OnDone; task.Value.Progress += (s, e) => { }; }`, true},
		{`if (task.Value.Name == "Sync") { task.Value.Completed += OnDone; return; }`, false},
		{`if (task.Value.Name == "Sync") { task.Value.Completed += OnDone; } else { task.Value.Unregister(true); }`, false},
		{`if (task.Value.Name == "Sync") { task.Value.Unregister(true); }`, false},
		{`if (task.Value.Name == "Sync") { found = true; }`, false},
		{`if (task.Value.Name == "Sync") { this.Count += 1; }`, false},
		{`if (task.Value.Name == "Sync" && ready) { task.Value.Completed += OnDone; }`, false},
		{`if (task.Value.Name != "Sync") { task.Value.Completed += OnDone; }`, false},
		{`if (task.Value.Name == "Sync") { } `, false},
		{`if (task.Value.Name == "Sync") { Attach(task.Value); }`, true},
		{`if (task.Value.Name == "Sync") { Forget(task.Value); }`, false},
		{`if (task.Value.Name == "Sync") { Missing(task.Value); }`, false},
		{`if (task.Value.Name == "Sync") { task.Value.Completed += OnDone; } if (task.Value.Name == "Sync") return;`, false},
	} {
		files := []SourceFile{{Path: "Setup.cs", Language: CSharp}}
		overlay := map[string][]byte{"Setup.cs": []byte(fmt.Sprintf(src, tc.loop))}
		facts := ScanWithOverlay(files, overlay, Options{Jobs: 1})
		if len(facts.LookUps) != 1 || !slices.Contains(facts.LookUps[0].Names, "Sync") {
			t.Fatalf("%s: the case is wrong: %+v", tc.loop, facts.LookUps)
		}
		if got := slices.Contains(facts.LookUps[0].HandlerOnly, "Sync"); got != tc.want {
			t.Errorf("%s: HandlerOnly %v, want %v", tc.loop, got, tc.want)
		}
	}
}
