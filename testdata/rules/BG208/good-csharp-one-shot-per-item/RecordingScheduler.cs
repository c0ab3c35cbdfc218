using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace ContosoRecorder
{
    // One task per scheduled recording: an unnamed one-shot timer, its
    // TaskId kept with the schedule. A second schedule is meant to add a
    // second task; each fires once.
    public static class RecordingScheduler
    {
        public static async Task ScheduleAsync(string scheduleKey, uint minutesFromNow)
        {
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser ||
                status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }

            var builder = new BackgroundTaskBuilder { TaskEntryPoint = "Tasks.RecordingTask" };
            builder.SetTrigger(new TimeTrigger(minutesFromNow, true));
            var registration = builder.Register();
            ApplicationData.Current.LocalSettings.Values[scheduleKey] = registration.TaskId;
        }
    }
}
