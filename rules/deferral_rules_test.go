package rules

import (
	"strings"
	"testing"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/registration"
)

// Rule tests of the deferral facts that issue #13 added: async work started
// without await (BG205), the task instance and the deferral handed to other
// classes (BG205, BG206), Complete() on a deferral never taken (BG211), and
// the Application class named as an entry point (BG203, BG202, BG204).

func TestBG205AsyncStarts(t *testing.T) {
	start := ctPos(ctTaskFile, 11, 30)
	starts := func(edit func(c *registration.TaskClass)) registration.TaskClass {
		return ctWith(ctCS("Tasks.SyncTask", ctTaskFile, 7), func(c *registration.TaskClass) {
			c.RunIsAsync, c.AsyncPos, c.AsyncStart = true, start, start
			c.RunEnd = ctPos(ctTaskFile, 20, 9)
			if edit != nil {
				edit(c)
			}
		})
	}
	facts := func(tc registration.TaskClass) *Context {
		return ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{tc}})
	}
	ctRun(t, []ctCase{
		{"timer started, no deferral", "BG205", facts(starts(nil)), []string{"Tasks/SyncTask.cs:9:21"}},
		{"timer started, deferral taken after it in Run", "BG205",
			facts(starts(func(c *registration.TaskClass) { c.DeferralGet = []registration.Pos{ctPos(ctTaskFile, 12, 30)} })), nil},
		{"timer started, task instance handed to a class that takes the deferral", "BG205",
			facts(starts(func(c *registration.TaskClass) { c.DeferralMaybe = []registration.Pos{ctPos(ctTaskFile, 13, 9)} })), nil},
		{"await, task instance handed on before it", "BG205",
			facts(starts(func(c *registration.TaskClass) {
				c.AsyncPos = ctPos(ctTaskFile, 14, 13)
				c.DeferralMaybe = []registration.Pos{ctPos(ctTaskFile, 13, 9)}
			})), nil},
		{"await, task instance handed on after it", "BG205",
			facts(starts(func(c *registration.TaskClass) {
				c.AsyncPos = ctPos(ctTaskFile, 12, 13)
				c.DeferralMaybe = []registration.Pos{ctPos(ctTaskFile, 13, 9)}
			})), []string{"Tasks/SyncTask.cs:9:21"}},
	})
	fs := asyncRunWithoutDeferral{}.Check(facts(starts(nil)))
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "starts asynchronous work") ||
		len(fs[0].Related) != 1 || fs[0].Related[0].Line != 11 || fs[0].Related[0].Message != "asynchronous work started here" {
		t.Errorf("want the start as related location and a message about started work, got %+v", fs)
	}
}

func TestBG206HandedOn(t *testing.T) {
	get := []registration.Pos{ctPos(ctTaskFile, 11, 42)}
	tc := func(edit func(c *registration.TaskClass)) *Context {
		return ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{
			ctWith(ctCS("Tasks.SyncTask", ctTaskFile, 7), func(c *registration.TaskClass) { c.DeferralGet = get; edit(c) })}})
	}
	ctRun(t, []ctCase{
		{"handed to code the scanner could not follow", "BG206",
			tc(func(c *registration.TaskClass) { c.DeferralHandedOn = []registration.Pos{ctPos(ctTaskFile, 12, 20)} }), nil},
		{"completed by the class it was handed to", "BG206",
			tc(func(c *registration.TaskClass) {
				c.DeferralComplete = []registration.Pos{ctPos("Tasks/SyncWorker.cs", 30, 19)}
			}), nil},
		{"handed to a class of the App that never completes it", "BG206",
			tc(func(c *registration.TaskClass) {}), []string{"Tasks/SyncTask.cs:11:42"}},
	})
}

func TestBG211DeferralCompletedNotTaken(t *testing.T) {
	notTaken := func(tc registration.TaskClass) registration.TaskClass {
		return ctWith(tc, func(c *registration.TaskClass) {
			c.DeferralNotTaken = []registration.NamedPos{{Name: "_deferral", Pos: ctPos(ctTaskFile, 25, 13)}}
		})
	}
	ctRun(t, []ctCase{
		{"Complete() on a field never assigned", "BG211",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{notTaken(ctCS("Tasks.SyncTask", ctTaskFile, 7))}}),
			[]string{"Tasks/SyncTask.cs:25:13"}},
		{"a class that is no task", "BG211",
			ctContext(nil, registration.Facts{TaskClasses: []registration.TaskClass{
				ctWith(notTaken(ctCS("Tasks.Worker", ctTaskFile, 7)), func(c *registration.TaskClass) { c.Implements, c.Bases = false, nil })}}),
			nil},
		{"nothing recorded", "BG211",
			ctContext(ctManifest("Tasks.SyncTask"), registration.Facts{TaskClasses: []registration.TaskClass{ctCS("Tasks.SyncTask", ctTaskFile, 7)}}),
			nil},
	})
	fs := deferralCompletedNotTaken{}.Check(ctContext(ctManifest("Tasks.SyncTask"),
		registration.Facts{TaskClasses: []registration.TaskClass{notTaken(ctCS("Tasks.SyncTask", ctTaskFile, 7))}}))
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "_deferral") || len(fs[0].Related) != 1 || fs[0].Related[0].Line != 9 {
		t.Errorf("want one finding naming _deferral with Run as related location, got %+v", fs)
	}
}

func TestApplicationClassEntryPoint(t *testing.T) {
	// sealed partial class App : Application, in the app project, not public
	app := ctWith(ctCS("ContosoSync.App", "App/App.xaml.cs", 7), func(c *registration.TaskClass) {
		c.Public, c.Implements, c.Bases, c.Project, c.RunPos = false, false, []string{"Application"}, "App/App.csproj", registration.Pos{}
	})
	// struct App : AppT<App>: known as the app class from the manifest only
	winrtApp := ctWith(ctImpl("ContosoSync.App", "App/App.xaml.h", 6), func(c *registration.TaskClass) {
		c.Implements, c.Bases = false, []string{"AppT<App>"}
	})
	withAppEntry := func(m *manifest.Manifest) *manifest.Manifest {
		m.Applications = []manifest.Application{{EntryPoint: manifest.Attr{Value: "ContosoSync.App", Present: true}}}
		return m
	}
	facts := func(tc registration.TaskClass) registration.Facts {
		return registration.Facts{TaskClasses: []registration.TaskClass{tc}}
	}
	ctRun(t, []ctCase{
		{"C# App : Application", "BG203", ctContext(ctManifest("ContosoSync.App"), facts(app)), []string{"App/App.xaml.cs:7:25"}},
		{"C# App : Application is not BG202's", "BG202", ctContext(ctManifest("ContosoSync.App"), facts(app)), nil},
		{"C# App : Application is not BG204's", "BG204", ctContext(ctManifest("ContosoSync.App"), facts(app)), nil},
		{"C++/WinRT App named by the Application's EntryPoint", "BG203",
			ctContext(withAppEntry(ctManifest("ContosoSync.App")), facts(winrtApp)), []string{"App/App.xaml.h:6:12"}},
		{"C++/WinRT implementation struct that is not the app class", "BG203",
			ctContext(ctManifest("ContosoSync.App"), facts(winrtApp)), nil},
	})
	fs := taskClassNotBackgroundTask{}.Check(ctContext(ctManifest("ContosoSync.App"), facts(app)))
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "Application class") || !strings.Contains(fs[0].Message, "needs no EntryPoint") {
		t.Errorf("want the Application-class message, got %+v", fs)
	}
}
