// A build for another edition names its own purge task.
(function () {
    "use strict";

    var edition = Windows.Storage.ApplicationData.current.localSettings.values["Gallery.Edition"];
    if (edition) {
        GalleryJobs.purgeEntryPoint = "js\\" + edition + "-purge.js";
    }
})();
