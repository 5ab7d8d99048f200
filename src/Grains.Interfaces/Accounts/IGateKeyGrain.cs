using Orleans;
using Orleans.Concurrency;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// The credential of one gate agent (key: gate id). Holds the SHA-256 hash of the current key only; installing a
/// new key replaces the old one at once.
/// </summary>
public interface IGateKeyGrain : IGrainWithStringKey
{
    Task<GateKeyInfo> Install(GateKeyInstall key);

    /// <summary>Compares <paramref name="keyHash"/> (SHA-256 of the presented key) with the stored hash in constant time.</summary>
    [ReadOnly]
    Task<GateKeyCheck> Verify(byte[] keyHash);

    [ReadOnly]
    Task<GateKeyInfo?> Get();
}
