using Orleans;
using Orleans.Concurrency;
using ParkingGrains.Grains.Interfaces.Calls;

namespace ParkingGrains.Grains.Interfaces.Payments;

/// <summary>
/// One payment towards a stay (key: payment id): Pending → Paid → Refunded, or Pending → Failed. Every change
/// is in the payment's event log. On confirmation the money is recorded against the stay in its lot, exactly once.
/// </summary>
public interface IPaymentGrain : IGrainWithStringKey
{
    /// <summary>Opens the payment (for VietQR: builds the payload and its PNG). Repeating the same request returns the same payment.</summary>
    /// <exception cref="ArgumentException">Invalid request, no open stay, or a currency the lot does not take.</exception>
    /// <exception cref="InvalidOperationException">The payment id already exists with different terms.</exception>
    [Idempotent]
    Task<CreatePaymentResult> Create(PaymentRequest request);

    /// <summary>Money arrived (bank callback or operator). Idempotent by event id; a second confirmation of a paid payment is refused as already paid.</summary>
    [Idempotent]
    Task<PaymentOperationResult> Confirm(PaymentConfirmation confirmation);

    /// <summary>Gives up on a pending payment (expired, cancelled, terminal declined). Failing a failed payment again changes nothing.</summary>
    [Idempotent]
    Task<PaymentOperationResult> Fail(string reason);

    /// <summary>Refunds a paid payment. Idempotent by event id.</summary>
    [Idempotent]
    Task<PaymentOperationResult> Refund(string eventId, string reason);

    [ReadOnly]
    Task<PaymentView?> Get();
}
