using ParkingGrains.Grains.Interfaces.Payments;
using ParkingGrains.Grains.Payments.Events;

namespace ParkingGrains.Grains.Payments;

public sealed class PaymentState : IJournaledStateOf<PaymentEvent>
{
    public PaymentRequest? Request { get; set; }

    public PaymentView? Payment { get; set; }

    public Dictionary<string, PaymentOperationResult> ConfirmResults { get; set; } = [];

    public Dictionary<string, PaymentOperationResult> RefundResults { get; set; } = [];

    public void Apply(PaymentEvent @event)
    {
        switch (@event)
        {
            case PaymentCreated created:
                Request = created.Request;
                Payment = new PaymentView(created.PaymentId, PaymentStatus.Pending, created.Request.LotId, created.SessionId, created.Request.Amount, created.Request.Method, created.VietQrPayload, created.OccurredAt);
                break;
            case PaymentConfirmed confirmed:
                Payment = Payment! with
                {
                    Status = PaymentStatus.Paid,
                    ConfirmationEventId = confirmed.EventId,
                    BankReference = confirmed.Reference,
                    PaidAt = confirmed.OccurredAt,
                    LotResult = confirmed.LotResult,
                };
                ConfirmResults[confirmed.EventId] = confirmed.Result;
                break;
            case PaymentConfirmationRejected rejected:
                ConfirmResults[rejected.EventId] = rejected.Result;
                break;
            case PaymentFailed failed:
                Payment = Payment! with { Status = PaymentStatus.Failed, FailureReason = failed.Reason, FailedAt = failed.OccurredAt };
                break;
            case PaymentRefunded refunded:
                Payment = Payment! with { Status = PaymentStatus.Refunded, RefundReason = refunded.Reason, RefundedAt = refunded.OccurredAt };
                RefundResults[refunded.EventId] = refunded.Result;
                break;
            case PaymentRefundRejected rejected:
                RefundResults[rejected.EventId] = rejected.Result;
                break;
        }
    }
}
