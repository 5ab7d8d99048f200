using Microsoft.AspNetCore.SignalR;

namespace ParkingGrains.WebApi.Realtime;

/// <summary>
/// The dashboards' live feed (<c>/hubs/lots</c>, operators and admins only). A client joins a lot with
/// <see cref="SubscribeLot"/> and then receives the <see cref="LotHubMessages"/> of that lot.
/// </summary>
public sealed class LotsHub(LotEventsSubscriptions subscriptions) : Hub
{
    public const string Path = "/hubs/lots";

    /// <summary>Joins the lot's group; this web host subscribes to the lot first, so nothing after the call is missed.</summary>
    public async Task SubscribeLot(string lotId)
    {
        if (string.IsNullOrWhiteSpace(lotId) || lotId.Length > 200)
        {
            throw new HubException("A lot id is required.");
        }

        await subscriptions.EnsureSubscribedAsync(lotId, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(lotId), Context.ConnectionAborted);
    }

    public Task UnsubscribeLot(string lotId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(lotId));

    internal static string GroupOf(string lotId) => $"lot:{lotId}";
}
