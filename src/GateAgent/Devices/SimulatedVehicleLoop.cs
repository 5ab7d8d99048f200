using System.Threading.Channels;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>A loop detector the traffic generator (and tests) drive: <see cref="Arrive"/> and <see cref="Leave"/>.</summary>
public sealed class SimulatedVehicleLoop(TimeProvider time) : IVehicleLoop
{
    private readonly Channel<VehiclePresence> _presence = DeviceChannel.Create<VehiclePresence>(64);
    private readonly Lock _lock = new();
    private bool _present;

    public bool Present => _present;

    public ChannelReader<VehiclePresence> Presence => _presence.Reader;

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>A vehicle drives onto the loop (nothing is reported if one is already there).</summary>
    public void Arrive() => Set(true);

    /// <summary>The vehicle has left the loop.</summary>
    public void Leave() => Set(false);

    public ValueTask DisposeAsync()
    {
        _presence.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private void Set(bool present)
    {
        lock (_lock)
        {
            if (_present == present)
            {
                return;
            }

            _present = present;
            _presence.Writer.TryWrite(new VehiclePresence(present, time.GetUtcNow()));
        }
    }
}
