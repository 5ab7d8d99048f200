using System.Collections.Concurrent;
using ParkingGrains.PlateRecognition;

namespace ParkingGrains.GateAgent.Tests.LaneUi;

/// <summary>A plate reader that answers each frame with the next read a test queued (nothing found when none is queued).</summary>
public sealed class ScriptedPlateReader : IPlateReader
{
    private readonly ConcurrentQueue<Func<PlateRead>> _reads = new();

    public void Next(PlateRead read) => _reads.Enqueue(() => read);

    /// <summary>Queues a read made when the frame is read (e.g. with the box where the camera drew the plate).</summary>
    public void Next(Func<PlateRead> read) => _reads.Enqueue(read);

    public Task<PlateRead> ReadAsync(ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default) =>
        Task.FromResult(_reads.TryDequeue(out var read) ? read() : PlateRead.None(TimeSpan.FromMilliseconds(1)));
}
