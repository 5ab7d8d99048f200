namespace ParkingGrains.Runtime;

/// <summary>What a running activation knows about itself.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    SiloAddress Silo { get; }

    IServiceProvider ActivationServices { get; }
}
