namespace ParkingGrains.Runtime.Membership;

public enum SiloStatus
{
    None = 0,
    Joining = 1,
    Active = 3,
    ShuttingDown = 4,
    Stopping = 5,
    Dead = 6,
}
