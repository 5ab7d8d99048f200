using Orleans;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>An accepted operator command the gate's agent has not acknowledged yet, with the barrier state it asks for.</summary>
[GenerateSerializer]
[Immutable]
public sealed record PendingGateCommand(
    [property: Id(0)] GateCommand Command,
    [property: Id(1)] GateCommandResult Result);
