using Orleans;
using Orleans.Concurrency;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>
/// The gate agent's end of the operator-command channel (a client object reference handed over with every heartbeat).
/// One-way: a gate grain never waits on a lane; a lost push is delivered again in the next heartbeat's reply.
/// </summary>
public interface IGateAgentObserver : IGrainObserver
{
    [OneWay]
    Task OnBarrierCommand(PendingGateCommand command);
}
