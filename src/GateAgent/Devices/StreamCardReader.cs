using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// Card ids as lines on a stream — standard input (<see cref="ForStandardInput"/>: a USB reader in keyboard mode, or a
/// person typing ids at a console) — with the same validation and debounce as the TCP reader. The end of the stream
/// ends the reads.
/// </summary>
public sealed class StreamCardReader(Stream input, string source, CardReaderOptions options, TimeProvider time, ILogger<StreamCardReader> logger) : ICardReader
{
    private readonly CardLineSink _sink = new(options, time, logger);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _reading;

    public ChannelReader<CardRead> Reads => _sink.Reads;

    public static StreamCardReader ForStandardInput(CardReaderOptions options, TimeProvider time, ILogger<StreamCardReader> logger) =>
        new(Console.OpenStandardInput(), "stdin", options, time, logger);

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _reading ??= Task.Run(ReadAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_reading is { } reading)
        {
            // A console read may ignore cancellation until a key arrives: do not hold the agent's shutdown on it.
            await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System));
        }

        _sink.Complete();
    }

    private async Task ReadAsync()
    {
        try
        {
            await _sink.ConsumeAsync(input, source, _stopping.Token);
            logger.LogInformation("Card reader {Source}: end of input", source);
        }
        catch (Exception ex) when (ex is OperationCanceledException && _stopping.IsCancellationRequested)
        {
            // stopping
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            logger.LogWarning(ex, "Card reader {Source}: input failed", source);
        }
        finally
        {
            _sink.Complete();
        }
    }
}
