using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Plans;

namespace Uppsikt.Web.Infrastructure.Conditions;

public sealed record QualityAreaRef(Guid Id, string Name);

/// <summary>
/// One version of a condition: its id, the condition's code, the version's number, title and text and the day it took effect,
/// and which condition (of which choice system, none for a general one) it is a version of.
/// </summary>
public sealed record ConditionVersionRef(Guid VersionId, Guid ConditionId, Guid? ChoiceSystemId, string Code, int Number, string Title, string Text, DateOnly ValidFrom)
{
    /// <summary>Where the condition stands on the public page of the conditions in force, open to anyone.</summary>
    public string PublicUrl => ChoiceSystemId is { } choice ? $"/Public/Conditions/{choice}#c-{ConditionId}" : $"/Public/Conditions#c-{ConditionId}";

    internal static ConditionVersionRef Of(Condition condition, ConditionVersion version) =>
        new(version.Id, condition.Id, condition.ChoiceSystemId, condition.Code, version.Number, version.Title, version.Text, version.ValidFrom);
}

/// <summary>
/// What other features read of the conditions: which apply to a choice system, which of them are in force during a year
/// (what a plan must cover, what a report template and an attestation ask about), and the quality areas. The conditions
/// feature keeps and edits them; the rest read them here, so no feature reaches into another's folder.
/// </summary>
public sealed class ConditionsInForce(AppDbContext db)
{
    /// <summary>The conditions that apply to a choice system: the council's general ones and its own specific ones (only the general ones for none).</summary>
    public IQueryable<Condition> ApplyingTo(Guid? choiceSystemId) =>
        db.Conditions.AsNoTracking().Where(c => c.ChoiceSystemId == null || (choiceSystemId != null && c.ChoiceSystemId == choiceSystemId));

    /// <summary>The conditions a plan for the choice system must cover: each in the version in force at some point of <paramref name="year"/>.</summary>
    public async Task<List<ConditionInForce>> DuringAsync(Guid choiceSystemId, int year, CancellationToken cancellationToken) =>
        [.. (await InForceDuringAsync(choiceSystemId, year, cancellationToken))
            .Select(x => new ConditionInForce(x.Condition.Id, x.Condition.Code, x.Version.Title, x.Version.FollowUpOccasions))];

    /// <summary>The same conditions as <see cref="DuringAsync"/>, each as the version it names, with its text: what an attestation for the year asks about.</summary>
    public async Task<List<ConditionVersionRef>> VersionsDuringAsync(Guid choiceSystemId, int year, CancellationToken cancellationToken) =>
        [.. (await InForceDuringAsync(choiceSystemId, year, cancellationToken)).Select(x => ConditionVersionRef.Of(x.Condition, x.Version))];

    private async Task<IEnumerable<(Condition Condition, ConditionVersion Version)>> InForceDuringAsync(Guid choiceSystemId, int year, CancellationToken cancellationToken)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        return (await ApplyingTo(choiceSystemId).Include(c => c.Versions).ToListAsync(cancellationToken))
            .Select(c => (Condition: c, Version: c.VersionOn(yearEnd)))
            .Where(x => x.Version is not null)
            .Select(x => (x.Condition, x.Version!));
    }

    /// <summary>
    /// The versions in force on <paramref name="on"/> of the given conditions, by condition: what a review's finding names on
    /// the visit's date. A condition with no version in force then is left out.
    /// </summary>
    public async Task<Dictionary<Guid, ConditionVersionRef>> VersionsOnAsync(IEnumerable<Guid> conditionIds, DateOnly on, CancellationToken cancellationToken)
    {
        var ids = conditionIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var conditions = await db.Conditions.AsNoTracking().Include(c => c.Versions).Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        return conditions.Select(c => (Condition: c, Version: c.VersionOn(on)))
            .Where(x => x.Version is not null)
            .ToDictionary(x => x.Condition.Id, x => ConditionVersionRef.Of(x.Condition, x.Version!));
    }

    /// <summary>
    /// Condition versions by their ids, with their condition's code: what a stored finding names, read back for its report. An id
    /// that is no version is left out.
    /// </summary>
    public async Task<Dictionary<Guid, ConditionVersionRef>> VersionsByIdAsync(IEnumerable<Guid> versionIds, CancellationToken cancellationToken)
    {
        var ids = versionIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        return await db.ConditionVersions.AsNoTracking().Where(v => ids.Contains(v.Id))
            .Join(db.Conditions, v => v.ConditionId, c => c.Id, (v, c) => new ConditionVersionRef(v.Id, c.Id, c.ChoiceSystemId, c.Code, v.Number, v.Title, v.Text, v.ValidFrom))
            .ToDictionaryAsync(v => v.VersionId, cancellationToken);
    }

    /// <summary>
    /// The versions in force at the end of <paramref name="year"/> of the given conditions, by condition: the wording a report or
    /// an attestation for the year asks about, as <see cref="DuringAsync"/> names them.
    /// </summary>
    public Task<Dictionary<Guid, ConditionVersionRef>> VersionsOfYearAsync(IEnumerable<Guid> conditionIds, int year, CancellationToken cancellationToken) =>
        VersionsOnAsync(conditionIds, new DateOnly(year, 12, 31), cancellationToken);

    /// <summary>The quality areas in their fixed order.</summary>
    public async Task<List<QualityAreaRef>> QualityAreasAsync(CancellationToken cancellationToken) =>
        await db.QualityAreas.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new QualityAreaRef(a.Id, a.Name)).ToListAsync(cancellationToken);
}
