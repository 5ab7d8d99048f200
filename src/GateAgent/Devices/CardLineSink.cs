using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>What every card reader driver does with a line: validate, debounce, report. Dropped lines are logged
/// by their length only (a line is untrusted input: it could forge log lines).</summary>
internal sealed class CardLineSink(CardReaderOptions options, TimeProvider time, ILogger logger)
{
    private readonly Channel<CardRead> _reads = DeviceChannel.Create<CardRead>(64);
    private readonly CardDebouncer _debouncer = new(options.DebounceWindow, time);

    public ChannelReader<CardRead> Reads => _reads.Reader;

    public async Task ConsumeAsync(Stream stream, string source, CancellationToken cancellationToken)
    {
        await foreach (var line in BoundedLineReader.ReadLinesAsync(stream, options.MaxLineLength, cancellationToken))
        {
            Offer(line, source);
        }
    }

    public void Offer(string? line, string source)
    {
        if (line is null)
        {
            logger.LogWarning("Card reader {Source}: a line longer than {Max} bytes was dropped", source, options.MaxLineLength);
            return;
        }

        var id = line.AsSpan().Trim();
        if (id.IsEmpty)
        {
            return; // readers send blank keep-alive lines
        }

        if (!CardRead.IsValidId(id))
        {
            logger.LogWarning("Card reader {Source}: an invalid line ({Length} characters) was dropped", source, id.Length);
            return;
        }

        var cardId = id.ToString();
        if (_debouncer.Accept(cardId))
        {
            _reads.Writer.TryWrite(new CardRead(cardId, time.GetUtcNow(), source));
        }
        else
        {
            logger.LogDebug("Card reader {Source}: repeated read of a card within the debounce window", source);
        }
    }

    public void Complete() => _reads.Writer.TryComplete();
}
