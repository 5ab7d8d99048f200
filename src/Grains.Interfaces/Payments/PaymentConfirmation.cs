using Orleans;

namespace ParkingGrains.Grains.Interfaces.Payments;

/// <summary>Money arrived for a payment: a bank callback or an operator's manual confirmation.</summary>
/// <param name="EventId">The confirmation's own id (e.g. the bank's transaction id); repeats return the original result.</param>
/// <param name="Reference">The bank's or terminal's reference, kept with the payment and the lot's record.</param>
/// <param name="Amount">The amount received; it must equal the payment's amount.</param>
/// <param name="Time">When the money arrived; the stay is paid as of this time.</param>
[GenerateSerializer]
[Immutable]
public sealed record PaymentConfirmation(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Reference,
    [property: Id(2)] Money Amount,
    [property: Id(3)] DateTimeOffset Time);
