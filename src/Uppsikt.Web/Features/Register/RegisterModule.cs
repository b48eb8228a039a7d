using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Features.Register.Authorisations;
using Uppsikt.Web.Features.Register.ChoiceSystems;
using Uppsikt.Web.Features.Register.Committees;
using Uppsikt.Web.Features.Register.Providers;
using Uppsikt.Web.Features.Register.Units;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Import;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Register;

/// <summary>
/// The register: committees, choice systems, providers, units and authorisations. Every signed-in role reads it (scoped by
/// the query filters); quality developers and administrators change it. A unit's timeline (<see cref="UnitHistory"/>, decision
/// 0021) is read like the unit: a provider user reads its own units', a district its units', the municipality every unit's.
/// </summary>
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
        services.AddScoped<UnitHistory>();
        services.AddUnitTimeline();
        services.AddScoped<Infrastructure.Risk.IRiskSignalSource, RegisterRiskSignals>();
        services.Configure<RazorPagesOptions>(options =>
        {
            // The staff's register, and a provider's own share of it (decision 0036); the public reads /Public.
            options.Conventions.AuthorizeFolder("/Register", Policies.StaffOrProvider);
            options.Conventions.AuthorizePage("/Register/Committees/Edit", Policies.Editor);
            options.Conventions.AuthorizePage("/Register/ChoiceSystems/Edit", Policies.Editor);
            options.Conventions.AuthorizePage("/Register/ChoiceSystems/Services", Policies.Editor);
            options.Conventions.AuthorizePage("/Register/Providers/Edit", Policies.Editor);
            options.Conventions.AuthorizePage("/Register/Providers/Person", Policies.Editor);
            options.Conventions.AuthorizePage("/Register/Providers/Subcontractor", Policies.Editor);
            options.Conventions.AuthorizePage("/Register/Units/Edit", Policies.Editor);
            options.Conventions.AuthorizePage("/Register/Authorisations/Edit", Policies.Editor);
        });
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
