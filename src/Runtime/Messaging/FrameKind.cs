namespace ParkingGrains.Runtime.Messaging;

internal enum FrameKind : byte
{
    Hello = 1,
    HelloAck = 2,
    Request = 3,
    Response = 4,
    Ping = 5,
    Pong = 6,
    Gossip = 7,
    ClusterViewRequest = 8,
    ClusterViewResponse = 9,
}
