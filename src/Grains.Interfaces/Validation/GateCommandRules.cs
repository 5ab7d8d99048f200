using ParkingGrains.Grains.Interfaces.Gates;

namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>The complete checks of an operator's barrier command.</summary>
public static class GateCommandRules
{
    public static CommandProblems Check(GateCommand command, TimeBounds bounds)
    {
        var problems = new CommandProblems();
        problems.RequiredId("eventId", command.EventId, CommandLimits.MaxCompositeIdLength);
        problems.Defined("kind", command.Kind);
        if (command.Duration is { } duration && (duration <= TimeSpan.Zero || duration > CommandLimits.MaxGateOpenDuration))
        {
            problems.Add("durationSeconds", $"A barrier opens for more than 0 s and at most {CommandLimits.MaxGateOpenDuration.TotalSeconds:0} s.");
        }

        problems.Text("operator", command.Operator, CommandLimits.MaxOperatorLength, required: true);
        problems.Text("reason", command.Reason, CommandLimits.MaxReasonLength, required: true);
        bounds.Check(problems, command.Time);
        return problems;
    }
}
