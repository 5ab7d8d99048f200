using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.GateAgent.Lane;

/// <summary>
/// What the lane did for one vehicle: open or not, why, what to show, and whether the cluster decided it or the lane
/// did on its own (<see cref="Offline"/>; then it waits in the outbox). <see cref="AmountDue"/> above zero at an exit is
/// what the driver pays before the barrier opens.
/// </summary>
public sealed record LaneDecision(
    string EventId,
    LaneEventKind Kind,
    bool Open,
    bool Offline,
    DenialReason? Reason,
    string Message,
    string? Plate,
    string? SessionId,
    string? Ticket,
    string? SlotText,
    Money? AmountDue,
    FeeQuote? Fee,
    DateTimeOffset At,
    double Milliseconds);
