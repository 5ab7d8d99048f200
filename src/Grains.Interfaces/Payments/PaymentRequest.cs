using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Interfaces.Payments;

/// <summary>What to pay, for which stay, and how. Bank BIN and account are required for (and only used by) VietQR.</summary>
/// <param name="SessionIdOrTicket">Session id, ticket or plate of an open stay; resolved to the session id at creation.</param>
/// <param name="Purpose">VietQR transfer description (tag 62/08); defaults to the payment id when that fits.</param>
public sealed record PaymentRequest(
    string LotId,
    string SessionIdOrTicket,
    Money Amount,
    PaymentMethod Method,
    string? BankBin = null,
    string? AccountNumber = null,
    string? Purpose = null);
