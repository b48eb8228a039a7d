using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Features.Portal.Attestations;
using Uppsikt.Web.Features.Portal.Changes;
using Uppsikt.Web.Features.Portal.Documents;
using Uppsikt.Web.Features.Portal.Threads;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Portal;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Portal;

/// <summary>
/// The provider portal: requests with deadlines (gathered from every feature), documents (<c>Documents/</c>), message threads
/// per matter (<c>Threads/</c>), attestations (<c>Attestations/</c>), the duty to inform (<c>Changes/</c>), the municipality's
/// view of each provider (<c>Providers/</c>) and invitations.
/// </summary>
public static class PortalModule
{
    public static IServiceCollection AddPortalFeature(this IServiceCollection services)
    {
        services.AddScoped<PortalRequests>();
        services.AddScoped<PortalRecipients>();
        services.AddScoped<PortalHandler>();
        services.AddScoped<AttestationsHandler>();
        services.AddScoped<IPortalRequestSource>(sp => sp.GetRequiredService<AttestationsHandler>());
        services.AddScoped<IPortalMatterSource>(sp => sp.GetRequiredService<AttestationsHandler>());
        services.AddSingleton<IUnitHistorySource, AttestationHistory>();
        services.AddScoped<PortalMatters>();
        services.AddScoped<ThreadsHandler>();
        services.AddScoped<Infrastructure.Home.IWorkSource, ThreadWork>();
        services.AddScoped<DocumentsHandler>();
        services.AddScoped<IFileMatters>(sp => sp.GetRequiredService<DocumentsHandler>());
        services.AddScoped<ChangesHandler>();
        services.AddScoped<Infrastructure.Risk.IRiskSignalSource, AttestationRiskSignals>();
        services.AddScoped<Infrastructure.Risk.IRiskSignalSource, ChangeRiskSignals>();
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
            options.Conventions.AuthorizePage("/Portal/Index", Policies.ProviderUser);
            options.Conventions.AuthorizePage("/Portal/Documents/Details", Policies.StaffOrProvider);
            options.Conventions.AuthorizePage("/Portal/Attestations/Details", Policies.StaffOrProvider);
            options.Conventions.AuthorizeFolder("/Portal/Threads", Policies.ProviderUser);
            options.Conventions.AuthorizePage("/Portal/Attestations/Attest", Policies.ProviderUser);
            options.Conventions.AuthorizeFolder("/Portal/Providers", Policies.Editor);
            options.Conventions.AuthorizePage("/Portal/Documents/New", Policies.Editor);
            options.Conventions.AuthorizePage("/Portal/Attestations/Index", Policies.Editor);
            options.Conventions.AuthorizePage("/Portal/Attestations/Round", Policies.Editor);
            options.Conventions.AuthorizePage("/Portal/Invite", Policies.Editor);
            options.Conventions.AllowAnonymousToPage("/Portal/Invitation");
        });
        return services;
    }
}
