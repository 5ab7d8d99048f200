namespace ParkingGrains.GateAgent.Devices;

public enum ReceiptFormat
{
    /// <summary>An image 576 dots wide: an 80 mm thermal printer at 203 dpi prints it as it is.</summary>
    Png,
    /// <summary>One page 80 mm wide (vector text), for e-mail or an office printer.</summary>
    Pdf,
}
