namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// One read per card presentation: a card id seen again within the window of its previous sighting is a repeat.
/// The window slides (a card held on the reader is read again and again by it). Ids are compared exactly. Thread-safe.
/// </summary>
public sealed class CardDebouncer(TimeSpan window, TimeProvider time)
{
    private const int PruneAbove = 256;
    private readonly Dictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>True when this read counts (a new presentation); false for a repeat within the window.</summary>
    public bool Accept(string cardId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var repeat = _lastSeen.TryGetValue(cardId, out var last) && now - last < window;
            _lastSeen[cardId] = now;
            if (_lastSeen.Count > PruneAbove)
            {
                // Forgetting ids older than the window changes no answer and bounds memory.
                foreach (var (id, seen) in _lastSeen)
                {
                    if (now - seen >= window)
                    {
                        _lastSeen.Remove(id);
                    }
                }
            }

            return !repeat;
        }
    }
}
