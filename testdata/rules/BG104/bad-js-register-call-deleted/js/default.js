(function () {
    "use strict";
    var background = Windows.ApplicationModel.Background;

    function schedule(entryPoint, name, trigger) {
        var builder = new background.BackgroundTaskBuilder();
        builder.name = name;
        builder.taskEntryPoint = entryPoint;
        builder.setTrigger(trigger);
        return builder.register();
    }

    // Meant to register the cleanup task too; its register() call was lost.
    function prepareCleanup() {
        var cleanup = new background.BackgroundTaskBuilder();
        cleanup.name = "NotesCleanup";
        cleanup.taskEntryPoint = "js\\cleanup.js";
        cleanup.setTrigger(new background.MaintenanceTrigger(24 * 60, false));
    }

    WinJS.Application.onactivated = function () {
        background.BackgroundExecutionManager.requestAccessAsync().then(function () {
            schedule("js\\sync.js", "NotesSync", new background.TimeTrigger(30, false));
            prepareCleanup();
        });
    };
    WinJS.Application.start();
})();
