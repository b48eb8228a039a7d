using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Checklists;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Documents;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Reviews.Documents;

/// <summary>A review's document as it is downloaded: a DOCX and the name it is offered under.</summary>
public sealed record ReviewDocumentFile(byte[] Content, string FileName)
{
    public string ContentType => WordDocument.ContentType;
}

/// <summary>
/// A review's documents: the report (<see cref="ReviewReport"/>) and the meeting notes (<see cref="ReviewMeetingNotes"/>), written from
/// the review as the acting user may see it — every read goes through the scoped <see cref="AppDbContext"/>, so a provider user
/// finds only its own provider's communicated, final or closed reviews, and never an interview note. Each document is loaded in
/// a fixed number of queries, however many findings, participants and responses the review has. Once the report is final,
/// <see cref="StoreFinalAsync"/> keeps it as a stored file of the review, and that stored document is what is served after.
/// </summary>
public sealed class ReviewDocuments(
    AppDbContext db, Checklists checklists, ConditionsInForce conditions, FileStore files, ICurrentActor actor, IConfiguration configuration)
{
    /// <summary>The setting whose municipality heads the documents: the one the accessibility statement names.</summary>
    public const string MunicipalitySetting = "Accessibility:Municipality";

    /// <summary>The report for the acting user: the stored final report when there is one, otherwise written now; null when hidden.</summary>
    public async Task<ReviewDocumentFile?> ReportAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        var found = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId)
            .Select(r => new
            {
                r.Id,
                StoredId = db.StoredFiles.Where(f => f.OwnerType == FinalReportFiles.OwnerType && f.OwnerId == r.Id)
                .OrderBy(f => f.UploadedAt).Select(f => (Guid?)f.Id).FirstOrDefault()
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        if (found.StoredId is { } storedId && await ReadStoredAsync(storedId, cancellationToken) is { } kept)
        {
            return kept;
        }
        return await LoadAsync(reviewId, withInterviewNotes: false, cancellationToken) is { } source
            ? new ReviewDocumentFile(ReviewReport.Write(source), ReviewReport.FileName(source))
            : null;
    }

    /// <summary>
    /// The meeting notes for the acting user; null when hidden. The municipality's copy has the interview notes unless
    /// <paramref name="forProvider"/> asks for the copy to hand the provider; a provider user never gets them.
    /// </summary>
    public async Task<ReviewDocumentFile?> MeetingNotesAsync(Guid reviewId, bool forProvider, CancellationToken cancellationToken)
    {
        var withNotes = !forProvider && actor.Scope.Kind is AccessScopeKind.Unrestricted or AccessScopeKind.District;
        return await LoadAsync(reviewId, withNotes, cancellationToken) is { } source
            ? new ReviewDocumentFile(ReviewMeetingNotes.Write(source, withNotes), ReviewMeetingNotes.FileName(source, withNotes))
            : null;
    }

    /// <summary>
    /// Keeps the final report as it was finalised: a stored file of the review (owner <see cref="FinalReportFiles.OwnerType"/>),
    /// served from then on instead of a newly written one. Call it once the finalisation is saved; it saves nothing else the
    /// context tracks besides the file's record (audited). A second call finds the stored report and stores nothing. Refused
    /// while the report is not final.
    /// </summary>
    public async Task<SaveResult> StoreFinalAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        var found = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId)
            .Select(r => new
            {
                r.State,
                StoredId = db.StoredFiles.Where(f => f.OwnerType == FinalReportFiles.OwnerType && f.OwnerId == r.Id)
                .OrderBy(f => f.UploadedAt).Select(f => (Guid?)f.Id).FirstOrDefault()
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return SaveResult.Missing();
        }
        if (found.State is not (ReviewState.Final or ReviewState.Closed))
        {
            return SaveResult.Refused(Refusal.WrongState("Rapporten kan sparas som slutlig först när den har fastställts."));
        }
        if (found.StoredId is { } storedId)
        {
            return SaveResult.Saved(storedId);
        }
        if (await LoadAsync(reviewId, withInterviewNotes: false, cancellationToken) is not { } source)
        {
            return SaveResult.Missing();
        }
        using var content = new MemoryStream(ReviewReport.Write(source));
        var name = ReviewReport.FileName(source);
        return await files.StoreAsync(FinalReportFiles.OwnerType, reviewId, source.Review.ProviderId, name, FileContentCheck.ForExtension(name)!,
            content, actor.DisplayName, cancellationToken);
    }

    private async Task<ReviewDocumentFile?> ReadStoredAsync(Guid fileId, CancellationToken cancellationToken)
    {
        if (await files.OpenAsync(fileId, cancellationToken) is not { } file)
        {
            return null;
        }
        await using (file.Content)
        {
            using var copy = new MemoryStream();
            await file.Content.CopyToAsync(copy, cancellationToken);
            return new ReviewDocumentFile(copy.ToArray(), file.FileName);
        }
    }

    /// <summary>The review and everything its documents show, in a fixed number of queries; null when the actor may not see it.</summary>
    private async Task<ReviewDocumentSource?> LoadAsync(Guid reviewId, bool withInterviewNotes, CancellationToken cancellationToken)
    {
        var query = db.Reviews.AsNoTracking().AsSplitQuery()
            .Include(r => r.Provider)
            .Include(r => r.ChoiceSystem)
            .Include(r => r.Units).ThenInclude(u => u.Unit)
            .Include(r => r.Participants)
            .Include(r => r.Findings)
            .Include(r => r.Responses);
        var review = withInterviewNotes
            ? await query.Include(r => r.Notes).FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken)
            : await query.FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return null;
        }
        var questions = review.ChecklistId is { } checklistId && review.Findings.Count > 0
            ? (await checklists.QuestionsAsync(checklistId, cancellationToken)).ToDictionary(q => q.Id)
            : new Dictionary<Guid, TemplateQuestion>();
        var versions = await conditions.VersionsByIdAsync(review.Findings.SelectMany(f => f.ConditionVersionIds), cancellationToken);
        var municipality = configuration[MunicipalitySetting];
        return new ReviewDocumentSource(review, string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim(), questions, versions);
    }
}

/// <summary>
/// The stored final reports as matters of the file store: a file is served to whoever may see its review (the query filter
/// decides), and no one adds or removes one by hand — the final report is kept as it was.
/// </summary>
public sealed class FinalReportFiles(AppDbContext db) : IFileMatters
{
    public const string OwnerType = "ReviewReport";

    string IFileMatters.OwnerType => OwnerType;

    public async Task<FileMatter?> FindAsync(Guid ownerId, CancellationToken cancellationToken) =>
        await db.Reviews.AsNoTracking().Where(r => r.Id == ownerId).Select(r => new FileMatter(r.ProviderId, false)).FirstOrDefaultAsync(cancellationToken);
}
