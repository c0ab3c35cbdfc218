Imports System.Threading.Tasks
Imports Windows.ApplicationModel.Background
Imports Windows.Storage
Imports Windows.System.Threading

Namespace Tasks
    Public NotInheritable Class SyncTask
        Implements IBackgroundTask

        Private _deferral As BackgroundTaskDeferral
        Private _timer As ThreadPoolTimer

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            _deferral = taskInstance.GetDeferral
            _timer = ThreadPoolTimer.CreateTimer(AddressOf OnTick, TimeSpan.FromSeconds(5))
        End Sub

        Private Sub OnTick(timer As ThreadPoolTimer)
            ApplicationData.Current.LocalSettings.Values("ticked") = True
            _deferral.Complete()
        End Sub
    End Class
End Namespace
