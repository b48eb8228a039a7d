using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Commissions;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Commissions;

/// <summary>
/// The council board's commissions (decision 0042): read by the municipality's roles (a committee member only its own committee's,
/// narrowed by the handler), never by providers; given, edited and closed by the council board's staff, answered by the receiving
/// committee's quality developers and group managers. Who may take which step is the domain's rule (<see cref="Commission"/>).
/// </summary>
public static class CommissionsModule
{
    /// <summary>Every municipal role, the elected members and the council board's staff among them; never a provider.</summary>
    public const string ReaderPolicy = Policies.Municipal;

    /// <summary>Those who give, edit and close commissions: the council board's staff and administrators (<see cref="CouncilBoard"/>).</summary>
    public const string KeeperPolicy = "CommissionKeeper";

    public static IServiceCollection AddCommissionsFeature(this IServiceCollection services)
    {
        services.AddScoped<CommissionsHandler>();
        services.AddScoped<IFileMatters, CommissionFiles>();
        services.AddScoped<Infrastructure.Home.IWorkSource, CommissionWork>();
        services.AddAuthorizationBuilder().AddPolicy(KeeperPolicy, p => p.RequireRole([.. CouncilBoard.Recorders]));
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Commissions", ReaderPolicy);
            // The form is the council board's staff's; the domain decides again on the post.
            options.Conventions.AuthorizePage("/Commissions/Edit", KeeperPolicy);
        });
        return services;
    }
}
