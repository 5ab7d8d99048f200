namespace ParkingGrains.Runtime.Core;

/// <summary>What a proxy needs: send one call and get its typed task back.</summary>
internal interface IRuntimeClient
{
    Task Invoke(GrainId target, InterfaceMethod method, object?[] arguments);
}
