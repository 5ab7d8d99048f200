using ParkingGrains.WebApi.Operations;

namespace ParkingGrains.WebApi.Errors;

/// <summary>
/// Counts every answer with a 5xx status in <see cref="ParkingGrainsMetrics"/>: placed outside the exception
/// handler, so it sees the status the handler chose as well as the 5xx an endpoint returns itself.
/// </summary>
internal static class FaultCounting
{
    public static IApplicationBuilder UseFaultCounting(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<ParkingGrainsMetrics>();
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch
            {
                // Not handled inside (the handler itself failed): the server answers 500.
                metrics.RecordFault(StatusCodes.Status500InternalServerError);
                throw;
            }

            if (context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
            {
                metrics.RecordFault(context.Response.StatusCode);
            }
        });
    }
}
