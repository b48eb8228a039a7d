using Uppsikt.Web.Tests.Access;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Every endpoint and page of the app, called by one provider's user against another provider's data. A new
/// route without a rule fails <see cref="EveryRouteHasARule"/>: add one line to <see cref="Rules"/>, saying how the
/// route is aimed at provider B and what A must get (see <see cref="Expectation"/>).
/// </summary>
public sealed class EveryRouteAccessTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    /// <summary>Keys are "METHOD /template[?handler=Name]" as <see cref="AppRoutes"/> reports them; an Index page goes by its folder.</summary>
    public static readonly IReadOnlyDictionary<string, RouteRule> Rules = new Dictionary<string, RouteRule>(StringComparer.Ordinal)
    {
        // Register: units
        ["GET /api/v1/units"] = RouteRule.List(b => $"providerId={b.ProviderId}", b => $"search={Uri.EscapeDataString(b.UnitSearch)}"),
        ["GET /api/v1/units/{id:guid}"] = RouteRule.Hidden(b => b.UnitId),
        ["POST /api/v1/units"] = RouteRule.Denied() with { Json = NewUnitFor },
        ["PUT /api/v1/units/{id:guid}"] = RouteRule.Denied(b => b.UnitId) with { Json = TakeOverUnit },
        ["GET /Register/Units"] = RouteRule.List(b => $"providerId={b.ProviderId}", b => $"search={Uri.EscapeDataString(b.UnitSearch)}"),
        ["GET /Register/Units/Details/{id:guid}"] = RouteRule.Hidden(b => b.UnitId),
        ["GET /Register/Units/Edit/{id:guid?}"] = RouteRule.Denied(b => b.UnitId),
        ["POST /Register/Units/Edit/{id:guid?}"] = RouteRule.Denied(b => b.UnitId) with { Form = TakeOverUnitForm },

        // Account: the caller's own session and tokens
        ["GET /Account/Login"] = RouteRule.NoProviderData("the sign-in form"),
        ["POST /Account/Login"] = RouteRule.NoProviderData("an empty sign-in form gets its field errors"),
        ["POST /Account/Login?handler=External"] = RouteRule.NoProviderData("starts single sign-on, which is off here"),
        ["GET /Account/ExternalCallback"] = RouteRule.NoProviderData("where single sign-on returns; without a login it says so"),
        ["GET /Account/AccessDenied"] = RouteRule.NoProviderData("the refusal page"),
        ["GET /Account/Logout"] = RouteRule.NoProviderData("the sign-out form"),
        ["POST /Account/Logout"] = RouteRule.NoProviderData("signs the caller out") with { OwnSession = true },
        ["GET /Account/Tokens"] = RouteRule.NoProviderData("the caller's own API tokens"),
        ["POST /Account/Tokens?handler=Create"] = RouteRule.NoProviderData("creates a token for the caller") with { Form = _ => [new("Name", "Egen nyckel")] },
        ["POST /Account/Tokens?handler=Revoke"] = RouteRule.Hidden(b => b.ApiTokenId, field: "tokenId"),

        // Administration
        ["GET /Admin/Users"] = RouteRule.Denied(),
        ["POST /Admin/Users"] = RouteRule.Denied() with { Form = UserForProvider },
        ["GET /Admin/Audit"] = RouteRule.Denied(b => b.UnitId) with { TargetField = "entityId" },
        ["POST /Admin/Audit?handler=Verify"] = RouteRule.Denied(),

        // Everyone
        ["GET /"] = RouteRule.NoProviderData("the start page"),
        ["GET /Error"] = RouteRule.NoProviderData("the error page"),
        ["POST /Error"] = RouteRule.NoProviderData("the error page, re-executed for a failed post"),
        ["GET /Public"] = RouteRule.PublicData("the published register: units of authorised providers are public"),
        ["GET /Public/Accessibility"] = RouteRule.NoProviderData("the accessibility statement"),
        ["GET /health"] = RouteRule.NoProviderData("the health check"),
        ["GET /openapi/{documentName}.json"] = RouteRule.NoProviderData("the API description"),
    };

    [Fact]
    public async Task EveryRouteHasARule()
    {
        var keys = (await AppRoutes.DiscoverAsync(app.Services)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        var missing = keys.Except(Rules.Keys).Order(StringComparer.Ordinal).ToList();
        var stale = Rules.Keys.Except(keys).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0,
            $"These routes have no rule in {nameof(EveryRouteAccessTests)}.{nameof(Rules)}; add one line each saying how a provider user may use it:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
        Assert.True(stale.Count == 0,
            $"These rules name no route the app has (renamed or removed?):{Environment.NewLine}{string.Join(Environment.NewLine, stale)}");
    }

    [Theory]
    [InlineData(Demo.OmsorgshusetUser, Demo.TryggaHander, Demo.TryggaHanderUser)]
    [InlineData(Demo.TryggaHanderUser, Demo.Omsorgshuset, Demo.OmsorgshusetUser)]
    public async Task AProviderUserReachesNoOtherProvidersDataThroughAnyRoute(string attacker, string victimProvider, string victimUser)
    {
        var failures = await new RouteAccessRun(app, Rules, attacker).AgainstAsync(victimProvider, victimUser);

        Assert.True(failures.Count == 0,
            $"{failures.Count} breach(es) of the access rules by {attacker} against {victimProvider}:{Environment.NewLine}{Environment.NewLine}{string.Join(Environment.NewLine + Environment.NewLine, failures)}");
    }

    private static object NewUnitFor(Victim b) => new { name = "Ny enhet i annans namn (fiktiv)", providerId = b.ProviderId, ownership = "Private" };

    private static object TakeOverUnit(Victim b) =>
        new { name = "Övertagen av annan anordnare (fiktiv)", providerId = b.ProviderId, ownership = "Private", version = b.UnitVersion };

    private static IEnumerable<KeyValuePair<string, string>> TakeOverUnitForm(Victim b) =>
    [
        new("Input.Name", "Övertagen av annan anordnare (fiktiv)"), new("Input.ProviderId", b.ProviderId.ToString()),
        new("Input.Ownership", "Private"), new("Input.Version", b.UnitVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static IEnumerable<KeyValuePair<string, string>> UserForProvider(Victim b) =>
    [
        new("Input.DisplayName", "Inkräktare (fiktiv)"), new("Input.Email", "inkraktare@uppsikt.example"),
        new("Input.Role", "ProviderUser"), new("Input.ProviderOrganisationNumber", b.OrganisationNumber),
    ];
}
