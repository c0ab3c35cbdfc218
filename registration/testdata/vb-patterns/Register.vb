Imports Windows.ApplicationModel.Background

Public Class Registrar
    Public Const RefreshEntry As String = "Contoso.Tasks.Refresh"
    Private Shared ReadOnly Minutes As UInteger = 15

    ' builder.TaskEntryPoint = "In.A.Comment"
    REM builder.TaskEntryPoint = "In.A.Rem.Comment"

    Public Shared Sub RegisterAll()
#If False Then
        Dim dead = New BackgroundTaskBuilder()
        dead.TaskEntryPoint = "Dead.Code"
        dead.Register()
#End If
        Dim builder As New BackgroundTaskBuilder()
        With builder
            .Name = "Refresh ""quoted"""
            .TaskEntryPoint = RefreshEntry
            .SetTrigger(New TimeTrigger(Minutes, False))
        End With
        builder.Register()

        RegisterTask(trigger:=New SystemTrigger(SystemTriggerType.UserPresent, False),
                     entryPoint:=GetType(Global.Other.GlobalTask).FullName)

        Dim other = New BackgroundTaskBuilder
        other.TaskEntryPoint = "Contoso." & "Tasks." & _
            "NotSealedTask"
        other.SetTrigger(New ApplicationTrigger())
        other.Register()
    End Sub

    Private Shared Function RegisterTask(entryPoint As String, trigger As IBackgroundTrigger, Optional name As String = "DefaultName") As BackgroundTaskRegistration
        Dim b = New BackgroundTaskBuilder() With {.Name = name, .TaskEntryPoint = entryPoint}
        b.SetTrigger(trigger)
        Return b.Register()
    End Function
End Class
