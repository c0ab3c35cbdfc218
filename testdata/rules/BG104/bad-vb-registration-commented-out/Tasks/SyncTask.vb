Imports Windows.ApplicationModel.Background
Imports Windows.Storage

Namespace Fabrikam.Tasks
    Public NotInheritable Class SyncTask
        Implements IBackgroundTask

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            ApplicationData.Current.LocalSettings.Values("SyncTask.LastRun") = DateTimeOffset.Now.ToString("o")
        End Sub
    End Class
End Namespace
