using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Documents;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Reviews.Documents;

/// <summary>
/// What a review's documents are written from: the review with its provider, choice system, units, participants, findings,
/// responses and (for the municipality only) interview notes; the checklist's questions and the condition versions the
/// findings name; and the municipality's name for the heading, when one is configured.
/// </summary>
public sealed record ReviewDocumentSource(
    Review Review,
    string? Municipality,
    IReadOnlyDictionary<Guid, TemplateQuestion> Questions,
    IReadOnlyDictionary<Guid, ConditionVersionRef> ConditionVersions)
{
    /// <summary>The heading's first line when no municipality is configured.</summary>
    public const string NeutralHeading = "Kommunens uppföljning av välfärdstjänster";

    public string Heading => string.IsNullOrWhiteSpace(Municipality) ? NeutralHeading : Municipality.Trim();

    public string ProviderName => Review.Provider?.Name ?? "Anordnaren";

    /// <summary>The review's units by name, in name order; a unit the reader may not see is left out.</summary>
    public IReadOnlyList<string> UnitNames =>
        [.. Review.Units.Select(u => u.Unit?.Name).OfType<string>().Order(StringComparer.Create(SwedishText.Culture, ignoreCase: true))];

    public string UnitName(Guid unitId) => Review.Units.Find(u => u.UnitId == unitId)?.Unit?.Name ?? "Enheten";

    /// <summary>A draft the provider may not yet have answered: until the report is finalised it is marked as such.</summary>
    public bool IsDraft => Review.State is not (ReviewState.Final or ReviewState.Closed);

    public string CaseNumberText => Review.CaseNumber ?? "Inte diariefört";

    /// <summary>"Enhet" or "Enheter" with the names, as the first page lists them.</summary>
    public (string Label, string Names) Units => UnitNames.Count switch
    {
        0 => ("Enhet", "–"),
        1 => ("Enhet", UnitNames[0]),
        _ => ("Enheter", Join(UnitNames)),
    };

    /// <summary>How, when and where the visit was: "Besök på plats 12 mars 2026 kl. 09.00, Exempelvägen 1".</summary>
    public string Visit
    {
        get
        {
            var review = Review;
            if (review.VisitMode == VisitMode.None)
            {
                return "Granskningen gjordes utan besök.";
            }
            var text = review.VisitMode.Name();
            if (review.VisitAt is { } at)
            {
                var local = TimeZoneInfo.ConvertTime(at, SwedishCalendar.Zone);
                text += $" {SwedishText.Date(LocalDate(at))} kl. {local:HH}.{local:mm}";
            }
            else
            {
                text += $", planerat till {SwedishText.Date(review.PlannedFor)}";
            }
            return string.IsNullOrWhiteSpace(review.VisitPlace) ? text : $"{text}, {review.VisitPlace}";
        }
    }

    /// <summary>The day the documents are dated by: the visit's, or the planned day before there is one.</summary>
    public DateOnly VisitDate => Review.VisitAt is { } at ? LocalDate(at) : Review.PlannedFor;

    /// <summary>The day in Sweden of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, SwedishCalendar.Zone).DateTime);

    /// <summary>The name a document is downloaded and stored under, without anything a file system or a reader would trip on.</summary>
    public string FileName(string kind)
    {
        var units = UnitNames;
        var unitPart = units.Count switch
        {
            0 => "",
            1 => units[0],
            _ => units[0] + " m.fl.",
        };
        var name = string.Join(' ', new[] { kind, Review.CaseNumber, unitPart }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var safe = DocumentText.Safe(name).Replace('/', '-').Replace('\\', '-').ReplaceLineEndings(" ");
        return FileStore.SanitiseFileName(safe + ".docx") ?? kind + ".docx";
    }

    /// <summary>Lists the participants of each side, with their titles.</summary>
    public void WriteParticipants(WordDocument document)
    {
        document.Heading(2, "Deltagare");
        if (Review.Participants.Count == 0)
        {
            document.Paragraph("Inga deltagare har registrerats.");
            return;
        }
        foreach (var side in Enum.GetValues<ParticipantSide>())
        {
            var people = Review.Participants.Where(p => p.Side == side).OrderBy(p => p.Name, StringComparer.Create(SwedishText.Culture, ignoreCase: true)).ToList();
            if (people.Count == 0)
            {
                continue;
            }
            document.Heading(3, side == ParticipantSide.Municipality ? "Från kommunen" : $"Från anordnaren ({ProviderName})")
                .Bullets(people.Select(p => string.IsNullOrWhiteSpace(p.Title) ? p.Name : $"{p.Name}, {p.Title}"));
        }
    }

    public static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " och " + list[^1];
    }
}
