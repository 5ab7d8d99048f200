namespace ParkingGrains.GateAgent.Cluster;

/// <summary>The cluster did not answer in time or cannot be reached: the lane decides on its own.</summary>
public sealed class ClusterUnavailableException : Exception
{
    public ClusterUnavailableException()
    {
    }

    public ClusterUnavailableException(string message)
        : base(message)
    {
    }

    public ClusterUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
