namespace ParkingGrains.Grains.Interfaces.Payments;

/// <summary>Why a payment operation was refused. Codes are stable: the API and reports key on them.</summary>
public enum PaymentRejection
{
    NotFound = 1,
    InvalidCommand = 2,
    AlreadyPaid = 10,
    PaymentFailed = 11,
    PaymentRefunded = 12,
    AmountMismatch = 13,
    NotPaid = 20,
}
