using Orleans;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Interfaces.Payments;

/// <summary>What to pay, for which stay, and how. Bank BIN and account are required for (and only used by) VietQR.</summary>
/// <param name="SessionIdOrTicket">Session id, ticket or plate of an open stay; resolved to the session id at creation.</param>
/// <param name="Purpose">VietQR transfer description (tag 62/08); defaults to the payment id when that fits.</param>
[GenerateSerializer]
[Immutable]
public sealed record PaymentRequest(
    [property: Id(0)] string LotId,
    [property: Id(1)] string SessionIdOrTicket,
    [property: Id(2)] Money Amount,
    [property: Id(3)] PaymentMethod Method,
    [property: Id(4)] string? BankBin = null,
    [property: Id(5)] string? AccountNumber = null,
    [property: Id(6)] string? Purpose = null);
