using System.Text;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Features.Evidence.Complaints;
using Uppsikt.Web.Features.Portal.Attestations;
using Uppsikt.Web.Features.Portal.Documents;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Data;

/// <summary>
/// The portal's demo: message threads between the municipality and Omsorgshuset (the general one, one about its overdue complaint
/// and one about a condition its attestation says is not met), a document sent to
/// both private providers (read by Omsorgshuset), this year's attestation round past its deadline with Omsorgshuset attested
/// and Trygga Händer missing, and one change reported under the duty to inform.
/// </summary>
public sealed class DemoPortal(AppDbContext db, FileStore files, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = clock.SwedishToday();
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        var omsorgshuset = providers["Omsorgshuset Exempel AB (fiktiv)"];
        var trygga = providers["Trygga Händer Exempel AB (fiktiv)"];
        const string Municipality = "Klara Kvalitet (fiktiv)";
        const string Provider = "Olle Omsorgshuset (fiktiv)";

        var overdue = await db.Complaints.AsNoTracking()
            .Where(c => c.Unit!.ProviderId == omsorgshuset && c.Status == ComplaintStatus.Forwarded).Select(c => c.Id).FirstAsync(cancellationToken);
        db.PortalMessages.AddRange(
            Message(omsorgshuset, false, Municipality, now.AddDays(-12),
                "Hej! Välkomna till portalen. Här kommer vi att skicka dokument och frågor under året. Hör av er här om något är oklart (fiktivt)."),
            Message(omsorgshuset, true, Provider, now.AddDays(-11),
                "Tack! Vi har läst anvisningarna och återkommer med egenintygandet före sista dagen (fiktivt)."),
            Message(omsorgshuset, false, Municipality, now.AddDays(-3),
                "Svaret på klagomålet om sena morgonbesök i Sickla är försenat. Kan ni svara i Uppsikt denna vecka? (fiktivt)", ComplaintsHandler.FileOwnerType, overdue),
            Message(omsorgshuset, true, Provider, now.AddDays(-2),
                "Vi har haft kontakt med den anhöriga och ser över planeringen av morgonpassen. Svaret kommer på fredag (fiktivt).",
                ComplaintsHandler.FileOwnerType, overdue));

        var sentAt = now.AddDays(-20);
        foreach (var providerId in new[] { omsorgshuset, trygga })
        {
            var document = new PortalDocument
            {
                ProviderId = providerId,
                Title = $"Anvisningar för kvalitetsuppföljningen {today.Year} (fiktiv)",
                Message = "Här är årets anvisningar: vad vi följer upp, när egenintygandet ska lämnas och när verksamhetsbesöken planeras (fiktivt).",
                SentAt = sentAt,
                SentBy = Municipality,
            };
            if (providerId == omsorgshuset)
            {
                document.MarkRead(Provider, sentAt.AddDays(1));
            }
            db.PortalDocuments.Add(document);
            await db.SaveChangesAsync(cancellationToken);
            var name = $"Anvisningar {today.Year} (fiktiv).txt";
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(
                $"Anvisningar för kvalitetsuppföljningen {today.Year} (fiktiva)\n\n1. Egenintygande lämnas i Uppsikt.\n2. Kvalitetsrapporten lämnas senast i mars.\n3. Verksamhetsbesök bokas under hösten.\n"));
            await files.StoreAsync(DocumentsHandler.DocumentOwnerType, document.Id, providerId, name, FileContentCheck.ForExtension(name)!, content, "Demodata", cancellationToken);
        }

        db.DutyToInformReports.Add(new DutyToInformReport
        {
            ProviderId = omsorgshuset,
            Category = DutyToInformCategory.BoardOrManagement,
            Text = "Ny verksamhetschef för hemtjänsten från nästa månad; nuvarande chef går i pension. Introduktion pågår (fiktivt).",
            ReportedAt = now.AddDays(-6),
            ReportedBy = Provider,
        });

        // This year's round, its deadline two weeks past: Omsorgshuset has attested every choice system, Trygga Händer nothing.
        var round = new AttestationRound { Year = today.Year, OpenedOn = today.AddDays(-45), DueOn = today.AddDays(-14) };
        db.AttestationRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        var attestations = new AttestationsHandler(db, new ConditionsInForce(db), clock);
        var choiceSystems = await db.Authorisations.AsNoTracking()
            .Where(a => a.ProviderId == omsorgshuset && a.Status == AuthorisationStatus.Active).Select(a => a.ChoiceSystemId).Distinct().ToListAsync(cancellationToken);
        foreach (var choiceSystemId in choiceSystems)
        {
            var form = (await attestations.FormAsync(omsorgshuset, round.Id, choiceSystemId, cancellationToken))!;
            var answers = form.Answers.Select((a, i) => i == 1
                ? new ConditionAnswerInput(a.ConditionId, false, "Två av tolv medarbetare saknar ännu utbildningen; de är anmälda till kursen i nästa månad (fiktivt).")
                : new ConditionAnswerInput(a.ConditionId, true, null)).ToList();
            var signed = await attestations.AttestAsync(omsorgshuset, new AttestationInput(round.Id, choiceSystemId, answers, Provider, "Verkställande direktör"), cancellationToken);
            if (!signed.Succeeded)
            {
                throw new InvalidOperationException("The demo attestation was refused: " + string.Join(" ", signed.Errors.SelectMany(e => e.Value)));
            }
        }

        // A thread about the condition the first attestation says is not met.
        var attested = await db.Attestations.AsNoTracking().Where(a => a.ProviderId == omsorgshuset && a.RoundId == round.Id)
            .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(cancellationToken);
        db.PortalMessages.AddRange(
            Message(omsorgshuset, false, Municipality, now.AddDays(-8),
                "Tack för egenintygandet. Ni skriver att två medarbetare saknar utbildningen: vilket datum är kursen? (fiktivt)",
                AttestationsHandler.MatterKind, attested),
            Message(omsorgshuset, true, Provider, now.AddDays(-7),
                "Kursen är den 14:e nästa månad. Vi skickar intyg om genomgången utbildning här efteråt (fiktivt).", AttestationsHandler.MatterKind, attested),
            Message(omsorgshuset, false, Municipality, now.AddDays(-1),
                "Påminnelse: verksamhetsbesöken för hösten bokas nu. Föreslå gärna två datum som passar er (fiktivt)."));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static PortalMessage Message(Guid providerId, bool fromProvider, string author, DateTimeOffset at, string text,
        string? matterKind = null, Guid? matterId = null) => new()
        {
            ProviderId = providerId,
            FromProvider = fromProvider,
            AuthorName = author,
            SentAt = at,
            Text = text,
            MatterKind = matterKind,
            MatterId = matterId,
        };
}
