namespace ParkingGrains.GateAgent.Devices;

/// <summary>The lot's account a VietQR transfer goes to (bank BIN, e.g. 970436, and account number).</summary>
public sealed record ReceiptPayee(string BankBin, string AccountNumber);
