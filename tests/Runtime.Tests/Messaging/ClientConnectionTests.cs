using System.Net;
using System.Net.Sockets;
using ParkingGrains.Runtime.Messaging;
using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Runtime.Tests.Messaging;

/// <summary>A silo pushes to a client's observers over whichever of that client's connections is open.</summary>
public sealed class ClientConnectionTests
{
    /// <summary>
    /// A client can hold two connections to a gateway for a moment: its managed one, and a bootstrap connection when
    /// it re-reads the cluster view before the managed one is established (a web host starting on a busy machine did
    /// this). The bootstrap connection says hello last and closes first; the silo must then push over the managed
    /// connection instead of finding no connection for the client and dropping every push from then on.
    /// </summary>
    [Fact]
    public async Task Observer_KeepsReceivingPushes_WhenAnotherConnectionOfItsClientCloses()
    {
        await using var cluster = await Clusters.StartAsync(silos: 1);
        var observer = new ValueObserver();
        var grain = cluster.GrainFactory.GetGrain<IObservableGrain>("lot-9");
        await grain.Subscribe(cluster.Client.CreateObjectReference<IValueObserver>(observer));
        await grain.Publish("before");
        Assert.Equal("lot-9:before", await observer.NextAsync(TimeSpan.FromSeconds(5)));

        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync(cluster.Silos[0].GatewayEndpoint!);
            await socket.SendAsync(Hello(cluster.ClusterId, cluster.Client.ClientId));
            Assert.True(await socket.ReceiveAsync(new byte[256]) > 0, "no handshake answer"); // the silo has registered it
        }

        // The silo notices the close on its own schedule: publish until a push arrives (it must, and soon).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string? received = null;
        for (var i = 0; received is null && DateTime.UtcNow < deadline; i++)
        {
            await grain.Publish($"after-{i}");
            received = await observer.NextAsync(TimeSpan.FromMilliseconds(250));
        }

        Assert.NotNull(received);
        Assert.StartsWith("lot-9:after-", received, StringComparison.Ordinal);
    }

    private static byte[] Hello(string clusterId, string clientId)
    {
        var codec = new MessageCodec(new Runtime.Core.GrainInterfaceRegistry(), new System.Text.Json.JsonSerializerOptions(), 1 << 20);
        var frame = codec.EncodeHello(ConnectionRole.Client, clusterId, clientId);
        var bytes = frame.Span.ToArray();
        frame.Return();
        return bytes;
    }

    private sealed class ValueObserver : IValueObserver
    {
        private readonly System.Threading.Channels.Channel<string> _values = System.Threading.Channels.Channel.CreateUnbounded<string>();

        public void OnValue(string grainKey, string value) => _values.Writer.TryWrite($"{grainKey}:{value}");

        /// <summary>The next value, or null when none arrives within <paramref name="timeout"/>.</summary>
        public async Task<string?> NextAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                return await _values.Reader.ReadAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }
}
