namespace ParkingGrains.Grains.Accounts;

public sealed class UserDirectoryState
{
    /// <summary>Usernames in ordinal order.</summary>
    public List<string> Usernames { get; set; } = [];
}
