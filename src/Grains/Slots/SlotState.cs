using ParkingGrains.Grains.Interfaces.Slots;
using ParkingGrains.Grains.Slots.Events;

namespace ParkingGrains.Grains.Slots;

/// <summary>
/// The slot's durable sensor state, rebuilt from its events. Reading fields (sequence, time, battery) are those of
/// the last recorded reading; readings that changed nothing are only held by the activation.
/// </summary>
public sealed class SlotState : IJournaledStateOf<SlotEvent>
{
    public string? SensorId { get; set; }

    public bool? Occupied { get; set; }

    public long LastSequence { get; set; }

    public DateTimeOffset? LastReading { get; set; }

    public double? BatteryVolts { get; set; }

    public bool LowBattery { get; set; }

    public int FlapsSuppressed { get; set; }

    /// <summary>A SensorWentOffline is recorded and no SensorBackOnline yet (one event per outage).</summary>
    public bool OfflineRecorded { get; set; }

    public void Apply(SlotEvent @event)
    {
        switch (@event)
        {
            case SensorAttached attached:
                // A new device: its sequence and battery say nothing about the old one's. Occupancy stays as confirmed.
                SensorId = attached.Reading.SensorId;
                BatteryVolts = null;
                LowBattery = false;
                OfflineRecorded = false;
                Record(attached.Reading);
                break;
            case SensorOccupancyChanged changed:
                Record(changed.Reading);
                Occupied = changed.Reading.Occupied;
                break;
            case SensorFlapSuppressed flap:
                Record(flap.Reading);
                FlapsSuppressed++;
                break;
            case SensorBatteryLow low:
                Record(low.Reading);
                LowBattery = true;
                break;
            case SensorBatteryRecovered recovered:
                Record(recovered.Reading);
                LowBattery = false;
                break;
            case SensorWentOffline:
                OfflineRecorded = true;
                break;
            case SensorBackOnline:
                OfflineRecorded = false;
                break;
        }
    }

    private void Record(SensorReading reading)
    {
        LastSequence = reading.Sequence;
        LastReading = reading.Time;
        BatteryVolts = reading.BatteryVolts ?? BatteryVolts;
    }
}
