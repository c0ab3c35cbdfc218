// Background jobs of the gallery, shared by every page.
var GalleryJobs = {
    thumbnailsEntryPoint: "js\\thumbnails.js",
    thumbnailsName: "GalleryThumbnails",
    "purgeEntryPoint": "Contoso.Gallery.PurgeTask",
    "purgeName": "GalleryPurge",

    schedule: function (entryPoint, name, trigger) {
        var background = Windows.ApplicationModel.Background;
        var tasks = background.BackgroundTaskRegistration.allTasks.first();
        for (; tasks.hasCurrent; tasks.moveNext()) {
            if (tasks.current.value.name === name) {
                return;
            }
        }
        var builder = new background.BackgroundTaskBuilder();
        builder.name = name;
        builder.taskEntryPoint = entryPoint;
        builder.setTrigger(trigger);
        builder.register();
    }
};
