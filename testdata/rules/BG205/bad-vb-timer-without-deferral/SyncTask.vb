Imports System.Threading.Tasks
Imports Windows.ApplicationModel.Background
Imports Windows.Storage
Imports Windows.System.Threading

Namespace Tasks
    Public NotInheritable Class SyncTask
        Implements IBackgroundTask

        Private _timer As ThreadPoolTimer

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            _timer = ThreadPoolTimer.CreatePeriodicTimer(AddressOf OnTick, TimeSpan.FromSeconds(5))
        End Sub

        Private Sub OnTick(timer As ThreadPoolTimer)
            ApplicationData.Current.LocalSettings.Values("ticked") = True
        End Sub
    End Class
End Namespace
