Imports Windows.ApplicationModel.Background

Namespace Tasks
    Public NotInheritable Class SyncTask
        Implements IBackgroundTask

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            Dim settings = Windows.Storage.ApplicationData.Current.LocalSettings
            settings.Values("LastSync") = DateTimeOffset.Now.ToString("o")
        End Sub
    End Class
End Namespace
