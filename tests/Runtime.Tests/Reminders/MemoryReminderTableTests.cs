using ParkingGrains.Runtime.Reminders;

namespace ParkingGrains.Runtime.Tests.Reminders;

public sealed class MemoryReminderTableTests : ReminderTableContractTests
{
    protected override Task<IReminderTable> CreateTableAsync() => Task.FromResult<IReminderTable>(new MemoryReminderTable());
}
