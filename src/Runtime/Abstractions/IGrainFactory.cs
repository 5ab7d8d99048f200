namespace ParkingGrains.Runtime;

public interface IGrainFactory
{
    /// <summary>A reference to the grain; nothing is activated until the first call.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>Wraps a local object so grains can call it; keep the returned reference to keep it reachable.</summary>
    TObserver CreateObjectReference<TObserver>(IGrainObserver observer)
        where TObserver : IGrainObserver;

    void DeleteObjectReference<TObserver>(IGrainObserver observer)
        where TObserver : IGrainObserver;
}
