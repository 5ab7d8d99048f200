namespace ParkingGrains.GateAgent.Devices;

/// <summary>How <see cref="SimulatedCamera"/> draws a plate.</summary>
/// <param name="Yellow">Yellow background (commercial vehicles) instead of white.</param>
/// <param name="TwoLines">Two lines (motorcycles, square car plates); null: two lines when the text has a space
/// (<c>59-X1 123.45</c>), one otherwise.</param>
public sealed record SimulatedPlateStyle(bool Yellow = false, bool? TwoLines = null);
