using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Features.Reviews.Portal;

/// <summary>
/// The e-mail a review's communication sends each way: the provider's users when the report is communicated to them, the
/// review's lead when the provider answers, and the lead and the group managers when the provider disputes the report. Each
/// message goes into the outbox as part of the caller's unit of work, so it is sent if and only if the step is saved; each has
/// its own deduplication key, so a step taken twice never mails twice.
/// </summary>
public sealed class ReviewNotices(AppDbContext db, Outbox outbox, AppLinks links, UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>
    /// Tells the provider's users (those whose access has not expired) that the report is communicated to them, with its last day
    /// for answers and a link. Call it from the step that communicates the report, before that step's save.
    /// </summary>
    public async Task<int> CommunicatedAsync(Review review, CancellationToken cancellationToken)
    {
        var provider = await ProviderNameAsync(review, cancellationToken);
        var due = SwedishText.Date(review.ResponseDueOn);
        var link = links.LinkLine(ReviewPortalHandler.DetailsUrl(review.Id));
        var sent = 0;
        foreach (var user in await ProviderUsersAsync(review.ProviderId, cancellationToken))
        {
            var body = $"""
                Hej {user.DisplayName}!

                Kommunen har skickat rapporten från granskningen "{review.Title}" till {provider}. Läs rapporten och lämna gärna faktarättelser eller synpunkter senast {due}.

                Anser ni att rapportens bedömning är fel kan ni, till och med samma dag, begära att en granskare som inte har deltagit i granskningen ser över den.

                Logga in i Uppsikt och öppna Våra granskningar.{link}

                Det här meddelandet skickades automatiskt av Uppsikt.
                """;
            if (await outbox.EnqueueAsync(user.Email, $"Granskningsrapport att ta del av: {review.Title}", body,
                    $"review-communicated:{review.Id:N}:{user.Email}", cancellationToken))
            {
                sent++;
            }
        }
        return sent;
    }

    /// <summary>Tells the review's lead that the provider has answered the report.</summary>
    public async Task RespondedAsync(Review review, ReviewResponse response, CancellationToken cancellationToken)
    {
        var provider = await ProviderNameAsync(review, cancellationToken);
        var link = links.LinkLine(ReviewPortalHandler.DetailsUrl(review.Id));
        foreach (var to in await LeadAsync(review, cancellationToken))
        {
            await outbox.EnqueueAsync(to, $"Anordnaren har svarat på granskningsrapporten: {review.Title}",
                $"""
                {provider} har lämnat en {response.Kind.Name().ToLower(SwedishText.Culture)} på rapporten från granskningen "{review.Title}"{CaseNumber(review)}.

                Läs svaret i Uppsikt.{link}

                Det här meddelandet skickades automatiskt av Uppsikt.
                """,
                $"review-response:{response.Id:N}:{to}", cancellationToken);
        }
    }

    /// <summary>Tells the review's lead and the group managers that the provider asks for a reviewer who took no part.</summary>
    public async Task DisputedAsync(Review review, CancellationToken cancellationToken)
    {
        var provider = await ProviderNameAsync(review, cancellationToken);
        var link = links.LinkLine(ReviewPortalHandler.DetailsUrl(review.Id));
        var managers = (await users.GetUsersInRoleAsync(Roles.GroupManager)).Select(u => u.Email).OfType<string>();
        foreach (var to in (await LeadAsync(review, cancellationToken)).Concat(managers).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            await outbox.EnqueueAsync(to, $"Anordnaren begär oberoende granskning av rapporten: {review.Title}",
                $"""
                {provider} ifrågasätter rapporten från granskningen "{review.Title}"{CaseNumber(review)} och begär att en granskare som inte har deltagit i granskningen ser över den.

                En gruppchef utser granskaren. Rapporten kan inte fastställas förrän den granskaren har lämnat sin bedömning.

                Läs anordnarens motivering i Uppsikt.{link}

                Det här meddelandet skickades automatiskt av Uppsikt.
                """,
                $"review-dispute:{review.Id:N}:{to}", cancellationToken);
        }
    }

    /// <summary>The provider's users whose access has not expired, with an e-mail address, for the provider's mail.</summary>
    internal async Task<List<(string Email, string DisplayName)>> ProviderUsersAsync(Guid providerId, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        return [.. (await db.Users.AsNoTracking()
                .Where(u => u.ProviderId == providerId && u.Email != null && (u.AccessExpiresOn == null || u.AccessExpiresOn >= today))
                .OrderBy(u => u.Email).Select(u => new { Email = u.Email!, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Email, u.DisplayName))];
    }

    internal async Task<string> ProviderNameAsync(Review review, CancellationToken cancellationToken) =>
        await db.Providers.AsNoTracking().Where(p => p.Id == review.ProviderId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) ?? "Anordnaren";

    private async Task<List<string>> LeadAsync(Review review, CancellationToken cancellationToken) =>
        review.LeadUserId is null ? []
        : await db.Users.AsNoTracking().Where(u => u.Id == review.LeadUserId && u.Email != null).Select(u => u.Email!).ToListAsync(cancellationToken);

    private static string CaseNumber(Review review) => review.CaseNumber is null ? "" : $" ({review.CaseNumber})";
}
