using System.Text.RegularExpressions;
using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// How rejected layouts are answered: 422 validation problem details with every problem, grouped by location
/// ("code: message"), plus the same problems as a list with their stable codes under "problems". When the only
/// problems are slots that hold a vehicle, the request was fine but the lot's state is not: 409.
/// </summary>
internal static partial class LayoutProblemResults
{
    public const string SlotInUse = "SlotInUse";

    /// <param name="proposed">
    /// The layout that was refused. Given for edits of one floor, gate or slot, where "$.slots[17]" (an index in
    /// a layout the client never sent) is rewritten to "$.slots[c17]" by id.
    /// </param>
    public static IResult Rejected(IReadOnlyList<LayoutProblem> problems, LotLayout? proposed = null)
    {
        var shown = proposed is null ? problems : problems.Select(p => p with { Location = ById(p.Location, proposed) }).ToList();
        var inUse = shown.Count > 0 && shown.All(p => p.Code == SlotInUse);
        return Results.ValidationProblem(
            shown.GroupBy(p => p.Location).ToDictionary(g => g.Key, g => g.Select(p => $"{p.Code}: {p.Message}").ToArray()),
            title: inUse ? "A slot that holds a vehicle cannot be removed; nothing was applied" : "The layout was rejected; nothing was applied",
            statusCode: inUse ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["problems"] = shown });
    }

    private static string ById(string location, LotLayout layout) =>
        Indexed().Replace(location, match =>
        {
            var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var id = match.Groups["list"].Value switch
            {
                "slots" => layout.Slots?.ElementAtOrDefault(index)?.SlotId,
                "floors" => layout.Floors?.ElementAtOrDefault(index)?.FloorId,
                "gates" => layout.Gates?.ElementAtOrDefault(index)?.GateId,
                _ => null,
            };
            return string.IsNullOrWhiteSpace(id) ? match.Value : $"$.{match.Groups["list"].Value}[{id}]";
        });

    [GeneratedRegex(@"^\$\.(?<list>slots|floors|gates)\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Indexed();
}
