using System.Text.Json.Serialization;

namespace ParkingGrains.Grains.Slots.Events;

/// <summary>
/// What a slot records in its event log (part of the history): sensor attachment, confirmed occupancy changes,
/// suppressed flaps, battery alarms and liveness changes. Readings that change nothing are not recorded.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(SensorAttached), "sensorAttached")]
[JsonDerivedType(typeof(SensorOccupancyChanged), "sensorOccupancyChanged")]
[JsonDerivedType(typeof(SensorFlapSuppressed), "sensorFlapSuppressed")]
[JsonDerivedType(typeof(SensorBatteryLow), "sensorBatteryLow")]
[JsonDerivedType(typeof(SensorBatteryRecovered), "sensorBatteryRecovered")]
[JsonDerivedType(typeof(SensorWentOffline), "sensorWentOffline")]
[JsonDerivedType(typeof(SensorBackOnline), "sensorBackOnline")]
public abstract record SlotEvent(DateTimeOffset OccurredAt) : IOccurredAt;
