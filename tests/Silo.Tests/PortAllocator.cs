using System.Net;
using System.Net.Sockets;

namespace ParkingGrains.Silo.Tests;

internal static class PortAllocator
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
