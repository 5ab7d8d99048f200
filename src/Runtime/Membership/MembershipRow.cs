namespace ParkingGrains.Runtime.Membership;

/// <summary>A membership entry with the row version it was read at.</summary>
public sealed record MembershipRow(MembershipEntry Entry, string ETag);
