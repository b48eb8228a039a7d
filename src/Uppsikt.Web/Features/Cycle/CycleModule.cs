using Uppsikt.Web.Features.Cycle.Templates;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Features.Cycle;

/// <summary>The annual cycle (årshjul): templates, their tasks per committee and year, and reminders.</summary>
public static class CycleModule
{
    public static IServiceCollection AddCycleFeature(this IServiceCollection services)
    {
        services.AddSettings<ReminderSettings>(ReminderSettings.Section);
        services.AddScoped<TemplatesHandler>();
        services.AddScoped<CycleTasksHandler>();
        services.AddScoped<CycleReminders>();
        services.AddRecurringJob<CycleReminders, ReminderSettings>("Påminnelser om uppgifter i årshjulet", reminders => reminders.Schedule);
        return services;
    }
}
