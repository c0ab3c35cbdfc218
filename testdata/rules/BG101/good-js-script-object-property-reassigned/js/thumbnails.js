(function () {
    "use strict";

    var values = Windows.Storage.ApplicationData.current.localSettings.values;
    values["Gallery.ThumbnailsAt"] = new Date().toISOString();
    close();
})();
