using System.Diagnostics.CodeAnalysis;

namespace ParkingGrains.Grains.Interfaces.Slots;

/// <summary>Slot grain keys carry their lot ("{lotId}/{slotId}"): slot ids are only unique within a lot.</summary>
public static class SlotKeys
{
    public static string Create(string lotId, string slotId) => $"{lotId}/{slotId}";

    /// <summary>Splits a key at its first '/' (a lot id must not contain one; a slot id may).</summary>
    public static bool TryParse(string key, [NotNullWhen(true)] out string? lotId, [NotNullWhen(true)] out string? slotId)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            lotId = slotId = null;
            return false;
        }

        lotId = key[..slash];
        slotId = key[(slash + 1)..];
        return true;
    }
}
