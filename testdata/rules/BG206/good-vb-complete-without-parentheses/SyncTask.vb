Imports System.Threading.Tasks
Imports Windows.ApplicationModel.Background
Imports Windows.Storage
Imports Windows.System.Threading

Namespace Tasks
    Public NotInheritable Class SyncTask
        Implements IBackgroundTask

        Public Async Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            Dim deferral = taskInstance.GetDeferral()
            Await Task.Delay(TimeSpan.FromSeconds(1))
            deferral.Complete
        End Sub
    End Class
End Namespace
