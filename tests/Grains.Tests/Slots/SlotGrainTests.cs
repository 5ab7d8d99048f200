using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Grains.Interfaces.Slots;
using ParkingGrains.Grains.Tests.Infrastructure;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Slots;

public sealed class SlotGrainTests : IClassFixture<SlotClusterFixture>
{
    private const string Sensor = "sensor-1";
    private readonly SlotClusterFixture _fixture;

    public SlotGrainTests(SlotClusterFixture fixture)
    {
        _fixture = fixture;
        _fixture.ResetClock();
    }

    [Fact]
    public async Task DuplicatesAndLateReadings_AreIgnored_AndDoNotCountTowardsConfirmation()
    {
        var slot = Slot("L1/s1");
        await slot.ReportSensor(Reading(1, occupied: false));
        var confirmed = await slot.ReportSensor(Reading(2, occupied: false));
        Assert.False(confirmed.Occupied);

        Assert.Equal(confirmed, await slot.ReportSensor(Reading(2, occupied: true)));
        Assert.Equal(confirmed, await slot.ReportSensor(Reading(1, occupied: true)));

        // The first "occupied" reading delivered twice is still one reading: not yet confirmed.
        var once = await slot.ReportSensor(Reading(3, occupied: true));
        var again = await slot.ReportSensor(Reading(3, occupied: true));
        Assert.Equal(once, again);
        Assert.False(again.Occupied);
        Assert.Equal(3, again.LastSequence);

        var changed = await slot.ReportSensor(Reading(4, occupied: true));
        Assert.True(changed.Occupied);
        Assert.Equal(0, changed.FlapsSuppressed);
        Assert.Equal(["SensorAttached", "SensorOccupancyChanged", "SensorOccupancyChanged"], await KindsAsync("L1/s1"));
    }

    [Fact]
    public async Task ASingleReadingFlap_IsSuppressedAndCounted()
    {
        var slot = Slot("L1/s2");
        await slot.ReportSensor(Reading(1, occupied: true));
        await slot.ReportSensor(Reading(2, occupied: true));

        var blip = await slot.ReportSensor(Reading(3, occupied: false));
        Assert.True(blip.Occupied);
        Assert.Equal(0, blip.FlapsSuppressed);

        var after = await slot.ReportSensor(Reading(4, occupied: true));
        Assert.True(after.Occupied);
        Assert.Equal(1, after.FlapsSuppressed);
        Assert.Equal(4, after.LastSequence);
        Assert.Equal(["SensorAttached", "SensorOccupancyChanged", "SensorFlapSuppressed"], await KindsAsync("L1/s2"));
    }

    [Fact]
    public async Task AConfirmedChange_IsRecordedOnce_AndAReplayGivesTheSameState()
    {
        var slot = Slot("L1/s3");
        await slot.ReportSensor(Reading(1, occupied: false, battery: 3.6));
        await slot.ReportSensor(Reading(2, occupied: false));
        await slot.ReportSensor(Reading(3, occupied: true));
        await slot.ReportSensor(Reading(4, occupied: false));
        await slot.ReportSensor(Reading(5, occupied: true, battery: 3.2));
        var before = await slot.ReportSensor(Reading(6, occupied: true));

        Assert.Equal(new SensorState("s3", Sensor, true, T0.AddSeconds(6), null, true, 3.2, true, 6, 1), before);
        string[] recorded = ["SensorAttached", "SensorOccupancyChanged", "SensorFlapSuppressed", "SensorBatteryLow", "SensorOccupancyChanged"];
        Assert.Equal(recorded, await KindsAsync("L1/s3"));

        await _fixture.Cluster.RestartAllSilosAsync();

        var replayed = Slot("L1/s3");
        Assert.Equal(before, await replayed.GetSensor());

        // Dedup survives the replay: a resend of the confirming reading adds nothing.
        Assert.Equal(before, await replayed.ReportSensor(Reading(6, occupied: true)));
        Assert.Equal(recorded, await KindsAsync("L1/s3"));
    }

    [Fact]
    public async Task ReadingsThatChangeNothing_AreNotRecorded_AndResendingThemAfterARestartIsHarmless()
    {
        var slot = Slot("L1/s4");
        await slot.ReportSensor(Reading(1, occupied: true));
        await slot.ReportSensor(Reading(2, occupied: true));
        var live = await slot.ReportSensor(Reading(3, occupied: true));
        Assert.Equal(3, live.LastSequence);
        Assert.Equal(2, (await KindsAsync("L1/s4")).Count);

        await _fixture.Cluster.RestartAllSilosAsync();

        // Only the last recorded reading survives; the unrecorded one is accepted again and changes nothing.
        var replayed = Slot("L1/s4");
        Assert.Equal(2, (await replayed.GetSensor()).LastSequence);
        var resent = await replayed.ReportSensor(Reading(3, occupied: true));
        Assert.Equal(live, resent);
        Assert.Equal(2, (await KindsAsync("L1/s4")).Count);
    }

    [Fact]
    public async Task LowBattery_IsRaisedOnceUntilItRecovers()
    {
        var slot = Slot("L1/s5");
        Assert.False((await slot.ReportSensor(Reading(1, occupied: false, battery: 3.6))).LowBattery);
        Assert.True((await slot.ReportSensor(Reading(2, occupied: false, battery: 3.25))).LowBattery);
        Assert.True((await slot.ReportSensor(Reading(3, occupied: false, battery: 3.1))).LowBattery);
        Assert.True((await slot.ReportSensor(Reading(4, occupied: false))).LowBattery);

        // 3.35 V is above the threshold but within the recovery margin (0.1 V): still low, no new events.
        var hovering = await slot.ReportSensor(Reading(5, occupied: false, battery: 3.35));
        Assert.True(hovering.LowBattery);
        Assert.Equal(3.35, hovering.BatteryVolts);

        Assert.False((await slot.ReportSensor(Reading(6, occupied: false, battery: 3.5))).LowBattery);
        Assert.True((await slot.ReportSensor(Reading(7, occupied: false, battery: 3.0))).LowBattery);

        var kinds = await KindsAsync("L1/s5");
        Assert.Equal(2, kinds.Count(k => k == "SensorBatteryLow"));
        Assert.Equal(1, kinds.Count(k => k == "SensorBatteryRecovered"));
    }

    [Fact]
    public async Task WithoutHeartbeatOrReading_TheSensorIsOfflineAfterTheWindow_AndTheLapseIsRecordedOnce()
    {
        var slot = Slot("L1/s6");
        await slot.ReportSensor(Reading(1, occupied: false) with { Time = T0 });
        await slot.ReportSensor(Reading(2, occupied: false) with { Time = T0 });
        Assert.True((await slot.GetSensor()).Online);

        _fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await slot.GetSensor()).Online);

        _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var offline = await slot.GetSensor();
        Assert.False(offline.Online);
        Assert.Equal(T0, offline.LastReading);

        // The grain's timer notices the lapse; give it a few more ticks to show it records the outage only once.
        await Eventually.TrueAsync(async () => (await KindsAsync("L1/s6")).Contains("SensorWentOffline"), TimeSpan.FromSeconds(10), "the offline check");
        await Task.Delay(300);

        var heartbeat = T0.AddMinutes(2).AddSeconds(1);
        await slot.Heartbeat(Sensor, heartbeat);
        var back = await slot.GetSensor();
        Assert.True(back.Online);
        Assert.Equal(heartbeat, back.LastHeartbeat);
        Assert.Equal(["SensorAttached", "SensorOccupancyChanged", "SensorWentOffline", "SensorBackOnline"], await KindsAsync("L1/s6"));
    }

    [Fact]
    public async Task BadInput_IsRejectedWithAClearMessage()
    {
        var slot = Slot("L1/s7");
        var good = Reading(1, occupied: true);

        Assert.Equal("sensorId", await Rejected(slot.ReportSensor(good with { SensorId = "" })));
        Assert.Equal("sensorId", await Rejected(slot.ReportSensor(good with { SensorId = "  " })));
        Assert.Equal("sensorId", await Rejected(slot.ReportSensor(good with { SensorId = "s\u202E1" })));
        Assert.Equal("distanceCm", await Rejected(slot.ReportSensor(good with { DistanceCm = -5 })));

        // NaN and infinities: Orleans carries them to the grain, which refuses them.
        Assert.Equal("distanceCm", await Rejected(slot.ReportSensor(good with { DistanceCm = double.NaN })));
        Assert.Equal("distanceCm", await Rejected(slot.ReportSensor(good with { DistanceCm = double.PositiveInfinity })));
        Assert.Equal("batteryVolts", await Rejected(slot.ReportSensor(good with { BatteryVolts = double.NaN })));
        Assert.Equal("batteryVolts", await Rejected(slot.ReportSensor(good with { BatteryVolts = -1 })));
        Assert.Equal("sequence", await Rejected(slot.ReportSensor(good with { Sequence = -1 })));
        Assert.Equal("time", await Rejected(slot.ReportSensor(good with { Time = T0.AddMinutes(6) })));
        Assert.Equal("time", await Rejected(slot.ReportSensor(good with { Time = default })));
        Assert.Equal("sensorId", await Rejected(slot.Heartbeat("", T0)));
        Assert.Equal("time", await Rejected(slot.Heartbeat(Sensor, T0.AddHours(1))));
        Assert.Equal("slotId", await Rejected(Slot("no-slash").ReportSensor(good)));

        // Nothing was recorded; a reading within the allowed clock skew is fine; then a heartbeat from another device is refused.
        Assert.Empty(await KindsAsync("L1/s7"));
        await slot.ReportSensor(good with { Time = T0.AddMinutes(4) });
        Assert.Equal("sensorId", await Rejected(slot.Heartbeat("sensor-2", T0)));
    }

    [Fact]
    public async Task AReplacementSensor_IsAttached_AndItsSequenceStartsAfresh()
    {
        var slot = Slot("L1/s8");
        await slot.ReportSensor(Reading(100, occupied: true, battery: 3.0));
        await slot.ReportSensor(Reading(101, occupied: true));

        var replaced = await slot.ReportSensor(new SensorReading("sensor-2", 1, true, 40, 3.7, T0.AddSeconds(200)));
        Assert.Equal(new SensorState("s8", "sensor-2", true, T0.AddSeconds(200), null, true, 3.7, false, 1, 0), replaced);
        Assert.Equal(["SensorAttached", "SensorBatteryLow", "SensorOccupancyChanged", "SensorAttached"], await KindsAsync("L1/s8"));
    }

    private ISlotGrain Slot(string key) => _fixture.Cluster.Client.GetGrain<ISlotGrain>(key);

    private static SensorReading Reading(long sequence, bool occupied, double? battery = null) =>
        new(Sensor, sequence, occupied, occupied ? 42.5 : 180.0, battery, T0.AddSeconds(sequence));

    private async Task<List<string>> KindsAsync(string key) =>
        [.. (await _fixture.Log.ReadAsync(Slot(key).GetGrainId(), "slot", 0)).Select(e => e.Kind)];

    private static async Task<string> Rejected(Task call) => Assert.Single((await Assert.ThrowsAsync<InvalidCommandException>(() => call)).Problems).Field;
}
