namespace Uppsikt.Web.Features.Admin;

/// <summary>Users, API tokens and the audit trail.</summary>
public static class AdminModule
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        services.AddScoped<UserAdministration>();
        return services;
    }
}
