namespace ParkingGrains.GateAgent.Journal;

public enum OutboxKind
{
    Entry = 0,
    Exit = 1,
    Payment = 2,

    /// <summary>Never in the outbox: an operator's barrier command at the lane UI, kept in the completed list as its record.</summary>
    OperatorCommand = 3,
}
