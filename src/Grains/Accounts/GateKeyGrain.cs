using ParkingGrains.Grains.Persistence;
using System.Security.Cryptography;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.Grains.Accounts;

public sealed class GateKeyGrain([PersistentState("gatekey")] IPersistentState<GateKeyState> state) : Grain, IGateKeyGrain
{
    private const int HashLength = 32;

    public async Task<GateKeyInfo> Install(GateKeyInstall key)
    {
        if (key.KeyHash is not { Length: HashLength } || string.IsNullOrWhiteSpace(key.KeyId))
        {
            throw new ArgumentException("A gate key needs an id and a 32-byte SHA-256 hash.", nameof(key));
        }

        state.State.KeyId = key.KeyId;
        state.State.KeyHash = key.KeyHash;
        state.State.IssuedAt = key.IssuedAt;
        await this.WriteOrForgetAsync(state);
        return new GateKeyInfo(this.GetPrimaryKeyString(), key.KeyId, key.IssuedAt);
    }

    public Task<GateKeyCheck> Verify(byte[] keyHash)
    {
        var stored = state.State.KeyHash;
        // Constant time, so response timing tells nothing about how much of the hash matched.
        var valid = stored is not null && keyHash is { Length: HashLength } && CryptographicOperations.FixedTimeEquals(stored, keyHash);
        return Task.FromResult(valid ? new GateKeyCheck(true, state.State.KeyId) : new GateKeyCheck(false, null));
    }

    public Task<GateKeyInfo?> Get() => Task.FromResult(
        state.State.KeyId is { } keyId ? new GateKeyInfo(this.GetPrimaryKeyString(), keyId, state.State.IssuedAt) : null);
}
