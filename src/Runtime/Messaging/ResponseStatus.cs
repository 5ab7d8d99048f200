namespace ParkingGrains.Runtime.Messaging;

internal enum ResponseStatus : byte
{
    Ok = 0,
    Error = 1,

    /// <summary>Not processed (e.g. forwarded too often, silo stopping): the caller may resend safely.</summary>
    NotProcessed = 2,
}
