using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Features.Reviews.Documents;
using Uppsikt.Web.Features.Reviews.Portal;
using Uppsikt.Web.Features.Reviews.Reported;
using Uppsikt.Web.Features.Reviews.Visit;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Checklists;

namespace Uppsikt.Web.Features.Reviews;

/// <summary>Reviews and visits (decision 0020): who may take which step is the domain's rule (<see cref="Domain.Reviews.Review"/>).</summary>
public static class ReviewsModule
{
    public static IServiceCollection AddReviewsFeature(this IServiceCollection services)
    {
        services.AddSettings<ReviewSettings>(ReviewSettings.Section);
        services.AddScoped<Checklists>();
        services.AddReviewDocuments();
        Timeline.ReviewHistory.AddReviewTimeline(services);
        services.AddReviewPortal();
        services.AddReportedReviews();
        services.AddScoped<VisitHandler>();
        services.AddScoped<ReviewsHandler>();
        services.AddScoped<LatestRegularReviews>();
        services.AddScoped<DecidedReviews>();
        services.AddScoped<Infrastructure.Reviews.IDecisionVisits>(sp => sp.GetRequiredService<DecidedReviews>());
        services.AddScoped<Infrastructure.Reviews.ISelectedReviews>(sp => sp.GetRequiredService<DecidedReviews>());
        services.AddScoped<Intervals.IntervalsHandler>();
        services.AddScoped<Infrastructure.Reviews.IReviewDue>(sp => sp.GetRequiredService<Intervals.IntervalsHandler>());
        services.AddScoped<Infrastructure.Risk.IRiskSignalSource, ReviewRiskSignals>();
        services.AddScoped<Infrastructure.Retention.IRetentionSource, InterviewNoteRetention>();
        services.AddScoped<Infrastructure.Home.IWorkSource, ReviewWork>();
        services.Configure<RazorPagesOptions>(options =>
        {
            // Page by page (and the visit's folder): a policy on /Reviews would add to the pages' own, and the provider reads
            // and answers a communicated report on pages of this feature too (Portal/, Documents/), as the committee member reads
            // its final reports (Reported/).
            options.Conventions.AuthorizeFolder("/Reviews/Visit", Policies.Staff);
            options.Conventions.AuthorizeFolder("/Reviews/Intervals", Policies.Staff);
            options.Conventions.AuthorizePage("/Reviews/Index", Policies.Staff);
            options.Conventions.AuthorizePage("/Reviews/New", Policies.Staff);
            options.Conventions.AuthorizePage("/Reviews/Details", Policies.Staff);
        });
        return services;
    }
}
