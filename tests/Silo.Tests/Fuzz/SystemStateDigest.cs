using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ParkingGrains.Silo.Tests.Fuzz;

/// <summary>
/// What an operator sees of the system, read through the API: the lots, each lot's configuration (with its
/// revision), slots and active stays, and the cards. Two equal digests mean no visible change. Reservation holds are
/// left out: the lot's reminder takes and releases them on its own schedule, not because of a request.
/// </summary>
public static class SystemStateDigest
{
    public static async Task<string> ReadAsync(HttpClient http)
    {
        var digest = new StringBuilder();
        var lots = await GetAsync(http, "/api/lots");
        digest.AppendLine(lots.ToJsonString());
        foreach (var lot in lots.AsArray())
        {
            var lotId = Uri.EscapeDataString(lot!["lotId"]!.GetValue<string>());
            digest.AppendLine((await GetAsync(http, $"/api/lots/{lotId}/configuration")).ToJsonString());
            digest.AppendLine(WithoutHolds(await GetAsync(http, $"/api/lots/{lotId}/slots")).ToJsonString());
            digest.AppendLine((await GetAsync(http, $"/api/lots/{lotId}/sessions")).ToJsonString());
        }

        digest.AppendLine((await GetAsync(http, "/api/cards")).ToJsonString());
        return digest.ToString();
    }

    /// <summary>Problems with the stays of every lot: a slot with two stays, a stay without its slot, a slot pointing at no stay.</summary>
    public static async Task<List<string>> StayProblemsAsync(HttpClient http)
    {
        var problems = new List<string>();
        foreach (var lot in (await GetAsync(http, "/api/lots")).AsArray())
        {
            var lotId = lot!["lotId"]!.GetValue<string>();
            var slots = (await GetAsync(http, $"/api/lots/{Uri.EscapeDataString(lotId)}/slots")).AsArray()
                .ToDictionary(s => s!["slotId"]!.GetValue<string>(), s => s!["sessionId"]?.GetValue<string>());
            var sessions = (await GetAsync(http, $"/api/lots/{Uri.EscapeDataString(lotId)}/sessions")).AsArray()
                .Select(s => (Id: s!["sessionId"]!.GetValue<string>(), Slot: s["slotId"]?.GetValue<string>())).ToList();
            foreach (var group in sessions.Where(s => s.Slot is not null).GroupBy(s => s.Slot!).Where(g => g.Count() > 1))
            {
                problems.Add($"{lotId}: slot {group.Key} holds {group.Count()} stays");
            }

            foreach (var (id, slot) in sessions)
            {
                if (slot is null || !slots.TryGetValue(slot, out var holder) || holder != id)
                {
                    problems.Add($"{lotId}: stay {id} is not held by its slot {slot ?? "(none)"}");
                }
            }

            var active = sessions.Select(s => s.Id).ToHashSet();
            foreach (var (slot, holder) in slots.Where(s => s.Value is not null && !active.Contains(s.Value)))
            {
                problems.Add($"{lotId}: slot {slot} points at stay {holder}, which is not active");
            }
        }

        return problems;
    }

    private static JsonNode WithoutHolds(JsonNode slots)
    {
        foreach (var slot in slots.AsArray().OfType<JsonObject>())
        {
            if (slot["status"]?.GetValue<string>() is "Held" or "held")
            {
                slot["status"] = "Free";
            }

            slot.Remove("heldFor");
        }

        return slots;
    }

    private static async Task<JsonNode> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? JsonNode.Parse(body) ?? throw new InvalidOperationException($"GET {path} answered an empty body")
            : throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {Bounded(body)}", null, response.StatusCode);
    }

    internal static string Bounded(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
