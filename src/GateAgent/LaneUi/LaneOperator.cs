using Microsoft.Extensions.Logging;
using ParkingGrains.GateAgent.Cluster;
using ParkingGrains.GateAgent.Devices;
using ParkingGrains.GateAgent.Journal;
using ParkingGrains.GateAgent.Lane;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Validation;

namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>
/// What an operator does at the lane UI. Input is checked first (<see cref="InvalidCommandException"/>, each field named),
/// before anything is decided or moved. A confirmed or corrected read and a card tap are decided as if the camera or the
/// reader had read them. A barrier command (open, hold, release) is audited three ways: logged, written to the journal's
/// completed list before the barrier moves, and, while the cluster answers, sent as a gate command by
/// <c>lane:&lt;name&gt;</c> through the gate grain (its event log and the dashboard's gate panel show it). The barrier
/// moves at once either way: the lane does not wait for the cluster to let a car out.
/// </summary>
public sealed class LaneOperator(LaneOptions options, LaneRunner runner, LaneUiState state, ClusterLink link, LaneJournal journal, IBarrier barrier,
    TimeProvider time, ILogger<LaneOperator> logger)
{
    /// <summary>Decides a pending read with the plate the operator confirmed or typed; null when the read is no longer pending.</summary>
    public async Task<LaneDecision?> ConfirmAsync(long id, string? plate, string user, CancellationToken cancellation)
    {
        var problems = new CommandProblems();
        if (string.IsNullOrWhiteSpace(plate))
        {
            problems.Add("plate", "Required: the plate as printed, or reject the read.");
        }

        problems.Plate("plate", plate);
        problems.ThrowIfAny();
        if (state.TakePending(id) is not { } pending)
        {
            return null;
        }

        var corrected = PlateNumber.Normalize(plate) != pending.Read.Text;
        logger.LogInformation("Operator lane:{User} {Action} pending plate read {Id} ('{Read}' at {Confidence:0.00}) as {Plate}",
            user, corrected ? "corrected" : "confirmed", id, pending.Read.Display, pending.Read.Confidence, plate);
        return await runner.HandleAsync(plate!.Trim(), null, pending.Read, cancellation);
    }

    /// <summary>Drops a pending read (no car, or the driver uses a card); false when it is no longer pending.</summary>
    public bool Reject(long id, string user)
    {
        if (state.TakePending(id) is not { } pending)
        {
            return false;
        }

        logger.LogInformation("Operator lane:{User} rejected pending plate read {Id} ('{Read}' at {Confidence:0.00}): dropped", user, id, pending.Read.Display, pending.Read.Confidence);
        return true;
    }

    /// <summary>A card held to the reader, from the UI (a driver without a working card, a test of the lane).</summary>
    public Task<LaneDecision> TapCardAsync(string? cardId, CancellationToken cancellation)
    {
        var trimmed = cardId?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !CardRead.IsValidId(trimmed))
        {
            throw new InvalidCommandException("cardId", $"Required: 1–{CardRead.MaxLength} letters, digits, '.', '_', ':' or '-'.");
        }

        logger.LogInformation("Card tap from the lane UI");
        return runner.HandleAsync(null, trimmed, null, cancellation);
    }

    public async Task<ManualCommandResult> OpenAsync(string user, string? reason, int? durationSeconds, CancellationToken cancellation)
    {
        var problems = new CommandProblems();
        problems.Text("reason", reason, CommandLimits.MaxReasonLength, required: true);
        var duration = durationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.BarrierOpenTime;
        if (duration <= TimeSpan.Zero || duration > CommandLimits.MaxGateOpenDuration)
        {
            problems.Add("durationSeconds", $"A barrier opens for more than 0 s and at most {CommandLimits.MaxGateOpenDuration.TotalSeconds:0} s.");
        }

        problems.ThrowIfAny();
        return await CommandAsync(GateCommandKind.Open, duration, user, reason!.Trim(), () => barrier.OpenAsync(duration, cancellation), cancellation);
    }

    public async Task<ManualCommandResult> HoldAsync(string user, string? reason, CancellationToken cancellation)
    {
        var problems = new CommandProblems();
        problems.Text("reason", reason, CommandLimits.MaxReasonLength, required: true);
        problems.ThrowIfAny();
        return await CommandAsync(GateCommandKind.HoldOpen, null, user, reason!.Trim(), () => barrier.HoldOpenAsync(cancellation), cancellation);
    }

    /// <summary>Ends a hold; the boom comes down once the loop is clear (it never closes on a vehicle).</summary>
    public Task<ManualCommandResult> ReleaseAsync(string user, CancellationToken cancellation) =>
        CommandAsync(GateCommandKind.Close, null, user, "released at the lane", async () =>
        {
            await barrier.ReleaseAsync(cancellation);
            await barrier.CloseAsync(cancellation);
        }, cancellation);

    private async Task<ManualCommandResult> CommandAsync(GateCommandKind kind, TimeSpan? duration, string user, string reason, Func<Task> move, CancellationToken cancellation)
    {
        var command = new GateCommand(Guid.CreateVersion7().ToString("N"), kind, duration, $"lane:{user}", reason, time.GetUtcNow());

        // The record first, like every offline decision: a crash after the boom moved must not lose who moved it and why.
        var record = $"{kind} by {command.Operator}: {reason}";
        journal.Record(command.EventId, OutboxKind.OperatorCommand, record, command.Time);
        logger.LogInformation("Operator command at the lane UI: {Kind} by {Operator} ({Reason}), event {EventId}", kind, command.Operator, reason, command.EventId);
        await move();

        var (sent, answer) = await SendAsync(command, cancellation);
        return new ManualCommandResult(command.EventId, barrier.State.ToString(), sent, answer);
    }

    private async Task<(bool Sent, string Answer)> SendAsync(GateCommand command, CancellationToken cancellation)
    {
        if (!link.Connected)
        {
            return (false, "The cluster is not reachable: recorded at the lane only.");
        }

        try
        {
            var result = await link.CallAsync(g => g.Command(command), options.ClusterTimeout, cancellation);
            return result.Accepted ? (true, "Recorded by the cluster.") : (false, result.ReasonText ?? "Refused by the cluster.");
        }
        catch (ClusterUnavailableException)
        {
            return (false, "The cluster did not answer: recorded at the lane only.");
        }
        catch (InvalidCommandException refused)
        {
            return (false, $"Refused by the cluster: {refused.Message}");
        }
    }
}
