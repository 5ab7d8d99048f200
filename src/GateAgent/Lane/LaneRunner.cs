using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParkingGrains.GateAgent.Devices;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.PlateRecognition;
using DeviceBarrierState = ParkingGrains.GateAgent.Devices.BarrierState;
using GateBarrierState = ParkingGrains.Grains.Interfaces.Gates.BarrierState;

namespace ParkingGrains.GateAgent.Lane;

/// <summary>
/// The lane's devices around its controller: a camera frame is read for a plate, a card read is taken as it is, the
/// controller decides, and the barrier, display and printer act on the decision. Operator commands from the cluster
/// move the barrier and are acknowledged with the state it reached.
/// </summary>
public sealed class LaneRunner(
    LaneOptions options,
    LaneController lane,
    ICamera camera,
    ICardReader cards,
    IBarrier barrier,
    ILaneDisplay display,
    IReceiptPrinter printer,
    IPlateReader plates,
    PlateReaderOptions plateOptions,
    ILogger<LaneRunner> logger) : BackgroundService
{
    private readonly SemaphoreSlim _oneVehicle = new(1, 1);

    /// <summary>The last decision with the plate read that led to it (the lane UI and the simulated traffic look at it).</summary>
    public (LaneDecision Decision, PlateRead? Read)? Last { get; private set; }

    public event Action<LaneDecision>? Decided;

    /// <summary>
    /// Every frame read, before anything is decided. Not confident (below the threshold, no grammar, or no plate found):
    /// the lane does not guess; the lane UI queues the read for an operator to confirm, correct or reject.
    /// </summary>
    public event Action<CameraFrame, PlateRead, bool>? FrameRead;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lane.ApplyCommand = ApplyAsync;
        lane.ReportBarrier = () => ToGate(barrier.State);
        foreach (var device in new ILaneDevice[] { camera, cards, barrier, display, printer })
        {
            await device.StartAsync(stoppingToken);
        }

        await display.ShowAsync("Welcome", "Drive up to the barrier", stoppingToken);
        logger.LogInformation("Lane {GateId} ready: devices started", options.GateId);
        await Task.WhenAll(ReadFramesAsync(stoppingToken), ReadCardsAsync(stoppingToken));
    }

    /// <summary>A vehicle identified by plate (already read) or card: decided, then the devices act.</summary>
    public async Task<LaneDecision> HandleAsync(string? plate, string? cardId, PlateRead? read, CancellationToken cancellation)
    {
        await _oneVehicle.WaitAsync(cancellation);
        try
        {
            var exit = (options.Direction ?? lane.Cache?.Direction) == GateDirection.Out;
            var decision = exit ? await lane.ExitAsync(plate, cardId, null, cancellation) : await lane.EnterAsync(plate, cardId, null, cancellation);
            await ActAsync(decision, cancellation);
            Last = (decision, read);
            Decided?.Invoke(decision);
            return decision;
        }
        finally
        {
            _oneVehicle.Release();
        }
    }

    /// <summary>The driver paid what an exit said was due; the exit is decided again and the devices act.</summary>
    public async Task<LaneDecision> PayAsync(LaneDecision unpaid, Grains.Interfaces.Lots.PaymentMethod method, CancellationToken cancellation)
    {
        await _oneVehicle.WaitAsync(cancellation);
        try
        {
            var decision = await lane.PayAndExitAsync(unpaid, method, null, cancellation);
            await ActAsync(decision, cancellation);
            Last = (decision, Last?.Read);
            Decided?.Invoke(decision);
            return decision;
        }
        finally
        {
            _oneVehicle.Release();
        }
    }

    private async Task ReadFramesAsync(CancellationToken cancellation)
    {
        await foreach (var frame in camera.Frames.ReadAllAsync(cancellation))
        {
            PlateRead read;
            try
            {
                read = await plates.ReadAsync(frame.Image, cancellation);
            }
            catch (PlateImageException unusable)
            {
                logger.LogWarning("Frame from {Source} skipped: {Problem}", frame.Source, unusable.Message);
                continue;
            }

            var confident = read.IsConfident(plateOptions.ConfirmThreshold);
            FrameRead?.Invoke(frame, read, confident);
            if (!confident)
            {
                // Not a guess: the operator confirms or types the plate (lane UI, pending reads), or the driver uses a card.
                logger.LogInformation("Plate read '{Plate}' at {Confidence:0.00} is below {Threshold:0.00}: waiting for the operator or a card", read.Display, read.Confidence, plateOptions.ConfirmThreshold);
                await display.ShowAsync("Plate not recognised", "Use your card or wait", cancellation);
                continue;
            }

            // The formatted plate ("51F-123.45") is what operators read on the dashboard; the lot compares plates normalised.
            await HandleAsync(read.Display.Length > 0 ? read.Display : read.Text, null, read, cancellation);
        }
    }

    private async Task ReadCardsAsync(CancellationToken cancellation)
    {
        await foreach (var card in cards.Reads.ReadAllAsync(cancellation))
        {
            await HandleAsync(null, card.CardId, null, cancellation);
        }
    }

    private async Task ActAsync(LaneDecision decision, CancellationToken cancellation)
    {
        if (decision.Open)
        {
            await display.ShowAsync(decision.Kind == LaneEventKind.Entry ? $"Welcome {decision.Plate}" : $"Goodbye {decision.Plate}", decision.SlotText ?? decision.Message, cancellation);
            await barrier.OpenAsync(options.BarrierOpenTime, cancellation);
            return;
        }

        await display.ShowAsync(decision.AmountDue is { Amount: > 0 } due ? $"To pay: {due}" : "Please wait", decision.Message, cancellation);
        if (decision is { Kind: LaneEventKind.Exit, AmountDue.Amount: > 0, Fee: { } fee } && lane.Cache is { } cache)
        {
            var receipt = new Receipt(cache.LotName, decision.Plate ?? "", fee.Entry, fee.Exit, cache.TimeZoneId, fee.Total.Currency,
                [new ReceiptLine("Parking", fee.TimeFee.Amount), .. fee.LostTicketFee.Amount > 0 ? [new ReceiptLine("Lost ticket", fee.LostTicketFee.Amount)] : Array.Empty<ReceiptLine>()],
                fee.Total.Amount - decision.AmountDue.Value.Amount, decision.AmountDue.Value.Amount)
            {
                Ticket = decision.Ticket ?? decision.SessionId,
            };
            await printer.PrintAsync(receipt, cancellation);
        }
    }

    private async Task<GateBarrierState> ApplyAsync(PendingGateCommand pending)
    {
        switch (pending.Command.Kind)
        {
            case GateCommandKind.Open:
                var remaining = (pending.Result.OpenUntil ?? DateTimeOffset.UtcNow) - DateTimeOffset.UtcNow;
                if (remaining > TimeSpan.Zero)
                {
                    await barrier.OpenAsync(remaining);
                }

                break;
            case GateCommandKind.HoldOpen:
                await barrier.HoldOpenAsync();
                break;
            default:
                // Release ends a hold; Close then brings the boom down once the loop is clear.
                await barrier.ReleaseAsync();
                await barrier.CloseAsync();
                break;
        }

        logger.LogInformation("Operator command {EventId} ({Kind}) by {Operator}: barrier {State}", pending.Command.EventId, pending.Command.Kind, pending.Command.Operator, barrier.State);

        // The barrier has taken the command: a hold is a hold even while the boom is still rising.
        return pending.Command.Kind == GateCommandKind.HoldOpen ? GateBarrierState.HeldOpen : ToGate(barrier.State);
    }

    // Moving counts as where it is going: opening is open, closing is closed.
    private static GateBarrierState ToGate(DeviceBarrierState state) => state switch
    {
        DeviceBarrierState.Closed or DeviceBarrierState.Closing => GateBarrierState.Closed,
        DeviceBarrierState.HeldOpen => GateBarrierState.HeldOpen,
        _ => GateBarrierState.Open,
    };
}
