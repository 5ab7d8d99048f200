using ParkingGrains.Grains.Interfaces.Validation;

namespace ParkingGrains.Grains.Lots;

/// <summary>Lot behaviour that is operational policy rather than layout (configure with services.Configure).</summary>
public sealed class LotOptions
{
    /// <summary>After paying in full a vehicle may leave free within this window.</summary>
    public TimeSpan PaidExitGrace { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often reservation holds and expiries are checked by the lot's durable reminder.</summary>
    public TimeSpan ReservationCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A reservation may be claimed this long before its window starts.</summary>
    public TimeSpan EarlyArrival { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a barrier stays open for an allowed vehicle or an Open command without a duration.</summary>
    public TimeSpan BarrierOpenTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A gate whose agent has not sent a heartbeat for this long is offline: shown so, and refusing barrier commands.</summary>
    public TimeSpan GateOfflineAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A command's time may be this far ahead of the server's clock (and this far behind and still be live).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeBounds.DefaultClockSkew;

    /// <summary>Commands dated further back than the skew but within this are accepted and marked as replayed; older ones are refused.</summary>
    public TimeSpan ReplayHorizon { get; set; } = TimeBounds.DefaultReplayHorizon;

    /// <summary>A reservation must end within this from now.</summary>
    public TimeSpan ReservationHorizon { get; set; } = TimeBounds.DefaultReservationHorizon;

    /// <summary>The time bounds of commands decided at <paramref name="now"/>.</summary>
    public TimeBounds Bounds(DateTimeOffset now) => new(now, ClockSkew, ReplayHorizon, ReservationHorizon);
}
