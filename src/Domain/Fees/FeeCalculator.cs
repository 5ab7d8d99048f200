using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Domain.Fees;

/// <summary>
/// The pure fee engine: the same tariff, class, times, zone and options always give the same quote.
/// No clock reads, no I/O.
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="number">
/// <item>Subscribers pay nothing.</item>
/// <item>A lost ticket with <see cref="LostTicketMode.Flat"/> pays only the lost-ticket fee.</item>
/// <item>A stay no longer than the grace period has no time fee (grace is not deducted from longer stays).</item>
/// <item>Otherwise periods of elapsed time are laid from the entry: the first period, then later periods up to the
/// exit, the last one rounded per the rate. Each period is charged to the cap day (local calendar day or rolling
/// 24 h) in which it starts.</item>
/// <item>Periods starting inside an overnight window (lot wall clock) are replaced by the window's flat price when
/// the stay covers the whole window, and cost at most that price when it covers part of it; the window is charged
/// to the cap day in which it (or the stay, if later) starts.</item>
/// <item>Each cap day costs at most the daily cap.</item>
/// <item>A lost ticket then adds its fee (<see cref="LostTicketMode.Surcharge"/>) or tops the time fee up to it
/// (<see cref="LostTicketMode.AtLeast"/>).</item>
/// </list>
/// </remarks>
public static class FeeCalculator
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    /// <summary>Computes the fee for one stay.</summary>
    /// <exception cref="ArgumentException">Exit before entry, an invalid tariff, or no rate for the class.</exception>
    public static FeeQuote Calculate(
        Tariff tariff,
        VehicleClass vehicleClass,
        DateTimeOffset entry,
        DateTimeOffset exit,
        TimeZoneInfo lotZone,
        FeeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentNullException.ThrowIfNull(lotZone);
        options ??= FeeOptions.None;

        if (exit < entry)
        {
            throw new ArgumentException($"Exit {exit:O} is before entry {entry:O}; a stay cannot end before it starts.", nameof(exit));
        }

        var problems = tariff.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The tariff is invalid: {string.Join(" ", problems)}", nameof(tariff));
        }

        var rate = tariff.RateFor(vehicleClass)
            ?? throw new ArgumentException($"The tariff has no rate for vehicle class {vehicleClass}.", nameof(vehicleClass));

        var currency = tariff.Currency;
        var duration = exit - entry;
        var zero = Money.Zero(currency);

        if (options.Subscriber)
        {
            return new FeeQuote(vehicleClass, entry, exit, duration, zero, zero, zero, FeeRules.Subscriber, []);
        }

        if (options.LostTicket && rate.LostTicketMode == LostTicketMode.Flat)
        {
            var flat = new Money(rate.LostTicketFee, currency);
            return new FeeQuote(vehicleClass, entry, exit, duration, zero, flat, flat, FeeRules.LostTicket, []);
        }

        IReadOnlyList<FeeDay> days;
        FeeRules rules;
        if (duration == TimeSpan.Zero)
        {
            // Nothing to charge; no rule needed to explain it.
            days = [];
            rules = FeeRules.None;
        }
        else if (duration <= rate.GracePeriod)
        {
            days = [];
            rules = FeeRules.GracePeriod;
        }
        else
        {
            days = new StayPricer(rate, entry, exit, lotZone).Days();
            rules = RulesOf(days);
        }

        var timeFee = days.Sum(d => d.Charged);
        var lostFee = 0m;
        if (options.LostTicket)
        {
            rules |= FeeRules.LostTicket;
            lostFee = rate.LostTicketMode == LostTicketMode.AtLeast
                ? Math.Max(0m, rate.LostTicketFee - timeFee)
                : rate.LostTicketFee;
        }

        return new FeeQuote(
            vehicleClass,
            entry,
            exit,
            duration,
            new Money(timeFee, currency),
            new Money(lostFee, currency),
            new Money(timeFee + lostFee, currency),
            rules,
            days);
    }

    private static FeeRules RulesOf(IReadOnlyList<FeeDay> days)
    {
        var rules = FeeRules.None;
        foreach (var day in days)
        {
            if (day.Capped)
            {
                rules |= FeeRules.DailyCap;
            }

            foreach (var line in day.Lines)
            {
                rules |= line.Kind == FeeLineKind.OvernightFlat ? FeeRules.OvernightFlat : FeeRules.Periods;
            }
        }

        return rules;
    }

    /// <summary>Lays the periods of one chargeable stay over cap days and overnight windows.</summary>
    private sealed class StayPricer
    {
        private readonly VehicleClassRate rate;
        private readonly DateTimeOffset entry;
        private readonly DateTimeOffset exit;
        private readonly TimeZoneInfo zone;
        private readonly DateTimeOffset laterBase;
        private readonly long laterTicks;
        private readonly long laterCount;

        public StayPricer(VehicleClassRate rate, DateTimeOffset entry, DateTimeOffset exit, TimeZoneInfo zone)
        {
            this.rate = rate;
            this.entry = entry;
            this.exit = exit;
            this.zone = zone;
            laterBase = entry + rate.FirstPeriod;
            laterTicks = rate.LaterPeriod.Ticks;
            laterCount = LaterPeriodCount(rate, exit - entry);
        }

        public IReadOnlyList<FeeDay> Days()
        {
            var days = CapDays();
            var lines = days.Select(_ => new List<FeeLine>()).ToArray();
            var windows = Windows();

            foreach (var (start, end) in windows)
            {
                var from = Max(start, entry);
                var to = Min(end, exit);
                var covered = start >= entry && end <= exit;
                var periodLines = PeriodLines(from, to);
                var periodsAmount = periodLines.Sum(l => l.Amount);
                var flat = rate.Overnight!.Price;
                var day = DayIndexOf(days, from);
                if (covered || periodsAmount > flat)
                {
                    lines[day].Add(new FeeLine(FeeLineKind.OvernightFlat, from, to, periodLines.Sum(l => l.Periods), flat));
                }
                else
                {
                    lines[day].AddRange(periodLines);
                }
            }

            for (var i = 0; i < days.Count; i++)
            {
                var cursor = days[i].From;
                foreach (var (start, end) in windows)
                {
                    if (end <= cursor || start >= days[i].To)
                    {
                        continue;
                    }

                    if (start > cursor)
                    {
                        lines[i].AddRange(PeriodLines(cursor, start));
                    }

                    cursor = Max(cursor, end);
                }

                if (cursor < days[i].To)
                {
                    lines[i].AddRange(PeriodLines(cursor, days[i].To));
                }
            }

            var cap = rate.DailyCap;
            var result = new List<FeeDay>(days.Count);
            for (var i = 0; i < days.Count; i++)
            {
                var dayLines = lines[i].OrderBy(l => l.From).ThenBy(l => l.Kind).ToList();
                var subtotal = dayLines.Sum(l => l.Amount);
                var charged = cap is { } c ? Math.Min(subtotal, c) : subtotal;
                result.Add(days[i] with { Lines = dayLines, Subtotal = subtotal, Charged = charged, Capped = charged < subtotal });
            }

            return result;
        }

        /// <summary>Lines for the periods that start in [from, to).</summary>
        private List<FeeLine> PeriodLines(DateTimeOffset from, DateTimeOffset to)
        {
            var result = new List<FeeLine>(2);
            if (from <= entry && entry < to)
            {
                result.Add(new FeeLine(FeeLineKind.FirstPeriod, entry, laterBase, 1, rate.FirstPeriodPrice));
            }

            var first = Math.Max(0L, CeilDiv((from - laterBase).Ticks, laterTicks));
            var end = Math.Min(laterCount, CeilDiv((to - laterBase).Ticks, laterTicks));
            if (end > first)
            {
                var count = checked((int)(end - first));
                result.Add(new FeeLine(
                    FeeLineKind.LaterPeriods,
                    laterBase + TimeSpan.FromTicks(first * laterTicks),
                    laterBase + TimeSpan.FromTicks(end * laterTicks),
                    count,
                    count * rate.LaterPeriodPrice));
            }

            return result;
        }

        /// <summary>The cap days of the stay, clipped to it, without lines yet.</summary>
        private List<FeeDay> CapDays()
        {
            var days = new List<FeeDay>();
            if (rate.CapMode == CapMode.Rolling24Hours)
            {
                for (var start = entry; start < exit; start += Day)
                {
                    days.Add(new FeeDay(start, Min(start + Day, exit), null, [], 0m, 0m, false));
                }

                return days;
            }

            var date = DateOnly.FromDateTime(LotClock.Local(entry, zone));
            while (true)
            {
                var start = LotClock.FirstInstantAt(date.ToDateTime(TimeOnly.MinValue), zone);
                var next = LotClock.FirstInstantAt(date.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
                var from = Max(start, entry);
                var to = Min(next, exit);
                if (from < to)
                {
                    days.Add(new FeeDay(from, to, date, [], 0m, 0m, false));
                }

                if (next >= exit)
                {
                    return days;
                }

                date = date.AddDays(1);
            }
        }

        /// <summary>Overnight windows (unclipped instants) that overlap the stay, in order.</summary>
        private List<(DateTimeOffset Start, DateTimeOffset End)> Windows()
        {
            var windows = new List<(DateTimeOffset, DateTimeOffset)>();
            if (rate.Overnight is not { } night)
            {
                return windows;
            }

            // A window opening the day before the entry can still be open at the entry.
            var last = DateOnly.FromDateTime(LotClock.Local(exit, zone));
            for (var date = DateOnly.FromDateTime(LotClock.Local(entry, zone)).AddDays(-1); date <= last; date = date.AddDays(1))
            {
                var start = LotClock.FirstInstantAt(date.ToDateTime(night.Start), zone);
                var endDate = night.End > night.Start ? date : date.AddDays(1);
                var end = LotClock.FirstInstantAt(endDate.ToDateTime(night.End), zone);

                // A window inside a skipped hour has no length; it never applies.
                if (start < end && start < exit && end > entry)
                {
                    windows.Add((start, end));
                }
            }

            return windows;
        }

        private static int DayIndexOf(List<FeeDay> days, DateTimeOffset instant)
        {
            for (var i = 0; i < days.Count; i++)
            {
                if (days[i].From <= instant && instant < days[i].To)
                {
                    return i;
                }
            }

            throw new InvalidOperationException($"No cap day holds {instant:O}.");
        }

        private static long LaterPeriodCount(VehicleClassRate rate, TimeSpan duration)
        {
            var remaining = (duration - rate.FirstPeriod).Ticks;
            if (remaining <= 0)
            {
                return 0;
            }

            var period = rate.LaterPeriod.Ticks;
            var whole = remaining / period;
            var rest = remaining % period;
            return rate.Rounding switch
            {
                PeriodRounding.Down => whole,
                PeriodRounding.Nearest => whole + (rest >= period - rest ? 1 : 0),
                _ => whole + (rest > (rate.RoundingTolerance ?? TimeSpan.Zero).Ticks ? 1 : 0),
            };
        }

        // Ceiling of a / b for b > 0; integer division truncates toward zero, which is already the ceiling below zero.
        private static long CeilDiv(long a, long b) => (a / b) + (a % b > 0 ? 1 : 0);

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }
}
