using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Sanctions.Decided;

/// <summary>A sanction the committee decided, in the list.</summary>
public sealed record DecidedSanctionRow
{
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    public required string UnitName { get; init; }
    public required string ProviderName { get; init; }
    public SanctionType Type { get; init; }
    public DateOnly DecidedOn { get; init; }
    public DateOnly? FixBy { get; init; }
}

/// <summary>A deficiency a decided sanction is for, as the decision names it.</summary>
public sealed record DecidedDeficiency(int Number, string Area, Assessment Severity, string Description, string RequiredAction, IReadOnlyList<SanctionCondition> Conditions);

/// <summary>
/// A sanction as the committee decided it and its letter states it: provider, unit, the sanction, the decision, the deadline and,
/// as its grounds, the deficiencies with the conditions they break. Nothing of the deliberation: not the proposal and its
/// motivation, who proposed it, the group manager's assessment or the steps.
/// </summary>
public sealed record DecidedSanction(
    Guid Id, string Title, string ProviderName, string UnitName, string CommitteeName, SanctionType Type, CommitteeDecision Decision, DateOnly? FixBy,
    IReadOnlyList<DecidedDeficiency> Deficiencies);

/// <summary>
/// The sanctions reported to the committee (decision 0036): those it has decided. Narrowed once, in
/// <see cref="DecidedSanctions"/>, which the pages, the API and the start page all read through.
/// </summary>
public sealed class DecidedSanctionsHandler(AppDbContext db, SanctionsHandler sanctions, ICurrentActor actor)
{
    public static readonly SortColumns<DecidedSanctionRow> Sort = new SortColumns<DecidedSanctionRow>("decided")
        .Add("decided", s => s.DecidedOn)
        .Add("title", s => s.Title)
        .Add("unit", s => s.UnitName)
        .Add("provider", s => s.ProviderName)
        .Add("type", s => s.Type);

    /// <summary>
    /// The sanctions decided (not proposals, not "no sanction") that the actor reads: for one who reads only what is reported, its
    /// own committee's, by the deciding committee; none for one without a committee, as sanctions are not published.
    /// </summary>
    public IQueryable<Sanction> DecidedSanctions()
    {
        var decided = db.Sanctions.AsNoTracking().Where(s => s.State == SanctionState.Decided);
        var (every, committee) = actor.ReportedTo();
        return every ? decided : decided.Where(s => s.CommitteeId == committee);
    }

    public Task<PagedList<DecidedSanctionRow>> ListAsync(ListQuery list, CancellationToken cancellationToken)
    {
        var decided = DecidedSanctions();
        if (!string.IsNullOrWhiteSpace(list.Search))
        {
            var pattern = SearchText.Pattern(list.Search);
            // By the matter (the action plan's title and case number), not the sanction's own search text: that holds the
            // proposal's motivation, which is not the decision's.
            decided = decided.Where(s => db.ActionPlans.Any(p => p.Id == s.ActionPlanId && EF.Functions.Like(EF.Property<string>(p, SearchText.Column), pattern, "\\"))
                || EF.Functions.Like(EF.Property<string>(s.Unit!, SearchText.Column), pattern, "\\")
                || EF.Functions.Like(EF.Property<string>(s.Provider!, SearchText.Column), pattern, "\\"));
        }
        return decided
            .Select(s => new DecidedSanctionRow
            {
                Id = s.Id,
                Title = s.Title,
                UnitName = s.Unit!.Name,
                ProviderName = s.Provider!.Name,
                Type = s.DecidedType!.Value,
                DecidedOn = s.DecidedOn!.Value,
                FixBy = s.FixBy,
            })
            .ToPageAsync(list, Sort, s => s.Id, cancellationToken);
    }

    public async Task<DecidedSanction?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await DecidedSanctions().AnyAsync(s => s.Id == id, cancellationToken)
            || await sanctions.GetAsync(id, cancellationToken) is not { DecidedType: { } type, Decision: { } decision } sanction)
        {
            return null;
        }
        return new DecidedSanction(sanction.Id, sanction.Title, sanction.ProviderName, sanction.UnitName, sanction.CommitteeName, type, decision,
            sanction.FixBy,
            [.. sanction.Deficiencies.Select(d => new DecidedDeficiency(d.Number, d.Area, d.Severity, d.Description, d.RequiredAction, d.Conditions))]);
    }
}
