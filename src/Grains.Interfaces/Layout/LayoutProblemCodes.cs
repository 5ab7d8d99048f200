namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>The codes a <see cref="LayoutProblem"/> can carry; stable strings so clients can match on them.</summary>
public static class LayoutProblemCodes
{
    public const string EmptyId = "EmptyId";
    public const string InvalidId = "InvalidId";
    public const string EmptyName = "EmptyName";
    public const string EmptySlotNumber = "EmptySlotNumber";
    public const string DuplicateFloorId = "DuplicateFloorId";
    public const string DuplicateGateId = "DuplicateGateId";
    public const string DuplicateSlotId = "DuplicateSlotId";
    public const string DuplicateSlotNumber = "DuplicateSlotNumber";
    public const string UnknownFloor = "UnknownFloor";
    public const string UnknownGate = "UnknownGate";
    public const string NegativeDistance = "NegativeDistance";
    public const string NonFiniteDistance = "NonFiniteDistance";
    public const string MissingGateDistance = "MissingGateDistance";
    public const string MissingSize = "MissingSize";
    public const string UnknownSize = "UnknownSize";
    public const string UnknownValue = "UnknownValue";
    public const string InvalidLane = "InvalidLane";
    public const string UnknownTimeZone = "UnknownTimeZone";
    public const string InvalidCurrency = "InvalidCurrency";
    public const string NoEntryGate = "NoEntryGate";
    public const string NoExitGate = "NoExitGate";
    public const string InvalidOverflowRule = "InvalidOverflowRule";
    public const string DuplicateOverflowRule = "DuplicateOverflowRule";
    public const string InvalidJson = "InvalidJson";
    public const string CsvMissingHeader = "CsvMissingHeader";
    public const string CsvMissingColumn = "CsvMissingColumn";
    public const string CsvUnknownColumn = "CsvUnknownColumn";
    public const string CsvDuplicateColumn = "CsvDuplicateColumn";
    public const string CsvColumnCount = "CsvColumnCount";
    public const string CsvInvalidValue = "CsvInvalidValue";
    public const string CsvMalformedQuote = "CsvMalformedQuote";
}
