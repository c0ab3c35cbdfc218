Imports Windows.ApplicationModel.Background

Namespace PillClock
    Public NotInheritable Class HomePage
        ' called from the page's Loaded handler, i.e. at every start of the app
        Public Async Sub OnLoaded()
            Dim access = Await BackgroundExecutionManager.RequestAccessAsync()
            If access = BackgroundAccessStatus.DeniedByUser Then Return

            ' "NightlyRefresh" is removed before it is registered again ...
            App.DropTasksStartingWith("NightlyRefresh")
            Dim nightly As New BackgroundTaskBuilder()
            nightly.Name = "NightlyRefresh"
            nightly.SetTrigger(New TimeTrigger(240, False))
            nightly.Register()

            ' ... "ReminderAction" is never looked up nor removed: one more copy per start
            Dim reminder As New BackgroundTaskBuilder()
            reminder.Name = "ReminderAction"
            reminder.SetTrigger(New ToastNotificationActionTrigger())
            reminder.Register()
        End Sub
    End Class
End Namespace
