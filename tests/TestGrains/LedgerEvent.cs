using System.Text.Json.Serialization;

namespace ParkingGrains.TestGrains;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(AmountPosted), "posted")]
public abstract record LedgerEvent;
