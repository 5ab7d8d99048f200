namespace ParkingGrains.Storage.Tests.Reminders;

public sealed class ReminderProbeGrain(
    [PersistentState("probe", "Default")] IPersistentState<ReminderProbeState> state,
    ReminderTickLog ticks) : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe-tick";

    public Task StartTicking(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, period, period);

    public Task<int> GetTicks() => Task.FromResult(state.State.Ticks);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Persist before reporting, so a test that saw the tick also finds it in the grain storage.
        state.State.Ticks++;
        await state.WriteStateAsync();
        ticks.Record(this.GetPrimaryKeyString());
    }
}
