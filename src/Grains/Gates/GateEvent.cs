using System.Text.Json.Serialization;

namespace ParkingGrains.Grains.Gates;

/// <summary>What a gate records in its event log (history): its assignment (and unassignment), every barrier command and its acknowledgement by the agent.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(GateAssigned), "gateAssigned")]
[JsonDerivedType(typeof(BarrierCommanded), "barrierCommanded")]
[JsonDerivedType(typeof(GateUnassigned), "gateUnassigned")]
[JsonDerivedType(typeof(BarrierAcknowledged), "barrierAcknowledged")]
public abstract record GateEvent(DateTimeOffset OccurredAt) : IOccurredAt;
