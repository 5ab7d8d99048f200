namespace ParkingGrains.Runtime;

/// <summary>A timer whose ticks run as turns of the activation; disposed with it.</summary>
public interface IGrainTimer : IDisposable;
