namespace ParkingGrains.Runtime;

/// <summary>
/// A grain method threw an exception whose type this process cannot construct; the original type name and
/// message are preserved.
/// </summary>
public sealed class GrainCallException(string originalType, string message) : Exception($"{originalType}: {message}")
{
    public string OriginalType { get; } = originalType;

    public string OriginalMessage { get; } = message;
}
