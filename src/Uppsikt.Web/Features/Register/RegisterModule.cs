using Uppsikt.Web.Features.Register.Providers;
using Uppsikt.Web.Features.Register.Authorisations;
using Uppsikt.Web.Features.Register.ChoiceSystems;
using Uppsikt.Web.Features.Register.Committees;
using Uppsikt.Web.Features.Register.Units;

namespace Uppsikt.Web.Features.Register;

/// <summary>The register: committees, choice systems, providers, units and authorisations.</summary>
public static class RegisterModule
{
    public static IServiceCollection AddRegisterFeature(this IServiceCollection services)
    {
        services.AddScoped<UnitsHandler>();
        services.AddScoped<ProvidersHandler>();
        services.AddScoped<ProviderPeopleHandler>();
        services.AddScoped<SubcontractorsHandler>();
        services.AddScoped<CommitteesHandler>();
        services.AddScoped<ChoiceSystemsHandler>();
        services.AddScoped<AuthorisationsHandler>();
        services.AddScoped<RegisterLookups>();
        services.AddScoped<KoladaUnitImport>();
        return services;
    }

    public static RouteGroupBuilder MapRegisterApi(this RouteGroupBuilder api)
    {
        api.MapUnitsApi();
        api.MapProvidersApi();
        api.MapCommitteesApi();
        api.MapChoiceSystemsApi();
        api.MapAuthorisationsApi();
        return api;
    }
}
