using Microsoft.Extensions.Hosting;
using ParkingGrains.GateAgent.Lane;
using ParkingGrains.GateAgent.Plates;

// `read-plate FILE...`: one tab-separated line per image (path, plate, confidence, ms); see README "Gate agent".
if (args is ["read-plate", ..])
{
    return await ReadPlateCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

// One process per lane: `Lane:GateId` and `Lane:Key` (environment Lane__GateId, Lane__Key, or --Lane:GateId=...),
// the silo gateways in `Lane:Gateways`. See README "Gate agent".
// Settings beside the program (appsettings.json), whatever the working directory; relative paths (the journal) stay
// relative to the working directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
LaneOptions options;
try
{
    options = builder.Configuration.ReadLaneOptions();
}
catch (InvalidOperationException problems)
{
    Console.Error.WriteLine(problems.Message);
    return 2;
}

builder.Services.AddLane(options);
using var host = builder.Build();
await host.RunAsync();
return 0;
