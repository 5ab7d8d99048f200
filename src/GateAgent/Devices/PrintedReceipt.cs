namespace ParkingGrains.GateAgent.Devices;

/// <summary>A receipt a printer produced: where it went (a file, a printer's name), what was printed and when.</summary>
public sealed record PrintedReceipt(string Location, RenderedReceipt Rendered, DateTimeOffset PrintedAt);
