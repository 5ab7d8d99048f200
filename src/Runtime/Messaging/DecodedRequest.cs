using ParkingGrains.Runtime.Core;

namespace ParkingGrains.Runtime.Messaging;

internal sealed record DecodedRequest(long Id, bool IsOneWay, Message? Message, Exception? Error);
