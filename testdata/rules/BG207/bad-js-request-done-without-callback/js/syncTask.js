(function () {
    "use strict";

    var settings = Windows.Storage.ApplicationData.current.localSettings;
    settings.values["LastSync"] = new Date().toISOString();

    // A JavaScript background task ends by closing its worker.
    close();
})();
