Imports System.Threading.Tasks
Imports Windows.ApplicationModel.Background
Imports Windows.Storage
Imports Windows.System.Threading

Namespace Tasks
    Public NotInheritable Class SyncTask
        Implements IBackgroundTask

        Public Async Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            Dim deferral = taskInstance.GetDeferral
            Try
                Await Task.Delay(TimeSpan.FromSeconds(1))
            Finally
                deferral.Complete
            End Try
        End Sub
    End Class
End Namespace
