using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Features.Sanctions.Decided;
using Uppsikt.Web.Infrastructure.Deficiencies;

namespace Uppsikt.Web.Features.Sanctions;

/// <summary>
/// Sanctions (decision 0030): proposed for an action plan's deficiencies, assessed by the group manager, decided by the committee
/// and recorded by its secretary. Who may take which step is the domain's rule (<see cref="Sanction"/>); a provider's users read
/// their own decided sanctions and the decision letters.
/// </summary>
public static class SanctionsModule
{
    /// <summary>Those who follow deficiencies up, the committees' secretaries, and providers' users (their own decided sanctions).</summary>
    public const string ReaderPolicy = "SanctionReader";

    /// <summary>Those who propose sanctions (<see cref="Sanction.Proposers"/>).</summary>
    public const string ProposerPolicy = "SanctionProposer";

    public static IServiceCollection AddSanctionsFeature(this IServiceCollection services)
    {
        services.AddScoped<SanctionsHandler>();
        services.AddScoped<IPersistingDeficiency>(sp => sp.GetRequiredService<SanctionsHandler>());
        services.AddScoped<Infrastructure.Home.IWorkSource, SanctionWork>();
        services.AddScoped<Infrastructure.Risk.IRiskSignalSource, SanctionRiskSignals>();
        Timeline.SanctionHistory.AddSanctionTimeline(services);
        services.AddDecidedSanctions();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReaderPolicy, p => p.RequireRole([.. Sanction.Proposers, Roles.CommitteeSecretary, Roles.ProviderUser]))
            .AddPolicy(ProposerPolicy, p => p.RequireRole([.. Sanction.Proposers]));
        services.Configure<RazorPagesOptions>(options =>
        {
            // Page by page: a policy on the whole /Sanctions folder would add to the committee member's read-only view (Decided/).
            // The proposers are all readers, so New needs only the proposers' policy.
            options.Conventions.AuthorizePage("/Sanctions/Index", ReaderPolicy);
            options.Conventions.AuthorizePage("/Sanctions/Details", ReaderPolicy);
            options.Conventions.AuthorizePage("/Sanctions/New", ProposerPolicy);
        });
        return services;
    }
}
