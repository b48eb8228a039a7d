using Microsoft.AspNetCore.Http.HttpResults;

namespace Uppsikt.Web.Infrastructure;

public static class ApiRequests
{
    /// <summary>Requests to <c>/api</c> get status codes and ProblemDetails; everything else gets pages.</summary>
    public static bool IsApi(this HttpRequest request) => request.Path.IsApi();

    public static bool IsApi(this PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>A 400 ValidationProblem for one parameter the request got wrong, named as the request names it, with the Swedish message as title too.</summary>
    public static ValidationProblem Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, title: message);
}
