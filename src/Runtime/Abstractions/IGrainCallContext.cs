using System.Reflection;

namespace ParkingGrains.Runtime;

/// <summary>A grain call passing through a filter.</summary>
public interface IGrainCallContext
{
    GrainId TargetId { get; }

    /// <summary>The interface method being called.</summary>
    MethodInfo InterfaceMethod { get; }

    object?[] Arguments { get; }

    /// <summary>The method's result once <see cref="Invoke"/> completed (null for Task-returning methods).</summary>
    object? Result { get; set; }

    /// <summary>Calls the next filter, or the grain (incoming) / the transport (outgoing).</summary>
    Task Invoke();
}
