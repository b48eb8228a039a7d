using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// Turns the known failures into ProblemDetails for the API: a conflict, a request that could not be bound
/// (<see cref="RequestBindingProblems"/>), a sort column the list does not have. Anything else is a 500 and is logged at Error with
/// the request, as the pages' error handling logs it (a handled exception is not logged by the middleware). Pages get the error page.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // By the time handlers run, the request path is already the error page's; the feature keeps the original.
        var failed = context.Features.Get<IExceptionHandlerPathFeature>();
        var path = failed?.Path is { } original ? new PathString(original) : context.Request.Path;
        if (!path.IsApi())
        {
            return false;
        }
        var answer = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: Files.RequestBodyLimit.TooLarge(context)),
            BadHttpRequestException bad => RequestBindingProblems.For(bad, failed?.Endpoint ?? context.GetEndpoint(), context.Request.Query),
            UnknownSortException sort => ApiRequests.Invalid(UnknownSortException.Parameter, sort.Message),
            _ => null,
        };
        if (answer is not null)
        {
            await answer.ExecuteAsync(context);
            return true;
        }
        var (status, title) = exception switch
        {
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Någon annan har ändrat uppgifterna. Hämta dem på nytt och försök igen."),
            _ => (StatusCodes.Status500InternalServerError, "Ett oväntat fel inträffade."),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception in the API request {Method} {Path}.", context.Request.Method, path.Value);
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
        });
    }
}
