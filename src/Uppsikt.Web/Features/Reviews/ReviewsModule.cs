using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Features.Reviews.Documents;
using Uppsikt.Web.Features.Reviews.Portal;
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
        services.AddScoped<VisitHandler>();
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Reviews/Visit", Policies.Municipal));
        return services;
    }
}
