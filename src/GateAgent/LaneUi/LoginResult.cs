namespace ParkingGrains.GateAgent.LaneUi;

public enum LoginResult
{
    SignedIn,
    WrongPassword,
    /// <summary>Too many failures from this address (or in all) recently: refused without checking the password.</summary>
    Throttled,
}
