using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Documents;

namespace Uppsikt.Web.Features.Reviews.Documents;

/// <summary>
/// Minnesanteckningar from the review's visit: case number, date, place or digital meeting, participants, method and the
/// meeting notes. The municipality's own copy adds the interview notes grouped by whom the interviews were with; a copy for the
/// provider never has them, as they may tell of individual service users (decision 0020, rule 9).
/// </summary>
public static class ReviewMeetingNotes
{
    public const string Kind = "Minnesanteckningar";

    public static string FileName(ReviewDocumentSource source, bool withInterviewNotes) =>
        source.FileName(withInterviewNotes ? Kind + " kommunens exemplar" : Kind);

    /// <param name="withInterviewNotes">The municipality's copy, with the interview notes; never for the provider.</param>
    public static byte[] Write(ReviewDocumentSource source, bool withInterviewNotes)
    {
        var review = source.Review;
        var (unitLabel, unitNames) = source.Units;
        var document = new WordDocument()
            .Header($"{source.Heading} · {Kind} · Dnr {source.CaseNumberText}")
            .Strong(source.Heading)
            .Title(Kind)
            .Heading(1, review.Title)
            .Labelled("Diarienummer", source.CaseNumberText)
            .Labelled("Typ av granskning", review.Type.Name())
            .Labelled("Anordnare", source.ProviderName)
            .Labelled(unitLabel, unitNames)
            .Labelled("Datum", SwedishText.Date(source.VisitDate))
            .Labelled(review.VisitMode == VisitMode.Digital ? "Digitalt möte" : "Plats", Place(review))
            .Labelled("Antecknat av", review.LeadName);

        source.WriteParticipants(document);
        document.Heading(2, "Metod")
            .Paragraph(string.IsNullOrWhiteSpace(review.Method) ? "Metoden har inte beskrivits." : review.Method);
        document.Heading(2, "Anteckningar")
            .Paragraph(string.IsNullOrWhiteSpace(review.MeetingNotes) ? "Inga minnesanteckningar har skrivits." : review.MeetingNotes);

        if (withInterviewNotes)
        {
            document.Heading(2, "Intervjuanteckningar")
                .Strong("Kommunens arbetsmaterial. Lämnas inte ut till anordnaren: anteckningarna kan gälla enskilda personer.");
            if (review.Notes.Count == 0)
            {
                document.Paragraph("Inga intervjuanteckningar har skrivits.");
            }
            foreach (var group in Enum.GetValues<InterviewGroup>())
            {
                var notes = review.Notes.Where(n => n.Group == group).OrderBy(n => n.WrittenAt).ToList();
                if (notes.Count == 0)
                {
                    continue;
                }
                document.Heading(3, group.Name());
                foreach (var note in notes)
                {
                    document.Labelled(SwedishText.Date(ReviewDocumentSource.LocalDate(note.WrittenAt)), note.WrittenByName).Paragraph(note.Text);
                }
            }
        }
        return document.ToBytes($"{Kind} {source.CaseNumberText} {review.Title}");
    }

    private static string Place(Review review) => review.VisitMode switch
    {
        VisitMode.None => "Granskningen gjordes utan besök.",
        VisitMode.Digital => string.IsNullOrWhiteSpace(review.VisitPlace) ? "Digitalt besök" : review.VisitPlace,
        _ => string.IsNullOrWhiteSpace(review.VisitPlace) ? "–" : review.VisitPlace,
    };
}
