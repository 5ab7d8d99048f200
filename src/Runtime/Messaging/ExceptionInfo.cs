using System.Reflection;
using System.Runtime.ExceptionServices;

namespace ParkingGrains.Runtime.Messaging;

/// <summary>An exception as it crosses the wire: its type, message and the remote stack.</summary>
internal sealed record ExceptionInfo(string Type, string? Assembly, string Message, string? StackTrace, IReadOnlyList<string>? Cycle = null)
{
    public static ExceptionInfo From(Exception exception) =>
        new(exception.GetType().FullName!, exception.GetType().Assembly.GetName().Name, exception.Message, exception.StackTrace,
            exception is DeadlockException deadlock ? deadlock.Cycle.Select(g => g.ToString()).ToList() : null);

    /// <summary>Rebuilds an exception of the same type when this process can, else a GrainCallException naming it.</summary>
    public Exception ToException()
    {
        Exception? result = Cycle is not null ? new DeadlockException(Message, Cycle.Select(GrainId.Parse).ToList()) : null;
        var type = System.Type.GetType(Assembly is null ? Type : $"{Type}, {Assembly}", throwOnError: false);
        if (result is null && type is not null && typeof(Exception).IsAssignableFrom(type))
        {
            try
            {
                if (type.GetConstructor([typeof(string)]) is { } withMessage)
                {
                    result = (Exception)withMessage.Invoke([Message]);
                }
                else if (type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner)
                {
                    result = (Exception)withInner.Invoke([Message, null]);
                }
            }
            catch (TargetInvocationException)
            {
                result = null;
            }
        }

        result ??= new GrainCallException(Type, Message);
        return StackTrace is null ? result : ExceptionDispatchInfo.SetRemoteStackTrace(result, StackTrace);
    }
}
