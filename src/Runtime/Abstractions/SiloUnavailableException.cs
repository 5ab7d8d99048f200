namespace ParkingGrains.Runtime;

/// <summary>
/// The silo that owns the target could not be reached, or died while the call was in flight. When
/// <see cref="MessageWasSent"/> is false the request never left this process and retrying is always safe.
/// </summary>
public sealed class SiloUnavailableException(string message, bool messageWasSent, Exception? inner = null)
    : Exception(message, inner)
{
    public SiloUnavailableException(string message)
        : this(message, messageWasSent: true)
    {
    }

    public bool MessageWasSent { get; } = messageWasSent;
}
