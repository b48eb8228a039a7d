using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Documents;

namespace Uppsikt.Web.Features.Reviews.Documents;

/// <summary>
/// Granskningsrapport: the review's report laid out as municipal review reports are — the case number on the first page and
/// in the header of every page; units, provider, review type, the visit, participants, method and summary; the overall result
/// in words; the findings area by area with each question, observation, assessment and the condition versions in force; the
/// provider's response and, for a disputed report, the independent reviewer's conclusion. Until the report is finalised it
/// says "Utkast" on every page; a final report says "Slutlig rapport" with the day it was finalised. Interview notes are never
/// part of it (decision 0020, rule 9).
/// </summary>
public static class ReviewReport
{
    public const string Kind = "Granskningsrapport";

    public static string FileName(ReviewDocumentSource source) =>
        source.FileName(source.IsDraft ? Kind + " utkast" : Kind);

    public static byte[] Write(ReviewDocumentSource source)
    {
        var review = source.Review;
        var draft = source.IsDraft;
        var document = new WordDocument()
            .Header($"{source.Heading} · {Kind}{(draft ? " · UTKAST" : "")} · Dnr {source.CaseNumberText}")
            .Strong(source.Heading)
            .Title(Kind);
        if (draft)
        {
            document.Strong("UTKAST – rapporten är inte fastställd");
            document.Paragraph(review.State == ReviewState.Communicated
                ? $"Utkastet kommunicerades med anordnaren {SwedishText.Date(review.CommunicatedOn)}. Anordnaren kan lämna faktarättelser och synpunkter till och med {SwedishText.Date(review.ResponseDueOn)}."
                : "Utkastet har ännu inte kommunicerats med anordnaren.");
        }
        else
        {
            document.Strong("Slutlig rapport").Labelled("Fastställd", SwedishText.Date(review.FinalisedOn));
        }

        var (unitLabel, unitNames) = source.Units;
        document.Heading(1, review.Title)
            .Labelled("Diarienummer", source.CaseNumberText)
            .Labelled("Typ av granskning", review.Type.Name())
            .Labelled("Anordnare", review.Provider is { } provider ? $"{provider.Name} ({provider.OrganisationNumber})" : source.ProviderName)
            .Labelled(unitLabel, unitNames);
        if (review.ChoiceSystem is { } choiceSystem)
        {
            document.Labelled("Kundval", choiceSystem.Name);
        }
        document.Labelled("Besök", source.Visit)
            .Labelled("Beslut om granskning", $"{SwedishText.Date(review.DecidedOn)}, {review.DecidedByName} ({review.DecidedByRole.ToLower(SwedishText.Culture)})")
            .Labelled("Ansvarig granskare", review.LeadName);
        if (!string.IsNullOrWhiteSpace(review.Reason))
        {
            document.Labelled("Skäl till granskningen", review.Reason);
        }
        if (review.CommunicatedOn is { } communicated)
        {
            document.Labelled("Kommunicerad med anordnaren", SwedishText.Date(communicated))
                .Labelled("Sista dag för svar", SwedishText.Date(review.ResponseDueOn));
        }

        source.WriteParticipants(document);
        document.Heading(2, "Metod")
            .Paragraph(string.IsNullOrWhiteSpace(review.Method) ? "Metoden har inte beskrivits." : review.Method);
        document.Heading(2, "Sammanfattning")
            .Paragraph(string.IsNullOrWhiteSpace(review.Summary) ? "Sammanfattningen har inte skrivits." : review.Summary);

        var areas = Areas(source);
        document.Heading(2, "Samlad bedömning")
            .Labelled("Resultat", review.Result?.Name() ?? "Ingen bedömning")
            .Paragraph(OverallResult.Describe(review.Result))
            .Paragraph("Granskningens samlade resultat är den allvarligaste bedömningen i någon del: en allvarlig brist i ett område avgör resultatet, hur många andra delar som än är tillfredsställande.");
        if (areas.Count > 0)
        {
            document.Table(
                ["Område", "Bedömning", "Antal frågor"],
                areas.Select(a => (IReadOnlyList<string>)[a.Name, OverallResult.Of(a.Findings.Select(f => f.Assessment))?.Name() ?? "Inte bedömt", SwedishText.Number(a.Findings.Count)]));
        }

        document.Heading(2, "Iakttagelser och bedömningar per område");
        if (areas.Count == 0)
        {
            document.Paragraph("Inga iakttagelser har registrerats.");
        }
        var severalUnits = review.Units.Count > 1;
        foreach (var area in areas)
        {
            document.Heading(3, area.Name);
            foreach (var finding in area.Findings)
            {
                var question = source.Questions.GetValueOrDefault(finding.QuestionId);
                document.Strong(question is null ? finding.QuestionCode : $"{finding.QuestionCode} {question.Text}");
                if (severalUnits)
                {
                    document.Labelled("Enhet", source.UnitName(finding.UnitId));
                }
                if (!string.IsNullOrWhiteSpace(finding.Answer))
                {
                    document.Labelled("Svar", finding.Answer);
                }
                document.Labelled("Iakttagelse", string.IsNullOrWhiteSpace(finding.Observation) ? "–" : finding.Observation)
                    .Labelled("Bedömning", finding.Assessment?.Name() ?? "Inte bedömd");
                var conditions = finding.ConditionVersionIds.Select(source.ConditionVersions.GetValueOrDefault).OfType<ConditionVersionRef>().ToList();
                if (conditions.Count == 1)
                {
                    document.Labelled("Villkor", Condition(conditions[0]));
                }
                else if (conditions.Count > 1)
                {
                    document.Paragraph("Villkor:").Bullets(conditions.Select(Condition));
                }
            }
        }

        if (review.CommunicatedOn is not null)
        {
            WriteResponses(document, review);
        }
        if (review.DisputedAt is { } disputedAt)
        {
            WriteDispute(document, review, disputedAt);
        }
        if (!draft)
        {
            document.Heading(2, "Fastställande")
                .Paragraph($"Rapporten fastställdes {SwedishText.Date(review.FinalisedOn)}."
                    + (review.ClosedOn is { } closed ? $" Granskningen avslutades {SwedishText.Date(closed)}." : ""));
        }
        return document.ToBytes($"{Kind} {source.CaseNumberText} {review.Title}");
    }

    private static void WriteResponses(WordDocument document, Review review)
    {
        document.Heading(2, "Anordnarens svar");
        if (review.Responses.Count == 0)
        {
            document.Paragraph(review.State == ReviewState.Communicated
                ? $"Anordnaren har inte svarat ännu. Sista dag för svar är {SwedishText.Date(review.ResponseDueOn)}."
                : "Anordnaren lämnade inga faktarättelser eller synpunkter.");
            return;
        }
        foreach (var kind in Enum.GetValues<ResponseKind>())
        {
            var responses = review.Responses.Where(r => r.Kind == kind).OrderBy(r => r.WrittenAt).ToList();
            if (responses.Count == 0)
            {
                continue;
            }
            document.Heading(3, kind == ResponseKind.FactualCorrection ? "Faktarättelser" : "Synpunkter");
            foreach (var response in responses)
            {
                document.Labelled(SwedishText.Date(ReviewDocumentSource.LocalDate(response.WrittenAt)), response.WrittenByName).Paragraph(response.Text);
            }
        }
    }

    private static void WriteDispute(WordDocument document, Review review, DateTimeOffset disputedAt)
    {
        document.Heading(2, "Oberoende granskning")
            .Labelled("Anordnaren begärde oberoende granskning", SwedishText.Date(ReviewDocumentSource.LocalDate(disputedAt)))
            .Paragraph(review.DisputeReason ?? "–")
            .Labelled("Oberoende granskare", review.IndependentReviewerName ?? "Ännu inte utsedd");
        if (review.DisputeConclusion is { } conclusion && review.DisputeConcludedAt is { } concludedAt)
        {
            document.Labelled("Den oberoende granskarens bedömning", SwedishText.Date(ReviewDocumentSource.LocalDate(concludedAt))).Paragraph(conclusion);
        }
        else
        {
            document.Paragraph("Den oberoende granskarens bedömning har ännu inte lämnats.");
        }
    }

    private sealed record Area(string Name, IReadOnlyList<ReviewFinding> Findings);

    /// <summary>The findings by area, areas and questions in the checklist's order, units by name within a question.</summary>
    private static List<Area> Areas(ReviewDocumentSource source)
    {
        int Position(ReviewFinding f) => source.Questions.GetValueOrDefault(f.QuestionId)?.Position ?? int.MaxValue;
        var byName = StringComparer.Create(SwedishText.Culture, ignoreCase: true);
        return [.. source.Review.Findings
            .GroupBy(f => f.Area, StringComparer.Ordinal)
            .OrderBy(g => g.Min(Position)).ThenBy(g => g.Key, byName)
            .Select(g => new Area(g.Key, [.. g.OrderBy(Position).ThenBy(f => f.QuestionCode, StringComparer.Ordinal).ThenBy(f => source.UnitName(f.UnitId), byName)]))];
    }

    private static string Condition(ConditionVersionRef version) =>
        $"{version.Code} {version.Title} (lydelse från {SwedishText.Date(version.ValidFrom)})";
}
