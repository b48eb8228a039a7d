using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Admin;

/// <summary>Users, API tokens and the audit trail: for administrators only.</summary>
public static class AdminModule
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        services.AddScoped<UserAdministration>();
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator));
        return services;
    }
}
