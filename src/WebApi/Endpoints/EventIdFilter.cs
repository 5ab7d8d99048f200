using ParkingGrains.Grains.Interfaces.Validation;
using System.Collections.Concurrent;
using System.Reflection;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// Every command body carries an <c>eventId</c> (what makes a retry safe). It is checked at the door like an id in
/// the URL — given, at most <see cref="MaxLength"/> characters, none that <see cref="TextRules"/> refuses — so the
/// grains never remember a megabyte of id; a bad one is 400 naming <c>eventId</c>. The grains check it again.
/// </summary>
internal sealed class EventIdFilter : IEndpointFilter
{
    // The longest eventId any command takes; each grain checks its own command's exact bound again.
    public const int MaxLength = CommandLimits.MaxCompositeIdLength;

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> s_property = new();

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is null || EventIdOf(argument.GetType()) is not { } property)
            {
                continue;
            }

            var eventId = property.GetValue(argument) as string;
            var problem = string.IsNullOrWhiteSpace(eventId) ? "Every command needs an eventId: it is what makes retries safe."
                : eventId.Length > MaxLength ? $"At most {MaxLength} characters."
                : TextRules.HasUnsafe(eventId) ? TextRules.Rule
                : null;
            if (problem is not null)
            {
                return ValueTask.FromResult<object?>(Results.ValidationProblem(new Dictionary<string, string[]> { ["eventId"] = [problem] }));
            }
        }

        return next(context);
    }

    // Only our own request records: a string property named EventId is the command's id.
    private static PropertyInfo? EventIdOf(Type type) =>
        s_property.GetOrAdd(type, t => t.Namespace == typeof(EventIdFilter).Namespace || t.Namespace?.StartsWith("ParkingGrains.Grains.Interfaces", StringComparison.Ordinal) == true
            ? t.GetProperty("EventId", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var p } property && p == typeof(string) ? property : null
            : null);
}
