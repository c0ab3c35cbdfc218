Imports Windows.ApplicationModel.Background

Namespace Tasks
    Public NotInheritable Class Refresh
        Implements IBackgroundTask

        Private _deferral As BackgroundTaskDeferral

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            _deferral = taskInstance.GetDeferral()
            Dim callback = Sub()
                               _deferral.Complete()
                           End Sub
            callback()
        End Sub
    End Class

    Public Class NotSealedTask
        Implements IBackgroundTask

        Public Async Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            Await Task.Delay(1)
        End Sub
    End Class
End Namespace

Namespace Global.Other
    <Guid("7D3C2B1A-0F9E-4D8C-B7A6-5F4E3D2C1B0A")>
    Public NotInheritable Class GlobalTask
        Implements Windows.ApplicationModel.Background.IBackgroundTask

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
        End Sub
    End Class
End Namespace
