using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Documents;

namespace Uppsikt.Web.Features.Plans;

/// <summary>
/// The council-wide review as a decision memo (tjänsteskrivelse) laid out like the municipality's own: proposal for
/// decision, summary, the matter, each committee's plans, the overall assessment, economic consequences, consequences
/// for children and the documents of the matter.
/// </summary>
public static class CouncilReviewMemo
{
    public static string FileName(CouncilReviewResult review, CaseNumber caseNumber) =>
        $"Samlad uppföljning av uppföljningsplaner {review.Year} {caseNumber}.docx";

    /// <param name="decision">The council board's decision on the review, once recorded: written as the memo's last section.</param>
    public static byte[] Write(CouncilReviewResult review, CouncilDecisionView? decision, CaseNumber caseNumber, DateOnly dated)
    {
        var title = $"Uppföljningsplaner inom kundval – en samlad uppföljning {review.Year}";
        var choiceSystems = review.ChoiceSystems.ToList();
        var adopted = choiceSystems.Count(c => c.HasAdoptedPlan);
        var standingOut = review.StandingOut;
        var memo = new WordDocument()
            .Title("Tjänsteskrivelse")
            .Labelled("Dnr", caseNumber.ToString())
            .Labelled("Datum", SwedishText.Date(dated))
            .Heading(1, title);

        memo.Heading(2, "Förslag till beslut")
            .Paragraph("Kommunstyrelsens arbetsutskott föreslår kommunstyrelsen besluta följande.")
            .Paragraph($"1. Kommunstyrelsen godkänner den samlade uppföljningen av nämndernas uppföljningsplaner inom kundval för {review.Year} i enlighet med tjänsteskrivelse daterad den {SwedishText.Date(dated)}.");
        if (standingOut.Count > 0)
        {
            memo.Paragraph($"2. {Join(standingOut.Select(c => c.Name))} uppmanas att anta uppföljningsplaner för samtliga kundval och rapportera dem till kommunstyrelsen.");
        }

        memo.Heading(2, "Sammanfattning av ärendet")
            .Paragraph("Kommunstyrelsen ansvarar för uppföljningen av reglementet för kundval. Av reglementet framgår att nämnderna för varje kundval ska besluta om en modell för uppföljning av anordnare utifrån de generella och specifika auktorisationsvillkoren, och att nämnderna årligen ska rapportera sin uppföljningsplan till kommunstyrelsen.")
            .Paragraph($"Under {review.Year} har {SwedishText.Count(review.Committees.Count, "nämnd", "nämnder")} sammanlagt {SwedishText.Count(choiceSystems.Count, "kundval", "kundval")}. För {adopted} av dem finns en antagen uppföljningsplan, och {choiceSystems.Count(c => c.IsReported)} är rapporterade till kommunstyrelsen."
                + (standingOut.Count == 0 ? " Samtliga nämnder har antagit uppföljningsplaner för sina kundval." : $" Antagen plan saknas för minst ett kundval hos {Join(standingOut.Select(c => c.Name.ToLower(SwedishText.Culture)))}."));

        memo.Heading(2, "Ärendet")
            .Paragraph("Reglementet anger vilka generella auktorisationsvillkor kommunen ställer på anordnare i kommunens kundval, och nämnderna beslutar om specifika villkor för sina kundval. Varje nämnds modell för uppföljning ska")
            .Bullets(Enum.GetValues<RegulationRequirement>().Select(Duty))
            .Paragraph("Uppföljningsplanerna har granskats mot dessa tre krav. För varje kundval redovisas vad i planen som uppfyller kraven och vilka brister som finns.");

        memo.Heading(2, "Nämndernas uppföljningsplaner");
        foreach (var committee in review.Committees)
        {
            memo.Heading(3, committee.Name)
                .Paragraph($"{committee.Name} har {committee.ChoiceSystems.Count} kundval: {Join(committee.ChoiceSystems.Select(c => c.Name))}. "
                    + $"Antagen plan finns för {committee.AdoptedCount} av {committee.ChoiceSystems.Count}; rapporterade till kommunstyrelsen: {committee.ReportedCount}.");
            foreach (var choice in committee.ChoiceSystems)
            {
                memo.Labelled(choice.Name, PlanStatus(choice));
                if (choice.Plan?.FollowUpModel is { Length: > 0 } model)
                {
                    memo.Paragraph(model);
                }
                if (choice.Plan is { FocusThemes.Count: > 0 } withThemes)
                {
                    memo.Labelled("Fokusområden", string.Join(", ", withThemes.FocusThemes));
                }
            }
            memo.Table(
                ["Kundval", .. Enum.GetValues<RegulationRequirement>().Select(r => r.Name())],
                committee.ChoiceSystems.Select(c => (IReadOnlyList<string>)[c.Name, .. c.Assessments.Select(a => a.Verdict.Name())]));
        }

        memo.Heading(2, "Samlad bedömning");
        memo.Paragraph(standingOut.Count == 0
            ? "Samtliga nämnder med kundval har antagit uppföljningsplaner. Planerna gör uppföljningen transparent: anordnare, kunder och ansvarig nämnd vet på förhand vad uppföljningen omfattar."
            : $"Följande nämnder saknar antagen uppföljningsplan för ett eller flera kundval och behöver komplettera: {Join(standingOut.Select(c => $"{c.Name} ({Join(c.ChoiceSystems.Where(s => !s.HasAdoptedPlan).Select(s => s.Name))})"))}.");
        foreach (var requirement in Enum.GetValues<RegulationRequirement>())
        {
            memo.Heading(3, requirement.Name())
                .Paragraph($"Uppfyllt för {review.Count(requirement, RequirementVerdict.Met)}, delvis uppfyllt för {review.Count(requirement, RequirementVerdict.PartlyMet)} och inte uppfyllt för {review.Count(requirement, RequirementVerdict.NotMet)} av {choiceSystems.Count} kundval.");
            var gaps = choiceSystems
                .SelectMany(c => c.Assessments.Where(a => a.Requirement == requirement).SelectMany(a => a.Gaps).Select(g => $"{c.Name}: {g}"))
                .ToList();
            if (gaps.Count > 0)
            {
                memo.Paragraph("Brister:").Bullets(gaps);
            }
        }

        memo.Heading(2, "Ekonomiska konsekvenser")
            .Paragraph("Förslaget till beslut bedöms inte medföra några direkta ekonomiska konsekvenser. En väl fungerande uppföljning av kommunens kundval är däremot viktig, eftersom välfärdstjänsterna ska hålla hög kvalitet samtidigt som skattemedlen hanteras varsamt och effektivt.");
        memo.Heading(2, "Konsekvenser för barn")
            .Paragraph("Barn och unga berörs av flera av kommunens kundval. En systematisk och förutsägbar uppföljning bidrar till att de välfärdstjänster som riktar sig till barn och unga levereras med god kvalitet och enligt gällande lagar och riktlinjer.");

        memo.Heading(2, "Handlingar i ärendet")
            .Paragraph($"Tjänsteskrivelse daterad den {SwedishText.Date(dated)}");
        var number = 0;
        foreach (var committee in review.Committees.Where(c => c.AdoptedCount > 0))
        {
            var decisions = committee.ChoiceSystems.Select(c => c.Plan?.Adoption).OfType<CommitteeDecision>()
                .Select(d => $"{SwedishText.Date(d.DecidedOn)} {d.Paragraph}").Distinct();
            memo.Paragraph($"{++number}. Protokollsutdrag – {committee.Name} ({Join(decisions)})");
        }
        if (decision is not null)
        {
            memo.Heading(2, "Kommunstyrelsens beslut")
                .Labelled("Beslutat", $"{SwedishText.Date(decision.DecidedOn)} {decision.Paragraph}, diarienummer {decision.CaseNumber}")
                .Paragraph(decision.Text);
        }
        return memo.ToBytes(title);
    }

    /// <summary>What a committee's model for follow-up must do to meet a requirement, as a bullet after "Varje nämnds modell för uppföljning ska".</summary>
    private static string Duty(RegulationRequirement requirement) => requirement switch
    {
        RegulationRequirement.GoodQuality => "säkra god kvalitet,",
        RegulationRequirement.UniformAssessment => "ge en enhetlig bedömning vid auktorisation och vid val av sanktion, samt",
        RegulationRequirement.PredictableFollowUp => "göra uppföljningen enhetlig, transparent och förutsägbar.",
        _ => requirement.Name().ToLower(SwedishText.Culture),
    };

    /// <summary>Where a choice system's plan stands, in one line.</summary>
    public static string PlanStatus(ChoiceSystemReview choice) => choice.Plan switch
    {
        null => "Uppföljningsplan saknas.",
        { Adoption: { } adoption } plan =>
            $"Antagen {SwedishText.Date(adoption.DecidedOn)} {adoption.Paragraph}, diarienummer {adoption.CaseNumber}"
            + (plan.ReportedToCouncilBoardOn is { } reported ? $"; rapporterad till kommunstyrelsen {SwedishText.Date(reported)}." : "; inte rapporterad till kommunstyrelsen."),
        { } plan => $"{plan.State.Name()}, inte antagen av nämnden.",
    };

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " och " + list[^1];
    }
}
