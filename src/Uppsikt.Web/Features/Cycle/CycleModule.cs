using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Features.Cycle.Templates;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Features.Cycle;

/// <summary>
/// The annual cycle (årshjul): templates, their tasks per committee and year, and reminders. Read by the municipality's
/// roles; quality developers and administrators edit templates and apply them.
/// </summary>
public static class CycleModule
{
    public static IServiceCollection AddCycleFeature(this IServiceCollection services)
    {
        services.AddSettings<ReminderSettings>(ReminderSettings.Section);
        services.AddScoped<TemplatesHandler>();
        services.AddScoped<CycleTasksHandler>();
        services.AddScoped<CycleReminders>();
        services.AddScoped<Infrastructure.Home.IWorkSource, TaskWork>();
        services.AddRecurringJob<CycleReminders, ReminderSettings>("Påminnelser om uppgifter i årshjulet", reminders => reminders.Schedule);
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Cycle", Policies.Staff);
            options.Conventions.AuthorizePage("/Cycle/Apply", Policies.Editor);
            options.Conventions.AuthorizePage("/Cycle/Templates/Edit", Policies.Editor);
            options.Conventions.AuthorizePage("/Cycle/Templates/Step", Policies.Editor);
        });
        return services;
    }
}
