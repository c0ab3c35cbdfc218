// Runs in the background-task host: records the time, then closes.
(function () {
    "use strict";

    var settings = Windows.Storage.ApplicationData.current.localSettings;
    settings.values.lastTimerRun = new Date().toISOString();

    // A JavaScript background task must call close() when its work is done.
    close();
})();
