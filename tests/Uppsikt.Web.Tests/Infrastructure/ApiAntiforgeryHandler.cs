namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// Sends the session's antiforgery token with a write to the API by cookie, as the app's own pages must (ApiAntiforgery): read
/// once from a page of the signed-in session, in the header the app reads. Requests with an API token are left as they are.
/// </summary>
public sealed class ApiAntiforgeryHandler : DelegatingHandler
{
    public const string Header = "RequestVerificationToken";

    private string? _token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.AbsolutePath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
            && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head
            && request.Headers.Authorization is null && !request.Headers.Contains(Header))
        {
            _token ??= await TokenAsync(uri, cancellationToken);
            request.Headers.Add(Header, _token);
        }
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var page = await base.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(uri, "/Account/Tokens")), cancellationToken);
        return Forms.AntiforgeryToken(await Expect.OkAsync(page));
    }
}
