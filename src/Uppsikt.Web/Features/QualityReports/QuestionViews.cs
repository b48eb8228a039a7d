using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure.Conditions;

namespace Uppsikt.Web.Features.QualityReports;

/// <summary>
/// A template's question as the report and template pages and the API read it, with the codes of the conditions it follows up
/// and those conditions in the version in force in the template's year.
/// </summary>
public sealed record QuestionView(
    Guid Id, string Section, string Code, string Text, string? HelpText, QuestionKind Kind, IReadOnlyList<string> Choices, bool Required,
    IReadOnlyList<Guid> ConditionIds, IReadOnlyList<string> ConditionCodes, string? ShownWhenCode, string? ShownWhenAnswer,
    IReadOnlyList<ConditionVersionRef> Conditions)
{
    /// <summary>The note shown by a conditional question, for a reader without the script that hides it.</summary>
    public string? ShownWhenNote => ShownWhenCode is null ? null : $"Besvaras bara om svaret på fråga {ShownWhenCode} är ”{ShownWhenAnswer}”.";
}

public static class QuestionViews
{
    /// <summary>
    /// The template's questions in order, each with its conditions in the version in force at the end of the template's year
    /// (the wording the year's report follows up), read in one query.
    /// </summary>
    public static async Task<IReadOnlyList<QuestionView>> ReadAsync(ConditionsInForce conditions, QualityReportTemplate template, CancellationToken cancellationToken)
    {
        var versions = await conditions.VersionsOfYearAsync(template.Questions.SelectMany(q => q.ConditionIds), template.Year, cancellationToken);
        return [.. template.Ordered.Select(q =>
        {
            var linked = q.ConditionIds.Where(versions.ContainsKey).Select(c => versions[c]).OrderBy(v => v.Code, StringComparer.Ordinal).ToList();
            return new QuestionView(q.Id, q.Section, q.Code, q.Text, q.HelpText, q.Kind, q.Choices, q.Required, q.ConditionIds,
                [.. linked.Select(v => v.Code)], q.ShownWhenCode, q.ShownWhenAnswer, linked);
        })];
    }
}
