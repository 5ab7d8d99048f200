namespace ParkingGrains.Storage.Tests.PostgreSql.TestGrains;

public sealed class ReminderTestGrain : Grain, IReminderTestGrain, IRemindable
{
    public const string ReminderName = "tick";

    // In memory: the test only needs to see ticks arrive while the activation lives.
    private int _ticks;

    public async Task StartAsync(TimeSpan period) => await this.RegisterOrUpdateReminder(ReminderName, period, period);

    public async Task StopAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<int> GetTicksAsync() => Task.FromResult(_ticks);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            _ticks++;
        }

        return Task.CompletedTask;
    }
}
