using System.Reflection;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.WebApi.Tests.Errors;

/// <summary>A lot directory whose every call fails with one exception, as a grain call that threw would.</summary>
public class FailingGrain : DispatchProxy
{
    private static readonly MethodInfo s_fromException = typeof(Task).GetMethods()
        .Single(m => m is { Name: nameof(Task.FromException), IsGenericMethod: true });

    private Exception _exception = null!;

    public static ILotDirectoryGrain Create(Exception exception)
    {
        var proxy = DispatchProxy.Create<ILotDirectoryGrain, FailingGrain>();
        ((FailingGrain)(object)proxy)._exception = exception;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var returns = targetMethod.ReturnType;
        return returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>)
            ? s_fromException.MakeGenericMethod(returns.GetGenericArguments()[0]).Invoke(null, [_exception])
            : returns == typeof(Task) ? Task.FromException(_exception) : throw _exception;
    }
}
