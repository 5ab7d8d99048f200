using System.Runtime.CompilerServices;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Grains.Interfaces.Gates;

namespace ParkingGrains.TestSupport;

/// <summary>Calls as a gate's own agent makes them: with the gate's key in the request context (one key per gate and cluster).</summary>
public static class GateAgentCalls
{
    private static readonly ConditionalWeakTable<IGrainFactory, Dictionary<string, Task<string>>> s_keys = new();

    /// <summary>The gate's key, installed on first use.</summary>
    public static Task<string> AgentKeyAsync(this IGrainFactory grains, string gateId)
    {
        var keys = s_keys.GetOrCreateValue(grains);
        lock (keys)
        {
            if (!keys.TryGetValue(gateId, out var key))
            {
                key = InstallAsync(grains, gateId);
                keys[gateId] = key;
            }

            return key;
        }
    }

    public static async Task<GateHeartbeatReply> HeartbeatAsAgentAsync(this IGrainFactory grains, string gateId, GateHeartbeat? heartbeat = null)
    {
        // Set inside this async method: the key does not leak into the caller's later calls.
        GateAgentCredential.Attach(await grains.AgentKeyAsync(gateId));
        return await grains.GetGrain<IGateGrain>(gateId).Heartbeat(heartbeat ?? new GateHeartbeat($"test-agent-{gateId}", DateTimeOffset.UtcNow, 3));
    }

    public static async Task<T> AsAgentAsync<T>(this IGrainFactory grains, string gateId, Func<IGateGrain, Task<T>> call)
    {
        GateAgentCredential.Attach(await grains.AgentKeyAsync(gateId));
        return await call(grains.GetGrain<IGateGrain>(gateId));
    }

    private static async Task<string> InstallAsync(IGrainFactory grains, string gateId)
    {
        var (key, hash) = GateKeys.NewKey();
        await grains.GetGrain<IGateKeyGrain>(gateId).Install(new GateKeyInstall(GateKeys.NewKeyId(), hash, DateTimeOffset.UtcNow));
        return key;
    }
}
