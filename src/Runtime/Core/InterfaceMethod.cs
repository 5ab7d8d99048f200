using System.Linq.Expressions;
using System.Reflection;

namespace ParkingGrains.Runtime.Core;

/// <summary>Everything the runtime needs to call one grain interface method without reflection on the hot path.</summary>
internal sealed class InterfaceMethod
{
    public InterfaceMethod(GrainInterfaceInfo owner, MethodInfo method)
    {
        Interface = owner;
        Method = method;
        ParameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
        var signature = $"{method.DeclaringType!.FullName}.{method.Name}({string.Join(',', ParameterTypes.Select(t => t.FullName))})";
        MethodId = (int)StableHash.Compute(signature);
        DisplayName = $"{method.DeclaringType.Name}.{method.Name}";

        var returnType = method.ReturnType;
        if (returnType == typeof(void))
        {
            IsOneWay = true;
        }
        else if (returnType == typeof(Task))
        {
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            ResultType = returnType.GetGenericArguments()[0];
        }
        else
        {
            throw new NotSupportedException(
                $"{DisplayName} returns {returnType.Name}; grain interface methods must return Task, Task<T> or void (one-way observers).");
        }

        if (ParameterTypes.Any(t => t.IsByRef))
        {
            throw new NotSupportedException($"{DisplayName} has ref/out parameters, which cannot cross silos.");
        }

        IsOneWay |= method.IsDefined(typeof(OneWayAttribute));
        IsReadOnly = method.IsDefined(typeof(ReadOnlyAttribute));
        IsAlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute));
        IsIdempotent = method.IsDefined(typeof(IdempotentAttribute)) || IsReadOnly;
        Invoker = BuildInvoker(method, ParameterTypes);
        CreateCompletion = BuildCompletionFactory(ResultType);
        GetResult = BuildResultGetter(ResultType);
    }

    public GrainInterfaceInfo Interface { get; }

    public MethodInfo Method { get; }

    public int MethodId { get; }

    public string DisplayName { get; }

    public Type[] ParameterTypes { get; }

    /// <summary>The T of Task&lt;T&gt;; null for Task and void.</summary>
    public Type? ResultType { get; }

    public bool IsOneWay { get; }

    public bool IsReadOnly { get; }

    public bool IsAlwaysInterleave { get; }

    /// <summary>Safe to resend after the target silo died with the call in flight.</summary>
    public bool IsIdempotent { get; }

    /// <summary>Calls the method on a grain or observer instance; always returns a Task (void methods complete at once).</summary>
    public Func<object, object?[], Task> Invoker { get; }

    public Func<ResponseCompletion> CreateCompletion { get; }

    /// <summary>Reads the result of a completed Task&lt;T&gt; as object (null for Task).</summary>
    public Func<Task, object?> GetResult { get; }

    private static Func<object, object?[], Task> BuildInvoker(MethodInfo method, Type[] parameterTypes)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var call = Expression.Call(
            Expression.Convert(target, method.DeclaringType!),
            method,
            parameterTypes.Select((t, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), t)));
        Expression body = method.ReturnType == typeof(void)
            ? Expression.Block(call, Expression.Constant(Task.CompletedTask, typeof(Task)))
            : Expression.Convert(call, typeof(Task));
        return Expression.Lambda<Func<object, object?[], Task>>(body, target, args).Compile();
    }

    private static Func<Task, object?> BuildResultGetter(Type? resultType)
    {
        if (resultType is null)
        {
            return static _ => null;
        }

        var task = Expression.Parameter(typeof(Task), "task");
        var result = Expression.Property(Expression.Convert(task, typeof(Task<>).MakeGenericType(resultType)), "Result");
        return Expression.Lambda<Func<Task, object?>>(Expression.Convert(result, typeof(object)), task).Compile();
    }

    private static Func<ResponseCompletion> BuildCompletionFactory(Type? resultType)
    {
        if (resultType is null)
        {
            return static () => new ResponseCompletion<object?>();
        }

        var type = typeof(ResponseCompletion<>).MakeGenericType(resultType);
        return Expression.Lambda<Func<ResponseCompletion>>(Expression.New(type)).Compile();
    }
}
