using ParkingGrains.Runtime.Core;

namespace ParkingGrains.Runtime.Messaging;

/// <summary>Sends a request's outcome back over the connection it arrived on, under the sender's correlation id.</summary>
internal sealed class ConnectionResponseTarget(Connection connection, MessageCodec codec) : IResponseTarget
{
    public void OnCompleted(Message request, Task completedTask) => connection.TrySend(codec.EncodeResponse(request.Id, request.Method, completedTask));

    public void OnResult(Message request, object? result)
    {
        OutboundFrame frame;
        try
        {
            frame = codec.EncodeResult(request.Id, request.Method, result);
        }
        catch (Exception ex)
        {
            frame = codec.EncodeError(request.Id, ex);
        }

        connection.TrySend(frame);
    }

    public void OnException(Message request, Exception exception) => connection.TrySend(codec.EncodeError(request.Id, exception));
}
