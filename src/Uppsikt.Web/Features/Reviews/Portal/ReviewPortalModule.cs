using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Reviews.Portal;

/// <summary>
/// The provider's side of a review (<c>Reviews/Portal/</c>): its list of reviews, the communicated report with the answer and
/// dispute forms, the portal's request and matter sources, the notices and the reminder job.
/// </summary>
public static class ReviewPortalModule
{
    /// <summary>A provider user reads its own communicated reports, the staff read them as the provider sees them (decision 0036).</summary>
    public const string ReaderPolicy = Policies.StaffOrProvider;

    public static IServiceCollection AddReviewPortal(this IServiceCollection services)
    {
        services.AddScoped<ReviewPortalHandler>();
        services.AddScoped<ReviewNotices>();
        services.AddScoped<ReviewPortalSources>();
        services.AddScoped<IPortalRequestSource>(sp => sp.GetRequiredService<ReviewPortalSources>());
        services.AddScoped<IPortalMatterSource>(sp => sp.GetRequiredService<ReviewPortalSources>());
        services.AddScoped<ReviewReminders>();
        services.AddRecurringJob<ReviewReminders, ReviewSettings>("Påminnelser om svar på granskningsrapporter", settings => settings.ReminderSchedule);
        services.Configure<RazorPagesOptions>(options =>
        {
            // Page by page: a policy on the whole /Reviews folder would add to these and keep provider users out.
            options.Conventions.AuthorizePage("/Reviews/Portal/Index", Policies.ProviderUser);
            // The municipality may read the report as the provider sees it; only the provider's users can answer (the handler checks).
            options.Conventions.AuthorizePage("/Reviews/Portal/Details", ReaderPolicy);
        });
        return services;
    }
}
