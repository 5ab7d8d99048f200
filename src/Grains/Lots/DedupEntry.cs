using System.Collections;

namespace ParkingGrains.Grains.Lots;

/// <summary>A remembered command id: which result table holds it and when it was first decided, so it can be forgotten.</summary>
public readonly record struct DedupEntry(IDictionary Results, string EventId, DateTimeOffset At);
