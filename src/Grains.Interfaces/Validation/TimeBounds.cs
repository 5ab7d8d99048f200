namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>
/// What "now" is and how far a command's time may stray from it. The server clock decides: a time at most
/// <see cref="ClockSkew"/> ahead is live; one older than the skew but within <see cref="ReplayHorizon"/> is accepted and
/// marked as replayed (an offline gate catching up); anything further off is refused. Reservation windows end within
/// <see cref="ReservationHorizon"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TimeBounds(
    [property: Id(0)] DateTimeOffset Now,
    [property: Id(1)] TimeSpan ClockSkew,
    [property: Id(2)] TimeSpan ReplayHorizon,
    [property: Id(3)] TimeSpan ReservationHorizon)
{
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan DefaultReplayHorizon = TimeSpan.FromDays(7);

    public static readonly TimeSpan DefaultReservationHorizon = TimeSpan.FromDays(365);

    /// <summary>The defaults (2 min, 7 days, 365 days) at <paramref name="now"/>.</summary>
    public static TimeBounds Default(DateTimeOffset now) => new(now, DefaultClockSkew, DefaultReplayHorizon, DefaultReservationHorizon);

    /// <summary>The latest acceptable command time.</summary>
    public DateTimeOffset Latest => Add(Now, ClockSkew);

    /// <summary>The oldest acceptable command time.</summary>
    public DateTimeOffset Earliest => Add(Now, -ReplayHorizon);

    /// <summary>True for an accepted time older than the skew: the command is being replayed.</summary>
    public bool IsReplayed(DateTimeOffset time) => time < Add(Now, -ClockSkew);

    /// <summary>Adds the problem of a command time, if any.</summary>
    public void Check(CommandProblems problems, DateTimeOffset time, string field = "time")
    {
        if (time > Latest)
        {
            problems.Add(field, $"The time is more than {ClockSkew} ahead of the server's clock.");
        }
        else if (time < Earliest)
        {
            problems.Add(field, $"The time is more than {ReplayHorizon} before the server's clock; older events are not accepted.");
        }
    }

    /// <summary>Adds the problems of a reservation window [from, to).</summary>
    public void CheckWindow(CommandProblems problems, DateTimeOffset from, DateTimeOffset to)
    {
        if (from < Add(Now, -ClockSkew))
        {
            problems.Add("from", "A reservation cannot start in the past.");
        }

        if (to <= from)
        {
            problems.Add("to", "A reservation must end after it starts.");
        }
        else if (to > Add(Now, ReservationHorizon))
        {
            problems.Add("to", $"A reservation must end within {ReservationHorizon.TotalDays:0} days from now.");
        }
        else if (to - from > CommandLimits.MaxReservationLength)
        {
            problems.Add("to", $"A reservation lasts at most {CommandLimits.MaxReservationLength.TotalDays:0} days.");
        }
    }

    // Saturates instead of throwing at the ends of DateTimeOffset's range.
    private static DateTimeOffset Add(DateTimeOffset time, TimeSpan span)
    {
        if (span > TimeSpan.Zero && DateTimeOffset.MaxValue - time < span)
        {
            return DateTimeOffset.MaxValue;
        }

        if (span < TimeSpan.Zero && time - DateTimeOffset.MinValue < -span)
        {
            return DateTimeOffset.MinValue;
        }

        return time + span;
    }
}
