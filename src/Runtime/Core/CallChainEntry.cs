namespace ParkingGrains.Runtime.Core;

/// <summary>One hop of a call chain: the grain and the sequence number of the request it was running.</summary>
internal readonly record struct CallChainEntry(GrainId Grain, long RequestSequence);
