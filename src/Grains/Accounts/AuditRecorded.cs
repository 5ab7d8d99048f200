using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.Grains.Accounts;

/// <summary>The audit grain's only event: one entry, stored in the event log with its time for reports.</summary>
public sealed record AuditRecorded(AuditEntry Entry, DateTimeOffset OccurredAt) : IOccurredAt;
