using Microsoft.AspNetCore.Antiforgery;

namespace Uppsikt.Web.Infrastructure.Auth;

/// <summary>
/// The API serves integrations, which sign in by API token, and the app's own pages in a browser, which sign in by cookie. A
/// browser sends its cookie whatever site made it send the request, so a write by cookie must also carry the antiforgery token
/// the app's pages hold (the header <c>RequestVerificationToken</c>, or the form field for a file upload); a token request needs
/// none, as no browser adds one by itself.
/// </summary>
public static class ApiAntiforgery
{
    /// <summary>Refuses a write signed in by cookie without a valid antiforgery token: 400, and the endpoint does not run.</summary>
    public static RouteGroupBuilder RequiringAntiforgeryForCookies(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || context.Request.SendsApiToken()
                || await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                return await next(invocation);
            }
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Anropet saknar giltig antiforgery-token.",
                detail: "En ändring genom API:t med inloggning i webbläsaren ska skicka sidans antiforgery-token i huvudet RequestVerificationToken. "
                    + "Integrationer loggar in med en API-nyckel och behöver ingen.");
        });
        return api;
    }
}
