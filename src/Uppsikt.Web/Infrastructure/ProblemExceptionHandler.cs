using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Uppsikt.Web.Infrastructure;

/// <summary>Turns the known failures into ProblemDetails for the API; pages get the error page.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // By now the middleware has rewritten the path to the error page; the original is in the feature.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var (status, title) = exception switch
        {
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Någon annan har ändrat uppgifterna. Hämta dem på nytt och försök igen."),
            BadHttpRequestException bad => (bad.StatusCode, "Förfrågan kunde inte tolkas."),
            _ => (StatusCodes.Status500InternalServerError, "Ett oväntat fel inträffade."),
        };
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
        });
    }
}
