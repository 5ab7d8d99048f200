using ParkingGrains.Grains.Interfaces.Gates;

namespace ParkingGrains.Grains.Gates;

public sealed class GateState : IJournaledStateOf<GateEvent>
{
    public GateAssignment? Assignment { get; set; }

    public BarrierState Barrier { get; set; }

    public DateTimeOffset? OpenUntil { get; set; }

    public Dictionary<string, GateCommandResult> CommandResults { get; set; } = [];

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
                break;
        }
    }
}
