namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>
/// Bounds of the text a command may carry. They keep one request from filling a lot's state or an operator's screen,
/// and they are part of the contract: the web API and the grains check the same numbers.
/// </summary>
public static class CommandLimits
{
    /// <summary>Ids a caller chooses or reads off a device: eventId, gate, slot, lot, card, holder, ticket.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Ids the lot composes from two others (session "lot:ticket", reservation "R-eventId", payment event ids).</summary>
    public const int MaxCompositeIdLength = 160;

    /// <summary>Who did it (operator user name).</summary>
    public const int MaxOperatorLength = 64;

    /// <summary>Why (override, force-exit, refund, gate command reasons).</summary>
    public const int MaxReasonLength = 200;

    /// <summary>A payment's reference (bank or terminal reference, "paymentId/bankReference").</summary>
    public const int MaxReferenceLength = 200;

    /// <summary>The longest barrier opening an operator may command.</summary>
    public static readonly TimeSpan MaxGateOpenDuration = TimeSpan.FromHours(1);

    /// <summary>The longest reservation window.</summary>
    public static readonly TimeSpan MaxReservationLength = TimeSpan.FromDays(31);
}
