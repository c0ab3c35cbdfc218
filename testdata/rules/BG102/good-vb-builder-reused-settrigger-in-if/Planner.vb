Imports Windows.ApplicationModel.Background

Namespace Litware.Planner
    Friend Module JobSetup
        Public Async Function ScheduleAsync(justUpdated As Boolean) As Task
            Await BackgroundExecutionManager.RequestAccessAsync()
            For Each job In BackgroundTaskRegistration.AllTasks.Values
                job.Unregister(True)
            Next

            ' one builder for all three; SetTrigger replaces the trigger each time
            Dim builder As New BackgroundTaskBuilder()
            builder.Name = "PlannerRefresh"
            builder.TaskEntryPoint = "Litware.Jobs.RefreshJob"
            builder.SetTrigger(New TimeTrigger(60, False))
            builder.Register()

            If justUpdated Then
                ' registered here with the SystemTrigger only
                builder.Name = "PlannerMigrate"
                builder.TaskEntryPoint = "Litware.Jobs.MigrateJob"
                builder.SetTrigger(New SystemTrigger(SystemTriggerType.ServicingComplete, True))
                builder.Register()
            End If

            ' and here with the PushNotificationTrigger only
            builder.Name = "PlannerInbox"
            builder.TaskEntryPoint = "Litware.Jobs.InboxJob"
            builder.SetTrigger(New PushNotificationTrigger())
            builder.Register()
        End Function
    End Module
End Namespace
