Imports Windows.ApplicationModel.Background

Namespace Litware.Jobs
    Public NotInheritable Class RefreshJob
        Implements IBackgroundTask

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
        End Sub
    End Class

    Public NotInheritable Class MigrateJob
        Implements IBackgroundTask

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
        End Sub
    End Class

    Public NotInheritable Class InboxJob
        Implements IBackgroundTask

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
        End Sub
    End Class
End Namespace
