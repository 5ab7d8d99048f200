using System.Threading.Channels;
using ParkingGrains.Grains.Interfaces.Gates;

namespace ParkingGrains.GateAgent.Cluster;

/// <summary>Receives operator commands pushed by the gate grain (and those repeated in heartbeat replies) for the lane to apply in order.</summary>
public sealed class GateCommandInbox : IGateAgentObserver
{
    private readonly Channel<PendingGateCommand> _commands = Channel.CreateUnbounded<PendingGateCommand>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<PendingGateCommand> Commands => _commands.Reader;

    public Task OnBarrierCommand(PendingGateCommand command)
    {
        _commands.Writer.TryWrite(command);
        return Task.CompletedTask;
    }
}
