namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// What every lane device shares: started once, disposed once. Devices report through a <c>ChannelReader</c>
/// property (frames, card reads, barrier transitions, relay motions, loop presence) that buffers from construction,
/// so nothing reported before the consumer starts reading is lost; disposing completes it, ending an
/// <c>await foreach</c> over <c>ReadAllAsync</c>. One consumer per device: the lane controller, which fans out.
/// </summary>
public interface ILaneDevice : IAsyncDisposable
{
    /// <summary>Binds ports, starts watchers and background loops. Idempotent.</summary>
    Task StartAsync(CancellationToken cancellationToken = default);
}
