namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>Why a gate, payment, reservation or override was refused. Codes are stable: agents and reports key on them.</summary>
public enum DenialReason
{
    LotNotConfigured = 1,
    UnknownGate = 2,
    WrongGateDirection = 3,
    MissingIdentity = 4,
    PlateAlreadyInside = 10,
    CardUnknown = 20,
    CardBlocked = 21,
    CardExpired = 22,
    CardNotValidHere = 23,
    SubscriberQuotaReached = 24,
    ClassFull = 30,
    NoSuitableSlot = 31,
    SessionNotFound = 40,
    PaymentRequired = 41,
    InvalidAmount = 42,
    CurrencyMismatch = 43,
    ReservationNotFound = 50,
    ReservationOverlaps = 51,
    ReservationWindowInvalid = 52,
    ReservationNotCancellable = 53,
    UnknownSlot = 60,
    SlotOccupied = 61,
    InvalidCommand = 70,
}
