using System.Globalization;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Reviews.Visit;

/// <summary>How the visit's pages say times and values in Swedish.</summary>
public static class VisitText
{
    /// <summary>The instant in Swedish time.</summary>
    public static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, SwedishCalendar.Zone).DateTime;

    /// <summary>"14:05", Swedish time: what "Sparat" says.</summary>
    public static string Clock(DateTimeOffset at) => Local(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The visit in one line: how, when and where.</summary>
    public static string Describe(VisitReview review) => review.VisitMode == VisitMode.None
        ? VisitMode.None.Name()
        : string.Join(", ", new[] { review.VisitMode.Name(), review.VisitAt is { } at ? SwedishText.Instant(at) : "tid inte bestämd", review.VisitPlace }
            .Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>A measured value as Swedish readers write it: 87,5.</summary>
    public static string Number(double value) => value.ToString("0.##", SwedishText.Culture);

    /// <summary>"3 av 18 frågor bedömda": the progress through the checklist at a unit.</summary>
    public static string Progress(int assessed, int total) =>
        total == 1 ? $"{assessed} av 1 fråga bedömd" : $"{assessed.ToString(SwedishText.Culture)} av {total.ToString(SwedishText.Culture)} frågor bedömda";
}

/// <summary>One kind of evidence as the preparation page shows it, with its heading and its name in the singular and plural.</summary>
public sealed record EvidenceSection(string Heading, string One, string Many, EvidenceSummary Summary, string UnitName, string Since);
