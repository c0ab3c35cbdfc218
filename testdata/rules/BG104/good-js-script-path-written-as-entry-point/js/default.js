(function () {
    "use strict";

    // The manifest writes the script as an EntryPoint instead of a
    // StartPage: BG006 and BG101 say so; the task is registered, though.
    function registerSyncTask() {
        Windows.ApplicationModel.Background.BackgroundExecutionManager.requestAccessAsync();

        var iter = Windows.ApplicationModel.Background.BackgroundTaskRegistration.allTasks.first();
        while (iter.hasCurrent) {
            iter.current.value.unregister(true);
            iter.moveNext();
        }

        var builder = new Windows.ApplicationModel.Background.BackgroundTaskBuilder();
        builder.name = "NotesSync";
        builder.taskEntryPoint = "js\\sync.js";
        builder.setTrigger(new Windows.ApplicationModel.Background.TimeTrigger(30, false));
        builder.register();
    }

    WinJS.Application.onactivated = function () {
        registerSyncTask();
    };
    WinJS.Application.start();
})();
