using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Payments;

namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>The complete checks of a new payment (pay by app or VietQR) before anything is quoted or stored.</summary>
public static class PaymentRequestRules
{
    public static CommandProblems Check(PaymentRequest request)
    {
        var problems = new CommandProblems();
        problems.RequiredId("lotId", request.LotId);
        problems.RequiredId("sessionIdOrTicket", request.SessionIdOrTicket, CommandLimits.MaxCompositeIdLength);
        MoneyRules.Check(problems, request.Amount);
        if (request.Amount.Amount == 0)
        {
            problems.Add("amount", "A payment must be positive.");
        }

        problems.Defined("method", request.Method);
        problems.OptionalId("bankBin", request.BankBin);
        problems.OptionalId("accountNumber", request.AccountNumber);
        problems.Text("purpose", request.Purpose, CommandLimits.MaxReasonLength, required: false);
        if (request.Method == PaymentMethod.VietQr)
        {
            if (request.Amount.Currency != "VND")
            {
                problems.Add("currency", "VietQR transfers are in VND.");
            }

            if (request.BankBin is null || request.AccountNumber is null)
            {
                problems.Add(request.BankBin is null ? "bankBin" : "accountNumber", "A VietQR payment needs the receiving bank's BIN and account number.");
            }
        }

        return problems;
    }
}
