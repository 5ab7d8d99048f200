namespace ParkingGrains.GateAgent.Devices;

/// <summary>The exit lane's receipt printer.</summary>
public interface IReceiptPrinter : ILaneDevice
{
    /// <summary>Prints <paramref name="receipt"/>. A printer fault is thrown (the lane shows the driver where to get one).</summary>
    Task<PrintedReceipt> PrintAsync(Receipt receipt, CancellationToken cancellationToken = default);
}
