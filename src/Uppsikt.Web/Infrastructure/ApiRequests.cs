namespace Uppsikt.Web.Infrastructure;

public static class ApiRequests
{
    /// <summary>Requests to <c>/api</c> get status codes and ProblemDetails; everything else gets pages.</summary>
    public static bool IsApi(this HttpRequest request) => request.Path.IsApi();

    public static bool IsApi(this PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
