(function () {
    "use strict"

    var bg = Windows.ApplicationModel.Background

    function tideTaskExists() {
        var it = bg.BackgroundTaskRegistration.allTasks.first()
        while (it.hasCurrent) {
            if (it.current.value.name === "TideTables") return true
            it.moveNext()
        }
        return false
    }

    WinJS.Application.onactivated = function () {
        if (tideTaskExists()) return
        bg.BackgroundExecutionManager.requestAccessAsync().then(function () {
            var every2h = new bg.TimeTrigger(120, false)
            var builder = new bg.BackgroundTaskBuilder()
            builder.name = "TideTables"
            builder.taskEntryPoint = "js\\tides.js"
            builder.setTrigger(every2h)
            builder.register()
        })
    }
    WinJS.Application.start()
})()
