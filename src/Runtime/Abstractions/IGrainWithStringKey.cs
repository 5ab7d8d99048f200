namespace ParkingGrains.Runtime;

/// <summary>A grain addressed by a string key (lot id, slot id, normalised plate, …).</summary>
public interface IGrainWithStringKey : IGrain;
