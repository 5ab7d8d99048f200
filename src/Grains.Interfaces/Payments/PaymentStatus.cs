namespace ParkingGrains.Grains.Interfaces.Payments;

public enum PaymentStatus
{
    Pending = 0,
    Paid = 1,
    Failed = 2,
    Refunded = 3,
}
