using System.Collections.Concurrent;
using ParkingGrains.Runtime.Membership;

namespace ParkingGrains.Runtime.Tests.Membership;

/// <summary>
/// In-process stand-in for the silo transport: probes succeed for registered, healthy agents; a crashed silo
/// refuses at once, a hung one never answers; gossip calls the target agent's RefreshAsync.
/// </summary>
internal sealed class FakePeerNetwork
{
    private readonly ConcurrentDictionary<SiloAddress, MembershipAgent> _agents = new();
    private readonly ConcurrentDictionary<SiloAddress, Failure> _failures = new();
    private readonly ConcurrentDictionary<(SiloAddress From, SiloAddress To), bool> _blocked = new();
    private readonly ConcurrentDictionary<(SiloAddress From, SiloAddress To), int> _probes = new();

    private enum Failure
    {
        Crashed,
        Hung,
    }

    public IClusterPeerChannel ChannelFor(SiloAddress self) => new Channel(this, self);

    public void Register(MembershipAgent agent) => _agents[agent.SiloAddress] = agent;

    /// <summary>Probes and gossip to <paramref name="silo"/> fail at once (its port refuses connections).</summary>
    public void Crash(SiloAddress silo) => _failures[silo] = Failure.Crashed;

    /// <summary>Probes and gossip to <paramref name="silo"/> never complete (a hung process).</summary>
    public void Hang(SiloAddress silo) => _failures[silo] = Failure.Hung;

    /// <summary>Only <paramref name="from"/>'s probes of <paramref name="to"/> fail (a one-way network fault).</summary>
    public void Block(SiloAddress from, SiloAddress to) => _blocked[(from, to)] = true;

    public int ProbeCount(SiloAddress from, SiloAddress to) => _probes.GetValueOrDefault((from, to));

    public IReadOnlyList<(SiloAddress From, SiloAddress To)> ProbedPairs() => [.. _probes.Keys];

    private async Task ReachAsync(SiloAddress from, SiloAddress target, CancellationToken ct)
    {
        switch (_failures.GetValueOrDefault(target, (Failure)(-1)))
        {
            case Failure.Crashed:
                throw new IOException($"Connection to {target} refused.");
            case Failure.Hung:
                await Task.Delay(Timeout.Infinite, ct);
                break;
        }

        if (_blocked.ContainsKey((from, target)))
        {
            throw new IOException($"No route from {from} to {target}.");
        }

        if (!_agents.ContainsKey(target))
        {
            throw new IOException($"Nothing listens at {target}.");
        }
    }

    private sealed class Channel(FakePeerNetwork network, SiloAddress self) : IClusterPeerChannel
    {
        public async Task ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken)
        {
            network._probes.AddOrUpdate((self, target), 1, (_, n) => n + 1);
            await Task.Yield();
            await network.ReachAsync(self, target, cancellationToken);
        }

        public async Task GossipAsync(SiloAddress target, CancellationToken cancellationToken)
        {
            await Task.Yield();
            await network.ReachAsync(self, target, cancellationToken);
            await network._agents[target].RefreshAsync(cancellationToken);
        }
    }
}
