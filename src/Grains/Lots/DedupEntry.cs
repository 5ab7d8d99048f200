using System.Collections;

namespace ParkingGrains.Grains.Lots;

/// <summary>
/// A remembered command id: which result table holds it and the server time it was decided (null for events of versions
/// before issue 9), so it can be forgotten.
/// </summary>
public readonly record struct DedupEntry(IDictionary Results, string EventId, DateTimeOffset? At);
