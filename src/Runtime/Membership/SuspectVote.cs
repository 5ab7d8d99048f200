namespace ParkingGrains.Runtime.Membership;

public sealed record SuspectVote(SiloAddress Voter, DateTimeOffset Time);
