(function () {
    "use strict"

    var background = Windows.ApplicationModel.Background

    function scheduleTides() {
        var registered = background.BackgroundTaskRegistration.allTasks.first()
        for (; registered.hasCurrent; registered.moveNext()) {
            if (registered.current.value.name === "TideTables") {
                return
            }
        }

        var builder = new background.BackgroundTaskBuilder()
        builder.name = "TideTables"
        builder.taskEntryPoint = "js\\tides.js"
        var hourly = new background.TimeTrigger(60, false)
        builder.setTrigger(hourly)
        builder.register()
    }

    WinJS.Application.onactivated = function () {
        background.BackgroundExecutionManager.requestAccessAsync().done(scheduleTides)
    }
    WinJS.Application.start()
})()
