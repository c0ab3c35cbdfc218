NotInheritable Class App
    Inherits Application

    Protected Overrides Async Sub OnLaunched(e As Windows.ApplicationModel.Activation.LaunchActivatedEventArgs)
        Await Litware.Planner.JobSetup.ScheduleAsync(e.PreviousExecutionState = ApplicationExecutionState.NotRunning)
    End Sub
End Class
