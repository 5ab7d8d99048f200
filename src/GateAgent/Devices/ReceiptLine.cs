namespace ParkingGrains.GateAgent.Devices;

/// <summary>One fee line of a receipt (e.g. "First 2 h", "Lost ticket"), in the receipt's currency.</summary>
public sealed record ReceiptLine(string Label, decimal Amount);
