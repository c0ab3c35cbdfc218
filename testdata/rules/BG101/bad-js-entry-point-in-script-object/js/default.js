(function () {
    "use strict";

    var background = Windows.ApplicationModel.Background;

    WinJS.Application.onactivated = function () {
        background.BackgroundExecutionManager.requestAccessAsync().then(function () {
            GalleryJobs.schedule(GalleryJobs.thumbnailsEntryPoint, GalleryJobs.thumbnailsName,
                new background.TimeTrigger(30, false));
            GalleryJobs.schedule(GalleryJobs.purgeEntryPoint, GalleryJobs.purgeName,
                new background.SystemTrigger(background.SystemTriggerType.servicingComplete, false));
        });
    };
    WinJS.Application.start();
})();
