using System.Net;
using Microsoft.Extensions.Logging;
using ParkingGrains.Runtime.Membership;
using Xunit.Abstractions;

namespace ParkingGrains.Runtime.Tests.Membership;

/// <summary>Several membership agents over one table and a fake network, torn down together.</summary>
internal sealed class MembershipTestCluster : IAsyncDisposable
{
    private static int s_nextPort = 31000;

    private readonly Func<IMembershipTable> _tableFactory;
    private readonly ILoggerFactory _loggers;
    private readonly List<MembershipAgent> _agents = [];
    private readonly List<IMembershipTable> _tables = [];

    public MembershipTestCluster(Func<IMembershipTable> tableFactory, ClusterMembershipOptions options, ITestOutputHelper output)
    {
        _tableFactory = tableFactory;
        Options = options;
        _loggers = LoggerFactory.Create(b => b.AddProvider(new XunitLoggerProvider(output)).SetMinimumLevel(LogLevel.Information));
    }

    public FakePeerNetwork Network { get; } = new();

    public ClusterMembershipOptions Options { get; }

    public static SiloAddress NewAddress(int generation = 1) =>
        new(new IPEndPoint(IPAddress.Loopback, Interlocked.Increment(ref s_nextPort)), generation);

    /// <summary>An agent with its own table client (as separate processes would have).</summary>
    public MembershipAgent CreateAgent(SiloAddress address, IMembershipTable? table = null)
    {
        table ??= _tableFactory();
        _tables.Add(table);
        var agent = new MembershipAgent(
            new LocalSiloDetails(address, GatewayPort: address.Endpoint.Port + 10000, SiloName: $"silo-{address.Endpoint.Port}"),
            table,
            Network.ChannelFor(address),
            Options,
            TimeProvider.System,
            _loggers.CreateLogger<MembershipAgent>());
        Network.Register(agent);
        _agents.Add(agent);
        return agent;
    }

    public async Task<MembershipAgent[]> StartAsync(int count)
    {
        var agents = Enumerable.Range(0, count).Select(_ => CreateAgent(NewAddress())).ToArray();
        // Concurrent joins: they conflict on the table version and must retry.
        await Task.WhenAll(agents.Select(a => a.JoinAsync()));
        return agents;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        if (_tables.Count > 0)
        {
            await _tables[0].DeleteClusterAsync();
        }

        foreach (var table in _tables.Distinct())
        {
            if (table is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        _loggers.Dispose();
    }
}
