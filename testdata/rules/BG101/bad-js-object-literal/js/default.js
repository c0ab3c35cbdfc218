(function () {
    "use strict";

    var background = Windows.ApplicationModel.Background;
    var CleanupTask = { TaskName: "NotesCleanup", TaskEntryPoint: "js\\clean.js" };

    function registerTask(task) {
        var builder = new background.BackgroundTaskBuilder();
        builder.name = task.name;
        builder.taskEntryPoint = task.entryPoint;
        builder.setTrigger(new background.TimeTrigger(30, false));
        builder.register();
    }

    function registerAll() {
        registerTask({ name: "NotesSync", entryPoint: "js\\synch.js" });

        var cleanup = new background.BackgroundTaskBuilder();
        cleanup.name = CleanupTask.TaskName;
        cleanup.taskEntryPoint = CleanupTask.TaskEntryPoint;
        cleanup.setTrigger(new background.TimeTrigger(60, false));
        cleanup.register();
    }

    WinJS.Application.onactivated = function () {
        background.BackgroundExecutionManager.requestAccessAsync().then(registerAll);
    };
    WinJS.Application.start();
})();
