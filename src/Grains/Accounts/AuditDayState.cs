using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.Grains.Accounts;

public sealed class AuditDayState : IJournaledStateOf<AuditRecorded>
{
    /// <summary>The day's entries in the order they were recorded.</summary>
    public List<AuditEntry> Entries { get; set; } = [];

    public void Apply(AuditRecorded @event) => Entries.Add(@event.Entry);
}
