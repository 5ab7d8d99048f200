using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// A payment towards a stay (pay station, exit lane or app), by session id or ticket. Paying more than is due is refused
/// unless <see cref="Overpayment"/> says it is meant; then it is recorded and marked as an overpayment.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record PaymentCommand(
    [property: Id(0)] string EventId,
    [property: Id(1)] string SessionIdOrTicket,
    [property: Id(2)] Money Amount,
    [property: Id(3)] PaymentMethod Method,
    [property: Id(4)] DateTimeOffset Time,
    [property: Id(5)] string? Reference = null,
    [property: Id(6)] bool Overpayment = false);
