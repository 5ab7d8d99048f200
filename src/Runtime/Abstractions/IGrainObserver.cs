namespace ParkingGrains.Runtime;

/// <summary>
/// A client-side (or host-side) object that grains push to. Methods return <see cref="Task"/> (awaited by the
/// grain) or are <c>void</c>/[OneWay] (fire and forget). Delivery is best effort, as in Orleans.
/// </summary>
public interface IGrainObserver : IAddressable;
