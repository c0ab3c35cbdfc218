Imports Windows.ApplicationModel.Background

Public NotInheritable Class SyncTask
    Implements IBackgroundTask

    Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
        Windows.Storage.ApplicationData.Current.LocalSettings.Values("LastRun") = Date.Now.ToString("o")
    End Sub
End Class
