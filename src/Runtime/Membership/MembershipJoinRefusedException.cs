namespace ParkingGrains.Runtime.Membership;

/// <summary>
/// The table already holds a row for this exact silo address (endpoint + generation), or it was declared dead while
/// joining. A silo address is used once: a restarted silo must join with a new generation
/// (<see cref="SiloAddress.New"/>), and one declared dead never comes back.
/// </summary>
public sealed class MembershipJoinRefusedException : InvalidOperationException
{
    public MembershipJoinRefusedException()
    {
    }

    public MembershipJoinRefusedException(string message)
        : base(message)
    {
    }

    public MembershipJoinRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MembershipJoinRefusedException(SiloAddress siloAddress, SiloStatus existingStatus)
        : base($"Silo {siloAddress} cannot join: the membership table already has a row for it with status {existingStatus}. "
            + "A silo address is never reused; restart the silo with a new generation.")
    {
        SiloAddress = siloAddress;
        ExistingStatus = existingStatus;
    }

    public SiloAddress? SiloAddress { get; }

    public SiloStatus ExistingStatus { get; }
}
