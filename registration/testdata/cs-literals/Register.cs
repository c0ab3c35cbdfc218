using Windows.ApplicationModel.Background;

namespace Literals
{
    // builder.TaskEntryPoint = "Comment.Task"; must not count
    /* var b = new BackgroundTaskBuilder(); b.TaskEntryPoint = "Block.Comment"; b.Register(); */
    static class Registrar
    {
        const string Fake = "new BackgroundTaskBuilder(); TaskEntryPoint = \"In.String\"";
        const string Verbatim = @"Tasks.Verbatim""Quoted""";
        const string Raw = """
            Tasks.RawTask
            """;

        public static void RegisterAll()
        {
            var a = new BackgroundTaskBuilder();
            a.TaskEntryPoint = @"Tasks.VerbatimTask";
            a.SetTrigger(new TimeTrigger(15, false));
            a.Register();

            var b = new BackgroundTaskBuilder();
            b.TaskEntryPoint = $"Tasks.NoHoles";
            b.SetTrigger(new SystemTrigger(SystemTriggerType.UserPresent, false));
            b.Register();

            var c = new BackgroundTaskBuilder();
            c.TaskEntryPoint = Raw;
            c.SetTrigger(new ApplicationTrigger());
            c.Register();

#if false
            var dead = new BackgroundTaskBuilder();
            dead.TaskEntryPoint = "Tasks.Dead";
            dead.Register();
#elif DEBUG
            var debug = new BackgroundTaskBuilder();
            debug.TaskEntryPoint = "Tasks.DebugOnly";
            debug.SetTrigger(new ApplicationTrigger());
            debug.Register();
#endif
            var d = new BackgroundTaskBuilder();
            d.TaskEntryPoint = "Tasks.Escaped\u0041";
            d.SetTrigger(new ApplicationTrigger());
            d.Register();
        }
    }
}
