using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Uppsikt.Domain.Commissions;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.QualityBonus;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Referrals;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reports;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Risk;
using Uppsikt.Domain.Sanctions;

namespace Uppsikt.Data;

/// <summary>
/// Scoping (decision 0002): queries on provider data are filtered by the actor's <see cref="AccessScope"/>; and a
/// context whose actor is unknown — outside a request, with no system actor declared — refuses every command
/// (decision 0016).
/// </summary>
public sealed partial class AppDbContext
{
    /// <summary>Matches no filter: what the filters see when nobody acts, before <see cref="ActorRequired"/> refuses the command.</summary>
    private const AccessScopeKind NoScope = (AccessScopeKind)(-1);

    // The query filters read these per query, so one compiled model serves every caller.
    private AccessScopeKind ScopeKind => actor.IsKnown ? actor.Scope.Kind : NoScope;

    private Guid? ScopeProviderId => actor.IsKnown ? actor.Scope.ProviderId : null;

    private Guid? ScopeAdministrationId => actor.IsKnown ? actor.Scope.AdministrationId : null;

    /// <summary>
    /// The authorisation status the public may see through (active), and null for every other caller: compared with the status,
    /// which is never null, EF Core leaves the public's rules out of the SQL of everyone else (as <see cref="UnitPlacement"/>'s remark says).
    /// </summary>
    private AuthorisationStatus? PublicSees => actor.IsKnown && actor.Scope.Kind == AccessScopeKind.Public ? AuthorisationStatus.Active : null;

    /// <summary>Throws when nobody is acting: the context neither queries nor saves for an unknown actor.</summary>
    public void RefuseWithoutActor()
    {
        if (!actor.IsKnown)
        {
            throw new InvalidOperationException(
                "The database context has no actor: there is no web request and no system actor was declared. "
                + "Code outside a request (jobs, verbs, seeding, imports) must run in a scope from CreateSystemScope.");
        }
    }

    /// <summary>Units by where they sit, without the unit filter: what the district and provider rules read (decision 0024).</summary>
    private DbSet<UnitPlacement> UnitPlacements => Set<UnitPlacement>();

    /// <summary>Authorisations' providers and statuses, without the authorisation filter: what the public rules read.</summary>
    private DbSet<AuthorisationStanding> AuthorisationStandings => Set<AuthorisationStanding>();

    /// <summary>The units each review covers, without the links' filter: what the review's district rule reads.</summary>
    private DbSet<ReviewCoverage> ReviewCoverages => Set<ReviewCoverage>();

    /// <summary>The units of the matters stances belong to, without the matters' filters: what the stances' district rule reads.</summary>
    private DbSet<MatterUnit> MatterUnits => Set<MatterUnit>();

    /// <summary>
    /// The district rule (decision 0024), the one place it is written: a unit is a district user's when the unit's
    /// administration is the user's district. Every filter's district part is this rule applied through a link below.
    /// </summary>
    private Expression<Func<UnitPlacement, bool>> InMyDistrict => p => p.AdministrationId == ScopeAdministrationId;

    /// <summary>The provider rule for what hangs on a unit: the unit is the provider user's own provider's.</summary>
    private Expression<Func<UnitPlacement, bool>> OfMyProvider => p => p.ProviderId == ScopeProviderId;

    /// <summary>
    /// A record is the district's when some unit in the district is linked to it as <paramref name="link"/> says.
    /// </summary>
    private Expression<Func<T, bool>> HasUnitInMyDistrict<T>(Expression<Func<T, UnitPlacement, bool>> link) =>
        HasPlacement(() => ScopeKind == AccessScopeKind.District, InMyDistrict, link);

    /// <summary>
    /// <c>x =&gt; scope() &amp;&amp; UnitPlacements.Any(p =&gt; rule(p) &amp;&amp; link(x, p))</c>. The scope's kind is asked first, outside
    /// the subquery, so other scopes' queries never run it.
    /// </summary>
    private Expression<Func<T, bool>> HasPlacement<T>(
        Expression<Func<bool>> scope, Expression<Func<UnitPlacement, bool>> rule, Expression<Func<T, UnitPlacement, bool>> link)
    {
        var placement = link.Parameters[1];
        var ruleBody = new Substitution(rule.Parameters[0], placement).Visit(rule.Body);
        var predicate = Expression.Lambda<Func<UnitPlacement, bool>>(Expression.AndAlso(ruleBody, link.Body), placement);
        Expression<Func<IQueryable<UnitPlacement>>> placements = () => UnitPlacements;
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(UnitPlacement)], placements.Body, Expression.Quote(predicate));
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(scope.Body, any), link.Parameters[0]);
    }

    /// <summary>Unit-level records (and units themselves) follow their unit.</summary>
    private Expression<Func<T, bool>> UnitInMyDistrict<T>(Expression<Func<T, Guid>> unit) =>
        HasUnitInMyDistrict(Link<T>(unit, nameof(UnitPlacement.Id)));

    /// <summary>
    /// A unit-level record is a provider user's when its unit is the provider's. Read from the unit's placement, not through
    /// the record's unit: the navigation would bring the unit's whole filter into every query of the record.
    /// </summary>
    private Expression<Func<T, bool>> UnitOfMyProvider<T>(Expression<Func<T, Guid>> unit) =>
        HasPlacement(() => ScopeKind == AccessScopeKind.Provider, OfMyProvider, Link<T>(unit, nameof(UnitPlacement.Id)));

    /// <summary>Providers and provider-level records: the district's when the provider has at least one unit in the district.</summary>
    private Expression<Func<T, bool>> ProviderInMyDistrict<T>(Expression<Func<T, Guid>> provider) =>
        HasUnitInMyDistrict(Link<T>(provider, nameof(UnitPlacement.ProviderId)));

    /// <summary>(record, placement) =&gt; placement.<paramref name="property"/> == id of the record.</summary>
    private static Expression<Func<T, UnitPlacement, bool>> Link<T>(Expression<Func<T, Guid>> id, string property)
    {
        var placement = Expression.Parameter(typeof(UnitPlacement), "placement");
        var side = Expression.Property(placement, property);
        var value = side.Type == id.Body.Type ? id.Body : Expression.Convert(id.Body, side.Type);
        return Expression.Lambda<Func<T, UnitPlacement, bool>>(Expression.Equal(side, value), id.Parameters[0], placement);
    }

    /// <summary>Any of the scopes' conditions: <c>x =&gt; first(x) || second(x) || …</c>.</summary>
    private static Expression<Func<T, bool>> Or<T>(params Expression<Func<T, bool>>[] parts)
    {
        var parameter = parts[0].Parameters[0];
        var body = parts.Skip(1).Aggregate(parts[0].Body,
            (either, part) => Expression.OrElse(either, new Substitution(part.Parameters[0], parameter).Visit(part.Body)));
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    /// <summary>Both conditions: <c>x =&gt; first(x) &amp;&amp; second(x)</c>.</summary>
    private static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> first, Expression<Func<T, bool>> second) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.AndAlso(first.Body, new Substitution(second.Parameters[0], first.Parameters[0]).Visit(second.Body)), first.Parameters[0]);

    private void ApplyScopeFilters(ModelBuilder builder)
    {
        // Read from their tables as they are; never tables of their own, so migrations leave them alone.
        builder.Entity<UnitPlacement>().HasNoKey().ToTable((string?)null).ToSqlQuery(
            """SELECT "Id", COALESCE("ProviderId", '00000000-0000-0000-0000-000000000000') AS "ProviderId", COALESCE("AdministrationId", '00000000-0000-0000-0000-000000000000') AS "AdministrationId" FROM "Units" """);
        builder.Entity<AuthorisationStanding>().HasNoKey().ToTable((string?)null).ToSqlQuery("""SELECT "ProviderId", "Status" FROM "Authorisations" """);
        builder.Entity<ReviewCoverage>().HasNoKey().ToTable((string?)null).ToSqlQuery("""SELECT "ReviewId", "UnitId" FROM "ReviewUnits" """);
        builder.Entity<MatterUnit>().HasNoKey().ToTable((string?)null).ToSqlQuery(
            """SELECT "Id" AS "MatterId", "UnitId" FROM "Incidents" UNION ALL SELECT "Id", "UnitId" FROM "Complaints" UNION ALL SELECT "Id", "UnitId" FROM "Deficiencies" """);

        // Every district part below is the one rule of decision 0024: units and unit-level records follow their unit; providers
        // and provider-level records are the district's when the provider has a unit there. The filters read the unfiltered
        // placements, standings and coverages, never a filtered set or a navigation to one: such a set would expand its own
        // filter into theirs, which makes every query's SQL many times longer and can cycle (EF expands without end).
        builder.Entity<Provider>().HasQueryFilter(Or<Provider>(p =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && p.Id == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.Public && AuthorisationStandings.Any(a => a.ProviderId == p.Id && a.Status == PublicSees)),
            ProviderInMyDistrict<Provider>(p => p.Id)));
        builder.Entity<Unit>().HasQueryFilter(Or<Unit>(u =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && u.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.Public && u.ClosedOn == null
                && AuthorisationStandings.Any(a => a.ProviderId == u.ProviderId && a.Status == PublicSees)),
            UnitInMyDistrict<Unit>(u => u.Id)));
        builder.Entity<Authorisation>().HasQueryFilter(Or<Authorisation>(a =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && a.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.Public && a.Status == PublicSees),
            ProviderInMyDistrict<Authorisation>(a => a.ProviderId)));
        builder.Entity<ProviderPerson>().HasQueryFilter(Or<ProviderPerson>(p =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && p.ProviderId == ScopeProviderId),
            ProviderInMyDistrict<ProviderPerson>(p => p.ProviderId)));
        builder.Entity<Subcontractor>().HasQueryFilter(Or<Subcontractor>(s =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && s.ProviderId == ScopeProviderId),
            ProviderInMyDistrict<Subcontractor>(s => s.ProviderId)));

        // Evidence is about individual service users (rule 9): never public; a provider sees its own units', a district its units'.
        builder.Entity<Complaint>().HasQueryFilter(Or<Complaint>(
            c => ScopeKind == AccessScopeKind.Unrestricted, UnitOfMyProvider<Complaint>(c => c.UnitId), UnitInMyDistrict<Complaint>(c => c.UnitId)));
        builder.Entity<CaseWorkerObservation>().HasQueryFilter(Or<CaseWorkerObservation>(
            o => ScopeKind == AccessScopeKind.Unrestricted, UnitOfMyProvider<CaseWorkerObservation>(o => o.UnitId), UnitInMyDistrict<CaseWorkerObservation>(o => o.UnitId)));
        builder.Entity<Incident>().HasQueryFilter(Or<Incident>(
            i => ScopeKind == AccessScopeKind.Unrestricted, UnitOfMyProvider<Incident>(i => i.UnitId), UnitInMyDistrict<Incident>(i => i.UnitId)));
        // A file is served only after its matter's own check; this filter keeps another provider's files out of every list. A file
        // of no provider is the municipality's own and follows its matter alone.
        builder.Entity<StoredFile>().HasQueryFilter(Or<StoredFile>(f =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && f.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.District && f.ProviderId == null),
            ProviderInMyDistrict<StoredFile>(f => f.ProviderId!.Value)));
        // A unit's results follow its unit; the public sees a unit's whole-year results only for an indicator and year released for
        // publication (decision 0044, revisiting 0008). Small groups are suppressed by the pages and files that publish them, which
        // know the configured minimum; the units themselves stay filtered by the unit filter of each query's join.
        builder.Entity<Outcome>().HasQueryFilter(Or<Outcome>(
            o => ScopeKind == AccessScopeKind.Unrestricted
                || (ScopeKind == AccessScopeKind.Public && o.PeriodKind == PeriodKind.Year
                    && ResultReleases.Any(r => r.IndicatorId == o.IndicatorId && r.Year == o.Year)),
            UnitOfMyProvider<Outcome>(o => o.UnitId), UnitInMyDistrict<Outcome>(o => o.UnitId)));
        // The portal is between the municipality's editors and one provider (decisions 0013, 0024): a provider sees its own;
        // districts and the public nothing, whichever district the provider's units are in.
        builder.Entity<PortalMessage>().HasQueryFilter(m =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && m.ProviderId == ScopeProviderId));
        builder.Entity<PortalDocument>().HasQueryFilter(d =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && d.ProviderId == ScopeProviderId));
        builder.Entity<Attestation>().HasQueryFilter(a =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && a.ProviderId == ScopeProviderId));
        builder.Entity<DutyToInformReport>().HasQueryFilter(r =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && r.ProviderId == ScopeProviderId));
        // A quality report is its provider's: never public; a district reads those of providers with a unit in the district.
        builder.Entity<QualityReport>().HasQueryFilter(Or<QualityReport>(r =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && r.ProviderId == ScopeProviderId),
            ProviderInMyDistrict<QualityReport>(r => r.ProviderId)));

        // A review is between the municipality and one provider, who sees it only once its report is communicated (rule 5):
        // never a plan or a draft. A district sees the reviews of its units, and of those only its units' parts (below).
        // The public sees that a review became final or closed (decision 0044): the pages that publish one read only its date, type
        // and overall result, never its text or people.
        builder.Entity<Review>().HasQueryFilter(Or<Review>(r =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && r.ProviderId == ScopeProviderId && Review.VisibleToProvider.Contains(r.State))
            || (ScopeKind == AccessScopeKind.Public && (r.State == ReviewState.Final || r.State == ReviewState.Closed)),
            HasUnitInMyDistrict<Review>((r, placement) => ReviewCoverages.Any(c => c.ReviewId == r.Id && c.UnitId == placement.Id))));
        // Not through Reviews: the review's own filter reaches through its units (a district's reviews), and filters must not
        // cycle (EF expands them into each other without end). A unit link follows its unit instead; read a review's units
        // through the review, which is filtered, never the links alone (a provider's link rows include unpublished reviews').
        builder.Entity<ReviewUnit>().HasQueryFilter(Or<ReviewUnit>(
            u => ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Public && Reviews.Any(r => r.Id == u.ReviewId)),
            UnitOfMyProvider<ReviewUnit>(u => u.UnitId), UnitInMyDistrict<ReviewUnit>(u => u.UnitId)));
        // A finding is about one unit: a district reads those of its units only, as it reads only its units of the review.
        builder.Entity<ReviewFinding>().HasQueryFilter(Or<ReviewFinding>(
            f => ScopeKind != AccessScopeKind.District && ScopeKind != AccessScopeKind.Public && Reviews.Any(r => r.Id == f.ReviewId),
            UnitInMyDistrict<ReviewFinding>(f => f.UnitId)));
        // Of a review the public reads the review itself only (its date, type and result): never its findings, answers, steps or people.
        builder.Entity<ReviewResponse>().HasQueryFilter(x => ScopeKind != AccessScopeKind.Public && Reviews.Any(r => r.Id == x.ReviewId));
        builder.Entity<ReviewStep>().HasQueryFilter(s => ScopeKind != AccessScopeKind.Public && Reviews.Any(r => r.Id == s.ReviewId));
        builder.Entity<ReviewParticipant>().HasQueryFilter(p => ScopeKind != AccessScopeKind.Public && Reviews.Any(r => r.Id == p.ReviewId));
        // A stored timeline entry (decision 0027) follows its unit, and says itself whether a provider or a district may read it:
        // what the record it comes from lets them see, decided by its source when it writes the entry.
        builder.Entity<UnitTimelineEntry>().HasQueryFilter(Or<UnitTimelineEntry>(
            e => ScopeKind == AccessScopeKind.Unrestricted,
            And(UnitOfMyProvider<UnitTimelineEntry>(e => e.UnitId), e => e.VisibleToProvider),
            And(UnitInMyDistrict<UnitTimelineEntry>(e => e.UnitId), e => e.VisibleToDistrict)));
        // An action plan and its deficiencies are between the municipality and the unit's provider, who sees them from the start
        // (they come from a final report or a matter handed to it); a district sees its units'. Their parts follow the plan.
        builder.Entity<ActionPlan>().HasQueryFilter(Or<ActionPlan>(p =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && p.ProviderId == ScopeProviderId),
            UnitInMyDistrict<ActionPlan>(p => p.UnitId)));
        builder.Entity<Deficiency>().HasQueryFilter(Or<Deficiency>(d =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && d.ProviderId == ScopeProviderId),
            UnitInMyDistrict<Deficiency>(d => d.UnitId)));
        builder.Entity<PlannedAction>().HasQueryFilter(a => ActionPlans.Any(p => p.Id == a.ActionPlanId));
        builder.Entity<ActionPlanStep>().HasQueryFilter(s => ActionPlans.Any(p => p.Id == s.ActionPlanId));
        builder.Entity<DeficiencyVerification>().HasQueryFilter(v => Deficiencies.Any(d => d.Id == v.DeficiencyId));
        // A sanction is the municipality's matter until the committee has decided it; the provider then reads the decision (rule 3),
        // and the public that it was decided, its kind and date only (decision 0044).
        builder.Entity<Sanction>().HasQueryFilter(Or<Sanction>(s =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && s.ProviderId == ScopeProviderId && s.State == SanctionState.Decided)
            || (ScopeKind == AccessScopeKind.Public && s.State == SanctionState.Decided),
            UnitInMyDistrict<Sanction>(s => s.UnitId)));
        // Its steps (the group manager's assessment among them) are the municipality's working record, never the provider's.
        builder.Entity<SanctionStep>().HasQueryFilter(s => ScopeKind != AccessScopeKind.Provider && ScopeKind != AccessScopeKind.Public && Sanctions.Any(x => x.Id == s.SanctionId));
        // The council board's commissions are the municipality's own matters: never a provider's.
        builder.Entity<Commission>().HasQueryFilter(c => ScopeKind != AccessScopeKind.Provider);
        builder.Entity<CommissionStep>().HasQueryFilter(s => ScopeKind != AccessScopeKind.Provider);
        builder.Entity<CouncilReviewDecision>().HasQueryFilter(d => ScopeKind != AccessScopeKind.Provider);
        // An annual report covers every unit of its committee: the staff's, and the public's once the committee has decided it.
        builder.Entity<AnnualReport>().HasQueryFilter(r =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Public && r.State == AnnualReportState.Decided));
        // Bonus models are the municipality's planning material (decision 0043): never a provider's.
        builder.Entity<BonusModel>().HasQueryFilter(m => ScopeKind != AccessScopeKind.Provider);
        builder.Entity<BonusCriterion>().HasQueryFilter(c => ScopeKind != AccessScopeKind.Provider);
        builder.Entity<BonusScenario>().HasQueryFilter(s => ScopeKind != AccessScopeKind.Provider);
        // Risk is the municipality's working material (decision 0031): never a provider's.
        builder.Entity<RiskMatrix>().HasQueryFilter(m => ScopeKind == AccessScopeKind.Unrestricted || ScopeKind == AccessScopeKind.District);
        builder.Entity<RiskWeight>().HasQueryFilter(w => ScopeKind == AccessScopeKind.Unrestricted || ScopeKind == AccessScopeKind.District);
        builder.Entity<RiskAnalysis>().HasQueryFilter(a => ScopeKind == AccessScopeKind.Unrestricted || ScopeKind == AccessScopeKind.District);
        builder.Entity<ReviewSelection>().HasQueryFilter(r => ScopeKind == AccessScopeKind.Unrestricted || ScopeKind == AccessScopeKind.District);
        builder.Entity<RiskItem>().HasQueryFilter(i => RiskAnalyses.Any(a => a.Id == EF.Property<Guid>(i, "AnalysisId")));
        builder.Entity<RiskReassessment>().HasQueryFilter(r => RiskAnalyses.Any(a => a.Id == EF.Property<Guid>(r, "AnalysisId")));
        builder.Entity<SelectionItem>().HasQueryFilter(i => ReviewSelections.Any(x => x.Id == i.SelectionId));
        builder.Entity<SelectionPool>().HasQueryFilter(p => ReviewSelections.Any(x => x.Id == p.SelectionId));
        // Stances on referral are the municipality's internal record (decision 0029): never a provider's nor the public's; a
        // district reads those of its units' matters, through the matters' unfiltered units.
        builder.Entity<ReferralStance>().HasQueryFilter(Or<ReferralStance>(
            r => ScopeKind == AccessScopeKind.Unrestricted,
            HasUnitInMyDistrict<ReferralStance>((r, placement) => MatterUnits.Any(m =>
                (m.MatterId == r.IncidentId || m.MatterId == r.ComplaintId || m.MatterId == r.DeficiencyId) && m.UnitId == placement.Id))));
        // Interview notes may tell of individual service users: the municipality's working material, never the provider's.
        builder.Entity<InterviewNote>().HasQueryFilter(n =>
            (ScopeKind == AccessScopeKind.Unrestricted || ScopeKind == AccessScopeKind.District) && Reviews.Any(r => r.Id == n.ReviewId));
    }

    /// <summary>Puts one expression where a parameter stood: how the rule is spliced into each filter.</summary>
    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }

    /// <summary>Refuses every command of a context whose actor is unknown: queries, saves, raw SQL and migrations alike.</summary>
    private sealed class ActorRequired : DbCommandInterceptor
    {
        public static readonly ActorRequired Instance = new();

        public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result)
        {
            (eventData.Context as AppDbContext)?.RefuseWithoutActor();
            return result;
        }
    }
}
