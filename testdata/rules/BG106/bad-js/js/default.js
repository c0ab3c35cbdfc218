(function () {
    "use strict";

    var background = Windows.ApplicationModel.Background;

    function registerRefreshTask() {
        background.BackgroundExecutionManager.requestAccessAsync();

        var iter = background.BackgroundTaskRegistration.allTasks.first();
        while (iter.hasCurrent) {
            iter.current.value.unregister(true);
            iter.moveNext();
        }

        var builder = new Windows.ApplicationModel.Background.BackgroundTaskBuilder();
        builder.name = "NotesRefresh";
        builder.setTrigger(new Windows.ApplicationModel.Background.TimeTrigger(30, false));
        builder.register();
    }

    WinJS.Application.onactivated = function () {
        registerRefreshTask();
    };
    WinJS.Application.start();
})();
