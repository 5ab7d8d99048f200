using ParkingGrains.Domain.Payments;
using ParkingGrains.Grains.Interfaces.Payments;

using ParkingGrains.WebApi.OpenApi;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>Payments: VietQR codes, payments for a stay, and the idempotent confirm used by operators and bank callbacks.</summary>
internal static class PaymentEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var payments = api.MapGroup("/payments").WithTags("Payments");

        payments.MapPost("/vietqr", (VietQrRequest body) =>
        {
            string payload;
            try
            {
                payload = VietQrPayload.Build(body.BankBin, body.AccountNumber, body.Amount, body.Purpose);
            }
            catch (ArgumentException e)
            {
                // VietQrPayload checks the caller's fields and names the one it refuses; its message may repeat the value.
                var field = e.ParamName ?? "body";
                return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [VietQrRule(field)] });
            }

            return Results.Ok(new VietQrResponse(payload, QrCodeRenderer.RenderPngBase64(payload)));
        }).WithSummary("An EMVCo/NAPAS VietQR payload and its PNG").Reads<VietQrResponse>().RequireAuthorization("driver");

        payments.MapPut("/{paymentId}", async (string paymentId, PaymentRequest body, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IPaymentGrain>(paymentId).Create(body)))
            .WithSummary("Create (or repeat) a payment for a stay; VietQR payments return their code").RequireAuthorization("driver");

        payments.MapGet("/{paymentId}", async (string paymentId, IGrainFactory grains) =>
            await grains.GetGrain<IPaymentGrain>(paymentId).Get() is { } payment ? Results.Ok(payment) : LotEndpoints.NotFound(paymentId))
            .WithSummary("Payment status").RequireAuthorization("driver");

        payments.MapPost("/{paymentId}/confirm", async (string paymentId, PaymentConfirmation body, IGrainFactory grains) =>
        {
            var result = await grains.GetGrain<IPaymentGrain>(paymentId).Confirm(body);
            return result.Accepted ? Results.Ok(result) : Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: result.Reason?.ToString() ?? "Refused", detail: result.ReasonText);
        }).WithSummary("Confirm a payment (manual or bank callback); idempotent by eventId").Decides<PaymentOperationResult>().RequireAuthorization("operator");

        payments.MapPost("/{paymentId}/refund", async (string paymentId, string eventId, string reason, IGrainFactory grains) =>
        {
            var result = await grains.GetGrain<IPaymentGrain>(paymentId).Refund(eventId, reason);
            return result.Accepted ? Results.Ok(result) : Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: result.Reason?.ToString() ?? "Refused", detail: result.ReasonText);
        }).WithSummary("Refund a paid payment").Decides<PaymentOperationResult>().RequireAuthorization("admin");
    }

    private static string VietQrRule(string field) => field switch
    {
        "bankBin" => "The receiving bank's BIN: exactly 6 digits (e.g. 970436).",
        "accountNumber" => $"1 to {VietQrPayload.MaxAccountLength} ASCII letters or digits.",
        "amount" => $"A positive whole number of đồng with at most {VietQrPayload.MaxAmountLength} digits.",
        "purpose" => $"At most {VietQrPayload.MaxPurposeLength} ASCII letters, digits, punctuation or Vietnamese letters.",
        _ => "The values do not fit in a VietQR code.",
    };
}
