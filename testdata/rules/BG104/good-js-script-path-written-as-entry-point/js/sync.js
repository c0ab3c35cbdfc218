(function () {
    "use strict";

    var values = Windows.Storage.ApplicationData.current.localSettings.values;
    values["NotesSync.LastRun"] = new Date().toISOString();
    close();
})();
