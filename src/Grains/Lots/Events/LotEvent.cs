using System.Text.Json.Serialization;

namespace ParkingGrains.Grains.Lots.Events;

/// <summary>
/// Everything a lot decides, as stored in its event log — which is also the history that reports read. Each
/// decision event carries the result returned to the caller, so a repeated command id returns it verbatim.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(LotConfigured), "lotConfigured")]
[JsonDerivedType(typeof(VehicleEntered), "vehicleEntered")]
[JsonDerivedType(typeof(EntryDenied), "entryDenied")]
[JsonDerivedType(typeof(VehicleExited), "vehicleExited")]
[JsonDerivedType(typeof(ExitDenied), "exitDenied")]
[JsonDerivedType(typeof(PaymentRecorded), "paymentRecorded")]
[JsonDerivedType(typeof(PaymentRejected), "paymentRejected")]
[JsonDerivedType(typeof(RefundRecorded), "refundRecorded")]
[JsonDerivedType(typeof(SlotOverridden), "slotOverridden")]
[JsonDerivedType(typeof(SlotOverrideRejected), "slotOverrideRejected")]
[JsonDerivedType(typeof(SessionForceClosed), "sessionForceClosed")]
[JsonDerivedType(typeof(ReservationBooked), "reservationBooked")]
[JsonDerivedType(typeof(ReservationRejected), "reservationRejected")]
[JsonDerivedType(typeof(ReservationCancelled), "reservationCancelled")]
[JsonDerivedType(typeof(ReservationHeld), "reservationHeld")]
[JsonDerivedType(typeof(ReservationExpired), "reservationExpired")]
[JsonDerivedType(typeof(LotRemoved), "lotRemoved")]
public abstract record LotEvent(DateTimeOffset OccurredAt) : IOccurredAt
{
    /// <summary>
    /// The server's clock when the lot decided (null in events of versions before issue 9). Idempotency memory is
    /// pruned by it, never by <see cref="OccurredAt"/>, which is the caller's time.
    /// </summary>
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>The command was dated more than the clock skew before <see cref="RecordedAt"/> (an offline gate catching up).</summary>
    public bool Replayed { get; init; }
}
