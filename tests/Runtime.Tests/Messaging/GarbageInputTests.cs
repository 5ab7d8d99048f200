using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using ParkingGrains.Runtime.Hosting;
using ParkingGrains.Runtime.Messaging;
using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Runtime.Tests.Messaging;

/// <summary>Nothing a peer sends may take a silo down: bad connections are closed and the silo keeps serving.</summary>
public sealed class GarbageInputTests
{
    public static TheoryData<string> Ports => new() { "silo", "gateway" };

    [Theory]
    [MemberData(nameof(Ports))]
    public async Task RandomBytes_CloseThatConnection_AndTheSiloKeepsServing(string port)
    {
        await using var cluster = await Clusters.StartAsync(silos: 1);
        var endpoint = EndpointOf(cluster.Silos[0], port);
        var random = new Random(42);
        for (var i = 0; i < 20; i++)
        {
            var garbage = new byte[random.Next(1, 4096)];
            random.NextBytes(garbage);
            using var socket = await ConnectAsync(endpoint);
            await socket.SendAsync(garbage);
            Assert.True(await IsClosedByPeerAsync(socket), "the silo should close a connection that sends garbage");
        }

        Assert.Equal(1, await cluster.GrainFactory.GetGrain<ICounterGrain>("after-garbage").Increment());
    }

    [Theory]
    [MemberData(nameof(Ports))]
    public async Task TruncatedAndOversizedFrames_AfterAValidHandshake_DoNotCrashTheSilo(string port)
    {
        await using var cluster = await Clusters.StartAsync(silos: 1);
        var silo = cluster.Silos[0];
        var endpoint = EndpointOf(silo, port);
        var role = port == "silo" ? ConnectionRole.Silo : ConnectionRole.Client;
        var sender = role == ConnectionRole.Silo ? new SiloAddress(new IPEndPoint(IPAddress.Loopback, 1), 1).ToString() : "attacker";

        // A frame claiming far more than the maximum message size.
        using (var socket = await ConnectAsync(endpoint))
        {
            await socket.SendAsync(Hello(cluster.ClusterId, role, sender));
            await socket.SendAsync(new byte[] { 0xFF, 0xFF, 0xFF, 0x7F, 3 });
            Assert.True(await IsClosedByPeerAsync(socket));
        }

        // A request frame whose fields run past its own length.
        using (var socket = await ConnectAsync(endpoint))
        {
            await socket.SendAsync(Hello(cluster.ClusterId, role, sender));
            var frame = new byte[4 + 9];
            BinaryPrimitives.WriteInt32LittleEndian(frame, 9);
            frame[4] = (byte)FrameKind.Request;
            await socket.SendAsync(frame);
            Assert.True(await IsClosedByPeerAsync(socket));
        }

        // Half a frame, then the peer goes away.
        using (var socket = await ConnectAsync(endpoint))
        {
            await socket.SendAsync(Hello(cluster.ClusterId, role, sender)[..7]);
            socket.Shutdown(SocketShutdown.Send);
            Assert.True(await IsClosedByPeerAsync(socket));
        }

        Assert.Equal(1, await cluster.GrainFactory.GetGrain<ICounterGrain>("after-truncation").Increment());
    }

    [Fact]
    public async Task WrongClusterId_IsRefused()
    {
        await using var cluster = await Clusters.StartAsync(silos: 1);
        using var socket = await ConnectAsync(cluster.Silos[0].GatewayEndpoint!);
        await socket.SendAsync(Hello("some-other-cluster", ConnectionRole.Client, "client"));
        Assert.True(await IsClosedByPeerAsync(socket));
    }

    private static IPEndPoint EndpointOf(Silo silo, string port) => port == "silo" ? silo.SiloAddress.Endpoint : silo.GatewayEndpoint!;

    private static byte[] Hello(string clusterId, ConnectionRole role, string sender)
    {
        var codec = new MessageCodec(new Runtime.Core.GrainInterfaceRegistry(), new System.Text.Json.JsonSerializerOptions(), 1 << 20);
        var frame = codec.EncodeHello(role, clusterId, sender);
        var bytes = frame.Span.ToArray();
        frame.Return();
        return bytes;
    }

    private static async Task<Socket> ConnectAsync(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint);
        return socket;
    }

    /// <summary>Reads until the peer closes (0 bytes or reset); false if it is still open after 10 s.</summary>
    private static async Task<bool> IsClosedByPeerAsync(Socket socket)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                if (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
