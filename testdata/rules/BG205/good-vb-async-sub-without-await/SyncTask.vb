Imports System.Threading.Tasks
Imports Windows.ApplicationModel.Background
Imports Windows.Storage
Imports Windows.System.Threading

Namespace Tasks
    Public NotInheritable Class SyncTask
        Implements IBackgroundTask

        ' Async without Await: runs to its end synchronously.
        Public Async Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            Dim settings = ApplicationData.Current.LocalSettings
            settings.Values("lastRun") = DateTimeOffset.Now.ToString("o")
        End Sub
    End Class
End Namespace
