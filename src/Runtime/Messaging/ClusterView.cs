using ParkingGrains.Runtime.Membership;

namespace ParkingGrains.Runtime.Messaging;

/// <summary>What a gateway tells clients about the cluster: every known silo, its status and gateway port.</summary>
internal sealed record ClusterView(int Version, IReadOnlyList<ClusterViewMember> Members);
