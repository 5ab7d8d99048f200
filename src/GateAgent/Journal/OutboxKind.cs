namespace ParkingGrains.GateAgent.Journal;

public enum OutboxKind
{
    Entry = 0,
    Exit = 1,
    Payment = 2,
}
