NotInheritable Class App
End Class
