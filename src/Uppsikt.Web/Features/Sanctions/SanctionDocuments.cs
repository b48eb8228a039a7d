using Uppsikt.Domain;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Documents;

namespace Uppsikt.Web.Features.Sanctions;

/// <summary>
/// A sanction's two documents ([002] §8): the decision memo (tjänsteskrivelse) the committee decides on, naming the decision
/// proposed, the deficiencies, the conditions, the provider's response and the deadline; and, once decided, the decision
/// letter to the provider.
/// </summary>
public static class SanctionDocuments
{
    public static string MemoFileName(SanctionDetails s) => $"Tjänsteskrivelse {Lower(s.ProposedType)} {s.Decision?.CaseNumber ?? s.PlanCaseNumber ?? s.UnitName}.docx";

    public static string LetterFileName(SanctionDetails s) => $"Beslut {Lower(s.DecidedType ?? s.ProposedType)} {s.Decision?.CaseNumber ?? s.UnitName}.docx";

    public static byte[] Memo(SanctionDetails s, DateOnly dated)
    {
        var caseNumber = s.Decision?.CaseNumber ?? s.PlanCaseNumber;
        var type = Lower(s.ProposedType);
        var memo = new WordDocument()
            .Header($"{s.CommitteeName} – {(caseNumber is null ? "diarienummer ej tilldelat" : "Dnr " + caseNumber)}")
            .Title("Tjänsteskrivelse")
            .Labelled("Dnr", caseNumber ?? "–")
            .Labelled("Datum", SwedishText.Date(dated))
            .Labelled("Till", s.CommitteeName)
            .Heading(1, $"Förslag om {type} för {s.ProviderName}, {s.UnitName}");

        memo.Heading(2, "Förslag till beslut")
            .Paragraph($"{s.CommitteeName} beslutar om {type} mot {s.ProviderName}{Org(s)} för bristerna vid {s.UnitName} som redovisas i denna tjänsteskrivelse.");
        if (Sanction.NeedsDeadline(s.ProposedType))
        {
            memo.Paragraph($"Bristerna ska vara åtgärdade inom den tidsfrist nämnden anger, högst {Sanction.MaxFixMonths} månader från beslutet. "
                + (s.ProposedType is SanctionType.Warning or SanctionType.WarningWithActionPlan
                    ? "Att bristerna är åtgärdade kontrolleras snarast efter tidsfristen genom besök i verksamheten och följs upp igen året därpå."
                    : "Att bristerna är åtgärdade följs upp efter tidsfristen."));
        }

        memo.Heading(2, "Sammanfattning")
            .Paragraph(s.Motivation)
            .Paragraph($"Sanktioner som villkoren medger för bristerna: {Sanction.Names(s.AllowedTypes)}.");

        memo.Heading(2, "Ärendet")
            .Paragraph($"Ärendet gäller {s.Title}. Anordnaren fick ta del av underlaget den {SwedishText.Date(s.CommunicatedOn)} och har haft möjlighet att svara innan förslaget lämnades.");
        if (s.Escalation)
        {
            memo.Paragraph("Förslaget följer av att en brist kvarstod vid uppföljningen: nästa steg enligt villkoren föreslås.");
        }

        memo.Heading(2, "Brister");
        memo.Table(["Nr", "Allvarlighet", "Område", "Brist", "Krav på åtgärd", "Tidsfrist", "Kvarstått"],
            s.Deficiencies.Select(d => (IReadOnlyList<string>)[
                d.Number.ToString(SwedishText.Culture), d.Severity.Name(), d.Area, d.Description, d.RequiredAction, SwedishText.Date(d.DeadlineOn),
                d.PersistCount == 0 ? "–" : SwedishText.Count(d.PersistCount, "gång", "gånger")]));

        memo.Heading(2, "Villkor som inte uppfylls");
        var conditions = s.Deficiencies.SelectMany(d => d.Conditions).Distinct().OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        if (conditions.Count == 0)
        {
            memo.Paragraph("Bristerna är inte kopplade till något villkor.");
        }
        else
        {
            memo.Bullets(conditions.Select(c => $"{c.Code} {c.Title}"));
        }

        memo.Heading(2, "Anordnarens svar");
        if (s.ProviderResponses.Count == 0)
        {
            memo.Paragraph("Anordnaren har inte lämnat något skriftligt svar på rapporten.");
        }
        else
        {
            foreach (var response in s.ProviderResponses)
            {
                memo.Paragraph(response);
            }
        }

        memo.Heading(2, "Bedömning");
        memo.Paragraph(s.AssessmentComment is { Length: > 0 } comment
            ? $"{s.AssessedByName} (gruppchef) bedömer att nämnden bör besluta om {type}: {comment}"
            : s.AssessedByName is { } assessor
                ? $"{assessor} (gruppchef) bedömer att nämnden bör besluta om {type}."
                : "Förslaget väntar på gruppchefens bedömning.");
        memo.Paragraph($"Förslaget är upprättat av {s.ProposedByName} den {SwedishText.Date(s.ProposedOn)}.");
        return memo.ToBytes($"Tjänsteskrivelse: {type} för {s.ProviderName}");
    }

    /// <summary>The decision letter to the provider; only for a decided sanction.</summary>
    public static byte[] Letter(SanctionDetails s)
    {
        var decision = s.Decision ?? throw new InvalidOperationException("Only a decided sanction has a decision letter.");
        var type = Lower(s.DecidedType!.Value);
        var letter = new WordDocument()
            .Header($"{s.CommitteeName} – Dnr {decision.CaseNumber}")
            .Title($"Beslut om {type}")
            .Labelled("Till", $"{s.ProviderName}{Org(s)}")
            .Labelled("Verksamhet", s.UnitName)
            .Labelled("Dnr", decision.CaseNumber)
            .Labelled("Beslutsdatum", $"{SwedishText.Date(decision.DecidedOn)}, {decision.Paragraph}")
            .Heading(1, "Beslut")
            .Paragraph($"{s.CommitteeName} har den {SwedishText.Date(decision.DecidedOn)} ({decision.Paragraph}) beslutat om {type} mot {s.ProviderName} för de brister vid {s.UnitName} som anges nedan.");
        if (s.FixBy is { } fixBy)
        {
            letter.Strong($"Bristerna ska vara åtgärdade senast {SwedishText.Date(fixBy)}.");
            if (s.DecidedType is SanctionType.Warning or SanctionType.WarningWithActionPlan)
            {
                letter.Paragraph($"Kommunen kontrollerar snarast efter tidsfristen genom besök i verksamheten att bristerna är åtgärdade, och följer upp dem igen under {s.YearCheckOn?.Year}.");
            }
        }
        if (s.DecidedType == SanctionType.WarningWithActionPlan)
        {
            letter.Paragraph("Ni ska redovisa hur bristerna åtgärdas i åtgärdsplanen i kommunens portal, med ansvarig person och datum för varje åtgärd.");
        }
        letter.Heading(1, "Skäl för beslutet");
        foreach (var d in s.Deficiencies)
        {
            letter.Heading(2, $"Brist {d.Number}: {d.Area}")
                .Paragraph(d.Description)
                .Labelled("Krav på åtgärd", d.RequiredAction);
            if (d.Conditions.Count > 0)
            {
                letter.Labelled("Villkor", string.Join("; ", d.Conditions.Select(c => $"{c.Code} {c.Title}")));
            }
        }
        letter.Heading(1, "Upplysningar")
            .Paragraph("Om bristerna kvarstår vid uppföljningen kan nämnden besluta om en strängare sanktion enligt villkoren.")
            .Paragraph($"Har ni frågor om beslutet, kontakta kommunen genom portalen och ange diarienummer {decision.CaseNumber}.");
        return letter.ToBytes($"Beslut om {type}: {s.ProviderName}");
    }

    private static string Lower(SanctionType type) => DisplayNames.Of(type).ToLower(SwedishText.Culture);

    private static string Org(SanctionDetails s) => s.OrganisationNumber is { Length: > 0 } number ? $" ({number})" : "";
}
