using System.Text.Json.Serialization;

namespace ParkingGrains.Grains.Payments.Events;

/// <summary>
/// What a payment records in its event log (part of the history): creation, every confirmation and refund
/// attempt (accepted or refused, so a repeated event id returns the original answer) and failure.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(PaymentCreated), "paymentCreated")]
[JsonDerivedType(typeof(PaymentConfirmed), "paymentConfirmed")]
[JsonDerivedType(typeof(PaymentConfirmationRejected), "paymentConfirmationRejected")]
[JsonDerivedType(typeof(PaymentFailed), "paymentFailed")]
[JsonDerivedType(typeof(PaymentRefunded), "paymentRefunded")]
[JsonDerivedType(typeof(PaymentRefundRejected), "paymentRefundRejected")]
public abstract record PaymentEvent(DateTimeOffset OccurredAt) : IOccurredAt;
