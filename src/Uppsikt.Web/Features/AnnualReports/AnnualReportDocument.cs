using Uppsikt.Domain.Reports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Documents;

namespace Uppsikt.Web.Features.AnnualReports;

/// <summary>The annual report as a Word document for the committee's papers: the same sections, tables and narrative as its page.</summary>
public static class AnnualReportDocument
{
    public static string FileName(AnnualReportDetails report) =>
        $"Årsrapport {report.Year} {report.ChoiceSystem ?? report.Committee}.docx";

    public static byte[] Write(AnnualReportDetails report)
    {
        var f = report.Figures;
        var document = new WordDocument()
            .Title(report.Title)
            .Labelled("Nämnd", report.Committee)
            .Labelled("Omfattning", report.ChoiceSystem ?? "Hela nämndens uppföljning")
            .Labelled("Status", report.State == AnnualReportState.Draft
                ? $"Utkast; siffrorna beräknade {SwedishText.Date(f.ComputedOn)}"
                : $"{report.State.Name()}; siffrorna låsta {SwedishText.Date(f.ComputedOn)}");
        if (report.Decision is { } decision)
        {
            document.Labelled("Nämndens beslut", $"{SwedishText.Date(decision.DecidedOn)} {decision.Paragraph}, diarienummer {decision.CaseNumber}");
        }

        Narrative(document.Heading(1, "Sammanfattning"), report.Summary);

        document.Heading(1, $"Uppföljningen under {f.Year}")
            .Paragraph($"Rapporten omfattar {SwedishText.Count(f.ChoiceSystems.Count, "kundval", "kundval")}: {string.Join(", ", f.ChoiceSystems)}.")
            .Table(["Kundval", "Plan", "Aktiviteter", "Beräknade timmar"],
                f.Plans.Select(p => (IReadOnlyList<string>)[p.ChoiceSystem, p.Status, SwedishText.Number(p.Activities), SwedishText.Decimal(p.EstimatedHours)]))
            .Paragraph("Granskningar: planerade under året, genomförda (slutliga under året), pågående och genomförda med brister.")
            .Table(["Kundval", "Planerade", "Genomförda", "Pågående", "Med brister"],
                f.Reviews.Select(r => (IReadOnlyList<string>)[r.ChoiceSystem, SwedishText.Number(r.Planned), SwedishText.Number(r.Done), SwedishText.Number(r.Ongoing), SwedishText.Number(r.WithDeficiencies)]));

        document.Heading(1, "Resultat per enhet");
        if (f.Results.Count == 0)
        {
            document.Paragraph($"Det finns inga helårsresultat för {f.Year} för enheterna i rapportens kundval.");
        }
        else
        {
            document.Paragraph($"Helårsresultat för {f.Year}. Ett resultat som bygger på färre än {f.MinimumAnswers} svar redovisas inte, så att ingen enskild kan pekas ut.");
            foreach (var indicator in f.Results)
            {
                document.Heading(2, $"{indicator.Indicator} ({indicator.UnitOfMeasure})");
                if (indicator.Municipality is { } municipality)
                {
                    document.Paragraph($"Kommunens snitt: {SwedishText.Decimal(municipality)}.");
                }
                document.Table(["Enhet", "Regi", "Värde", "Antal svar"], indicator.Units.Select(u => (IReadOnlyList<string>)
                [
                    u.Unit, u.Ownership, u.Suppressed ? $"Färre än {f.MinimumAnswers} svar" : u.Value is { } v ? SwedishText.Decimal(v) : "–",
                    u.Suppressed ? "–" : SwedishText.Number(u.Answers),
                ]));
            }
        }

        document.Heading(1, "Brister per område");
        if (f.Deficiencies.Count == 0)
        {
            document.Paragraph($"Inga brister konstaterades under {f.Year}.");
        }
        else
        {
            document.Table(["Område", "Mindre brister", "Allvarliga brister", "Åtgärdade"], f.Deficiencies.Select(d => (IReadOnlyList<string>)
                [d.Area, SwedishText.Number(d.Minor), SwedishText.Number(d.Serious), SwedishText.Number(d.Fixed)]));
        }

        document.Heading(1, "Sanktioner");
        if (f.Sanctions.Count == 0)
        {
            document.Paragraph($"Nämnden beslutade inga sanktioner under {f.Year}.");
        }
        else
        {
            document.Table(["Beslut", "Sanktion", "Anordnare", "Enhet"], f.Sanctions.Select(s => (IReadOnlyList<string>)
                [$"{SwedishText.Date(s.DecidedOn)} {s.Paragraph}", s.Type, s.Provider, s.Unit]));
        }

        document.Heading(1, "Klagomål och avvikelser")
            .Paragraph($"{SwedishText.Count(f.Complaints.Total, "klagomål", "klagomål")} och {SwedishText.Count(f.Incidents.Total, "avvikelse", "avvikelser")} under {f.Year} i rapportens kundval (en enhet i flera kundval räknas i vart och ett).");
        foreach (var (caption, lines) in new[] { ("Klagomål", f.Complaints), ("Avvikelser", f.Incidents) }.Where(x => x.Item2.Rows.Count > 0))
        {
            document.Table([$"{caption} per kundval", "Totalt", .. lines.Columns],
                lines.Rows.Select(r => (IReadOnlyList<string>)[r.Name, SwedishText.Number(r.Total), .. lines.Columns.Select(c => SwedishText.Number(r[c]))]));
        }

        Narrative(document.Heading(1, "Analys och bedömning"), report.Analysis);
        Narrative(document.Heading(1, "Förbättringsområden"), report.ImprovementAreas);
        Narrative(document.Heading(1, "Förslag till nämnden"), report.Proposals);
        return document.ToBytes(report.Title);
    }

    private static void Narrative(WordDocument document, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            document.Paragraph("Inte skrivet ännu.");
            return;
        }
        foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            document.Paragraph(paragraph);
        }
    }
}
