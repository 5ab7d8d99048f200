namespace ParkingGrains.GateAgent.Devices;

/// <summary>Where the simulated printer puts its receipts, and as what.</summary>
public sealed record SimulatedReceiptPrinterOptions(string Folder, ReceiptFormat Format = ReceiptFormat.Png);
