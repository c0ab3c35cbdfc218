(function () {
    "use strict"

    var settings = Windows.Storage.ApplicationData.current.localSettings
    settings.values["Tides.CheckedAt"] = new Date().toISOString()
    close()
})()
