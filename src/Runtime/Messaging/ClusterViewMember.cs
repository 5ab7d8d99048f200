using ParkingGrains.Runtime.Membership;

namespace ParkingGrains.Runtime.Messaging;

internal sealed record ClusterViewMember(string Silo, SiloStatus Status, int GatewayPort);
