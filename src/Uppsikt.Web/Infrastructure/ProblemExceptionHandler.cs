using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Uppsikt.Web.Infrastructure;

/// <summary>Turns the known failures into ProblemDetails for the API; pages get the error page.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // By the time handlers run, the request path is already the error page's; the feature keeps the original.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : context.Request.Path;
        if (!path.IsApi())
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
