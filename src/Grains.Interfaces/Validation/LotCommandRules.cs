using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>
/// The complete checks of every lot command, in one place: what a command must be before the lot decides anything.
/// Checks that need the lot's state (is the stay there, is the amount above what is due) stay in the lot.
/// </summary>
public static class LotCommandRules
{
    public static CommandProblems Check(EntryCommand command, TimeBounds bounds)
    {
        var problems = new CommandProblems();
        problems.RequiredId("eventId", command.EventId);
        problems.RequiredId("gateId", command.GateId);
        problems.Plate("plate", command.Plate);
        problems.OptionalId("cardId", command.CardId);
        problems.Defined("vehicleClass", command.VehicleClass);
        bounds.Check(problems, command.Time);
        return problems;
    }

    public static CommandProblems Check(ExitCommand command, TimeBounds bounds)
    {
        var problems = new CommandProblems();
        problems.RequiredId("eventId", command.EventId);
        problems.RequiredId("gateId", command.GateId);
        problems.Plate("plate", command.Plate);
        problems.OptionalId("cardId", command.CardId);
        problems.OptionalId("ticket", command.Ticket, CommandLimits.MaxCompositeIdLength);
        bounds.Check(problems, command.Time);
        return problems;
    }

    public static CommandProblems Check(PaymentCommand command, TimeBounds bounds)
    {
        var problems = new CommandProblems();
        problems.RequiredId("eventId", command.EventId, CommandLimits.MaxCompositeIdLength);
        problems.RequiredId("sessionIdOrTicket", command.SessionIdOrTicket, CommandLimits.MaxCompositeIdLength);
        MoneyRules.Check(problems, command.Amount);
        if (command.Amount.Amount == 0)
        {
            problems.Add("amount", "A payment must be positive.");
        }

        problems.Defined("method", command.Method);
        problems.Text("reference", command.Reference, CommandLimits.MaxReferenceLength, required: false);
        bounds.Check(problems, command.Time);
        return problems;
    }

    public static CommandProblems Check(RefundCommand command, TimeBounds bounds)
    {
        var problems = new CommandProblems();
        problems.RequiredId("eventId", command.EventId, CommandLimits.MaxCompositeIdLength);
        problems.RequiredId("paymentEventId", command.PaymentEventId, CommandLimits.MaxCompositeIdLength);
        problems.RequiredId("sessionId", command.SessionId, CommandLimits.MaxCompositeIdLength);
        MoneyRules.Check(problems, command.Amount);
        if (command.Amount.Amount == 0)
        {
            problems.Add("amount", "A refund must be positive.");
        }

        problems.Defined("method", command.Method);
        if (command.VehicleClass is { } vehicleClass)
        {
            problems.Defined("vehicleClass", vehicleClass);
        }

        problems.Text("reason", command.Reason, CommandLimits.MaxReasonLength, required: true);
        bounds.Check(problems, command.Time);
        return problems;
    }

    public static CommandProblems Check(ReservationCommand command, TimeBounds bounds)
    {
        var problems = new CommandProblems();
        problems.RequiredId("eventId", command.EventId);
        problems.RequiredId("holderId", command.HolderId);
        problems.Plate("plate", command.Plate);
        problems.OptionalId("cardId", command.CardId);
        if (string.IsNullOrWhiteSpace(command.Plate) && string.IsNullOrWhiteSpace(command.CardId))
        {
            problems.Add("plate", "A reservation needs the plate or card that will claim it.");
        }

        problems.Defined("vehicleClass", command.VehicleClass);
        problems.OptionalId("slotId", command.SlotId);
        bounds.Check(problems, command.Time);
        bounds.CheckWindow(problems, command.From, command.To);
        return problems;
    }

    public static CommandProblems Check(CancelReservationCommand command, TimeBounds bounds)
    {
        var problems = new CommandProblems();
        problems.RequiredId("eventId", command.EventId);
        problems.RequiredId("reservationId", command.ReservationId, CommandLimits.MaxCompositeIdLength);
        problems.RequiredId("holderId", command.HolderId);
        bounds.Check(problems, command.Time);
        return problems;
    }

    public static CommandProblems Check(SlotOverrideCommand command, TimeBounds bounds)
    {
        var problems = new CommandProblems();
        problems.RequiredId("eventId", command.EventId);
        problems.RequiredId("slotId", command.SlotId);
        problems.Defined("override", command.Override);
        problems.Text("reason", command.Reason, CommandLimits.MaxReasonLength, required: true);
        problems.Text("operator", command.Operator, CommandLimits.MaxOperatorLength, required: true);
        bounds.Check(problems, command.Time);
        return problems;
    }

    public static CommandProblems Check(ForceExitCommand command, TimeBounds bounds)
    {
        var problems = new CommandProblems();
        problems.RequiredId("eventId", command.EventId);
        problems.RequiredId("sessionId", command.SessionId, CommandLimits.MaxCompositeIdLength);
        problems.Text("operator", command.Operator, CommandLimits.MaxOperatorLength, required: true);
        problems.Text("reason", command.Reason, CommandLimits.MaxReasonLength, required: true);
        bounds.Check(problems, command.Time);
        return problems;
    }

    /// <summary>A plate, ticket or session id to look a stay up by (quotes, searches).</summary>
    public static CommandProblems CheckLookup(string field, string? value)
    {
        var problems = new CommandProblems();
        problems.Text(field, value, CommandLimits.MaxCompositeIdLength, required: false);
        return problems;
    }
}
