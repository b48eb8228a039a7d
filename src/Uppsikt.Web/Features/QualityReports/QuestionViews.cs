using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.QualityReports;

namespace Uppsikt.Web.Features.QualityReports;

/// <summary>A template's question as the report and template pages and the API read it, with the codes of the conditions it follows up.</summary>
public sealed record QuestionView(
    Guid Id, string Section, string Code, string Text, string? HelpText, QuestionKind Kind, IReadOnlyList<string> Choices, bool Required,
    IReadOnlyList<Guid> ConditionIds, IReadOnlyList<string> ConditionCodes, string? ShownWhenCode, string? ShownWhenAnswer)
{
    /// <summary>The note shown by a conditional question, for a reader without the script that hides it.</summary>
    public string? ShownWhenNote => ShownWhenCode is null ? null : $"Besvaras bara om svaret på fråga {ShownWhenCode} är ”{ShownWhenAnswer}”.";
}

public static class QuestionViews
{
    /// <summary>The template's questions in order, each with its conditions' codes.</summary>
    public static async Task<IReadOnlyList<QuestionView>> ReadAsync(AppDbContext db, QualityReportTemplate template, CancellationToken cancellationToken)
    {
        var conditionIds = template.Questions.SelectMany(q => q.ConditionIds).Distinct().ToList();
        var codes = await db.Conditions.AsNoTracking().Where(c => conditionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        return [.. template.Ordered.Select(q => new QuestionView(q.Id, q.Section, q.Code, q.Text, q.HelpText, q.Kind, q.Choices, q.Required, q.ConditionIds,
            [.. q.ConditionIds.Where(codes.ContainsKey).Select(c => codes[c]).Order(StringComparer.Ordinal)], q.ShownWhenCode, q.ShownWhenAnswer))];
    }
}
