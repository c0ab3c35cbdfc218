Imports Windows.ApplicationModel.Background

Namespace FenceNotes
    Public NotInheritable Class StartPage
        Public Async Sub ArmFenceTask()
            Dim access = Await BackgroundExecutionManager.RequestAccessAsync()
            If access = BackgroundAccessStatus.DeniedByUser Then Return

            ' defined in SharedHelpers.vb, which is not in the checkout:
            ' it walks BackgroundTaskRegistration.AllTasks and unregisters every task whose name starts with the prefix
            DropTasksStartingWith("Fence")

            Dim builder As New BackgroundTaskBuilder()
            builder.Name = "FenceWatch"
            builder.TaskEntryPoint = "Tasks.FenceWatcher"
            builder.SetTrigger(New LocationTrigger(LocationTriggerType.Geofence))
            builder.Register()
        End Sub
    End Class
End Namespace
