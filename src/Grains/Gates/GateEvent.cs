using System.Text.Json.Serialization;

namespace ParkingGrains.Grains.Gates;

/// <summary>What a gate records in its event log (history): its assignment (and unassignment) and every barrier command.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(GateAssigned), "gateAssigned")]
[JsonDerivedType(typeof(BarrierCommanded), "barrierCommanded")]
[JsonDerivedType(typeof(GateUnassigned), "gateUnassigned")]
public abstract record GateEvent(DateTimeOffset OccurredAt) : IOccurredAt;
