Imports System.Threading.Tasks

Friend Module CampusNetwork
    Friend Async Function LogOnAsync() As Task(Of Boolean)
        Await Task.Delay(200)
        Return True
    End Function
End Module
