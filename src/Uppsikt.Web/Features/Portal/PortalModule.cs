using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Portal;

public static class PortalPolicies
{
    /// <summary>A provider's own portal.</summary>
    public const string ProviderUser = "PortalProviderUser";

    /// <summary>The municipality's side: sends documents, opens attestation rounds, invites provider users.</summary>
    public const string Municipal = "PortalMunicipal";

    /// <summary>The roles of the municipality's side of the portal.</summary>
    public static readonly string[] MunicipalRoles = [Roles.QualityDeveloper, Roles.Administrator];
}

/// <summary>The provider portal: requests with deadlines, documents, message threads per matter, attestations, duty to inform and invitations.</summary>
public static class PortalModule
{
    public static IServiceCollection AddPortalFeature(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.ProviderUser, p => p.RequireRole(Roles.ProviderUser))
            .AddPolicy(PortalPolicies.Municipal, p => p.RequireRole(PortalPolicies.MunicipalRoles));
        services.AddScoped<PortalRequests>();
        services.AddScoped<IPortalRequestSource, ComplaintRequestSource>();
        services.AddScoped<AttestationsHandler>();
        services.AddScoped<IPortalRequestSource>(sp => sp.GetRequiredService<AttestationsHandler>());
        services.AddScoped<IPortalMatterSource>(sp => sp.GetRequiredService<AttestationsHandler>());
        services.AddScoped<PortalMatters>();
        services.AddScoped<PortalHandler>();
        services.AddScoped<IFileMatters>(sp => sp.GetRequiredService<PortalHandler>());
        services.AddScoped<PortalInvitations>();
        services.Configure<InvitationTokenProviderOptions>(o =>
        {
            o.Name = InvitationTokenProvider.ProviderName;
            // An outer bound; the 7-day rule itself is checked against the issue date (PortalInvitations).
            o.TokenLifespan = TimeSpan.FromDays(PortalInvitations.ValidDays + 1);
        });
        services.AddTransient<InvitationTokenProvider>();
        services.Configure<IdentityOptions>(o =>
            o.Tokens.ProviderMap[InvitationTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider)));
        services.Configure<RazorPagesOptions>(options =>
        {
            // Documents and attestations are read by both sides (scoped by the query filters); everything else is one side's.
            options.Conventions.AuthorizePage("/Portal/Index", PortalPolicies.ProviderUser);
            options.Conventions.AuthorizePage("/Portal/Threads", PortalPolicies.ProviderUser);
            options.Conventions.AuthorizePage("/Portal/Attestations/Attest", PortalPolicies.ProviderUser);
            options.Conventions.AuthorizeFolder("/Portal/Providers", PortalPolicies.Municipal);
            options.Conventions.AuthorizePage("/Portal/Documents/New", PortalPolicies.Municipal);
            options.Conventions.AuthorizePage("/Portal/Attestations/Index", PortalPolicies.Municipal);
            options.Conventions.AuthorizePage("/Portal/Attestations/Round", PortalPolicies.Municipal);
            options.Conventions.AuthorizePage("/Portal/Invite", PortalPolicies.Municipal);
            options.Conventions.AllowAnonymousToPage("/Portal/Invitation");
        });
        return services;
    }
}
