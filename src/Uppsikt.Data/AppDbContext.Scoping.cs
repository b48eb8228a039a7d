using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;

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

    /// <summary>Units by where they sit, without the unit filter: what the district rule reads (decision 0024).</summary>
    private DbSet<UnitPlacement> UnitPlacements => Set<UnitPlacement>();

    /// <summary>
    /// The district rule (decision 0024), the one place it is written: a unit is a district user's when the unit's
    /// administration is the user's district. Every filter's district part is this rule applied through a link below.
    /// </summary>
    private Expression<Func<UnitPlacement, bool>> InMyDistrict => p => p.AdministrationId == ScopeAdministrationId;

    /// <summary>
    /// A record is the district's when some unit in the district is linked to it as <paramref name="link"/> says. The
    /// scope's kind is asked first, outside the subquery, so other scopes' queries never run it.
    /// </summary>
    private Expression<Func<T, bool>> HasUnitInMyDistrict<T>(Expression<Func<T, UnitPlacement, bool>> link)
    {
        var placement = link.Parameters[1];
        var inMyDistrict = InMyDistrict;
        var rule = new Substitution(inMyDistrict.Parameters[0], placement).Visit(inMyDistrict.Body);
        var predicate = Expression.Lambda<Func<UnitPlacement, bool>>(Expression.AndAlso(rule, link.Body), placement);
        Expression<Func<bool>> isDistrict = () => ScopeKind == AccessScopeKind.District;
        Expression<Func<IQueryable<UnitPlacement>>> placements = () => UnitPlacements;
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(UnitPlacement)], placements.Body, Expression.Quote(predicate));
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(isDistrict.Body, any), link.Parameters[0]);
    }

    /// <summary>Unit-level records (and units themselves) follow their unit.</summary>
    private Expression<Func<T, bool>> UnitInMyDistrict<T>(Expression<Func<T, Guid>> unit) =>
        HasUnitInMyDistrict(Link<T>(unit, nameof(UnitPlacement.Id)));

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

    /// <summary>The other scopes' conditions or the district's: <c>x =&gt; others(x) || district(x)</c>.</summary>
    private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> others, Expression<Func<T, bool>> district)
    {
        var body = new Substitution(district.Parameters[0], others.Parameters[0]).Visit(district.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(others.Body, body), others.Parameters[0]);
    }

    private void ApplyScopeFilters(ModelBuilder builder)
    {
        // Read from the units table as it is; never a table of its own, so migrations leave it alone.
        builder.Entity<UnitPlacement>().HasNoKey().ToTable((string?)null).ToSqlQuery("""SELECT "Id", "ProviderId", "AdministrationId" FROM "Units" """);

        // Every district part below is the one rule of decision 0024: units and unit-level records follow their unit; providers
        // and provider-level records are the district's when the provider has a unit there. The filters read unit placements,
        // never a filtered set that reads them back, so they cannot cycle (EF expands filters into each other without end).
        builder.Entity<Provider>().HasQueryFilter(Or<Provider>(p =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && p.Id == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.Public && p.Authorisations.Any(a => a.Status == AuthorisationStatus.Active)),
            ProviderInMyDistrict<Provider>(p => p.Id)));
        builder.Entity<Unit>().HasQueryFilter(Or<Unit>(u =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && u.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.Public && u.ClosedOn == null
                && Authorisations.Any(a => a.ProviderId == u.ProviderId && a.Status == AuthorisationStatus.Active)),
            UnitInMyDistrict<Unit>(u => u.Id)));
        builder.Entity<Authorisation>().HasQueryFilter(Or<Authorisation>(a =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && a.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.Public && a.Status == AuthorisationStatus.Active),
            ProviderInMyDistrict<Authorisation>(a => a.ProviderId)));
        builder.Entity<ProviderPerson>().HasQueryFilter(Or<ProviderPerson>(p =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && p.ProviderId == ScopeProviderId),
            ProviderInMyDistrict<ProviderPerson>(p => p.ProviderId)));
        builder.Entity<Subcontractor>().HasQueryFilter(Or<Subcontractor>(s =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && s.ProviderId == ScopeProviderId),
            ProviderInMyDistrict<Subcontractor>(s => s.ProviderId)));

        // Evidence is about individual service users (rule 9): never public; a provider sees its own units', a district its units'.
        builder.Entity<Complaint>().HasQueryFilter(Or<Complaint>(c =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && c.Unit!.ProviderId == ScopeProviderId),
            UnitInMyDistrict<Complaint>(c => c.UnitId)));
        builder.Entity<CaseWorkerObservation>().HasQueryFilter(Or<CaseWorkerObservation>(o =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && o.Unit!.ProviderId == ScopeProviderId),
            UnitInMyDistrict<CaseWorkerObservation>(o => o.UnitId)));
        builder.Entity<Incident>().HasQueryFilter(Or<Incident>(i =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && i.Unit!.ProviderId == ScopeProviderId),
            UnitInMyDistrict<Incident>(i => i.UnitId)));
        // A file is served only after its matter's own check; this filter keeps another provider's files out of every list. A file
        // of no provider is the municipality's own and follows its matter alone.
        builder.Entity<StoredFile>().HasQueryFilter(Or<StoredFile>(f =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && f.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.District && f.ProviderId == null),
            ProviderInMyDistrict<StoredFile>(f => f.ProviderId!.Value)));
        // A unit's results follow its unit; the public sees none (indicator results are not published, decision 0008).
        builder.Entity<Outcome>().HasQueryFilter(Or<Outcome>(o =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && o.Unit!.ProviderId == ScopeProviderId),
            UnitInMyDistrict<Outcome>(o => o.UnitId)));
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
        // Nothing of a review is public yet.
        builder.Entity<Review>().HasQueryFilter(Or<Review>(r =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && r.ProviderId == ScopeProviderId && Review.VisibleToProvider.Contains(r.State)),
            HasUnitInMyDistrict<Review>((r, placement) => r.Units.Any(u => u.UnitId == placement.Id))));
        // Not through Reviews: the review's own filter reaches through its units (a district's reviews), and filters must not
        // cycle (EF expands them into each other without end). A unit link follows its unit instead; read a review's units
        // through the review, which is filtered, never the links alone (a provider's link rows include unpublished reviews').
        builder.Entity<ReviewUnit>().HasQueryFilter(Or<ReviewUnit>(u =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && u.Unit!.ProviderId == ScopeProviderId),
            UnitInMyDistrict<ReviewUnit>(u => u.UnitId)));
        // A finding is about one unit: a district reads those of its units only, as it reads only its units of the review.
        builder.Entity<ReviewFinding>().HasQueryFilter(Or<ReviewFinding>(
            f => ScopeKind != AccessScopeKind.District && Reviews.Any(r => r.Id == f.ReviewId),
            UnitInMyDistrict<ReviewFinding>(f => f.UnitId)));
        builder.Entity<ReviewResponse>().HasQueryFilter(x => Reviews.Any(r => r.Id == x.ReviewId));
        builder.Entity<ReviewStep>().HasQueryFilter(s => Reviews.Any(r => r.Id == s.ReviewId));
        builder.Entity<ReviewParticipant>().HasQueryFilter(p => Reviews.Any(r => r.Id == p.ReviewId));
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
