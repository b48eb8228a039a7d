using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Portal;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Mail;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal.Changes;

public sealed record ChangeView(Guid Id, DutyToInformCategory Category, string Text, DateTimeOffset ReportedAt, string ReportedBy);

public sealed record ChangeInput(DutyToInformCategory? Category, [DataType(DataType.MultilineText)] string? Text);

/// <summary>
/// The duty to inform: changes a provider reports that may affect its meeting the conditions. Every read goes through the
/// scoped <see cref="AppDbContext"/>, so a provider user only finds its own provider's reports.
/// </summary>
public sealed class ChangesHandler(AppDbContext db, PortalRecipients recipients, Outbox outbox, AppLinks links, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>A provider's reported changes, the latest first.</summary>
    public async Task<List<ChangeView>> ForProviderAsync(Guid providerId, CancellationToken cancellationToken) =>
        (await db.DutyToInformReports.AsNoTracking().Where(r => r.ProviderId == providerId)
                .Select(r => new ChangeView(r.Id, r.Category, r.Text, r.ReportedAt, r.ReportedBy)).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.ReportedAt).ToList();

    /// <summary>A change reported under the duty to inform, by the provider user for its own provider; the municipality is told by e-mail.</summary>
    public async Task<SaveResult> ReportAsync(ChangeInput input, CancellationToken cancellationToken)
    {
        if (PortalAccess.OwnProvider(actor) is not { } providerId || !await db.Providers.AnyAsync(p => p.Id == providerId, cancellationToken))
        {
            return SaveResult.Missing();
        }
        var check = new Validation();
        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            check.Add(nameof(ChangeInput.Category), "Välj vad förändringen gäller.");
        }
        var text = check.Required(nameof(ChangeInput.Text), "en beskrivning av förändringen", input.Text, 4000);
        check.NoPersonalIdentityNumber(nameof(ChangeInput.Text), "beskrivningen", text);
        if (!check.IsValid)
        {
            return check.Fail();
        }
        var report = new DutyToInformReport
        {
            ProviderId = providerId,
            Category = input.Category!.Value,
            Text = text,
            ReportedAt = clock.GetUtcNow(),
            ReportedBy = actor.DisplayName,
        };
        db.DutyToInformReports.Add(report);
        var providerName = await db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).FirstAsync(cancellationToken);
        foreach (var to in await recipients.MunicipalAsync())
        {
            await outbox.EnqueueAsync(to, $"Förändring enligt informationsplikten: {providerName}",
                $"{providerName} har rapporterat en förändring ({report.Category.Name().ToLower(SwedishText.Culture)}).\n\nLäs den under Anordnare → {providerName} → Portal i Uppsikt.{links.LinkLine($"/Portal/Providers/Details/{providerId}")}\n",
                $"duty-to-inform:{report.Id}:{to}", cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(report.Id);
    }
}
