using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>Body of an API request; the time defaults to now. <c>overpayment</c>: paying more than is due is meant (else refused).</summary>
public sealed record PaymentRequestBody(string EventId, string SessionIdOrTicket, decimal Amount, string Currency, PaymentMethod Method, string? Reference, bool Overpayment = false);
