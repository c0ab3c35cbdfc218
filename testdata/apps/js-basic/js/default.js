(function () {
    "use strict";

    var background = Windows.ApplicationModel.Background;
    // The path must equal the StartPage of the background-task extension.
    var timerTaskEntryPoint = "js\\backgroundTask.js";
    var timerTaskName = "TimerTask";

    function isRegistered(name) {
        var iter = background.BackgroundTaskRegistration.allTasks.first();
        while (iter.hasCurrent) {
            if (iter.current.value.name === name) {
                return true;
            }
            iter.moveNext();
        }
        return false;
    }

    function registerTask(taskEntryPoint, name, trigger) {
        if (isRegistered(name)) {
            return null;
        }
        var builder = new background.BackgroundTaskBuilder();
        builder.name = name;
        builder.taskEntryPoint = taskEntryPoint;
        builder.setTrigger(trigger);
        return builder.register();
    }

    var app = WinJS.Application;
    app.onactivated = function (args) {
        background.BackgroundExecutionManager.requestAccessAsync().done(function (status) {
            if (status === background.BackgroundAccessStatus.deniedByUser) {
                return;
            }
            registerTask(timerTaskEntryPoint, timerTaskName, new background.TimeTrigger(15, false));
        });
    };
    app.start();
})();
