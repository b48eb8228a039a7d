using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Web.Features.Reviews;

public static class ReviewSearch
{
    /// <summary>The reviews whose title, case number or lead, provider or one of whose units matches <paramref name="term"/>; all when it is blank.</summary>
    public static IQueryable<Review> Matching(this IQueryable<Review> reviews, string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return reviews;
        }
        var pattern = SearchText.Pattern(term);
        return reviews.Where(r => EF.Functions.Like(EF.Property<string>(r, SearchText.Column), pattern, "\\")
            || EF.Functions.Like(EF.Property<string>(r.Provider!, SearchText.Column), pattern, "\\")
            || r.Units.Any(u => EF.Functions.Like(EF.Property<string>(u.Unit!, SearchText.Column), pattern, "\\")));
    }
}
