Imports Windows.ApplicationModel.Background

Public NotInheritable Class MainPage
    Inherits Page

    ' Left over from the in-process refresh: nothing calls it, neither code
    ' nor MainPage.xaml, so the app needs no OnBackgroundActivated.
    Private Async Function RegisterRefreshAsync() As Task
        Dim status = Await BackgroundExecutionManager.RequestAccessAsync()
        If status = BackgroundAccessStatus.DeniedByUser Then
            Return
        End If
        Dim builder As New BackgroundTaskBuilder()
        builder.Name = "NotesRefresh"
        builder.SetTrigger(New TimeTrigger(30, False))
        builder.Register()
    End Function
End Class
