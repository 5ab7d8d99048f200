using ParkingGrains.Grains.Interfaces.Validation;

namespace ParkingGrains.Grains.Interfaces.Sessions;

/// <summary>Session ids carry their lot, so any session handle can find the lot that decides about it.</summary>
public static class SessionIds
{
    public static string Create(string lotId, string ticket) => $"{lotId}:{ticket}";

    public static string LotOf(string sessionId)
    {
        var colon = sessionId.LastIndexOf(':');
        return colon > 0 ? sessionId[..colon] : throw new InvalidCommandException("sessionId", "A session id has the form lot:ticket.");
    }
}
