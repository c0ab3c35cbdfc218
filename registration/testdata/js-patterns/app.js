(function () {
    "use strict";
    var bg = Windows.ApplicationModel.Background;
    var entries = {
        push: "js\\push.js",
        "timer": 'js\\timer.js'
    };
    var pattern = /"not a string'/g;
    var tmpl = `js\\templated.js`;
    var holed = `js\\${name}.js`;

    function register(entry, trigger) {
        var builder = new bg.BackgroundTaskBuilder();
        builder.taskEntryPoint = entry;
        builder.setTrigger(trigger);
        builder.register();
    }

    WinJS.Application.addEventListener("backgroundactivated", function (e) { });

    bg.BackgroundExecutionManager.requestAccessAsync().then(function () {
        register("js\\push.js", new bg.PushNotificationTrigger());
        register(tmpl, new bg.TimeTrigger(15, false));
        register(holed, new bg.TimeTrigger(15, false));
        var direct = new Windows.ApplicationModel.Background.BackgroundTaskBuilder();
        direct.name = "direct";
        direct.taskEntryPoint = "js\\direct.js";
        direct.setTrigger(new bg.SystemTrigger(bg.SystemTriggerType.timeZoneChange, false));
        direct.register();
    });
})();
