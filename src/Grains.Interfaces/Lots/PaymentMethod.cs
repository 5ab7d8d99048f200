namespace ParkingGrains.Grains.Interfaces.Lots;

public enum PaymentMethod
{
    Cash = 0,
    Card = 1,
    ManualTransfer = 2,
    VietQr = 3,
}
