using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.Grains.Accounts;

public sealed class UserState
{
    public UserAccount? Account { get; set; }

    /// <summary>Signed-in sessions, oldest first; cleared whenever the security stamp changes.</summary>
    public List<UserSession> Sessions { get; set; } = [];
}
