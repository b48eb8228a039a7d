using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Conditions;

/// <summary>A condition in a list, with the title of the version in force on the list's date (or its first, if none is yet).</summary>
public sealed record ConditionRow
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public ConditionScope Scope { get; init; }
    public string? Part { get; init; }
    public string? ChoiceSystemName { get; init; }
    public string? Title { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public int VersionCount { get; init; }
}

public sealed record ConditionVersionView(
    int Number, DateOnly ValidFrom, string? DecisionReference, string Title, string Text, IReadOnlyList<string> ControlPoints,
    IReadOnlyList<FollowUpOccasion> FollowUpOccasions, IReadOnlyList<SanctionType> Sanctions, IReadOnlyList<QualityAreaRef> QualityAreas);

public sealed record ConditionDetails(
    Guid Id, ConditionScope Scope, Guid? ChoiceSystemId, string? ChoiceSystemName, string Code, string? Part,
    ConditionVersionView? InForce, IReadOnlyList<ConditionVersionView> Versions, int Version)
{
    public ConditionVersionView Latest => Versions[0];
}

/// <summary>The conditions in force for one choice system (general and specific), or the general ones alone.</summary>
public sealed record ConditionSet(Guid? ChoiceSystemId, string? ChoiceSystemName, string? CommitteeName, DateOnly Date, IReadOnlyList<ConditionSetItem> Items)
{
    public IEnumerable<IGrouping<string, ConditionSetItem>> ByPart =>
        Items.GroupBy(i => i.Scope == ConditionScope.General ? "Generella villkor" : i.Part ?? "Specifika villkor");
}

public sealed record ConditionSetItem(Guid Id, string Code, ConditionScope Scope, string? Part, ConditionVersionView Version);

/// <summary>What a person sends to create a condition or to add a new version of one.</summary>
public sealed record ConditionInput(
    ConditionScope? Scope, Guid? ChoiceSystemId, string? Code, string? Part, DateOnly? ValidFrom, string? DecisionReference, string? Title,
    [DataType(DataType.MultilineText)] string? Text, IReadOnlyList<string>? ControlPoints, IReadOnlyList<FollowUpOccasion>? FollowUpOccasions, IReadOnlyList<SanctionType>? Sanctions,
    IReadOnlyList<Guid>? QualityAreaIds, int Version = 0);

/// <summary>Reads conditions and adds them and their versions; the pages, the public pages, the plans and <c>/api/v1/conditions</c> call it.</summary>
public sealed class ConditionsHandler(AppDbContext db, ConditionsInForce inForce)
{
    public static readonly SortColumns<ConditionRow> Sort = new SortColumns<ConditionRow>("code")
        .Add("code", c => c.Code)
        .Add("title", c => c.Title)
        .Add("choiceSystem", c => c.ChoiceSystemName)
        .Add("part", c => c.Part)
        .Add("validFrom", c => c.ValidFrom);

    public Task<PagedList<ConditionRow>> ListAsync(ListQuery list, Guid? choiceSystemId, bool generalOnly, DateOnly date, CancellationToken cancellationToken)
    {
        var conditions = db.Conditions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(list.Search))
        {
            var pattern = SearchText.Pattern(list.Search);
            // Codes are upper case (A.1, G4); the folded search text is lower case.
            var codePattern = pattern.ToUpperInvariant();
            conditions = conditions.Where(c => EF.Functions.Like(c.Code, codePattern, "\\")
                || c.Versions.Any(v => EF.Functions.Like(EF.Property<string>(v, SearchText.Column), pattern, "\\")));
        }
        if (generalOnly)
        {
            conditions = conditions.Where(c => c.ChoiceSystemId == null);
        }
        else if (choiceSystemId is { } id)
        {
            conditions = conditions.Where(c => c.ChoiceSystemId == id);
        }
        // The version shown is the one in force on the date, else the first one to come. Title and date are each a scalar
        // subquery, so that the list can be sorted by them (a whole version picked by ?? cannot be ordered by in SQL).
        return conditions
            .Select(c => new ConditionRow
            {
                Id = c.Id,
                Code = c.Code,
                Scope = c.Scope,
                Part = c.Part,
                ChoiceSystemName = c.ChoiceSystem != null ? c.ChoiceSystem.Name : null,
                Title = c.Versions.Where(v => v.ValidFrom <= date).OrderByDescending(v => v.ValidFrom).Select(v => v.Title).FirstOrDefault()
                    ?? c.Versions.OrderBy(v => v.ValidFrom).Select(v => v.Title).FirstOrDefault(),
                ValidFrom = c.Versions.Where(v => v.ValidFrom <= date).OrderByDescending(v => v.ValidFrom).Select(v => (DateOnly?)v.ValidFrom).FirstOrDefault()
                    ?? c.Versions.OrderBy(v => v.ValidFrom).Select(v => (DateOnly?)v.ValidFrom).FirstOrDefault(),
                VersionCount = c.Versions.Count,
            })
            .ToPageAsync(list, Sort, c => c.Id, cancellationToken);
    }

    public async Task<ConditionDetails?> GetAsync(Guid id, DateOnly date, CancellationToken cancellationToken)
    {
        var condition = await db.Conditions.AsNoTracking().AsSplitQuery()
            .Include(c => c.ChoiceSystem).Include(c => c.Versions).ThenInclude(v => v.ControlPoints)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (condition is null)
        {
            return null;
        }
        var areas = await QualityAreaNamesAsync(cancellationToken);
        var inForce = condition.VersionOn(date);
        return new ConditionDetails(
            condition.Id, condition.Scope, condition.ChoiceSystemId, condition.ChoiceSystem?.Name, condition.Code, condition.Part,
            inForce is null ? null : View(inForce, areas),
            [.. condition.Versions.OrderByDescending(v => v.Number).Select(v => View(v, areas))], condition.Version);
    }

    /// <summary>The version of condition <paramref name="id"/> in force on <paramref name="date"/>; null if the condition is unknown or had none yet.</summary>
    public async Task<(bool Found, ConditionVersionView? Version)> VersionOnAsync(Guid id, DateOnly date, CancellationToken cancellationToken) =>
        await GetAsync(id, date, cancellationToken) is { } details ? (true, details.InForce) : (false, null);

    /// <summary>The general conditions and, for a choice system, its specific ones, each in the version in force on <paramref name="date"/>.</summary>
    public async Task<ConditionSet?> SetAsync(Guid? choiceSystemId, DateOnly date, CancellationToken cancellationToken)
    {
        string? choiceName = null, committeeName = null;
        if (choiceSystemId is { } id)
        {
            var choice = await db.ChoiceSystems.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new { c.Name, Committee = c.Committee!.Name }).FirstOrDefaultAsync(cancellationToken);
            if (choice is null)
            {
                return null;
            }
            (choiceName, committeeName) = (choice.Name, choice.Committee);
        }
        var areas = await QualityAreaNamesAsync(cancellationToken);
        var conditions = await LoadSetAsync(choiceSystemId, cancellationToken);
        var items = conditions
            .Select(c => (Condition: c, Version: c.VersionOn(date)))
            .Where(x => x.Version is not null)
            .OrderBy(x => x.Condition.Scope).ThenBy(x => x.Condition.Part, StringComparer.Ordinal).ThenBy(x => x.Condition.Code, StringComparer.Ordinal)
            .Select(x => new ConditionSetItem(x.Condition.Id, x.Condition.Code, x.Condition.Scope, x.Condition.Part, View(x.Version!, areas)))
            .ToList();
        return new ConditionSet(choiceSystemId, choiceName, committeeName, date, items);
    }

    public async Task<SaveResult> SaveAsync(Guid? id, ConditionInput input, CancellationToken cancellationToken)
    {
        var condition = id is null ? null : await db.Conditions.Include(c => c.Versions).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (id is not null && condition is null)
        {
            return SaveResult.Missing();
        }

        var check = new Validation();
        string code = condition?.Code ?? "";
        if (condition is null)
        {
            code = check.Required(nameof(ConditionInput.Code), "villkorets kod", input.Code, 40);
            if (input.Scope is not { } scope || !Enum.IsDefined(scope))
            {
                check.Add(nameof(ConditionInput.Scope), "Välj om villkoret är generellt eller specifikt för ett kundval.");
            }
            else if (scope == ConditionScope.Specific && input.ChoiceSystemId is null)
            {
                check.Add(nameof(ConditionInput.ChoiceSystemId), "Välj det kundval som det specifika villkoret gäller.");
            }
            else if (scope == ConditionScope.Specific && !await db.ChoiceSystems.AnyAsync(c => c.Id == input.ChoiceSystemId, cancellationToken))
            {
                check.Add(nameof(ConditionInput.ChoiceSystemId), "Kundvalet finns inte.");
            }
            var choiceSystemId = input.Scope == ConditionScope.Specific ? input.ChoiceSystemId : null;
            if (code.Length > 0 && await db.Conditions.AnyAsync(c => c.ChoiceSystemId == choiceSystemId && c.Code == code, cancellationToken))
            {
                check.Add(nameof(ConditionInput.Code), $"Det finns redan ett villkor med koden {code} i samma villkorssamling.");
            }
        }
        var part = check.Optional(nameof(ConditionInput.Part), "del", input.Part);
        var title = check.Required(nameof(ConditionInput.Title), "rubrik", input.Title);
        var text = check.Required(nameof(ConditionInput.Text), "villkorets text", input.Text, 4000);
        var decision = check.Optional(nameof(ConditionInput.DecisionReference), "beslut", input.DecisionReference);
        var controlPoints = (input.ControlPoints ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (controlPoints.Any(p => p.Length > 4000))
        {
            check.Add(nameof(ConditionInput.ControlPoints), "En kontrollpunkt får vara högst 4 000 tecken.");
        }
        var occasions = (input.FollowUpOccasions ?? []).Distinct().ToList();
        var sanctions = (input.Sanctions ?? []).Distinct().ToList();
        if (occasions.Any(o => !Enum.IsDefined(o)) || sanctions.Any(s => !Enum.IsDefined(s)))
        {
            check.Add(nameof(ConditionInput.FollowUpOccasions), "Ett av de valda uppföljningstillfällena eller sanktionerna finns inte.");
        }
        var areaIds = (input.QualityAreaIds ?? []).Distinct().ToList();
        if (areaIds.Except(QualityArea.All.Select(a => a.Id)).Any())
        {
            check.Add(nameof(ConditionInput.QualityAreaIds), "Ett av de valda kvalitetsområdena finns inte.");
        }
        if (input.ValidFrom is null)
        {
            check.Add(nameof(ConditionInput.ValidFrom), "Ange från vilket datum versionen gäller.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }

        if (condition is null)
        {
            condition = new Condition
            {
                Code = code,
                Scope = input.Scope!.Value,
                ChoiceSystemId = input.Scope == ConditionScope.Specific ? input.ChoiceSystemId : null,
            };
            db.Conditions.Add(condition);
        }
        else
        {
            db.ExpectVersion(condition, input.Version);
        }
        condition.Part = part;
        var version = new ConditionVersion
        {
            ValidFrom = input.ValidFrom!.Value,
            DecisionReference = decision,
            Title = title,
            Text = text,
            FollowUpOccasions = [.. occasions.Order()],
            Sanctions = [.. sanctions.Order()],
            QualityAreaIds = areaIds,
        };
        version.ControlPoints.AddRange(controlPoints.Select((p, i) => new ControlPoint { Position = i + 1, Text = p }));
        if (condition.AddVersion(version) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        return await db.SaveOrConflictAsync(condition.Id, cancellationToken);
    }

    private async Task<Dictionary<Guid, string>> QualityAreaNamesAsync(CancellationToken cancellationToken) =>
        await db.QualityAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

    private Task<List<Condition>> LoadSetAsync(Guid? choiceSystemId, CancellationToken cancellationToken) =>
        inForce.ApplyingTo(choiceSystemId).AsSplitQuery().Include(c => c.Versions).ThenInclude(v => v.ControlPoints).ToListAsync(cancellationToken);

    private static ConditionVersionView View(ConditionVersion v, Dictionary<Guid, string> areas) => new(
        v.Number, v.ValidFrom, v.DecisionReference, v.Title, v.Text, [.. v.ControlPoints.OrderBy(p => p.Position).Select(p => p.Text)],
        [.. v.FollowUpOccasions.Order()], [.. v.Sanctions.Order()],
        [.. v.QualityAreaIds.Where(areas.ContainsKey).Select(a => new QualityAreaRef(a, areas[a]))]);
}
