Imports Windows.ApplicationModel.Background

Namespace Litware.Planner
    Friend Module JobSetup
        Public Async Function ScheduleAsync(justUpdated As Boolean) As Task
            Await BackgroundExecutionManager.RequestAccessAsync()
            For Each job In BackgroundTaskRegistration.AllTasks.Values
                job.Unregister(True)
            Next

            Dim builder As New BackgroundTaskBuilder()
            builder.Name = "PlannerMigrate"
            builder.TaskEntryPoint = "Litware.Jobs.MigrateJob"
            builder.SetTrigger(New TimeTrigger(60, False))
            If justUpdated Then
                builder.SetTrigger(New SystemTrigger(SystemTriggerType.ServicingComplete, True))
            End If
            ' when justUpdated is False the TimeTrigger is still set here
            builder.Register()
        End Function
    End Module
End Namespace
