using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Unresolved
{
    static class A { public const string Entry = "Tasks.A"; }
    static class B { public const string Entry = "Tasks.B"; }

    static class Registrar
    {
        public static void RegisterAll(int n)
        {
            var fromSettings = new BackgroundTaskBuilder();
            fromSettings.TaskEntryPoint = (string)ApplicationData.Current.LocalSettings.Values["entry"];
            fromSettings.SetTrigger(new TimeTrigger(15, false));
            fromSettings.Register();

            var interpolated = new BackgroundTaskBuilder();
            interpolated.TaskEntryPoint = $"Tasks.Task{n}";
            interpolated.SetTrigger(new TimeTrigger(15, false));
            interpolated.Register();

            // Entry exists in two classes: ambiguous, never guessed.
            var ambiguous = new BackgroundTaskBuilder();
            ambiguous.TaskEntryPoint = Entry;
            ambiguous.SetTrigger(MakeTrigger());
            ambiguous.Register();

            string reassigned = "Tasks.First";
            if (n > 1)
            {
                reassigned = "Tasks.Second";
            }
            var local = new BackgroundTaskBuilder();
            local.TaskEntryPoint = reassigned;
            local.SetTrigger(new TimeTrigger((uint)n, false));
            local.Register();
        }

        static IBackgroundTrigger MakeTrigger() => new ApplicationTrigger();
    }
}
