using System.Collections.Concurrent;
using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    /// <summary>Which silo each tick fired on, per grain key; tests wait on it (in-process clusters only).</summary>
    public static ConcurrentDictionary<string, ConcurrentQueue<string>> Ticks { get; } = new();

    public static event Action<string, string>? Ticked;

    public async Task<string> Register(TimeSpan dueTime, TimeSpan period)
    {
        await RegisterOrUpdateReminder("probe", dueTime, period);
        return GrainContext.Silo.ToString();
    }

    public async Task Unregister()
    {
        if (await GetReminder("probe") is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var key = this.GetPrimaryKeyString();
        var silo = GrainContext.Silo.ToString();
        Ticks.GetOrAdd(key, _ => new ConcurrentQueue<string>()).Enqueue(silo);
        Ticked?.Invoke(key, silo);
        return Task.CompletedTask;
    }
}
