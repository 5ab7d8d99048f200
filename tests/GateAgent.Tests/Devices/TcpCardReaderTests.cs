using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ParkingGrains.GateAgent.Devices;

namespace ParkingGrains.GateAgent.Tests.Devices;

/// <summary>The TCP card reader on a real loopback socket.</summary>
public sealed class TcpCardReaderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly ListLogger<TcpCardReader> _log = new();
    private readonly TcpCardReader _reader;

    public TcpCardReaderTests() =>
        _reader = new TcpCardReader(new CardReaderOptions { Port = 0, MaxLineLength = 32 }, _time, _log);

    public Task InitializeAsync() => _reader.StartAsync();

    public async Task DisposeAsync() => await _reader.DisposeAsync();

    private async Task<NetworkStream> ConnectAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _reader.Port);
        return client.GetStream(); // owns the socket
    }

    private static Task SendAsync(Stream stream, string text) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    [Fact]
    public async Task Reads_many_lines_per_connection_and_drops_too_long_and_invalid_ones()
    {
        await using var stream = await ConnectAsync();
        await SendAsync(stream, "CARD-1\nCARD-2\r\n" + new string('9', 33) + "\nnot a card!\n\n  CARD-3  \nCA");
        await SendAsync(stream, "RD-4\n"); // a line split across two writes

        Assert.Equal("CARD-1", (await Wait.NextAsync(_reader.Reads)).CardId);
        Assert.Equal("CARD-2", (await Wait.NextAsync(_reader.Reads)).CardId);
        var third = await Wait.NextAsync(_reader.Reads);
        Assert.Equal("CARD-3", third.CardId);
        Assert.StartsWith("tcp:", third.Source, StringComparison.Ordinal);
        Assert.Equal("CARD-4", (await Wait.NextAsync(_reader.Reads)).CardId);
        Assert.True(_log.Has(LogLevel.Warning, "longer than 32 bytes was dropped"));
        Assert.True(_log.Has(LogLevel.Warning, "invalid line"));
    }

    [Fact]
    public async Task A_line_of_exactly_the_limit_is_read()
    {
        await using var stream = await ConnectAsync();
        var id = new string('7', 32);
        await SendAsync(stream, id + "\r\n");

        Assert.Equal(id, (await Wait.NextAsync(_reader.Reads)).CardId);
    }

    [Fact]
    public async Task A_reader_that_reconnects_is_read_again_and_repeats_are_debounced_across_connections()
    {
        await using (var first = await ConnectAsync())
        {
            await SendAsync(first, "CARD-A\n");
            Assert.Equal("CARD-A", (await Wait.NextAsync(_reader.Reads)).CardId);
        }

        await using var second = await ConnectAsync();
        await SendAsync(second, "CARD-A\nCARD-B\n"); // CARD-A again within 3 s: the same presentation
        Assert.Equal("CARD-B", (await Wait.NextAsync(_reader.Reads)).CardId);

        _time.Advance(TimeSpan.FromSeconds(3));
        await SendAsync(second, "CARD-A\n");
        Assert.Equal("CARD-A", (await Wait.NextAsync(_reader.Reads)).CardId);
    }

    [Fact]
    public async Task Disposing_ends_the_reads()
    {
        await using var stream = await ConnectAsync();
        await SendAsync(stream, "CARD-Z\n");
        Assert.Equal("CARD-Z", (await Wait.NextAsync(_reader.Reads)).CardId);

        await _reader.DisposeAsync();

        await _reader.Reads.Completion.WaitAsync(Wait.Deadline);
    }
}
