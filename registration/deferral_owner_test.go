package registration

import "testing"

// TestDeferralOwner: a Complete() counts for the task's deferral only when
// it is called on a deferral that may be the task's: not on one taken from
// an app service request, a suspension or another event's arguments,
// chained or through a variable (audit 8: an app service completing each
// request's deferral and never its own).
func TestDeferralOwner(t *testing.T) {
	const csHead = "using Windows.ApplicationModel.Background;\nusing Windows.ApplicationModel.AppService;\nnamespace N {\npublic sealed class T : IBackgroundTask {\n"
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"C# request deferral in a handler method", map[string]string{"t.cs": csHead + `    BackgroundTaskDeferral _d;
    public void Run(IBackgroundTaskInstance i) { _d = i.GetDeferral(); }
    async void OnRequest(AppServiceConnection s, AppServiceRequestReceivedEventArgs args) {
        var requestDeferral = args.GetDeferral();
        await args.Request.SendResponseAsync(null);
        requestDeferral.Complete();
        args.GetDeferral().Complete();
    }
}}`}, "async=false at=- start=- get=[t.cs:6:57] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# both completed, the task's in ServiceClosed", map[string]string{"t.cs": csHead + `    BackgroundTaskDeferral _d;
    public void Run(IBackgroundTaskInstance i) { _d = i.GetDeferral(); }
    async void OnRequest(AppServiceConnection s, AppServiceRequestReceivedEventArgs args) {
        var deferral = args.GetDeferral();
        deferral.Complete();
    }
    void OnClosed(AppServiceConnection s, AppServiceClosedEventArgs e) { _d?.Complete(); }
}}`}, "async=false at=- start=- get=[t.cs:6:57] maybe=[] complete=[t.cs:11:78] handed=[] nottaken=[]"},

		{"C# same local name for the task's and the request's deferral", map[string]string{"t.cs": csHead + `    public void Run(IBackgroundTaskInstance i) {
        var deferral = i.GetDeferral();
    }
    void OnRequest(AppServiceConnection s, AppServiceRequestReceivedEventArgs e) {
        var deferral = e.GetDeferral();
        deferral.Complete();
    }
}}`}, "async=false at=- start=- get=[t.cs:6:26] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# untyped += lambda: the second parameter is the event's arguments", map[string]string{"t.cs": csHead + `    BackgroundTaskDeferral _taskDeferral;
    public void Run(IBackgroundTaskInstance i) {
        _taskDeferral = i.GetDeferral();
        var c = ((AppServiceTriggerDetails)i.TriggerDetails).AppServiceConnection;
        c.RequestReceived += async (sender, args) => {
            var requestDeferral = args.GetDeferral();
            await args.Request.SendResponseAsync(null);
            requestDeferral.Complete();
        };
    }
}}`}, "async=false at=- start=- get=[t.cs:7:27] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# typed lambda parameter", map[string]string{"t.cs": csHead + `    public void Run(IBackgroundTaskInstance i) {
        var d = i.GetDeferral();
        Helper.Each((AppServiceRequestReceivedEventArgs a) => { var deferral = a.GetDeferral(); deferral.Complete(); });
    }
}}`}, "async=false at=- start=- get=[t.cs:6:19] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"C# instance of unknown type still counts", map[string]string{"t.cs": csHead + `    public void Run(IBackgroundTaskInstance i) { Start(i); }
    void Start(object x) { var d = ((IBackgroundTaskInstance)x).GetDeferral(); d.Complete(); }
}}`}, "async=false at=- start=- get=[t.cs:5:50] maybe=[] complete=[t.cs:6:82] handed=[] nottaken=[]"},

		{"C# a wrapper class of the App may hand out the task's deferral", map[string]string{"t.cs": csHead + `    public void Run(IBackgroundTaskInstance i) { var c = new Ctx(i); Work(c); }
    void Work(Ctx c) { var d = c.GetDeferral(); d.Complete(); }
}
sealed class Ctx { IBackgroundTaskInstance _i; public Ctx(IBackgroundTaskInstance i) { _i = i; } public BackgroundTaskDeferral GetDeferral() => _i.GetDeferral(); }
}`}, "async=false at=- start=- get=[t.cs:5:70] maybe=[t.cs:5:62] complete=[t.cs:6:51] handed=[] nottaken=[]"},

		{"C++/WinRT typed lambda", map[string]string{
			"t.h":   "namespace winrt::N::implementation { struct T : TT<T> { void Run(IBackgroundTaskInstance const& i); }; }",
			"t.idl": "namespace N { runtimeclass T : Windows.ApplicationModel.Background.IBackgroundTask { T(); } }",
			"t.cpp": `namespace winrt::N::implementation {
void T::Run(IBackgroundTaskInstance const& i) {
    m_deferral = i.GetDeferral();
    m_connection.RequestReceived([](AppServiceConnection const&, AppServiceRequestReceivedEventArgs const& args) {
        auto deferral = args.GetDeferral();
        deferral.Complete();
    });
} }`}, "async=false at=- start=- get=[t.cpp:3:20] maybe=[] complete=[] handed=[] nottaken=[]"},

		{"VB handler", map[string]string{"t.vb": `Imports Windows.ApplicationModel.Background
Namespace N
    Public NotInheritable Class T
        Implements IBackgroundTask
        Private _deferral As BackgroundTaskDeferral
        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            _deferral = taskInstance.GetDeferral()
        End Sub
        Private Async Sub OnRequest(sender As AppServiceConnection, args As AppServiceRequestReceivedEventArgs)
            Dim requestDeferral = args.GetDeferral()
            requestDeferral.Complete()
        End Sub
    End Class
End Namespace
`}, "async=false at=- start=- get=[t.vb:7:38] maybe=[] complete=[] handed=[] nottaken=[]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := runFacts(t, c.files, "N.T"); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}
