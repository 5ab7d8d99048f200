using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.Grains.Accounts;

public sealed class UserState
{
    public UserAccount? Account { get; set; }
}
