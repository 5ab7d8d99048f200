using System.Reflection;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.WebApi.Tests.Errors;

/// <summary>
/// The cluster's grain factory, except that the lot directory (what <c>GET /api/lots</c> asks) throws the given
/// exception from every call: a way to make the real API meet a fault without a back door in the product.
/// DispatchProxy needs a public, unsealed type with a parameterless constructor.
/// </summary>
public class FailingGrainFactory : DispatchProxy
{
    private IGrainFactory _real = null!;
    private Exception _exception = null!;

    public static IGrainFactory Create(IGrainFactory real, Exception exception)
    {
        var proxy = DispatchProxy.Create<IGrainFactory, FailingGrainFactory>();
        var self = (FailingGrainFactory)(object)proxy;
        self._real = real;
        self._exception = exception;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && targetMethod.GetGenericArguments()[0] == typeof(ILotDirectoryGrain))
        {
            return FailingGrain.Create(_exception);
        }

        try
        {
            return targetMethod.Invoke(_real, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
