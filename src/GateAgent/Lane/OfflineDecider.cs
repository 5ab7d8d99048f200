using ParkingGrains.Domain.Fees;
using ParkingGrains.GateAgent.Journal;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;
using ParkingGrains.Grains.Interfaces.Validation;

namespace ParkingGrains.GateAgent.Lane;

/// <summary>
/// The lane's own decisions while the cluster is unreachable, from its cache and its pending outbox: no I/O, no clock.
/// Careful by design: capacity keeps a margin (other lanes fill places meanwhile), a card must be known, valid and not
/// blocked, and an exit needs a stay the lane knows, charged with the lot's own fee engine.
/// </summary>
public static class OfflineDecider
{
    public static (bool Open, DenialReason? Reason, string Message) DecideEntry(LaneCache? cache, IReadOnlyList<OutboxItem> pending, EntryCommand command, int capacityMargin)
    {
        if (cache is null)
        {
            return (false, DenialReason.LotNotConfigured, "Offline and no cached lot data: call the operator.");
        }

        var plate = PlateNumber.Normalize(command.Plate);
        if (plate is null && string.IsNullOrWhiteSpace(command.CardId))
        {
            return (false, DenialReason.MissingIdentity, "Neither a plate nor a card was read.");
        }

        if (!string.IsNullOrWhiteSpace(command.CardId))
        {
            var card = cache.Cards.FirstOrDefault(c => c.CardId == command.CardId);
            if (card is null)
            {
                return (false, DenialReason.CardUnknown, "Card not known to this lane while offline.");
            }

            if (card.Blocked)
            {
                return (false, DenialReason.CardBlocked, "Card blocked.");
            }

            if (command.Time < card.ValidFrom || command.Time >= card.ValidTo)
            {
                return (false, DenialReason.CardExpired, "Card not valid now.");
            }
        }

        var offlineEntries = PendingEntries(pending);
        if (plate is not null && cache.PlateAlreadyInside == PlateInsidePolicy.Deny
            && (cache.Stays.Any(s => PlateNumber.Normalize(s.Plate) == plate) || offlineEntries.Any(e => PlateNumber.Normalize(e.Plate) == plate)))
        {
            return (false, DenialReason.PlateAlreadyInside, $"Plate {command.Plate} is already inside.");
        }

        var free = cache.FreeCounts.GetValueOrDefault(command.VehicleClass) - offlineEntries.Count(e => e.VehicleClass == command.VehicleClass);
        if (free <= capacityMargin)
        {
            return (false, DenialReason.ClassFull, $"Full for {command.VehicleClass} (offline).");
        }

        return (true, null, "Welcome (offline): follow the signs.");
    }

    /// <summary>The stay an exit is for (card first, then plate), unless the lane already let it out offline.</summary>
    public static LaneStay? FindStay(LaneCache? cache, IReadOnlyList<OutboxItem> pending, string? plate, string? cardId)
    {
        if (cache is null)
        {
            return null;
        }

        var exited = PendingExits(pending);
        var normalized = PlateNumber.Normalize(plate);
        var candidates = cache.Stays.Where(s => !exited.Contains(s.SessionId));
        return (cardId is { Length: > 0 } ? candidates.Where(s => s.CardId == cardId).OrderBy(s => s.EntryTime).FirstOrDefault() : null)
            ?? (normalized is null ? null : candidates.FirstOrDefault(s => PlateNumber.Normalize(s.Plate) == normalized));
    }

    /// <summary>The fee for a cached stay at <paramref name="at"/>, and what is still due (nothing while a paid stay's free exit lasts).</summary>
    public static (FeeQuote Fee, Money Due) Charge(LaneCache cache, LaneStay stay, DateTimeOffset at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(cache.TimeZoneId);
        var entry = stay.EntryTime > at ? at : stay.EntryTime;
        var fee = FeeCalculator.Calculate(cache.Tariff, stay.VehicleClass, entry, at, zone, new FeeOptions(false, stay.Subscriber));
        var due = stay.FreeExitUntil is { } until && at <= until ? 0m : Math.Max(0m, fee.Total.Amount - stay.AmountPaid);
        return (fee, new Money(due, cache.Tariff.Currency));
    }

    private static List<EntryCommand> PendingEntries(IReadOnlyList<OutboxItem> pending) =>
        [.. pending.Where(p => p.Kind == OutboxKind.Entry).Select(p => OutboxCommands.Read<EntryCommand>(p.Payload))];

    private static HashSet<string> PendingExits(IReadOnlyList<OutboxItem> pending) =>
        [.. pending.Where(p => p.Kind == OutboxKind.Exit).Select(p => OutboxCommands.Read<OfflineExit>(p.Payload).SessionId)];
}
