using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.WebApi.Endpoints;

internal static class SystemEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/system/status", async (IClusterClient cluster) =>
        {
            var lots = await cluster.GetGrain<ILotDirectoryGrain>(ILotDirectoryGrain.Key).List();
            var statuses = await Task.WhenAll(lots.Select(l => cluster.GetGrain<ILotGrain>(l.LotId).GetStatus()));
            var layouts = await Task.WhenAll(lots.Select(l => cluster.GetGrain<ILotGrain>(l.LotId).GetLayout()));
            var gates = await Task.WhenAll(layouts.Where(l => l is not null).SelectMany(l => l!.Gates).Select(g => cluster.GetGrain<IGateGrain>(g.GateId).GetStatus()));
            var silos = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            return Results.Ok(new
            {
                silos = silos.Keys.Select(s => s.ToString()),
                activeSessions = statuses.Sum(s => s.ActiveSessions),
                gates = gates.Select(g => new { g.GateId, g.LotId, g.Online, g.RoundTripMilliseconds, g.Barrier }),
            });
        }).WithTags("System").WithSummary("Silos, gates online/offline with RTT, active sessions").RequireAuthorization("operator");
}
