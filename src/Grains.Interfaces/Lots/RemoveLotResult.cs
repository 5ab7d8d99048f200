namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>The outcome of removing a lot's configuration; <paramref name="Revision"/> is the revision after the call.</summary>
public sealed record RemoveLotResult(bool Removed, LotConflict Conflict, string? ConflictText, long Revision);
