namespace ParkingGrains.TestGrains;

public sealed record AmountPosted(string OperationId, long Amount) : LedgerEvent;
