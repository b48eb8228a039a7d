using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Features.Reviews.Documents;
using Uppsikt.Web.Features.Sanctions;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Reported;

/// <summary>A final review report in the list.</summary>
public sealed record ReportedReviewRow
{
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    public ReviewType Type { get; init; }
    public required string ProviderName { get; init; }
    public required string ChoiceSystemName { get; init; }
    public DateOnly? FinalisedOn { get; init; }
    public Assessment? Result { get; init; }
}

/// <summary>A deficiency as the final report states it.</summary>
public sealed record ReportedFinding(string Area, string QuestionCode, Assessment Assessment, string? Observation, string? RequiredAction, int? FixWithinMonths);

/// <summary>A final review report as the committee reads it: the facts, the summary, the overall result and the deficiencies found.</summary>
public sealed record ReportedReview(
    Guid Id, string Title, ReviewType Type, string? CaseNumber, string ProviderName, IReadOnlyList<string> UnitNames, string ChoiceSystemName,
    string CommitteeName, ReviewState State, DateOnly? FinalisedOn, Assessment? Result, string? Summary, IReadOnlyList<ReportedFinding> Deficiencies);

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
/// What has been reported to the committee besides its plans (decision 0036): the final review reports of the reviews in its
/// choice systems and the sanctions it has decided. Each is narrowed once, in <see cref="FinalReviews"/> and
/// <see cref="DecidedSanctions"/>, which the pages, the API and the start page all read through.
/// </summary>
public sealed class ReportedHandler(AppDbContext db, ReviewDocuments documents, SanctionsHandler sanctions, ICurrentActor actor)
{
    public static readonly SortColumns<ReportedReviewRow> ReportSort = new SortColumns<ReportedReviewRow>("finalised")
        .Add("finalised", r => r.FinalisedOn)
        .Add("title", r => r.Title)
        .Add("type", r => r.Type)
        .Add("provider", r => r.ProviderName)
        .Add("result", r => r.Result);

    public static readonly SortColumns<DecidedSanctionRow> SanctionSort = new SortColumns<DecidedSanctionRow>("decided")
        .Add("decided", s => s.DecidedOn)
        .Add("title", s => s.Title)
        .Add("unit", s => s.UnitName)
        .Add("provider", s => s.ProviderName)
        .Add("type", s => s.Type);

    /// <summary>
    /// The reviews whose report is final (final or closed) that the actor reads: for one who reads only what is reported, its own
    /// committee's, by the choice system the review was made in; none for one without a committee, as reports are not published.
    /// </summary>
    public IQueryable<Review> FinalReviews()
    {
        var reviews = db.Reviews.AsNoTracking().Where(r => r.State == ReviewState.Final || r.State == ReviewState.Closed);
        var (every, committee) = ReportedTo();
        return every ? reviews : reviews.Where(r => r.ChoiceSystem!.CommitteeId == committee);
    }

    /// <summary>The sanctions decided (not proposals, not "no sanction") that the actor reads, narrowed as <see cref="FinalReviews"/>.</summary>
    public IQueryable<Sanction> DecidedSanctions()
    {
        var decided = db.Sanctions.AsNoTracking().Where(s => s.State == SanctionState.Decided);
        var (every, committee) = ReportedTo();
        return every ? decided : decided.Where(s => s.CommitteeId == committee);
    }

    public Task<PagedList<ReportedReviewRow>> ReportsAsync(ListQuery list, CancellationToken cancellationToken)
    {
        var reviews = FinalReviews();
        if (!string.IsNullOrWhiteSpace(list.Search))
        {
            var pattern = SearchText.Pattern(list.Search);
            reviews = reviews.Where(r => EF.Functions.Like(EF.Property<string>(r, SearchText.Column), pattern, "\\")
                || EF.Functions.Like(EF.Property<string>(r.Provider!, SearchText.Column), pattern, "\\")
                || r.Units.Any(u => EF.Functions.Like(EF.Property<string>(u.Unit!, SearchText.Column), pattern, "\\")));
        }
        return reviews
            .Select(r => new ReportedReviewRow
            {
                Id = r.Id,
                Title = r.Title,
                Type = r.Type,
                ProviderName = r.Provider!.Name,
                ChoiceSystemName = r.ChoiceSystem!.Name,
                FinalisedOn = r.FinalisedOn,
                Result = r.Result,
            })
            .ToPageAsync(list, ReportSort, r => r.Id, cancellationToken);
    }

    public async Task<ReportedReview?> ReportAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await FinalReviews().AsSplitQuery()
            .Include(r => r.Provider).Include(r => r.ChoiceSystem).ThenInclude(c => c!.Committee).Include(r => r.Units).ThenInclude(u => u.Unit)
            .Include(r => r.Findings)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return null;
        }
        return new ReportedReview(
            review.Id, review.Title, review.Type, review.CaseNumber, review.Provider?.Name ?? "",
            [.. review.Units.Select(u => u.Unit?.Name ?? "").Order(StringComparer.CurrentCulture)],
            review.ChoiceSystem?.Name ?? "", review.ChoiceSystem?.Committee?.Name ?? "", review.State, review.FinalisedOn, review.Result, review.Summary,
            [.. review.Findings.Where(f => f.IsDeficiency).OrderByDescending(f => f.Assessment).ThenBy(f => f.Area, StringComparer.CurrentCulture)
                .ThenBy(f => f.QuestionCode, StringComparer.Ordinal)
                .Select(f => new ReportedFinding(f.Area, f.QuestionCode, f.Assessment!.Value, f.Observation, f.RequiredAction, f.FixWithinMonths))]);
    }

    /// <summary>The final report as a Word document, as it was kept when finalised; null when the actor does not read it.</summary>
    public async Task<ReviewDocumentFile?> ReportFileAsync(Guid id, CancellationToken cancellationToken) =>
        await FinalReviews().AnyAsync(r => r.Id == id, cancellationToken) ? await documents.ReportAsync(id, cancellationToken) : null;

    public Task<PagedList<DecidedSanctionRow>> SanctionsAsync(ListQuery list, CancellationToken cancellationToken)
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
            .ToPageAsync(list, SanctionSort, s => s.Id, cancellationToken);
    }

    public async Task<DecidedSanction?> SanctionAsync(Guid id, CancellationToken cancellationToken)
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

    /// <summary>
    /// Whose reports the actor reads: every committee's for the staff; for one who reads only what is reported, its own
    /// committee's, and none when it has no committee (a null committee matches no row).
    /// </summary>
    private (bool Every, Guid? Committee) ReportedTo() =>
        actor.ReadsOnlyWhatIsReported() ? (false, actor.OnlyCommittee()) : (true, null);
}
