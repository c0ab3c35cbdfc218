Imports Windows.ApplicationModel.Background
Imports Windows.Storage

Namespace Fabrikam.Tasks
    Public NotInheritable Class CleanupTask
        Implements IBackgroundTask

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            ApplicationData.Current.LocalSettings.Values("CleanupTask.LastRun") = DateTimeOffset.Now.ToString("o")
        End Sub
    End Class
End Namespace
