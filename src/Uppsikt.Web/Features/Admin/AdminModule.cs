using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Audit;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Features.Admin;

/// <summary>Users, API tokens and the audit trail with its daily checkpoint: for administrators only.</summary>
public static class AdminModule
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditCheckpoints>();
        services.AddRecurringJob<AuditCheckpoints, AuditSettings>("Daglig signerad kontrollpunkt för ändringsloggen", settings => settings.CheckpointSchedule);
        services.AddScoped<UserAdministration>();
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator));
        return services;
    }
}
