using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Web.Infrastructure.Checklists;

/// <summary>A checklist version as a review sees it.</summary>
public sealed record ChecklistRef(Guid Id, string Title, int Year, ReviewType Type);

/// <summary>
/// What reviews read of the checklists (decision 0020): a checklist is a quality report template with a review type, kept
/// and edited by the templates feature; reviews find the version in force and read its questions here.
/// </summary>
public sealed class Checklists(AppDbContext db)
{
    /// <summary>
    /// The activated checklist for the choice system and review type with the latest year up to <paramref name="on"/>'s. A
    /// type with no checklist of its own uses the choice system's quality review checklist: seed 002 has called and targeted
    /// reviews use "relevanta metoder och frågeställningar från kvalitetsgranskning".
    /// </summary>
    public async Task<ChecklistRef?> InForceAsync(Guid choiceSystemId, ReviewType type, DateOnly on, CancellationToken cancellationToken) =>
        await LatestAsync(choiceSystemId, type, on, cancellationToken)
        ?? (type == ReviewType.QualityReview ? null : await LatestAsync(choiceSystemId, ReviewType.QualityReview, on, cancellationToken));

    private Task<ChecklistRef?> LatestAsync(Guid choiceSystemId, ReviewType type, DateOnly on, CancellationToken cancellationToken) =>
        db.QualityReportTemplates.AsNoTracking()
            .Where(t => t.ChoiceSystemId == choiceSystemId && t.ReviewType == type && t.State == TemplateState.Active && t.Year <= on.Year)
            .OrderByDescending(t => t.Year)
            .Select(t => new ChecklistRef(t.Id, t.Title, t.Year, type))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A checklist's questions in the order the reviewer meets them; empty for an id that is no checklist.</summary>
    public async Task<List<TemplateQuestion>> QuestionsAsync(Guid checklistId, CancellationToken cancellationToken) =>
        await db.TemplateQuestions.AsNoTracking()
            .Where(q => q.TemplateId == checklistId && db.QualityReportTemplates.Any(t => t.Id == checklistId && t.ReviewType != null))
            .OrderBy(q => q.Position)
            .ToListAsync(cancellationToken);

    /// <summary>A question as a finding needs it.</summary>
    public static FindingQuestion ForFinding(TemplateQuestion question) => new(question.Id, question.TemplateId, question.Code, question.Section);
}
