using ParkingGrains.Grains.Interfaces.Gates;

namespace ParkingGrains.Grains.Gates;

public sealed class GateState : IJournaledStateOf<GateEvent>
{
    public GateAssignment? Assignment { get; set; }

    public BarrierState Barrier { get; set; }

    public DateTimeOffset? OpenUntil { get; set; }

    public Dictionary<string, GateCommandResult> CommandResults { get; set; } = [];

    /// <summary>The latest operator command the agent has not acknowledged (a newer command supersedes it).</summary>
    public PendingGateCommand? Pending { get; set; }

    /// <summary>The barrier state the agent reported with its last acknowledgement.</summary>
    public BarrierState? AcknowledgedBarrier { get; set; }

    public void Apply(GateEvent @event)
    {
        switch (@event)
        {
            case GateAssigned assigned:
                Assignment = assigned.Assignment;
                break;
            case GateUnassigned:
                Assignment = null;
                break;
            case BarrierCommanded commanded:
                Barrier = commanded.Result.Barrier;
                OpenUntil = commanded.Result.OpenUntil;
                CommandResults[commanded.Command.EventId] = commanded.Result;
                Pending = new PendingGateCommand(commanded.Command, commanded.Result);
                break;
            case BarrierAcknowledged acknowledged:
                AcknowledgedBarrier = acknowledged.Ack.Barrier;
                if (Pending?.Command.EventId == acknowledged.Ack.EventId)
                {
                    Pending = null;
                }

                break;
        }
    }
}
