Imports System.Threading.Tasks
Imports Windows.ApplicationModel.Background
Imports Windows.Storage
Imports Windows.System.Threading

Namespace Tasks
    Public NotInheritable Class SyncTask
        Implements IBackgroundTask

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            ApplicationData.Current.LocalSettings.Values("lastRun") = DateTimeOffset.Now.ToString("o")
            taskInstance.GetDeferral().Complete
        End Sub
    End Class
End Namespace
