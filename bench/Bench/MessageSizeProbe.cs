using System.Diagnostics.Metrics;

namespace ParkingGrains.Bench;

/// <summary>
/// Listens to Orleans' own "orleans-messaging-sent-messages-size" histogram (bytes of each message written to a
/// socket), so the bare TCP baseline can move frames of the size Orleans really sends.
/// </summary>
public sealed class MessageSizeProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _messages;
    private long _bytes;

    public MessageSizeProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "orleans-messaging-sent-messages-size")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            Interlocked.Increment(ref _messages);
            Interlocked.Add(ref _bytes, value);
        });
        _listener.Start();
    }

    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Mean bytes per sent message (requests and responses alike), 0 when none was seen.</summary>
    public int MeanBytes => Messages == 0 ? 0 : (int)Math.Round((double)Interlocked.Read(ref _bytes) / Messages);

    public void Dispose() => _listener.Dispose();
}
