using System.Data.Common;
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

    private void ApplyScopeFilters(ModelBuilder builder)
    {
        // Provider filters never reach through units, so the filters cannot cycle.
        builder.Entity<Provider>().HasQueryFilter(p =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && p.Id == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.Public && p.Authorisations.Any(a => a.Status == AuthorisationStatus.Active)));
        builder.Entity<Unit>().HasQueryFilter(u =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && u.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.District && u.AdministrationId == ScopeAdministrationId)
            || (ScopeKind == AccessScopeKind.Public && u.ClosedOn == null
                && Authorisations.Any(a => a.ProviderId == u.ProviderId && a.Status == AuthorisationStatus.Active)));
        builder.Entity<Authorisation>().HasQueryFilter(a =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && a.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.Public && a.Status == AuthorisationStatus.Active));
        builder.Entity<ProviderPerson>().HasQueryFilter(p =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && p.ProviderId == ScopeProviderId));
        builder.Entity<Subcontractor>().HasQueryFilter(s =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && s.ProviderId == ScopeProviderId));

        // Evidence is about individual service users (rule 9): never public; a provider sees its own units', a district its units'.
        builder.Entity<Complaint>().HasQueryFilter(c =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && c.Unit!.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.District && c.Unit!.AdministrationId == ScopeAdministrationId));
        builder.Entity<CaseWorkerObservation>().HasQueryFilter(o =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && o.Unit!.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.District && o.Unit!.AdministrationId == ScopeAdministrationId));
        builder.Entity<Incident>().HasQueryFilter(i =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && i.Unit!.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.District && i.Unit!.AdministrationId == ScopeAdministrationId));
        // A file is served only after its matter's own check; this filter keeps another provider's files out of every list.
        builder.Entity<StoredFile>().HasQueryFilter(f =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && f.ProviderId == ScopeProviderId));
        // A unit's results follow its unit; the public sees none (indicator results are not published, decision 0008).
        builder.Entity<Outcome>().HasQueryFilter(o =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && o.Unit!.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.District && o.Unit!.AdministrationId == ScopeAdministrationId));
        // The portal is between the municipality and one provider: a provider sees its own, districts and the public nothing.
        builder.Entity<PortalMessage>().HasQueryFilter(m =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && m.ProviderId == ScopeProviderId));
        builder.Entity<PortalDocument>().HasQueryFilter(d =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && d.ProviderId == ScopeProviderId));
        builder.Entity<Attestation>().HasQueryFilter(a =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && a.ProviderId == ScopeProviderId));
        builder.Entity<DutyToInformReport>().HasQueryFilter(r =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && r.ProviderId == ScopeProviderId));
        // A quality report is its provider's: never public; the municipality (districts included) reads them all.
        builder.Entity<QualityReport>().HasQueryFilter(r =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && r.ProviderId == ScopeProviderId));

        // A review is between the municipality and one provider, who sees it only once its report is communicated (rule 5):
        // never a plan or a draft. A district sees the reviews of its units. Nothing of a review is public yet.
        builder.Entity<Review>().HasQueryFilter(r =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && r.ProviderId == ScopeProviderId && Review.VisibleToProvider.Contains(r.State))
            || (ScopeKind == AccessScopeKind.District && r.Units.Any(u => u.Unit!.AdministrationId == ScopeAdministrationId)));
        // The review's filter reaches its units through these rows, so their own filter must not reach back to the review (EF
        // would expand the two filters into each other without end): a row is seen with its unit, by the provider whose unit it
        // is and by every district, which sees the review when one of its units is the district's, and then all of its rows.
        builder.Entity<ReviewUnit>().HasQueryFilter(u =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && u.Unit!.ProviderId == ScopeProviderId));
        builder.Entity<ReviewFinding>().HasQueryFilter(f => Reviews.Any(r => r.Id == f.ReviewId));
        builder.Entity<ReviewResponse>().HasQueryFilter(x => Reviews.Any(r => r.Id == x.ReviewId));
        builder.Entity<ReviewStep>().HasQueryFilter(s => Reviews.Any(r => r.Id == s.ReviewId));
        builder.Entity<ReviewParticipant>().HasQueryFilter(p => Reviews.Any(r => r.Id == p.ReviewId));
        // Interview notes may tell of individual service users: the municipality's working material, never the provider's.
        builder.Entity<InterviewNote>().HasQueryFilter(n =>
            (ScopeKind == AccessScopeKind.Unrestricted || ScopeKind == AccessScopeKind.District) && Reviews.Any(r => r.Id == n.ReviewId));
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
