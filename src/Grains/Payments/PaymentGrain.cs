using ParkingGrains.Domain.Payments;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Payments;
using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Grains.Lots;
using ParkingGrains.Grains.Payments.Events;

namespace ParkingGrains.Grains.Payments;

/// <summary>
/// One payment (key: payment id). Not reentrant: a confirmation awaits the lot, and a second confirmation must
/// see the first one's outcome rather than race it to the lot.
/// </summary>
public sealed class PaymentGrain(
    [JournaledState("payment")] IJournaledState<PaymentState, PaymentEvent> journal,
    LotOptions? options = null,
    TimeProvider? time = null) : Grain, IPaymentGrain
{
    private readonly LotOptions _options = options ?? new LotOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private string PaymentId => this.GetPrimaryKeyString();

    private PaymentState S => journal.State;

    /// <summary>
    /// The event id under which a payment's money is recorded in its lot: derived from the payment id alone, so a
    /// confirmation retried after a crash (or a second bank callback) can never pay the stay twice.
    /// </summary>
    public static string LotEventId(string paymentId) => $"payment:{paymentId}";

    public static string LotRefundEventId(string paymentId) => $"refund:{paymentId}";

    public async Task<CreatePaymentResult> Create(PaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (S.Request is { } existing)
        {
            if (existing != request)
            {
                throw new InvalidOperationException($"Payment {PaymentId} already exists with different terms.");
            }

            await journal.ConfirmAsync();
            return Created(S.Payment!);
        }

        var payload = ValidateAndBuildPayload(request);
        var now = _time.GetUtcNow();

        // Catch a wrong ticket or currency now, while nothing is paid: once money has arrived the lot's refusal
        // can only be settled by a refund.
        var quote = await GrainFactory.GetGrain<ILotGrain>(request.LotId).Quote(request.SessionIdOrTicket, now)
            ?? throw new InvalidCommandException("sessionIdOrTicket", "The lot has no open stay with this session id, ticket or plate.");
        if (!string.Equals(quote.AmountDue.Currency, request.Amount.Currency, StringComparison.Ordinal))
        {
            throw new InvalidCommandException("currency", $"The lot takes {quote.AmountDue.Currency}.");
        }

        journal.Raise(new PaymentCreated(PaymentId, request, quote.SessionId, payload, now));
        await journal.ConfirmAsync();
        return Created(S.Payment!);
    }

    public async Task<PaymentOperationResult> Confirm(PaymentConfirmation confirmation)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var problems = new CommandProblems();
        problems.RequiredId("eventId", confirmation.EventId, CommandLimits.MaxCompositeIdLength);
        problems.Text("reference", confirmation.Reference, CommandLimits.MaxIdLength, required: false);
        MoneyRules.Check(problems, confirmation.Amount);
        _options.Bounds(_time.GetUtcNow()).Check(problems, confirmation.Time);
        problems.ThrowIfAny();
        if (S.ConfirmResults.TryGetValue(confirmation.EventId, out var result))
        {
            await journal.ConfirmAsync();
            return result;
        }

        if (S.Payment is not { } payment)
        {
            return NotFound(confirmation.EventId);
        }

        (PaymentRejection, string)? rejection = payment.Status switch
        {
            PaymentStatus.Paid => (PaymentRejection.AlreadyPaid, $"Payment {PaymentId} is already paid (confirmation {payment.ConfirmationEventId})."),
            PaymentStatus.Failed => (PaymentRejection.PaymentFailed, $"Payment {PaymentId} has failed: {payment.FailureReason}."),
            PaymentStatus.Refunded => (PaymentRejection.PaymentRefunded, $"Payment {PaymentId} was refunded."),
            _ when confirmation.Amount != payment.Amount => (PaymentRejection.AmountMismatch, $"Received {confirmation.Amount}, but payment {PaymentId} is for {payment.Amount}."),
            _ => null,
        };
        if (rejection is var (reason, text))
        {
            result = new PaymentOperationResult(confirmation.EventId, false, reason, text, payment);
            journal.Raise(new PaymentConfirmationRejected(confirmation.EventId, confirmation.Reference, confirmation.Amount, reason, result, confirmation.Time));
            await journal.ConfirmAsync();
            return result;
        }

        // Recorded in the lot before our own log: if we die in between, the retry gets the lot's original answer
        // for the same lot event id, so the stay is paid once whichever step a crash interrupts.
        var lotEventId = LotEventId(PaymentId);
        // The money has arrived, so the lot records it whatever is due now (marked as an overpayment if it is more).
        var lotResult = await GrainFactory.GetGrain<ILotGrain>(payment.LotId).Pay(
            new PaymentCommand(lotEventId, payment.SessionId, payment.Amount, payment.Method, confirmation.Time, $"{PaymentId}/{confirmation.Reference}", Overpayment: true));
        var paid = payment with
        {
            Status = PaymentStatus.Paid,
            ConfirmationEventId = confirmation.EventId,
            BankReference = confirmation.Reference,
            PaidAt = confirmation.Time,
            LotResult = lotResult,
        };

        // The money is ours either way; a stay the lot will not credit (it left, or was force-closed) needs a refund or a person.
        var note = lotResult.Accepted ? null : $"Money received, but lot {payment.LotId} did not record it against the stay: {lotResult.ReasonText}";
        result = new PaymentOperationResult(confirmation.EventId, true, null, null, paid, note);
        journal.Raise(new PaymentConfirmed(confirmation.EventId, confirmation.Reference, confirmation.Amount, lotEventId, lotResult, result, confirmation.Time));
        await journal.ConfirmAsync();
        return result;
    }

    public async Task<PaymentOperationResult> Fail(string reason)
    {
        if (S.Payment is not { } payment)
        {
            return NotFound(null);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new PaymentOperationResult(null, false, PaymentRejection.InvalidCommand, "A failure needs a reason.", payment);
        }

        switch (payment.Status)
        {
            case PaymentStatus.Pending:
                journal.Raise(new PaymentFailed(reason, _time.GetUtcNow()));
                break;
            case PaymentStatus.Paid:
                return new PaymentOperationResult(null, false, PaymentRejection.AlreadyPaid, $"Payment {PaymentId} is paid; refund it instead.", payment);
            case PaymentStatus.Refunded:
                return new PaymentOperationResult(null, false, PaymentRejection.PaymentRefunded, $"Payment {PaymentId} was refunded.", payment);
        }

        // Failing a failed payment again is a no-op that reports the original failure.
        await journal.ConfirmAsync();
        return new PaymentOperationResult(null, true, null, null, S.Payment);
    }

    public async Task<PaymentOperationResult> Refund(string eventId, string reason)
    {
        RequireEventId(eventId);
        if (S.RefundResults.TryGetValue(eventId, out var result))
        {
            await journal.ConfirmAsync();
            return result;
        }

        if (S.Payment is not { } payment)
        {
            return NotFound(eventId);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new PaymentOperationResult(eventId, false, PaymentRejection.InvalidCommand, "A refund needs a reason.", payment);
        }

        var reasonProblems = new CommandProblems();
        reasonProblems.Text("reason", reason, CommandLimits.MaxReasonLength, required: true);
        reasonProblems.ThrowIfAny();

        if (payment.Status == PaymentStatus.Paid)
        {
            var now = _time.GetUtcNow();

            // Taken off the stay and the revenue in the lot before our own log, with a lot event id fixed by this
            // payment, so a retry after a crash in between gets the lot's original answer and refunds once.
            string? note = null;
            if (payment.LotResult is { Accepted: true } recorded)
            {
                var lotRefund = await GrainFactory.GetGrain<ILotGrain>(payment.LotId).Refund(new RefundCommand(
                    LotRefundEventId(PaymentId), LotEventId(PaymentId), payment.SessionId, payment.Amount, payment.Method, recorded.VehicleClass, reason, now));
                note = lotRefund.Accepted ? null : $"Refunded, but lot {payment.LotId} did not record it: {lotRefund.ReasonText}";
            }

            var refunded = payment with { Status = PaymentStatus.Refunded, RefundReason = reason, RefundedAt = now };
            result = new PaymentOperationResult(eventId, true, null, null, refunded, note);
            journal.Raise(new PaymentRefunded(eventId, reason, result, now));
        }
        else
        {
            var rejection = payment.Status == PaymentStatus.Refunded ? PaymentRejection.PaymentRefunded : PaymentRejection.NotPaid;
            result = new PaymentOperationResult(eventId, false, rejection, $"Only a paid payment can be refunded; payment {PaymentId} is {payment.Status}.", payment);
            journal.Raise(new PaymentRefundRejected(eventId, reason, rejection, result, _time.GetUtcNow()));
        }

        await journal.ConfirmAsync();
        return result;
    }

    public Task<PaymentView?> Get() => Task.FromResult(S.Payment);

    private string? ValidateAndBuildPayload(PaymentRequest request)
    {
        PaymentRequestRules.Check(request).ThrowIfAny();
        if (request.Method != PaymentMethod.VietQr)
        {
            return null;
        }

        // The transfer description is what a bank callback is matched by; without one, use the payment id if a bank can carry it.
        var purpose = request.Purpose ?? (PaymentId.Length <= VietQrPayload.MaxPurposeLength && PaymentId.All(c => c is >= ' ' and <= '~') ? PaymentId : null);
        try
        {
            return VietQrPayload.Build(request.BankBin!, request.AccountNumber!, request.Amount.Amount, purpose);
        }
        catch (ArgumentException ex)
        {
            // The payload builder's messages quote the value; the caller hears the rule only.
            throw ex.ParamName switch
            {
                "bankBin" => new InvalidCommandException("bankBin", "A bank BIN is exactly 6 digits."),
                "accountNumber" => new InvalidCommandException("accountNumber", "An account number is ASCII letters or digits, of a length VietQR allows."),
                "amount" => new InvalidCommandException("amount", "A VietQR amount is a positive whole number of VND that VietQR can carry."),
                _ => new InvalidCommandException("purpose",
                    $"A VietQR purpose is at most {VietQrPayload.MaxPurposeLength} ASCII letters, digits, punctuation or Vietnamese letters without their marks."),
            };
        }
    }

    private static CreatePaymentResult Created(PaymentView payment) =>
        new(payment, payment.VietQrPayload, payment.VietQrPayload is { } payload ? QrCodeRenderer.RenderPngBase64(payload) : null);

    private PaymentOperationResult NotFound(string? eventId) =>
        new(eventId, false, PaymentRejection.NotFound, $"No payment {PaymentId}.", null);

    private static void RequireEventId(string eventId)
    {
        var problems = new CommandProblems();
        problems.RequiredId("eventId", eventId, CommandLimits.MaxCompositeIdLength);
        problems.ThrowIfAny();
    }
}
