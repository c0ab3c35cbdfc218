Imports System.Threading.Tasks
Imports Windows.ApplicationModel.Background
Imports Windows.Storage
Imports Windows.System.Threading

Namespace Tasks
    Public NotInheritable Class SyncTask
        Implements IBackgroundTask

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            Dim worker As New SyncWorker(taskInstance.GetDeferral())
            worker.Start()
        End Sub
    End Class

    Friend NotInheritable Class SyncWorker
        Private ReadOnly _done As BackgroundTaskDeferral
        Private _timer As ThreadPoolTimer

        Sub New(done As BackgroundTaskDeferral)
            _done = done
        End Sub

        Sub Start()
            _timer = ThreadPoolTimer.CreateTimer(AddressOf OnTick, TimeSpan.FromSeconds(5))
        End Sub

        Private Sub OnTick(timer As ThreadPoolTimer)
            ApplicationData.Current.LocalSettings.Values("ticked") = True
            _done.Complete
        End Sub
    End Class
End Namespace
